#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Drives the real application in demo mode through its accessibility
# tree, as a broker would: opens a company, creates and checks a profile,
# then builds a portfolio around it and reads its contracts in the grid.
# Prints TAP, one line per step. A step runs only if every step before it
# passed, because each one starts where the previous one left the window.
#
# Usage: test-demo-tour.py IWDESK_EXECUTABLE BUILD_ROOT
#
# It needs a display and a session bus with the accessibility bus, as
# build-aux/dev test provides. Without them it prints "1..0 # SKIP".
# Set IWDESK_E2E_SCREENSHOT_DIR to a folder to get a picture of the
# screen where a step fails.
# /usr/bin/python3 runs it because pyatspi is a Debian package.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

SCREEN_SIZE = (1280, 800)

# The demo sandbox serves these. Company names come from ImportWeb and are
# never translated, and the test runs in English for the rest.
COMPANY = "ALLIANZ"
COMPANY_LABEL = "Allianz IARD"
PROFILE_ID = "E2EALZ01"
PROFILE_LOGIN = "jdupont"
PROFILE_PASSWORD = "e2e-password"
PORTFOLIO_ID = "E2EPTF"
PORTFOLIO_LABEL = "End-to-end portfolio"

# Timeouts in seconds. The sandbox's robot replies after 3 s in demo mode
# (IWD_SANDBOX_DEFAULT_ROBOT_DELAY_MS), so contracts get the longest one.
START_TIMEOUT = 30.0
STEP_TIMEOUT = 15.0
CONTRACTS_TIMEOUT = 45.0


class StepFailed(Exception):
    pass


class SkipStep(Exception):
    pass


