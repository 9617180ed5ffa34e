#!/usr/bin/env bash
# Side by side, as whole processes on the same EBCDIC file: `mfbridge convert` (JSON Lines
# and CSV, 1 and 2 threads), the GnuCOBOL unload a site would write (UNLOAD.cbl), and
# `iconv -f IBM037` (text only: the ceiling of a pure transcoding step).
#
#   benchmarks/unload/compare.sh [MFBRIDGE] [GEN_BENCH_DATA]
#
# Defaults: build/mfbridge and build/benchmarks/gen_bench_data (build with
# -DCMAKE_BUILD_TYPE=Release). MFB_BENCH_MB sets the data size (default 256 MiB),
# MFB_BENCH_RUNS the timed runs per command (default 3, at least 3). Needs cobc (GnuCOBOL 3),
# iconv and python3. Before timing, the first 1000 records are checked: the GnuCOBOL CSV
# against mfbridge's CSV, and mfbridge's JSON Lines against the generator's own values.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mfbridge=${1:-$repo/build/mfbridge}
gen=${2:-$repo/build/benchmarks/gen_bench_data}
mb=${MFB_BENCH_MB:-256}
runs=${MFB_BENCH_RUNS:-3}
[ "$runs" -ge 3 ] || runs=3
check_records=1000
lrecl=299

for tool in "$mfbridge" "$gen"; do
  [ -x "$tool" ] || { echo "compare.sh: $tool is not an executable (build it first)" >&2; exit 2; }
done
for tool in cobc iconv python3; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool is not installed" >&2; exit 2; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mfb-unload.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
data=$tmp/bench.dat

echo "== generating ${mb} MiB of BENCH-REC data (cp037) in $tmp"
"$gen" --out "$data" --mb "$mb" --copybook "$tmp/BENCH.cpy" \
  --reference "$tmp/reference.jsonl" --reference-records "$check_records"
bytes=$(stat -c %s "$data")

echo "== building UNLOAD with $(cobc --version | head -1)"
# -std=ibm: big-endian binary; -fsign=EBCDIC: the translated overpunch signs read as signs.
cobc -std=ibm -fsign=EBCDIC -x -O2 -I "$tmp" -o "$tmp/UNLOAD" "$here/UNLOAD.cbl"
# The same without the INSPECT CONVERTING translation: wrong text, but the floor of the
# unload's cost whatever translation a site (or a later GnuCOBOL) uses.
cobc -std=ibm -fsign=EBCDIC -x -O2 -I "$tmp" -D NO-TRANSLATE -o "$tmp/UNLOAD-NT" "$here/UNLOAD.cbl"

convert() {  # convert FORMAT THREADS OUTPUT [INPUT]
  "$mfbridge" convert --copybook "$tmp/BENCH.cpy" --input "${4:-$data}" --format "$1" \
    --threads "$2" --output "$3" --no-progress
}
unload() {  # unload INPUT OUTPUT
  INFILE=$1 OUTFILE=$2 "$tmp/UNLOAD"
}

echo "== checking the first $check_records records"
head -c $((check_records * lrecl)) "$data" >"$tmp/sample.dat"
unload "$tmp/sample.dat" "$tmp/sample.cobol.csv"
convert csv 1 "$tmp/sample.mfb.csv" "$tmp/sample.dat"
convert jsonl 1 "$tmp/sample.mfb.jsonl" "$tmp/sample.dat"
python3 - "$tmp" "$check_records" <<'PY'
import csv, json, sys
from decimal import Decimal, InvalidOperation

tmp, want = sys.argv[1], int(sys.argv[2])

def cell(text):
    # Numbers compare as decimals (GnuCOBOL pads and keeps leading zeros), text trimmed.
    text = text.strip()
    try:
        return Decimal(text)
    except InvalidOperation:
        return text

with open(f"{tmp}/sample.cobol.csv", newline="") as f:
    cobol = [[cell(c) for c in row] for row in csv.reader(f)]
with open(f"{tmp}/sample.mfb.csv", newline="") as f:
    rows = list(csv.reader(f))
header, mfb = rows[0], [[cell(c) for c in row] for row in rows[1:]]
bad = 0
if len(cobol) != want or len(mfb) != want:
    sys.exit(f"row counts: GnuCOBOL {len(cobol)}, mfbridge {len(mfb)}, want {want}")
