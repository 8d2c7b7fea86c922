#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the keyboard shortcuts window lists every key that the
# widgets bind, so that a key added in the code cannot stay hidden from
# the user. Usage: check-shortcuts.py SOURCE_ROOT

import os
import re
import sys
import xml.etree.ElementTree as ElementTree

MODIFIERS = {
    "GDK_CONTROL_MASK": "<Control>",
    "GDK_SHIFT_MASK": "<Shift>",
    "GDK_ALT_MASK": "<Alt>",
}

# The keypad's Enter repeats Return, which the window lists.
KEY_ALIASES = {"KP_Enter": "Return"}

# A key bound with gtk_widget_class_add_binding_action(), or a trigger of
# a GtkShortcut, as in "GDK_KEY_w, GDK_CONTROL_MASK". A key computed in
# a loop, "GDK_KEY_1 + i", has no single name and is not matched.
BINDING = re.compile(r"GDK_KEY_(\w+)\s*,\s*([A-Z_| ]+|0)\s*[,)]")


def accelerator(key, modifiers):
    names = [MODIFIERS[name.strip()] for name in modifiers.split("|") if name.strip() in MODIFIERS]
    return "".join(sorted(names)) + KEY_ALIASES.get(key, key)


def bound_keys(source_root):
    keys = {}
    for folder, _dirs, files in os.walk(os.path.join(source_root, "src", "ui")):
        for name in sorted(files):
            if not name.endswith(".c"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as file:
                text = file.read()
            for match in BINDING.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                keys.setdefault(accelerator(*match.groups()), f"{os.path.relpath(path, source_root)}:{line}")
    return keys


# "<Control>r F5" lists two keys, and GTK accepts the modifiers in any
# order, so each is brought to the form accelerator() gives.
def listed_keys(overlay_path):
    listed = set()
    for node in ElementTree.parse(overlay_path).iter("property"):
        if node.get("name") != "accelerator":
            continue
        for key in node.text.split():
            modifiers = re.findall(r"<\w+>", key)
            listed.add("".join(sorted(modifiers)) + re.sub(r"<\w+>", "", key))
    return listed


def main():
    source_root = sys.argv[1]
    overlay = os.path.join(source_root, "src", "ui", "help-overlay.ui")
    keys = bound_keys(source_root)
    listed = listed_keys(overlay)

    print("1..2")
    if keys:
        print(f"ok 1 - the widgets bind {len(keys)} keys")
    else:
        print("not ok 1 - no key binding found in src/ui: the pattern no longer matches the code")

    missing = {key: where for key, where in keys.items() if key not in listed}
    if missing:
        print("not ok 2 - every bound key is in the shortcuts window")
        for key, where in sorted(missing.items()):
            print(f"# {key}, bound in {where}, is missing from {overlay}: add a GtkShortcutsShortcut for it")
    else:
        print("ok 2 - every bound key is in the shortcuts window")


if __name__ == "__main__":
    main()
