#!/usr/bin/env bash
# Time `mfbridge delta` on 1,000,000 benchmark records (299 bytes each) with 1% changes:
# the sorted merge, the hashed path in memory, and the hashed path forced to spill.
# Seconds and peak RSS come from /usr/bin/time -v. Before any figure is printed, each run's
# summary counts are checked against the generator's, and the three outputs must be
# byte-identical. Data goes to /tmp and is removed at the end (never committed).
#
#   benchmarks/delta/run_delta_bench.sh BUILD_DIR [RECORDS] [SPILL_MB]
# BUILD_DIR should be a Release build (cmake -DCMAKE_BUILD_TYPE=Release) with the targets
# mfbridge and delta_bench_data built.
set -euo pipefail
build=${1:?usage: run_delta_bench.sh BUILD_DIR [RECORDS] [SPILL_MB]}
records=${2:-1000000}
spill_mb=${3:-64}
mfb="$build/mfbridge"
gen="$build/benchmarks/delta_bench_data"
work=$(mktemp -d /tmp/mfb-delta-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "machine: $(lscpu | grep 'Model name' | sed 's/Model name: *//'), $(nproc) cores"
t0=$(date +%s.%N)
"$gen" --out-dir "$work" --records "$records" --change-percent 1 > "$work/expected.json"
echo "generated $records records in $(echo "$(date +%s.%N) - $t0" | bc) s: $(cat "$work/expected.json")"
ls -l "$work"/*.dat | awk '{print "  " $5 " " $9}'

run() {  # name, then extra delta arguments
  local name=$1; shift
  /usr/bin/time -v "$mfb" delta --copybook "$work/bench.cpy" --key ACCT-ID \
    --output "$work/$name.jsonl" --summary-json "$work/$name.summary.json" "$@" \
    2> "$work/$name.time" || { cat "$work/$name.time"; exit 1; }
  python3 - "$work/expected.json" "$work/$name.summary.json" "$name" <<'PY'
import json, sys
want = json.load(open(sys.argv[1]))
got = json.load(open(sys.argv[2]))
bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
if bad:
    sys.exit("%s: counts differ from the generator's: %s" % (sys.argv[3], bad))
PY
  local secs rss cpu
  secs=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}')
  cpu=$(grep -E '(User|System) time \(seconds\)' "$work/$name.time" | awk '{s += $NF} END {print s}')
  rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
  printf '%-22s wall %8s  cpu %6.2f s  peak RSS %7.1f MiB  %s\n' "$name" "$secs" "$cpu" "$(echo "$rss / 1024" | bc -l)" \
    "$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print('delta says %.3f s, partitions %d, spilled %d bytes' % (s['seconds'], s['partitions'], s['spill_bytes']))" "$work/$name.summary.json")"
}

run sorted --old "$work/old.sorted.dat" --new "$work/new.sorted.dat" --sorted
run hash-in-memory --old "$work/old.shuffled.dat" --new "$work/new.shuffled.dat"
run "hash-spill-${spill_mb}MB" --old "$work/old.shuffled.dat" --new "$work/new.shuffled.dat" \
  --memory-limit "$spill_mb" --temp-dir "$work"
cmp "$work/sorted.jsonl" "$work/hash-in-memory.jsonl"
cmp "$work/sorted.jsonl" "$work/hash-spill-${spill_mb}MB.jsonl"
echo "outputs identical: $(wc -l < "$work/sorted.jsonl") events"