for n, (a, b) in enumerate(zip(cobol, mfb), 1):
    if len(a) != len(header) or len(b) != len(header):
        sys.exit(f"record {n}: {len(a)} GnuCOBOL / {len(b)} mfbridge cells, header has {len(header)}")
    for name, x, y in zip(header, a, b):
        if x != y:
            bad += 1
            if bad <= 10:
                print(f"record {n} {name}: GnuCOBOL {x!r} mfbridge {y!r}")

def load(path):
    with open(path) as f:
        return [json.loads(l, parse_float=Decimal, parse_int=Decimal) for l in f]
ref, got = load(f"{tmp}/reference.jsonl"), load(f"{tmp}/sample.mfb.jsonl")
if len(ref) != want or len(got) != want:
    sys.exit(f"JSON lines: generator {len(ref)}, mfbridge {len(got)}, want {want}")
for n, (a, b) in enumerate(zip(ref, got), 1):
    if a != b:
        bad += 1
        if bad <= 10:
            print(f"record {n}: generator {a} mfbridge {b}")
if bad:
    sys.exit(f"{bad} mismatches")
print(f"ok: {want} records x {len(header)} columns agree (GnuCOBOL CSV = mfbridge CSV; "
      f"mfbridge JSON Lines = generator values)")
PY

# Time whole processes; every run starts from a removed output file and a warm page cache.
results=$tmp/results.txt
: >"$results"
time_cmd() {  # time_cmd LABEL OUTPUT -- COMMAND...
  local label=$1 out=$2 i t0 t1
  shift 3
  for ((i = 0; i < runs; i++)); do
    [ "$out" = /dev/null ] || rm -f "$out"
    t0=$(date +%s.%N)
    "$@"
    t1=$(date +%s.%N)
    echo "$label|$t0|$t1" >>"$results"
  done
  [ "$out" = /dev/null ] || rm -f "$out"
}
cat "$data" >/dev/null  # warm the page cache once for everyone

echo "== timing $runs runs each on $bytes bytes (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
time_cmd "GnuCOBOL unload -> file" "$tmp/out.csv" -- unload "$data" "$tmp/out.csv"
time_cmd "GnuCOBOL unload -> /dev/null" /dev/null -- unload "$data" /dev/null
time_cmd "GnuCOBOL, no translation -> /dev/null" /dev/null -- \
  env INFILE="$data" OUTFILE=/dev/null "$tmp/UNLOAD-NT"
for threads in 1 2; do
  for fmt in csv jsonl; do
    time_cmd "mfbridge $fmt, $threads thread(s) -> file" "$tmp/out.$fmt" -- \
      convert "$fmt" "$threads" "$tmp/out.$fmt"
    time_cmd "mfbridge $fmt, $threads thread(s) -> /dev/null" /dev/null -- \
      convert "$fmt" "$threads" /dev/null
  done
done
time_cmd "iconv IBM037 -> file" "$tmp/out.txt" -- \
  sh -c 'exec iconv -f IBM037 -t UTF-8 "$0" >"$1"' "$data" "$tmp/out.txt"
time_cmd "iconv IBM037 -> /dev/null" /dev/null -- \
  sh -c 'exec iconv -f IBM037 -t UTF-8 "$0" >/dev/null' "$data"

python3 - "$results" "$bytes" <<'PY'
import statistics, sys
path, size = sys.argv[1], int(sys.argv[2])
times = {}
for line in open(path):
    label, t0, t1 = line.rstrip("\n").split("|")
    times.setdefault(label, []).append(float(t1) - float(t0))
def baseline(label):
    # The GnuCOBOL run with the same kind of output (file or /dev/null).
    return "GnuCOBOL unload -> " + ("/dev/null" if label.endswith("/dev/null") else "file")
w = max(len(label) for label in times) + 1
print(f"\n{'command':{w}} {'min s':>8} {'median s':>9} {'MiB/s':>8} {'vs GnuCOBOL':>12}")
for label, t in times.items():
    med = statistics.median(t)
    base = statistics.median(times[baseline(label)])
    print(f"{label:{w}} {min(t):8.3f} {med:9.3f} {size / 2**20 / med:8.1f} {base / med:11.2f}x")
print("MiB/s: MiB of EBCDIC input per second of median wall time (whole process);"
      " 'vs GnuCOBOL': the unload's median over this one, same kind of output.")
PY
