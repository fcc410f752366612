#!/usr/bin/env bash
# imssec: the whole test suite.  Configures and builds in build/ when needed, then runs every
# CTest test (each imssec TestSuite, the validation runs, the project checks).
# Extra arguments go to ctest, e.g. ./run-tests.sh -L validation  or  -R imssec-sip
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)" "$@"
