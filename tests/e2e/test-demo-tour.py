#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real application through its accessibility tree, as a
# broker would. It signs in and opens a company with the keyboard alone,
# creates and checks a profile, and builds a portfolio around it. Then it
# reads the portfolio's contracts in the grid, with the mouse and with keys.
# On each page it also checks that every control a user can reach has an
# accessible name. Prints TAP, one line per step. A step runs only if
# every step before it passed, because each one starts where the
# previous one left the window.
#
# Usage: test-demo-tour.py IWDESK_EXECUTABLE BUILD_ROOT
#
# The tour starts its own Xvfb display, session bus, accessibility bus,
# keyring and iwdesk-sandbox on 127.0.0.1 (tour_session.py), so it needs
# neither build-aux/dev test nor a given place in the suite. Without
# xvfb-run, dbus-run-session, gnome-keyring or pyatspi it prints
# "1..0 # SKIP". Set IWDESK_E2E_SCREENSHOT_DIR to a folder to get a
# picture of the screen where a step fails.
# /usr/bin/python3 runs it because pyatspi is a Debian package.

import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

# The helper modules sit beside this script in the source tree, which the
# tests must not write to.
sys.dont_write_bytecode = True

import tour_session  # noqa: E402
from tour import (ALT_MASK, CONTROL_MASK, KEY_DOWN, KEY_ESCAPE, KEY_LEFT, KEY_RETURN, KEY_TAB, MAX_TABS,  # noqa: E402
                  START_TIMEOUT, STEP_TIMEOUT, StepFailed, Tour)

SCREEN_SIZE = tour_session.SCREEN_SIZE

# The sandbox serves these. Company names come from ImportWeb and are
# never translated, and the test runs in English for the rest.
ACCOUNT_LOGIN = "demo"
ACCOUNT_PASSWORD = "demo"
COMPANY = "ALLIANZ"
COMPANY_LABEL = "Allianz IARD"
PROFILE_ID = "E2EALZ01"
PROFILE_LOGIN = "jdupont"
PROFILE_PASSWORD = "e2e-password"
PORTFOLIO_ID = "E2EPTF"
PORTFOLIO_LABEL = "End-to-end portfolio"
# A column of the demo contracts whose rows are not in order.
SORT_TITLE = "Town"

# The sandbox's robot replies after 3 s (IWD_SANDBOX_DEFAULT_ROBOT_DELAY_MS),
# so contracts get the longest timeout, in seconds.
CONTRACTS_TIMEOUT = 45.0


def check_pyatspi():
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        tour_session.skip_all("python3-pyatspi is not installed, so the accessibility bus cannot be read")


# Gives the application its own home, so the account's profiles and
# portfolios never land in the real one, and sizes its window through a
# GSettings key file there.
def app_environment(build_root, home_root):
    env = dict(os.environ)
    for variable, name in (("HOME", "home"), ("XDG_CONFIG_HOME", "config"),
                           ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                           ("XDG_STATE_HOME", "state")):
        env[variable] = os.path.join(home_root, name)
        os.makedirs(env[variable])

    settings_dir = os.path.join(env["XDG_CONFIG_HOME"], "glib-2.0", "settings")
    os.makedirs(settings_dir)
    with open(os.path.join(settings_dir, "keyfile"), "w", encoding="utf-8") as keyfile:
        keyfile.write("[com/example/IWDesk]\n"
                      f"window-width={SCREEN_SIZE[0]}\n"
                      f"window-height={SCREEN_SIZE[1]}\n")

    env.update({
        "GSETTINGS_BACKEND": "keyfile",
        "GSETTINGS_SCHEMA_DIR": os.path.join(build_root, "data"),
        "IWDESK_LOCALEDIR": os.path.join(build_root, "po"),
        "GTK_A11Y": "atspi",
        "LANG": "C.UTF-8",
        "LANGUAGE": "en",
        "G_DEBUG": "fatal-criticals",
    })
    env.pop("NO_AT_BRIDGE", None)
    return env


