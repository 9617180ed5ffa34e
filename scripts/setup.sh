#!/usr/bin/env bash
# Install every package mfbridge needs (Debian bookworm), then configure and build.
# Idempotent: packages already present are not reinstalled.
#   scripts/setup.sh            everything: the CLI, tests, fuzz replays, samples, benchmarks
#   scripts/setup.sh mfbridge   only the named targets (the Quick start builds just the CLI)
set -euo pipefail
cd "$(dirname "$0")/.."

# What building mfbridge and running the Quick start job need.
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libboost-dev libicu-dev icu-devtools
  libpqxx-dev libpq-dev
  libcpprest-dev libssl-dev zlib1g-dev libbz2-dev
  libsqlite3-dev sqlite3
  libfmt-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev libyaml-cpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3 xxd
)
# What the whole test suite needs besides: only when everything is built (no targets named),
# so that the Quick start does not wait for a browser and a Dask cluster it does not use.
TEST_PACKAGES=(
  postgresql gnucobol3 clang libclang-rt-14-dev openssl curl time wrk
  # the web inspector's browser tests: headless chromium driven by Selenium
  chromium chromium-driver python3-selenium fonts-dejavu-core
  # the Python package and its Dask functions (tests/python)
  pybind11-dev python3-dev python3-numpy python3-pandas python3-dask python3-distributed
)
if (($# == 0)) || [ "${MFB_SETUP_PACKAGES_ONLY:-0}" = 1 ]; then
  PACKAGES+=("${TEST_PACKAGES[@]}")
  # The OpenAPI validator runs on Node.js; Debian's npm only where no Node.js is installed
  # (a NodeSource nodejs already ships npm and conflicts with Debian's).
  if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(npm); fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  echo "setup: (a few minutes on a fresh machine; apt's own lines follow)"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  # One line per package unpacked and set up, so that a long install shows its progress.
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" |
    { grep --line-buffered -E '^(Unpacking|Setting up) ' || true; }
  echo "setup: packages installed"
else
  echo "setup: all ${#PACKAGES[@]} Debian packages are installed"
fi

# scripts/install-python.sh needs the packages only.
if [ "${MFB_SETUP_PACKAGES_ONLY:-0}" = 1 ]; then exit 0; fi

# The test suite's own set-up: skipped when only named targets are built (the Quick start).
if (($# == 0)); then
  # The PostgreSQL tests (tests/support/pg_server.py) start throwaway servers; initdb refuses
  # root, so as root they run the server as the unprivileged "postgres" account. The Debian
  # package creates it; make sure it exists on images that stripped it.
  if ! getent passwd postgres >/dev/null 2>&1; then
    echo "setup: creating system user postgres (for the throwaway test servers)"
    if [ "$(id -u)" = 0 ]; then useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
    else sudo useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres; fi
  fi

  # tests/rehost/rest/serve_openapi_test.py validates /openapi.json with this npm package.
  OPENAPI_VALIDATOR=@seriousme/openapi-schema-validator
  if command -v npm >/dev/null 2>&1; then
    if [ ! -e "$(npm root -g 2>/dev/null)/$OPENAPI_VALIDATOR/package.json" ]; then
      echo "setup: installing $OPENAPI_VALIDATOR (npm)"
      NPM_SUDO=""
      if [ "$(id -u)" != 0 ]; then NPM_SUDO=sudo; fi
      $NPM_SUDO npm install -g --silent --no-fund --no-audit "$OPENAPI_VALIDATOR" >/dev/null 2>&1 ||
        echo "setup: npm could not install $OPENAPI_VALIDATOR (the OpenAPI test will fail)"
    fi
  fi
fi

# build/ is built -O1 without debug information by default: on 2 cores a first build of
# the CLI takes about 27% less CPU time than -O2 -g (RelWithDebInfo), and the tests need
# neither. MFB_BUILD_TYPE=RelWithDebInfo (or Release) for the usual flags; benchmarks have
# their own preset (release-bench).
BUILD_TYPE="${MFB_BUILD_TYPE:-Quick}"
JOBS="${MFB_JOBS:-2}"
FLAGS=()
if [ "$BUILD_TYPE" = Quick ]; then
  FLAGS=(-DCMAKE_CXX_FLAGS_QUICK="-O1 -DNDEBUG" -DCMAKE_C_FLAGS_QUICK="-O1 -DNDEBUG")
fi
echo "setup: configuring build/ ($BUILD_TYPE)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${FLAGS[@]}" ${MFB_CMAKE_ARGS:-} >/dev/null
targets=("$@")
if ((${#targets[@]})); then
  echo "setup: building ${targets[*]} with $JOBS jobs (ninja counts [done/total] steps)"
  cmake --build build -j"$JOBS" --target "${targets[@]}"
else
  echo "setup: building everything with $JOBS jobs (ninja counts [done/total] steps)"
  cmake --build build -j"$JOBS"
fi
