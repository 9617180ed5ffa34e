#!/usr/bin/env bash
# Rebuild every committed sample data file from its GnuCOBOL program (byte-identical on
# any machine with GnuCOBOL 3.1 and ICU's uconv). With DIR, writes DIR/<data set>/...
# instead of into samples/ (the tests compare that with the committed files), and each
# program's DISPLAY lines to DIR/<data set>.<FILE>.log.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$here}
gen() {  # DATASET FILE COUNT [ARGS...]
  local dataset=$1 file=$2
  shift 2
  mkdir -p "$dest/$dataset"
  "$here/generate.sh" "$dataset" "$1" "$dest/$dataset/$file" "${@:2}" \
    > "${LOGDIR:-$dest}/$dataset.$file.log"
  echo "$dataset/$file: $(wc -c < "$dest/$dataset/$file") bytes"
}
if [ -z "${1:-}" ]; then LOGDIR=$(mktemp -d); trap 'rm -rf "$LOGDIR"' EXIT; fi
gen taxpayer TAXPAYER.D20261120 240 1
gen taxpayer TAXPAYER.D20261121 240 2
gen paye PAYE.D20261121 ""
gen council-tax CTAX.ACCOUNTS 400
gen ltt LTT.RETURNS 300
gen benefits BENEFIT.CLAIMS 360