# Keeps the pointer off the controls, where it would raise tooltips, but
# inside the main window, which then gets the keys.
def park_pointer(tour):
    tour.atspi.Registry.generateMouseEvent(SCREEN_SIZE[0] - 1, SCREEN_SIZE[1] - 1, tour.atspi.MOUSE_ABS)


def main_window(tour):
    return tour.wait_for(lambda: tour.window("IWDesk"), "main window")


def step_sign_in_shown(tour):
    tour.find_application()
    tour.wait_for(lambda: tour.find(tour.app, role="label", name="Sign In to ImportWeb"),
                  "sign-in page, which shows when no account is stored", START_TIMEOUT)
    park_pointer(tour)


def step_sign_in_names(tour):
    tour.check_names(main_window(tour), "the sign-in page")


def field_text(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


# The keys reach GTK a moment after the registry sends them.
def wait_for_text(tour, field, expected, description):
    try:
        tour.wait_for(lambda: field_text(field) == expected or None, description)
    except StepFailed:
        raise StepFailed(f"{description}: the field contains “{field_text(field)}”, not “{expected}”") from None


# GTK 4.8 reports no focus on the text of an entry. So the keys start from
# the Main Menu button, which comes just before the login field in the
# window's Tab order, and each field is checked for what was typed into
# it. The page was started with --server, so the server is chosen already.
def step_sign_in_keys(tour):
    window = main_window(tour)
    login = tour.wait_for_node(window, "login field", role="text", name="HappyAssur Login")
    password = tour.wait_for_node(window, "password field", role="text", name="Password")
    tour.tab_to("the Main Menu button", role="push button", name="Main Menu")

    tour.key(KEY_TAB)
    tour.type_keys(ACCOUNT_LOGIN)
    tour.key(KEY_TAB)
    tour.type_keys(ACCOUNT_PASSWORD)
    wait_for_text(tour, login, ACCOUNT_LOGIN, "login typed after Tab from the Main Menu button")
    wait_for_text(tour, password, ACCOUNT_PASSWORD, "password typed after a second Tab")

    tour.key(KEY_RETURN)
    tour.wait_for(lambda: tour.find(tour.app, role="label", name=COMPANY),
                  f"“{COMPANY}” card on the companies page after signing in", START_TIMEOUT)


def step_companies_names(tour):
    tour.check_names(tour.find(tour.app, name="IwdCompaniesPage"), "the companies page")


# Ctrl+F reaches the search entry, and Enter opens the first company
# that matches.
def step_company_keys(tour):
    page = tour.find(tour.app, name="IwdCompaniesPage")
    search = tour.wait_for_node(page, "companies' search entry", role="entry", name="Search companies")
    tour.key(ord("f"), CONTROL_MASK)
    tour.type_keys(COMPANY)
    wait_for_text(tour, search, COMPANY, "company typed after Ctrl+F")
    tour.key(KEY_RETURN)

    page = tour.wait_for_node(tour.app, "company page", name="IwdCompanyPage")
    tour.wait_shown(page, f"company page titled “{COMPANY_LABEL}”", role="label", name=COMPANY_LABEL)


def step_company_names(tour):
    tour.check_names(tour.find(tour.app, name="IwdCompanyPage"), "the company page")


def step_profile_form_filled(tour):
    page = tour.find(tour.app, name="IwdCompanyPage")
    tour.press(tour.button(page, "Create a Profile"))

    editor = tour.wait_for(lambda: tour.window("New Profile"), "“New Profile” window")
    tour.type_into(editor, "Profile id *", PROFILE_ID)
    tour.type_into(editor, f"Identifiant {COMPANY} *", PROFILE_LOGIN)
    tour.type_into(editor, "Mot de passe *", PROFILE_PASSWORD)


def step_profile_checked(tour):
    editor = tour.window("New Profile")
    tour.press(tour.button(editor, "Check"))
    tour.wait_for_node(editor, "“ImportWeb accepted these credentials.” status",
                       role="label", name="ImportWeb accepted these credentials.")


def step_profile_saved(tour):
    editor = tour.window("New Profile")
    tour.press(tour.button(editor, "Save"))
    # NOTE: reading the tree while the editor window closes made GTK 4.8
    # crash in its AT-SPI code (a NULL object path) in about one run in
    # four, so the test leaves the window time to go first.
    time.sleep(3.0)
    tour.wait_for(lambda: None if tour.window("New Profile") else True,
                  "closing of the “New Profile” window after Save")

    # The row's title is the profile id, a dash and the company, such as
    # "E2EALZ01 — allianz".
    tour.show_tab("Profiles")
    tour.wait_for_node(tour.app, f"profile “{PROFILE_ID}” on the Profiles page", role="label", contains=PROFILE_ID)


# The portfolio's own tabs include a second "Profiles", so the steps below
# search inside the portfolios page only.
def portfolios_page(tour):
    return tour.wait_for_node(tour.app, "portfolios page", name="IwdPortfoliosPage")


def step_portfolio_created(tour):
    tour.show_tab("Portfolios")
    page = portfolios_page(tour)
    tour.press(tour.button(page, "New Portfolio"))

    form = tour.wait_for_node(page, "new portfolio form", name="IwdPortfolioForm")
    tour.type_into(form, "Portfolio Id", PORTFOLIO_ID)
    tour.type_into(form, "Label", PORTFOLIO_LABEL)
    tour.press(tour.button(form, "Create"))
    # The page then shows the new portfolio, or the list that contains it.
    tour.wait_shown(page, f"portfolio “{PORTFOLIO_LABEL}” on the page", role="label", contains=PORTFOLIO_LABEL)


def step_profile_added(tour):
    page = portfolios_page(tour)
    view = tour.find(page, name="IwdPortfolioView")
    if view is None or not tour.is_shown(view):
        tour.click(tour.wait_shown(page, f"portfolio “{PORTFOLIO_LABEL}” in the list",
                                   role="label", contains=PORTFOLIO_LABEL))
        view = tour.wait_shown(page, "portfolio view", name="IwdPortfolioView")

    tour.show_tab("Profiles", root=view)
    profiles_tab = tour.wait_for_node(view, "profiles tab of the portfolio", name="IwdPortfolioProfilesTab")
    # The drop-down offers the profiles not yet in the portfolio, once it
    # has loaded them, and the new profile is the only one.
    tour.wait_for_node(profiles_tab, f"profile “{PROFILE_ID}” in the drop-down", role="label", contains=PROFILE_ID)
    tour.press(tour.button(profiles_tab, "Add an Existing Profile"))

    members = tour.wait_for_node(profiles_tab, "list of the portfolio's profiles",
                                 role="list", name="Profiles of the portfolio")
    tour.wait_for_node(members, f"profile “{PROFILE_ID}” in the portfolio", role="label", contains=PROFILE_ID)


# The grid is the column view of the table view. Its first row contains the
# column titles, and the list that follows contains the rows of data.
# Each tab of a portfolio has its own table view, so this takes the one
# on screen.
# A stack page hidden after it was shown can keep its size, so among
# the grids with a size, one in the showing state comes first.
def find_table_view(tour):
    views = [view for view in filter(tour.matcher(name="IwdTableView"), tour.descendants(tour.app))
             if tour.is_shown(view)]
    showing = [view for view in views if view.getState().contains(tour.atspi.STATE_SHOWING)]
    return (showing or views or [None])[0]


# The grid's rows, from the top of the screen down. GTK 4.8 reuses row
# widgets as the grid scrolls or sorts, so their order in the tree differs
# from the screen. Rows set aside stay in the tree with no size.
def find_data_rows(tour):
    table_view = find_table_view(tour)
    grid = tour.find(table_view, role="tree table") if table_view is not None else None
    data = tour.find(grid, role="list") if grid is not None else None
    rows = [row for row in data if row is not None] if data is not None else []
    placed = [(row_top(tour, row), row) for row in rows]
    shown = [(top, row) for top, row in placed if top is not None]
    return [row for _top, row in sorted(shown, key=lambda pair: pair[0])]


def row_top(tour, row):
    try:
        _x, y, width, height = row.queryComponent().getExtents(tour.atspi.WINDOW_COORDS)
    except Exception:
        return None
    return y if width > 0 and height > 0 else None


# The status line under the grid reads "N of M rows".
def count_rows(tour, table_view=None):
    table_view = table_view or find_table_view(tour)
    if table_view is None:
        return 0
    status = tour.find(table_view, role="label", contains=" rows")
    match = re.fullmatch(r"(\d+) of (\d+) rows", status.name) if status is not None else None
    return int(match.group(1)) if match else 0


def portfolio_view(tour):
    return tour.wait_shown(portfolios_page(tour), "portfolio view", name="IwdPortfolioView")


# TODO: this step failed in 6 of 8 runs on a loaded two-core machine:
# the open Contracts tab kept its empty state after the Profiles tab
# added a profile. The portfolio reopened from the list shows the
# contracts, so the steps after it still run.
def step_contracts_see_profile(tour):
    view = portfolio_view(tour)
    tour.show_tab("Contracts", root=view)
    contracts_tab = tour.wait_for_node(view, "contracts tab", name="IwdContractsTab")
    empty = tour.find(contracts_tab, role="label", name="No Profiles in This Portfolio")
    if empty is None:
        return

    try:
        tour.wait_for(lambda: not tour.is_shown(empty) or None, "end of the empty state")
    except StepFailed:
        raise StepFailed(f"the Contracts tab still shows “No Profiles in This Portfolio” {STEP_TIMEOUT:.0f} s "
                         f"after “{PROFILE_ID}” was added in the Profiles tab") from None


# The contracts tab polls the robot every 5 minutes, and the demo robot
# has the contracts after 3 s, so the step presses Check Now as a broker
# would rather than wait for the poll. It first reopens the portfolio
# from the list, the way a broker comes back to it.
def step_contracts_loaded(tour):
    page = portfolios_page(tour)
    # The button shows only an icon, and GTK gives its tooltip to the
    # accessible description.
    def is_back_button(node):
        return node.getRoleName() == "push button" and node.description == "Back to Portfolios"
    back = tour.wait_for(lambda: next(filter(is_back_button, tour.descendants(page)), None),
                         "“Back to Portfolios” button")
    view = tour.find(page, name="IwdPortfolioView")
    tour.press(back)
    tour.wait_for(lambda: not tour.is_shown(view) or None, "list of portfolios after Back")
    tour.click(tour.wait_shown(page, f"portfolio “{PORTFOLIO_LABEL}” in the list",
                               role="label", contains=PORTFOLIO_LABEL))

    view = portfolio_view(tour)
    tour.show_tab("Contracts", root=view)
    tour.press(tour.button(view, "Load Contracts"))

    deadline = time.monotonic() + CONTRACTS_TIMEOUT
    while count_rows(tour) == 0:
        if time.monotonic() > deadline:
            raise StepFailed(f"no contract rows in the grid within {CONTRACTS_TIMEOUT:.0f} s")
        time.sleep(4.0)
        if count_rows(tour) == 0:
            tour.press(tour.button(view, "Check Now"))


def is_menu_item(label):
    def matches(node):
        try:
            return node.getRoleName().endswith("menu item") and (node.name or "") == label
        except Exception:
            return False
    return matches


def enclosing_table_view(tour, node):
    while node is not None:
        if node.name == "IwdTableView":
            return node
        node = node.parent
    raise StepFailed("the focused control is not in a grid")


# Ctrl+F puts the focus in the search entry of the grid on screen, and
# Tab goes on from there to the named control. The grid with the focus is
# the one the user sees, because GTK 4.8 can leave a closed grid in the
# accessibility tree, with its size.
def tab_from_search(tour, description, **criteria):
    park_pointer(tour)
    tour.key(ord("f"), CONTROL_MASK)
    control = tour.tab_to(description, **criteria)
    return control, enclosing_table_view(tour, control)


# Return opens the menu of the focused button, Down walks to the item
# and Return chooses it.
def choose_menu_item(tour, menu, label):
    tour.key(KEY_RETURN)
    tour.tab_until(f"“{label}” in the {menu} menu", is_menu_item(label), keysym=KEY_DOWN)
    tour.key(KEY_RETURN)
    shown_items = lambda: [node for node in filter(is_menu_item(label), tour.descendants(tour.app))
                           if tour.is_shown(node)]
    tour.wait_for(lambda: None if shown_items() else True, f"{menu} menu closed after Return")


def choose_sort_item(tour, label):
    _button, view = tab_from_search(tour, "the Sort button", role="push button", name="Sort")
    choose_menu_item(tour, "Sort", label)
    return view


# GTK 4.8 column titles cannot take the focus, so the grid is sorted
# from its Sort menu, by keys only, as a broker without a mouse would.
# GTK 4.8 does not pass the new text of the grid's cells on to the
# accessibility tree, so the export step checks the order, in the file.
def step_grid_sorted(tour):
    choose_sort_item(tour, SORT_TITLE)
    choose_sort_item(tour, "Descending")


def step_grid_filtered(tour):
    _button, view = tab_from_search(tour, "the Sort button", role="push button", name="Sort")
    rows_before = count_rows(tour, view)
    tour.key(ord("f"), CONTROL_MASK)
    tour.type_keys("zzz-no-such-contract")
    tour.wait_for(lambda: count_rows(tour, view) == 0 or None,
                  f"“0 of {rows_before} rows” after a search that matches nothing")


# Without a portal, GtkFileChooserNative shows GTK's own dialog, which
# proposes a file name in the working directory, so Export is enough.
def step_grid_exported(tour):
    _button, view = tab_from_search(tour, "the Export button", role="push button", name="Export…")
    tour.find(view, role="entry").queryEditableText().setTextContents("")
    tour.wait_for(lambda: count_rows(tour, view) > 0 or None, "rows back after clearing the search")
    choose_menu_item(tour, "Export", "French Excel CSV (;)")

    chooser = tour.wait_for(lambda: tour.window("Export the Table"), "“Export the Table” dialog")
    tour.press(tour.button(chooser, "Export"))
    message = tour.wait_for_node(view, "“Exported … rows to …” message", role="label", contains="Exported ")
    match = re.fullmatch(r"Exported (\d+) rows? to (.+)", message.name)
    if match is None:
        raise StepFailed(f"the export message reads “{message.name}”, not “Exported N rows to FILE”")
    check_export_sorted(match.group(2), int(match.group(1)))


# The file has the rows in the order shown, which the Sort step set to
# the descending order of the towns. The tour runs in C.UTF-8, whose
# collation orders the code points, as Python does. Empty cells are left
# out, wherever the grid puts them.
def check_export_sorted(path, n_rows):
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    if len(rows) != n_rows + 1 or SORT_TITLE not in rows[0]:
        raise StepFailed(f"{path} has {len(rows)} lines and the titles {rows[0] if rows else []}, "
                         f"not {n_rows} rows under titles that include “{SORT_TITLE}”")
    column = rows[0].index(SORT_TITLE)
    values = [unicodedata.normalize("NFKC", row[column]) for row in rows[1:] if row[column]]
    if len(set(values)) < 2 or values != sorted(values, reverse=True):
        raise StepFailed(f"the “{SORT_TITLE}” column of {path} is not in descending order: {values}")


def step_profile_editor_names(tour):
    tour.check_names(tour.window("New Profile"), "the profile editor")


def step_portfolios_names(tour):
    tour.show_tab("Portfolios")
    tour.check_names(portfolios_page(tour), "the list of portfolios")


# Each tab of the portfolio view gets its own walk, since the hidden
# tabs have no size and the walk skips them.
def step_portfolio_tabs_names(tour):
    view = portfolio_view(tour)
    problems = []
    seen = set()
    for title in ("Contracts", "Commissions", "Profiles", "History"):
        tour.show_tab(title, root=view)
        time.sleep(1.0)
        found = tour.unnamed_controls(view)
        problems += [f"{title} tab: {problem}" for problem in found if problem not in seen]
        seen.update(found)
    tour.show_tab("Contracts", root=view)
    if problems:
        raise StepFailed(f"{len(problems)} controls of the portfolio view have no accessible name: "
                         + "; ".join(problems))


# The index of the grid's focused data row, or None. Reading the focus of
# the rows alone is much faster than walking the whole window.
def focused_row(tour):
    for index, row in enumerate(find_data_rows(tour)):
        if tour.has_state(row, tour.atspi.STATE_FOCUSED):
            return index
        if any(tour.has_state(cell, tour.atspi.STATE_FOCUSED) for cell in row if cell is not None):
            return index
    return None


# Goes back to the list of portfolios from the Companies tab with Alt+1,
# Alt+2 and the Back button's Alt+Left, which leaves the focus on the
# first portfolio.
def step_portfolio_list_keys(tour):
    park_pointer(tour)
    tour.key(ord("1"), ALT_MASK)
    tour.wait_shown(tour.app, "companies page after Alt+1", name="IwdCompaniesPage")
    tour.key(ord("2"), ALT_MASK)
    page = tour.wait_shown(tour.app, "portfolios page after Alt+2", name="IwdPortfoliosPage")

    view = tour.find(page, name="IwdPortfolioView")
    if view is not None and tour.is_shown(view):
        # NOTE: Return on the Back button left the window with a focus
        # that Tab never moved, in GTK 4.8, as the button went with the
        # view it closed. Alt+Left is the same action without the button.
        tour.tab_to("the Back button", role="push button", name="Back to Portfolios")
        tour.key(KEY_LEFT, ALT_MASK)
        tour.wait_for(lambda: not tour.is_shown(view) or None, "list of portfolios after Back")

    tour.tab_to(f"portfolio “{PORTFOLIO_LABEL}” in the list", role="list item", contains=PORTFOLIO_LABEL)


# The list now has a portfolio, with its Delete button, which the walk
# before the portfolio was created could not see.
def step_portfolio_list_names(tour):
    tour.check_names(portfolios_page(tour), "the list of portfolios")


def step_portfolio_open_keys(tour):
    tour.tab_to(f"portfolio “{PORTFOLIO_LABEL}” in the list", role="list item", contains=PORTFOLIO_LABEL)
    tour.key(KEY_RETURN)
    portfolio_view(tour)
    tab = tour.tab_to("the Contracts tab", role="page tab", name="Contracts")
    tour.key(KEY_RETURN)
    chosen = (tour.atspi.STATE_SELECTED, tour.atspi.STATE_CHECKED, tour.atspi.STATE_PRESSED)
    tour.wait_for(lambda: any(tour.has_state(tab, state) for state in chosen) or None,
                  "Contracts tab chosen after Return")


def step_grid_keys(tour):
    start = None
    for _press in range(MAX_TABS):
        start = focused_row(tour)
        if start is not None:
            break
        tour.key(KEY_TAB)
    if start is None:
        raise StepFailed(f"{MAX_TABS} presses of Tab did not reach a row of the grid")

    tour.key(KEY_DOWN)
    tour.key(KEY_DOWN)
    moved = tour.wait_for(lambda: (lambda index: index if index not in (None, start) else None)(focused_row(tour)),
                          "focus on another row after Down")
    if moved != start + 2:
        raise StepFailed(f"two presses of Down moved the focus from row {start} to row {moved}")

    search = tour.find(find_table_view(tour), role="entry")
    tour.key(ord("f"), CONTROL_MASK)
    tour.type_keys(COMPANY)
    wait_for_text(tour, search, COMPANY, "search typed into the grid after Ctrl+F")


def step_profiles_names(tour):
    tour.key(ord("3"), ALT_MASK)
    page = tour.wait_shown(tour.app, "profiles page after Alt+3", name="IwdProfilesPage")
    tour.wait_shown(page, f"profile “{PROFILE_ID}” on the Profiles page", role="label", contains=PROFILE_ID)
    tour.check_names(page, "the profiles page")


def step_errors_names(tour):
    tour.key(ord("4"), ALT_MASK)
    page = tour.wait_shown(tour.app, "errors page after Alt+4", name="IwdErrorsPage")
    time.sleep(1.0)
    tour.check_names(page, "the errors page")


def step_preferences_names(tour):
    tour.key(ord(","), CONTROL_MASK)
    window = tour.wait_for(lambda: tour.window("Preferences"), "“Preferences” window after Ctrl+,")
    time.sleep(1.0)
    problems = tour.unnamed_controls(window)

    # Closed before any failure, so that the next step gets the keys.
    tour.key(KEY_ESCAPE)
    tour.wait_for(lambda: None if tour.window("Preferences") else True, "closing of the preferences after Escape")
    if problems:
        raise StepFailed(f"{len(problems)} controls on the preferences window have no accessible name: "
                         + "; ".join(problems))


# A commission statement of three lines, as insurers send them: tab
# separated, with French decimals and day-first dates.
STATEMENT_LINES = [
    "Police\tCompagnie\tAssuré\tdate_effet\tPrime TTC\tCommission",
    "E2E001\tALLIANZ\tJeanne Dupré\t05/01/2023\t1 200,00\t120,00",
    "E2E002\tALLIANZ\tMarc Lefèvre\t31/01/2023\t-300,00\t-30,00",
    "E2E003\tALLIANZ\tÉlise Côté\t31/01/2023\t89,90\t8,99",
]


def write_statement(folder):
    path = os.path.join(folder, "statement-e2e.tsv")
    with open(path, "w", encoding="utf-8", newline="") as statement:
        statement.write("\r\n".join(STATEMENT_LINES) + "\r\n")
    return path


def find_field_with_text(tour, root, text):
    def matches(node):
        try:
            return node.getRoleName() in ("text", "entry") and field_text(node) == text
        except Exception:
            return False
    return next(filter(matches, tour.descendants(root)), None)


def local_file_rows(tour, window):
    views = filter(tour.matcher(name="IwdTableView"), tour.descendants(window))
    view = next((view for view in views if tour.is_shown(view)), None)
    status = tour.find(view, role="label", contains=" rows") if view is not None else None
    match = re.fullmatch(r"(\d+) of (\d+) rows", status.name) if status is not None else None
    return int(match.group(1)) if match else 0


# Ctrl+O opens the local file window and GTK's own file chooser, where
# Ctrl+L gives a location entry that takes the statement's path. The walk
# covers the local file window with the statement in its grid.
def step_local_file_names(tour):
    path = write_statement(tour.home_dir)
    chooser_title = "Open a Contracts or Commissions File"
    park_pointer(tour)
    tour.key(ord("o"), CONTROL_MASK)
    chooser = tour.wait_for(lambda: tour.window(chooser_title), "file chooser after Ctrl+O")
    tour.key(ord("l"), CONTROL_MASK)
    tour.type_keys(path)
    tour.wait_for(lambda: find_field_with_text(tour, chooser, path), "path typed after Ctrl+L")
    # Return went to the entry's completion, so the Open button opens.
    tour.press(tour.button(chooser, "Open"))
    tour.wait_for(lambda: None if tour.window(chooser_title) else True, "closing of the file chooser after Open")

    # The window is titled after the file once the file is shown.
    title = os.path.basename(path)
    window = tour.wait_for(lambda: tour.window(title), f"“{title}” window")
    rows = tour.wait_for(lambda: local_file_rows(tour, window) or None,
                         f"rows of {path} in the local file window")
    if rows != len(STATEMENT_LINES) - 1:
        raise StepFailed(f"the local file window shows {rows} rows of {path}, not {len(STATEMENT_LINES) - 1}")
    tour.check_names(window, "the local file window")


STEPS = [
    ("sign-in page shows without an account", step_sign_in_shown),
    ("sign-in page names its controls", step_sign_in_names, False),
    ("keys sign in with login and password", step_sign_in_keys),
    ("companies page names its controls", step_companies_names, False),
    ("keys open a company", step_company_keys),
    ("company page names its controls", step_company_names, False),
    ("profile form takes id, login and password", step_profile_form_filled),
    ("profile editor names its controls", step_profile_editor_names, False),
    ("Check accepts the profile's credentials", step_profile_checked),
    ("Save creates the profile on the Profiles page", step_profile_saved),
    ("empty portfolios page names its controls", step_portfolios_names, False),
    ("New Portfolio creates a portfolio", step_portfolio_created),
    ("portfolio takes the new profile", step_profile_added),
    ("Contracts tab sees the added profile", step_contracts_see_profile, False),
    ("reopened portfolio loads its contracts", step_contracts_loaded),
    ("keys sort the grid from its Sort menu", step_grid_sorted),
    ("grid filters its rows", step_grid_filtered),
    ("grid exports its rows in the order shown", step_grid_exported),
    ("portfolio tabs name their controls", step_portfolio_tabs_names, False),
    ("keys go back to the portfolios", step_portfolio_list_keys),
    ("list of portfolios names its controls", step_portfolio_list_names, False),
    ("keys open the portfolio", step_portfolio_open_keys),
    ("keys move in the grid", step_grid_keys),
    ("profiles page names its controls", step_profiles_names, False),
    ("errors page names its controls", step_errors_names, False),
    ("preferences window names its controls", step_preferences_names, False),
    ("local file window names its controls", step_local_file_names),
]


def save_failure_screenshot(number):
    folder = os.environ.get("IWDESK_E2E_SCREENSHOT_DIR")
    if not folder:
        return
    path = os.path.join(folder, f"demo-tour-step-{number}.png")
    subprocess.run(["import", "-window", "root", path], check=False)
    print(f"# screen at the failure: {path}", file=sys.stderr)


# A step marked as not blocking checks the window without changing it,
# so the steps after it still run when it fails.
def run_steps(tour):
    print(f"1..{len(STEPS)}")
    failed = None
    for number, (description, step, *options) in enumerate(STEPS, start=1):
        blocking = options[0] if options else True
        if failed is not None:
            print(f"ok {number} - {description} # SKIP step {failed} failed")
            continue
        try:
            step(tour)
            print(f"ok {number} - {description}")
        except Exception as error:
            if blocking:
                failed = number
            print(f"not ok {number} - {description}")
            print(f"# {error}", file=sys.stderr)
            save_failure_screenshot(number)
        sys.stdout.flush()


def run_tour(executable, build_root):
    import pyatspi

    home_root = tempfile.mkdtemp(prefix="iwdesk-e2e.")
    try:
        with tour_session.PrivateSession(home_root, build_root) as session:
            # The file chooser of the export starts in the working
            # directory, so the exported file lands in the temporary home.
            env = app_environment(build_root, home_root)
            process = subprocess.Popen([executable, "--server", session.server_url], env=env, cwd=env["HOME"])
            try:
                tour = Tour(pyatspi, process)
                tour.home_dir = env["HOME"]
                run_steps(tour)
            finally:
                process.terminate()
                process.wait()
    finally:
        shutil.rmtree(home_root, ignore_errors=True)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: test-demo-tour.py IWDESK_EXECUTABLE BUILD_ROOT")
    executable, build_root = sys.argv[1], sys.argv[2]

    check_pyatspi()
    if not tour_session.in_private_session():
        sys.exit(tour_session.run_in_private_session([os.path.abspath(__file__)] + sys.argv[1:]))

    try:
        run_tour(executable, build_root)
    except RuntimeError as error:
        print(f"Bail out! the private session did not start: {error}")
        sys.exit(1)


if __name__ == "__main__":
    main()
