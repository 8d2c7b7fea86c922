#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the session build-aux/dev test sets up gives a working Secret
# Service: an item stored through libsecret can be read back and cleared.
# It skips outside that session, so that it never writes to a real keyring.
#
# Usage: check-keyring.sh

set -euo pipefail

if [[ -z ${IWDESK_PRIVATE_SESSION:-} ]]; then
  echo "1..0 # SKIP needs the private keyring session of build-aux/dev test"
  exit 0
fi

attributes=(iwdesk-check keyring "session" "$$")
secret="stored-by-check-keyring-$$"

echo "1..3"

if printf '%s' "$secret" | secret-tool store --label="IWDesk keyring check" "${attributes[@]}"; then
  echo "ok 1 - secret-tool stores an item"
else
  echo "not ok 1 - secret-tool stores an item"
fi

found=$(secret-tool lookup "${attributes[@]}" || true)
if [[ $found == "$secret" ]]; then
  echo "ok 2 - lookup returns the stored secret"
else
  echo "not ok 2 - lookup returns the stored secret"
fi

secret-tool clear "${attributes[@]}" || true
if [[ -z $(secret-tool lookup "${attributes[@]}" || true) ]]; then
  echo "ok 3 - clear removes the item"
else
  echo "not ok 3 - clear removes the item"
fi