def skip_all(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def accessibility_bus_available():
    command = ["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
               "--object-path", "/org/a11y/bus", "--method", "org.a11y.Bus.GetAddress"]
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


# The session bus normally starts the accessibility bus on first use
# through its D-Bus service file. Where that file is missing, the
# launcher is started by hand and stopped at the end of the test.
def ensure_accessibility_bus():
    if accessibility_bus_available():
        return None

    launcher = "/usr/libexec/at-spi-bus-launcher"
    if not os.access(launcher, os.X_OK):
        skip_all("no accessibility bus and no at-spi-bus-launcher (install at-spi2-core)")

    process = subprocess.Popen([launcher, "--launch-immediately"])
    deadline = time.monotonic() + 10.0
    while time.monotonic() < deadline:
        if accessibility_bus_available():
            return process
        time.sleep(0.2)

    process.terminate()
    process.wait()
    skip_all("at-spi-bus-launcher did not provide org.a11y.Bus within 10 s")


def check_environment():
    if not os.environ.get("DISPLAY"):
        skip_all("no X display: run through build-aux/dev test")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        skip_all("no session bus, so no accessibility bus: run through build-aux/dev test")
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        skip_all("python3-pyatspi is not installed, so the accessibility bus cannot be read")


# Gives the application its own home, so the demo account's profiles and
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


class Tour:
    """The running application and the accessibility calls on it."""

    def __init__(self, pyatspi, process):
        self.atspi = pyatspi
        self.process = process
        self.app = None

    def wait_for(self, find, description, timeout=STEP_TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StepFailed(f"iwdesk exited with status {self.process.returncode} "
                                 f"while waiting for {description}")
            found = find()
            if found is not None:
                return found
            time.sleep(0.3)
        raise StepFailed(f"no {description} within {timeout:.0f} s")

    def find_application(self):
        def lookup():
            for application in self.atspi.Registry.getDesktop(0):
                if application is not None and application.name == "iwdesk":
                    return application
            return None
        self.app = self.wait_for(lookup, "iwdesk application on the accessibility bus", START_TIMEOUT)

    def window(self, title):
        for window in self.app:
            if window is not None and window.name == title:
                return window
        return None

    def matcher(self, role=None, name=None, contains=None):
        def matches(node):
            try:
                if role is not None and node.getRoleName() != role:
                    return False
                label = (node.name or "").replace("_", "")
            except Exception:
                return False
            if name is not None and label != name:
                return False
            return contains is None or contains in label
        return matches

    # pyatspi's own search stops with a TypeError when a widget vanishes
    # while it walks the tree, so this walk skips such children.
    def descendants(self, root):
        try:
            children = [child for child in root if child is not None]
        except Exception:
            return
        for child in children:
            yield child
            yield from self.descendants(child)

    def find(self, root, **criteria):
        return next(filter(self.matcher(**criteria), self.descendants(root)), None)

    def find_all(self, root, role):
        return list(filter(self.matcher(role=role), self.descendants(root)))

    def wait_for_node(self, root, description, **criteria):
        return self.wait_for(lambda: self.find(root, **criteria), description)

    # GTK 4.8 names a button with a mnemonic after both its raw and its
    # plain label, as in "_Save Save", so both forms count as the label.
    def button(self, root, label):
        def matches(node):
            try:
                plain = (node.name or "").replace("_", "")
                return node.getRoleName() == "push button" and plain in (label, f"{label} {label}")
            except Exception:
                return False
        return self.wait_for(lambda: next(filter(matches, self.descendants(root)), None), f"“{label}” button")

    def press(self, node):
        action = node.queryAction()
        for index in range(action.nActions):
            if action.getName(index) in ("click", "toggle", "activate"):
                action.doAction(index)
                return
        self.click(node)

    # A mouse click at the centre of the node, for widgets such as grid cells
    # that offer no accessible action. GTK 4 gives extents relative to
    # the window, and the window sits at the screen's origin under Xvfb
    # without a window manager.
    def click(self, node):
        x, y, width, height = node.queryComponent().getExtents(self.atspi.WINDOW_COORDS)
        self.atspi.Registry.generateMouseEvent(x + width // 2, y + height // 2, self.atspi.MOUSE_B1C)

    def type_into(self, root, field_name, text):
        field = self.wait_for_node(root, f"“{field_name}” field", role="text", name=field_name)
        if not field.queryEditableText().setTextContents(text):
            raise StepFailed(f"the “{field_name}” field did not accept text")

    # GTK 4.8 keeps the hidden pages of a stack in the accessibility tree,
    # but gives their widgets an empty size. A widget destroyed meanwhile
    # has no Component interface any more.
    def is_shown(self, node):
        try:
            _x, _y, width, height = node.queryComponent().getExtents(self.atspi.WINDOW_COORDS)
        except Exception:
            return False
        return width > 0 and height > 0

    def wait_shown(self, root, description, **criteria):
        def lookup():
            nodes = filter(self.matcher(**criteria), self.descendants(root))
            return next((node for node in nodes if self.is_shown(node)), None)
        return self.wait_for(lookup, description)

    def show_tab(self, title, root=None):
        tab = self.wait_for_node(root or self.app, f"“{title}” tab", role="page tab", name=title)
        self.press(tab)


def step_companies_listed(tour):
    tour.find_application()
    tour.wait_for(lambda: tour.find(tour.app, role="label", name=COMPANY),
                  f"“{COMPANY}” card on the companies page", START_TIMEOUT)
    # Keeps the pointer off the window, where it would raise tooltips.
    tour.atspi.Registry.generateMouseEvent(SCREEN_SIZE[0] - 1, SCREEN_SIZE[1] - 1, tour.atspi.MOUSE_ABS)


def step_company_opens(tour):
    card_label = tour.find(tour.app, role="label", name=COMPANY)
    tour.click(card_label.parent.parent)

    page = tour.wait_for_node(tour.app, "company page", name="IwdCompanyPage")
    tour.wait_for_node(page, f"company page titled “{COMPANY_LABEL}”", role="label", name=COMPANY_LABEL)


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
def find_table_view(tour):
    views = filter(tour.matcher(name="IwdTableView"), tour.descendants(tour.app))
    return next((view for view in views if tour.is_shown(view)), None)


def find_data_rows(tour):
    table_view = find_table_view(tour)
    grid = tour.find(table_view, role="tree table") if table_view is not None else None
    data = tour.find(grid, role="list") if grid is not None else None
    return [row for row in data if row is not None] if data is not None else []


# The status line under the grid reads "N of M rows".
def count_rows(tour):
    table_view = find_table_view(tour)
    if table_view is None:
        return 0
    status = tour.find(table_view, role="label", contains=" rows")
    match = re.fullmatch(r"(\d+) of (\d+) rows", status.name) if status is not None else None
    return int(match.group(1)) if match else 0


def cell_text(tour, cell):
    labels = [node.name for node in tour.descendants(cell) if node.getRoleName() == "label"]
    return labels[0] if labels else ""


def portfolio_view(tour):
    return tour.wait_shown(portfolios_page(tour), "portfolio view", name="IwdPortfolioView")


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


def read_column(tour, column, count=5):
    return [cell_text(tour, list(row)[column]) for row in find_data_rows(tour)[:count]]


# Sorts by the third column, the insured's first name in the demo, whose
# first rows are not in order before the click.
def step_grid_sorted(tour):
    column = 2
    before = read_column(tour, column)
    header_row = tour.find(tour.find(find_table_view(tour), role="tree table"), role="table row")
    titles = [node for node in header_row if node is not None]
    tour.click(titles[column])

    after = tour.wait_for(lambda: (lambda values: values if values != before else None)(read_column(tour, column)),
                          f"change in the first rows after clicking the title of column {column + 1}")
    if after != sorted(after, key=str.casefold):
        raise StepFailed(f"column {column + 1} is not in order after the click: {after}")


def step_grid_filtered(tour):
    rows_before = count_rows(tour)
    search = tour.wait_for_node(find_table_view(tour), "search entry of the grid", role="entry")
    search.queryEditableText().setTextContents("zzz-no-such-contract")
    tour.wait_for(lambda: count_rows(tour) == 0 or None,
                  f"“0 of {rows_before} rows” after a search that matches nothing")


# Without a portal, GtkFileChooserNative shows GTK's own dialog, which
# proposes a file name in the working directory, so Export is enough.
def step_grid_exported(tour):
    table_view = find_table_view(tour)
    search = tour.find(table_view, role="entry")
    search.queryEditableText().setTextContents("")
    tour.wait_for(lambda: count_rows(tour) > 0 or None, "rows back after clearing the search")

    tour.press(tour.button(table_view, "Export…"))
    item = tour.wait_shown(tour.app, "“French Excel CSV (;)” menu item", contains="French Excel CSV")
    tour.press(item)

    chooser = tour.wait_for(lambda: tour.window("Export the Table"), "“Export the Table” dialog")
    tour.press(tour.button(chooser, "Export"))
    tour.wait_for_node(table_view, "“Exported … rows to …” message", role="label", contains="Exported ")


STEPS = [
    ("companies page lists the demo companies", step_companies_listed),
    ("company card opens the company page", step_company_opens),
    ("profile form takes id, login and password", step_profile_form_filled),
    ("Check accepts the profile's credentials", step_profile_checked),
    ("Save creates the profile on the Profiles page", step_profile_saved),
    ("New Portfolio creates a portfolio", step_portfolio_created),
    ("portfolio takes the new profile", step_profile_added),
    ("Contracts tab sees the added profile", step_contracts_see_profile, False),
    ("reopened portfolio loads its contracts", step_contracts_loaded),
    ("grid sorts by a column", step_grid_sorted),
    ("grid filters its rows", step_grid_filtered),
    ("grid exports its rows", step_grid_exported),
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
        except SkipStep as reason:
            print(f"ok {number} - {description} # SKIP {reason}")
        except Exception as error:
            if blocking:
                failed = number
            print(f"not ok {number} - {description}")
            print(f"# {error}", file=sys.stderr)
            save_failure_screenshot(number)
        sys.stdout.flush()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: test-demo-tour.py IWDESK_EXECUTABLE BUILD_ROOT")
    executable, build_root = sys.argv[1], sys.argv[2]

    check_environment()
    launcher = ensure_accessibility_bus()
    import pyatspi

    home_root = tempfile.mkdtemp(prefix="iwdesk-e2e.")
    # The file chooser of the export starts in the working directory, so
    # the exported file lands in the temporary home.
    env = app_environment(build_root, home_root)
    process = subprocess.Popen([executable, "--demo"], env=env, cwd=env["HOME"])
    try:
        run_steps(Tour(pyatspi, process))
    finally:
        process.terminate()
        process.wait()
        if launcher is not None:
            launcher.terminate()
            launcher.wait()
        shutil.rmtree(home_root, ignore_errors=True)


if __name__ == "__main__":
    main()
