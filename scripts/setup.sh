#!/usr/bin/env bash
# Install every package mfbridge needs (Debian bookworm), then configure and build.
# Idempotent: packages already present are not reinstalled, and apt stays quiet.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libboost-dev libicu-dev icu-devtools
  libpqxx-dev libpq-dev postgresql
  libcpprest-dev libssl-dev zlib1g-dev
  libsqlite3-dev sqlite3
  libfmt-dev libcli11-dev nlohmann-json3-dev libsimdjson-dev libyaml-cpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  gnucobol3 clang libclang-rt-14-dev
  python3 xxd openssl curl time wrk
  pybind11-dev python3-dev python3-numpy python3-pandas python3-dask python3-distributed
)
# The OpenAPI validator runs on Node.js; Debian's npm only where no Node.js is installed
# (a NodeSource nodejs already ships npm and conflicts with Debian's).
if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(npm); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# scripts/install-python.sh needs the packages only.
if [ "${MFB_SETUP_PACKAGES_ONLY:-0}" = 1 ]; then exit 0; fi

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

BUILD_TYPE="${MFB_BUILD_TYPE:-RelWithDebInfo}"
JOBS="${MFB_JOBS:-2}"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" ${MFB_CMAKE_ARGS:-} >/dev/null
cmake --build build -j"$JOBS"
