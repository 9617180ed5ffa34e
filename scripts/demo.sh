#!/usr/bin/env bash
# The main job on the bundled samples: set up, build, then show the record layout of
# every sample copybook. (Later work grows this into the full nightly conversion.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
for cpy in samples/*/*.cpy; do
  case "$cpy" in samples/common/*) continue ;; esac  # translation tables, not records
  echo "== $cpy"
  build/mfbridge layout "$cpy" -I "$(dirname "$cpy")"
done
