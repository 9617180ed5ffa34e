#!/usr/bin/env bash
# Run the whole test suite: set-up and build, every ctest (unit, golden, fuzz replays),
# then the unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS="${MFB_JOBS:-2}"

scripts/setup.sh
echo "== tests (build/)"
ctest --test-dir build -j"$JOBS" --output-on-failure --timeout 1500

if [ "${MFB_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== unit tests under ASan+UBSan (build-asan/)"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMFB_SANITIZE=ON \
        -DMFB_BUILD_BENCHMARKS=OFF >/dev/null
  cmake --build build-asan -j"$JOBS"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan -j"$JOBS" -L unit --output-on-failure --timeout 1500
fi
