#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks how build-aux/dev decides which Debian packages to install, with
# TAP output. A shell function that records its arguments replaces
# apt-get, and one that runs its command replaces sudo, so nothing is
# installed.
#
# Usage: check-dev-script.sh SOURCE_ROOT

set -euo pipefail

source_root=${1:?usage: check-dev-script.sh SOURCE_ROOT}
# shellcheck source=../../build-aux/dev
source "$source_root/build-aux/dev"

fake_package=iwdesk-no-such-package
apt_calls=()

apt-get() {
  apt_calls+=("apt-get $*")
}

# Drops the --preserve-env option that build-aux/dev passes.
sudo() {
  shift
  "$@"
}

# Prints "ok" or "not ok" for test number $1 named $2, from the status of
# the command that follows.
report() {
  local number=$1 name=$2
  shift 2
  if "$@"; then
    echo "ok $number - $name"
  else
    echo "not ok $number - $name"
  fi
}

lists_unknown_package() {
  [[ $(list_missing_packages "$fake_package") == "$fake_package" ]]
}

skips_installed_package() {
  [[ -z $(list_missing_packages dpkg) ]]
}

every_listed_package_installed() {
  local missing
  missing=$(list_missing_packages "${packages[@]}")
  if [[ -n $missing ]]; then
    echo "$missing" | sed 's/^/# not installed: /' >&2
    return 1
  fi
}

installs_only_missing() {
  packages=(dpkg "$fake_package")
  apt_calls=()
  install_missing_packages 2>/dev/null

  local expected=("apt-get update"
    "apt-get install -y --no-install-recommends $fake_package")
  if [[ ${apt_calls[*]} != "${expected[*]}" ]]; then
    printf '# apt-get call: %s\n' "${apt_calls[@]}" >&2
    return 1
  fi
}

calls_no_apt_when_complete() {
  packages=(dpkg)
  apt_calls=()
  install_missing_packages 2>/dev/null
  (( ${#apt_calls[@]} == 0 ))
}

echo "1..5"
report 1 "unknown package listed as missing" lists_unknown_package
report 2 "installed package not listed" skips_installed_package
report 3 "every package of the list installed" every_listed_package_installed
report 4 "install asks apt only for missing" installs_only_missing
report 5 "no apt call when nothing missing" calls_no_apt_when_complete
