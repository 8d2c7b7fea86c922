#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the compiled French catalog in the build directory has the
# layout that IWDESK_LOCALEDIR needs, as build-aux/dev run sets it to
# BUILD_ROOT/po, with TAP output.
#
# Usage: check-mo.sh BUILD_ROOT

set -euo pipefail

build_root=${1:?usage: check-mo.sh BUILD_ROOT}
catalog="$build_root/po/fr/LC_MESSAGES/iwdesk.mo"

echo "1..2"

if [[ -f $catalog ]]; then
  echo "ok 1 - fr catalog at po/fr/LC_MESSAGES/iwdesk.mo"
else
  echo "not ok 1 - fr catalog at po/fr/LC_MESSAGES/iwdesk.mo"
fi

# gettext ignores LANGUAGE under the C locale, hence LC_ALL=C.UTF-8.
translated=$(LC_ALL=C.UTF-8 LANGUAGE=fr TEXTDOMAINDIR="$build_root/po" \
  gettext -d iwdesk "Window width")
if [[ $translated == "Largeur de la fenêtre" ]]; then
  echo "ok 2 - gettext finds the French translation"
else
  echo "not ok 2 - gettext finds the French translation"
  echo "# got: $translated" >&2
fi
