#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the built AppStream metainfo, with TAP output: appstreamcli must
# accept it, the French translation must be merged into it, and each
# screenshot it names must exist in docs/screenshots with the width and
# height that it states.
#
# Usage: check-metainfo.sh BUILT_METAINFO SOURCE_ROOT

set -euo pipefail

metainfo=${1:?usage: check-metainfo.sh BUILT_METAINFO SOURCE_ROOT}
source_root=${2:?usage: check-metainfo.sh BUILT_METAINFO SOURCE_ROOT}

# Writes each line of standard input to standard error as a TAP
# diagnostic, because meson test --print-errorlogs shows standard error.
diagnose() {
  sed 's/^/# /' >&2
}

test_validates() {
  local output
  if output=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1); then
    echo "ok 1 - appstreamcli validate --no-net accepts the metainfo"
    return
  fi

  echo "not ok 1 - appstreamcli validate --no-net accepts the metainfo"
  echo "$output" | diagnose
}

test_french_merged() {
  if grep -q '<summary xml:lang="fr">' "$metainfo" &&
     grep -q '<caption xml:lang="fr">' "$metainfo"; then
    echo "ok 2 - the French summary and captions are merged"
    return
  fi

  echo "not ok 2 - the French summary and captions are merged"
  echo "no <summary xml:lang=\"fr\"> or <caption xml:lang=\"fr\"> in $metainfo" | diagnose
  echo "fix: translate the metainfo strings in po/fr.po" | diagnose
}

# The image URLs point at the repository's docs/screenshots, so the file
# name after that folder must exist in the source tree.
test_screenshots_exist() {
  local names name missing=""
  names=$(grep -o 'docs/screenshots/[^<]*\.png' "$metainfo" | sort -u)
  if [[ -z $names ]]; then
    missing="no image under docs/screenshots is named"$'\n'
  fi

  while read -r name; do
    [[ -z $name || -f $source_root/$name ]] || missing+="not found: $name"$'\n'
  done <<<"$names"

  if [[ -z $missing ]]; then
    echo "ok 3 - every screenshot named exists in docs/screenshots"
    return
  fi

  echo "not ok 3 - every screenshot named exists in docs/screenshots"
  printf '%s' "$missing" | diagnose
  echo "fix: run build-aux/screenshots" | diagnose
}

# Prints the size of a PNG file as WIDTHxHEIGHT, read from its IHDR
# chunk, which the format puts first: bytes 16 to 23, big-endian.
png_size() {
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}

test_screenshot_sizes() {
  local line name width height actual problems=""
  while read -r line; do
    name=$(sed -n 's#.*>[^<]*\(docs/screenshots/[^<]*\.png\)</image>.*#\1#p' <<<"$line")
    width=$(sed -n 's/.* width="\([0-9]*\)".*/\1/p' <<<"$line")
    height=$(sed -n 's/.* height="\([0-9]*\)".*/\1/p' <<<"$line")
    # Test 3 reports the missing files.
    [[ -n $name && -f $source_root/$name ]] || continue

    actual=$(png_size "$source_root/$name")
    if [[ $actual != "${width}x${height}" ]]; then
      problems+="$name is $actual pixels, but the metainfo states ${width}x${height}"$'\n'
    fi
  done < <(grep '<image' "$metainfo")

  if [[ -z $problems ]]; then
    echo "ok 4 - every screenshot has the size the metainfo states"
    return
  fi

  echo "not ok 4 - every screenshot has the size the metainfo states"
  printf '%s' "$problems" | diagnose
}

echo "1..4"
test_validates
test_french_merged
test_screenshots_exist
test_screenshot_sizes
