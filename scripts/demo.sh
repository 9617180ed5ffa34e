#!/usr/bin/env bash
# The main job on the bundled samples, on a fresh machine: install the packages and build the
# mfbridge CLI only (scripts/test.sh builds the rest), then run the nightly batch
# (samples/jobs/nightly.yaml): unload and load every sample into SQLite, reconcile (trailer
# totals included), apply the taxpayer delta, write the master file back.
# The samples are dated 2026-11-21; pass another RUN_DATE only with files of that date.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
echo "== 1/3 set-up: Debian packages, then the mfbridge CLI"
# MFB_SKIP_SETUP=1: build/mfbridge is built already (the demo's own test runs it so).
if [ "${MFB_SKIP_SETUP:-0}" != 1 ]; then scripts/setup.sh mfbridge; fi
run_date=${RUN_DATE:-2026-11-21}
out=samples/out
mkdir -p "$out"
echo
echo "== 2/3 the nightly job: build/mfbridge run samples/jobs/nightly.yaml --var RUN_DATE=$run_date"
# A fresh run each time: the demo starts from the files, not from an earlier run's state.
build/mfbridge run samples/jobs/nightly.yaml --var RUN_DATE="$run_date" --restart
day=${run_date//-/}
echo
echo "== 3/3 report"
sqlite3 "$out/nightly.db" "SELECT name FROM mfbridge_datasets ORDER BY name" |
  while read -r ds; do echo "  dataset $ds"; done
if cmp -s "$out/TAXPAYER.WRITEBACK.D$day" "samples/taxpayer/TAXPAYER.D$day"; then
  echo "  write-back file equals today's master file byte for byte"
else
  echo "  write-back file DIFFERS from today's master file" >&2
  exit 1
fi
echo "  done in $((SECONDS - started)) s"
echo
echo "Where to look next:"
# Two columns, what to open and what it is, the second aligned whatever the paths' lengths.
rows=(
  "$out/nightly.db|the SQLite database (sqlite3 $out/nightly.db .tables)"
  "$out/PAYE.D$day.jsonl|the PAYE file as JSON Lines"
  "$out/TAXPAYER.WRITEBACK.D$day|the master file written back after the delta"
  "$out/nightly.log.jsonl|the job's JSON-lines log"
  "build/mfbridge runs samples/jobs/nightly.yaml|the run history"
  "scripts/pg-dev.sh start|a throwaway PostgreSQL server to load into (prints its URL)"
)
width=0
for row in "${rows[@]}"; do
  what=${row%%|*}
  if ((${#what} > width)); then width=${#what}; fi
done
for row in "${rows[@]}"; do printf '  %-*s  %s\n' "$width" "${row%%|*}" "${row#*|}"; done
echo "  Serve the database over REST (demo keys in samples/jobs/serve.yaml):"
echo "    build/mfbridge serve --target sqlite:$out/nightly.db --listen 127.0.0.1:8080 --config samples/jobs/serve.yaml"
