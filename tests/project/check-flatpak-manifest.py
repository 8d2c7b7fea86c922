#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifest, with TAP output: it must be valid JSON,
# name the application id, runtime and runtime version, grant no file
# system or keyring access, and pin every downloaded source with a
# checksum.
#
# Usage: check-flatpak-manifest.py MANIFEST APP_ID

import json
import os
import shutil
import subprocess
import sys
import tempfile

# Sources that flatpak-builder downloads, with the keys that pin each.
# A "dir" source is the checkout being built, so it has nothing to pin.
PIN_KEYS = {
    "archive": ("sha256", "sha512"),
    "file": ("sha256", "sha512"),
    "git": ("commit",),
}

results = []


def report(ok, description, problems=()):
    results.append((ok, description, list(problems)))


def load_manifest(path):
    try:
        with open(path, encoding="utf-8") as manifest_file:
            manifest = json.load(manifest_file)
    except (OSError, ValueError) as error:
        report(False, "the manifest is valid JSON", [str(error)])
        return None

    report(True, "the manifest is valid JSON")
    return manifest


def check_identity(manifest, app_id):
    problems = []
    if manifest.get("id") != app_id:
        problems.append(f"id is {manifest.get('id')!r}, expected {app_id!r}")
    if manifest.get("command") != "iwdesk":
        problems.append(f"command is {manifest.get('command')!r}, expected 'iwdesk'")
    report(not problems, "id and command match the application", problems)


def check_runtime(manifest):
    problems = []
    if manifest.get("runtime") != "org.gnome.Platform":
        problems.append(f"runtime is {manifest.get('runtime')!r}, expected 'org.gnome.Platform'")
    if manifest.get("sdk") != "org.gnome.Sdk":
        problems.append(f"sdk is {manifest.get('sdk')!r}, expected 'org.gnome.Sdk'")
    if not str(manifest.get("runtime-version", "")).strip():
        problems.append("runtime-version is missing")
    report(not problems, "runtime, sdk and runtime-version are stated", problems)


# The file chooser portal gives access to the files a broker picks, and
# libsecret 0.20 uses the Secret portal inside a Flatpak sandbox, so
# neither needs a permission of its own.
def check_permissions(manifest):
    problems = []
    for arg in manifest.get("finish-args", []):
        if arg.startswith("--filesystem"):
            problems.append(f"file system access: {arg}")
        if arg == "--talk-name=org.freedesktop.secrets":
            problems.append(f"direct keyring access: {arg}")
    report(not problems, "finish-args grant no file system or keyring access", problems)


def list_sources(modules):
    for module in modules:
        if isinstance(module, str):
            # A module given as a file name lives in another manifest file.
            yield module, {"type": "external module file"}
            continue
        for source in module.get("sources", []):
            yield module.get("name", "?"), source
        yield from list_sources(module.get("modules", []))


def check_sources_pinned(manifest):
    problems = []
    for module_name, source in list_sources(manifest.get("modules", [])):
        if isinstance(source, str):
            problems.append(f"{module_name}: source file {source!r} is not checked")
            continue
        kind = source.get("type")
        if kind == "dir":
            continue
        keys = PIN_KEYS.get(kind)
        if keys is None:
            problems.append(f"{module_name}: source type {kind!r} is not checked by this test")
        elif not any(source.get(key) for key in keys):
            problems.append(f"{module_name}: {kind} source has no {' or '.join(keys)}")
    report(not problems, "every downloaded source is pinned by a checksum or commit", problems)


def check_flatpak_builder(path):
    if shutil.which("flatpak-builder") is None:
        results.append((True, "flatpak-builder parses the manifest # SKIP flatpak-builder not installed", []))
        return

    # flatpak-builder makes its state folder in the working directory.
    with tempfile.TemporaryDirectory() as work_dir:
        process = subprocess.run(["flatpak-builder", "--show-manifest", os.path.abspath(path)],
                                 capture_output=True, text=True, check=False, cwd=work_dir)
    problems = process.stderr.splitlines()
    report(process.returncode == 0 and not problems,
           "flatpak-builder parses the manifest without warnings", problems)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: check-flatpak-manifest.py MANIFEST APP_ID")
    path, app_id = sys.argv[1], sys.argv[2]

    manifest = load_manifest(path)
    if manifest is not None:
        check_identity(manifest, app_id)
        check_runtime(manifest)
        check_permissions(manifest)
        check_sources_pinned(manifest)
        check_flatpak_builder(path)

    print(f"1..{len(results)}")
    for number, (ok, description, problems) in enumerate(results, start=1):
        print(f"{'ok' if ok else 'not ok'} {number} - {description}")
        for problem in problems:
            print(f"# {problem}", file=sys.stderr)


if __name__ == "__main__":
    main()
