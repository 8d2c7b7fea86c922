# SPDX-License-Identifier: GPL-3.0-or-later
#
# The accessibility calls of the end-to-end tour: finding nodes in the
# application's tree, pressing, clicking, typing, keys, and the check
# that every control a user can reach has a name.

import re
import time

from gi.repository import GLib

# Timeouts in seconds.
START_TIMEOUT = 30.0
STEP_TIMEOUT = 30.0

# X keysyms, from X11/keysymdef.h, for the keys the tour presses.
KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_ESCAPE = 0xff1b
KEY_LEFT = 0xff51
KEY_DOWN = 0xff54

# X modifier masks, from X11/X.h.
CONTROL_MASK = 1 << 2
ALT_MASK = 1 << 3

# Time for GTK to handle a synthesized key before the next one.
KEY_DELAY = 0.15

# Presses of Tab before giving up on reaching a control.
MAX_TABS = 100


# The names GTK 4.8 gives a widget without a label: its type name.
WIDGET_TYPE_NAME = re.compile(r"(Gtk|Adw|Iwd)[A-Z][A-Za-z]*")

# TODO: the scrolled window inside AdwStatusPage (libadwaita 1.2) takes
# the focus itself when the status page has no button, as on the empty
# list of portfolios, and has no name. The walk skips every scroll pane.
FOCUS_CONTAINER_ROLES = {"list", "tree table", "scroll pane", "page tab list"}

# Controls that libadwaita 1.2 builds inside its own widgets, which the
# application cannot name, as (role, tooltip). A new entry needs the
# widget that contains it and the version that names it.
KNOWN_UNNAMED = {
    # The eye button of AdwPasswordEntryRow, named after its icon.
    ("push button", "Show Text"),
    ("push button", "Hide Text"),
}

# Widgets of libadwaita 1.2 whose children the application cannot name:
# the close button of a toast.
KNOWN_UNNAMED_PARENTS = {"AdwToastWidget"}

# GtkDropDown (GTK 4.8) and AdwComboRow (libadwaita 1.2) build their
# button and the item that shows the choice themselves, and name them
# after their types. The walk counts them as named when their combo box
# has a name, which is what the application sets.
COMBO_BOX_ROLE = "combo box"
COMBO_BOX_DEPTH = 6

# The row of column titles of a GtkColumnView, which GTK 4.8 marks as
# focusable and names after its type. Tab never stops on it, nor on the
# titles, so the grid's Sort menu sorts it from the keyboard.
GRID_ROW_ROLE = "table row"
GRID_ROLE = "tree table"


class StepFailed(Exception):
    pass


