#!/usr/bin/env bash
# Run one sample's "legacy side" GnuCOBOL program: any record count, any output path.
# Used for the committed samples (regenerate.sh) and for benchmark volumes (never commit
# those). Prints the program's DISPLAY lines (its own record of what it wrote).
#
#   samples/generate.sh DATASET COUNT OUT [ARGS...]
#     taxpayer     COUNT taxpayers; ARGS: GEN (1 or 2) and optionally BENCH (about 1%
#                  changes between generations instead of about 12%)
#     paye         COUNT employees for each of the three employers
#     council-tax  COUNT accounts
#     ltt          COUNT returns (VB; blocked by common/vb_block.py, BLKSIZE 6144)
#     benefits     COUNT claims
#
# e.g. samples/generate.sh taxpayer 1000000 /tmp/TAXPAYER.BIG.G1 1 BENCH
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
  exit 1
fi
dataset=$1 count=$2 out=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
case "$dataset" in
  taxpayer)    program=TAXMAST  dd=TAXOUT  ;;
  paye)        program=PAYERET  dd=PAYEOUT ;;
  council-tax) program=CTAXWRT  dd=CTAXOUT ;;
  ltt)         program=LTTRET   dd=LTTOUT  ;;
  benefits)    program=BENWRT   dd=BENOUT  ;;
  *) echo "unknown data set: $dataset" >&2; exit 1 ;;
esac
command -v cobc >/dev/null || { echo "cobc (GnuCOBOL) is not installed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# -std=ibm: big-endian COMP, IBM sizes. -fsign=EBCDIC: overpunched signs as EBCDIC zones
# ('{' 'A'-'I' '}' 'J'-'R', which the translation table turns into X'C0'-X'D9').
# -fno-arithmetic-osvs: GnuCOBOL 3.1's OSVS intermediate precision (on under -std=ibm)
# loses whole products such as CHARGE * (100 - PCT) / 100.
cobc -x -std=ibm -fsign=EBCDIC -fno-arithmetic-osvs -I "$here/common" -I "$here/$dataset" \
  -o "$work/$program" "$here/$dataset/$program.cbl"
out_abs=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
if [ "$dataset" = ltt ]; then
  (cd "$work" && env "$dd=$work/ltt.varseq" "./$program" "$count" "$@")
  python3 "$here/common/vb_block.py" "$work/ltt.varseq" "$out_abs"
else
  (cd "$work" && env "$dd=$out_abs" "./$program" "$count" "$@")
fi