class Tour:
    """The running application and the accessibility calls on it."""

    def __init__(self, pyatspi, process):
        self.atspi = pyatspi
        self.process = process
        self.app = None
        self.focus = None
        pyatspi.Registry.registerEventListener(self.on_focus_changed, "object:state-changed:focused")

    # Walking the tree for the focused node took seconds per press of Tab,
    # as GTK 4.8 serves no cache of its tree and each property is a D-Bus
    # call, so the tour follows the focus events instead.
    def on_focus_changed(self, event):
        if event.detail1:
            self.focus = event.source
        elif self.focus is not None and event.source == self.focus:
            self.focus = None

    # libatspi delivers events from the default GLib main context, which
    # nothing else runs in this script.
    def pump_events(self):
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

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

    # Keys go through the accessibility registry, which synthesizes them
    # with XTest. Without a window manager, X gives the keyboard to the
    # window under the pointer, and the tour keeps the pointer in the
    # bottom right corner of the main window.
    def key(self, keysym, modifiers=0):
        registry = self.atspi.Registry
        if modifiers:
            registry.generateKeyboardEvent(modifiers, None, self.atspi.KEY_LOCKMODIFIERS)
        registry.generateKeyboardEvent(keysym, None, self.atspi.KEY_SYM)
        if modifiers:
            registry.generateKeyboardEvent(modifiers, None, self.atspi.KEY_UNLOCKMODIFIERS)
        time.sleep(KEY_DELAY)

    def type_keys(self, text):
        self.atspi.Registry.generateKeyboardEvent(0, text, self.atspi.KEY_STRING)
        time.sleep(KEY_DELAY)

    def has_state(self, node, state):
        try:
            return node.getState().contains(state)
        except Exception:
            return False

    # The control that has the keyboard focus. None also means a control
    # for which GTK 4.8 sends no focus event, such as the text of an entry.
    def focused(self):
        self.pump_events()
        if self.focus is not None and self.has_state(self.focus, self.atspi.STATE_FOCUSED):
            return self.focus
        return None

    # Presses Tab until the focused control matches, and returns it.
    def tab_to(self, description, **criteria):
        return self.tab_until(description, self.matcher(**criteria))

    def tab_until(self, description, matches, keysym=KEY_TAB, modifiers=0):
        stops = []
        for _press in range(MAX_TABS):
            node = self.focused()
            if node is not None and matches(node):
                return node
            stops.append(self.describe(node))
            self.key(keysym, modifiers)
        raise StepFailed(f"{MAX_TABS} presses of the key did not reach {description}. "
                         f"The focus went to: " + "; ".join(dict.fromkeys(stops)))

    # A node as a reader of the failure needs it: its role, its name or
    # tooltip, and the nearest ancestor that has a name.
    def describe(self, node):
        if node is None:
            return "nothing"
        try:
            text = f"{node.getRoleName()} “{node.name}”"
            if node.description:
                text += f" (tooltip “{node.description}”)"
            ancestor = node.parent
            while ancestor is not None and not ancestor.name:
                ancestor = ancestor.parent
            if ancestor is not None:
                text += f" in {ancestor.getRoleName()} “{ancestor.name}”"
            return text
        except Exception:
            return "a control that vanished"

    # GTK 4.8 names a widget that has no label after its type, such as
    # "GtkImage" or "AdwGizmo", which a screen reader reads out as is.
    def has_name(self, node):
        try:
            name = (node.name or "").strip()
        except Exception:
            return True
        return bool(name) and not WIDGET_TYPE_NAME.fullmatch(name)

    # The controls a user reaches with Tab or the arrow keys. GTK 4.8
    # marks lists, grids and scrolled windows as focusable too, but they
    # mostly pass the focus on to their rows or child. This reads the
    # focusable state rather than following Tab, because GTK 4.8 reports
    # no focus on the text of an entry. Hidden stack pages have no size.
    def reachable_controls(self, root):
        for node in self.descendants(root):
            try:
                role = node.getRoleName()
            except Exception:
                continue
            if role in FOCUS_CONTAINER_ROLES or not self.has_state(node, self.atspi.STATE_FOCUSABLE):
                continue
            if self.is_shown(node):
                yield node

    # Each problem once, in the order of the tree.
    def unnamed_controls(self, root):
        problems = {}
        for node in self.reachable_controls(root):
            if self.has_name(node) or self.is_known_unnamed(node):
                continue
            problems[self.describe(node)] = True
        return list(problems)

    def is_known_unnamed(self, node):
        try:
            role = node.getRoleName()
            key = (role, node.description or "")
            parent = node.parent
            parent_name = parent.name if parent is not None else ""
            parent_role = parent.getRoleName() if parent is not None else ""
        except Exception:
            return True
        if key in KNOWN_UNNAMED or parent_name in KNOWN_UNNAMED_PARENTS:
            return True
        if role == GRID_ROW_ROLE and parent_role == GRID_ROLE:
            return True
        return self.is_in_named_combo_box(node)

    def is_in_named_combo_box(self, node):
        ancestor = node.parent
        for _level in range(COMBO_BOX_DEPTH):
            if ancestor is None:
                return False
            if ancestor.getRoleName() == COMBO_BOX_ROLE:
                return self.has_name(ancestor)
            ancestor = ancestor.parent
        return False

    def check_names(self, root, page):
        problems = self.unnamed_controls(root)
        if problems:
            raise StepFailed(f"{len(problems)} controls on {page} have no accessible name: "
                             + "; ".join(problems))
