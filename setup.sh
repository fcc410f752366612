#!/usr/bin/env bash
# imssec: one command on a fresh Debian 12 machine.  Installs what the project needs with
# apt-get, configures and builds it, then runs the main job (the default experiment, which
# writes its database and figures into results/).
#
#   ./setup.sh               install, build, run the main job
#   ./setup.sh --deps-only   install the Debian packages only (what .ci/run uses)
#   ./setup.sh --no-deps     build and run, assuming the packages are there
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
    build-essential cmake ninja-build git
    libns3-dev ns3 libgsl-dev          # ns-3.37; ns3 and libgsl-dev fill holes in libns3-dev
    libboost-dev libsqlite3-dev sqlite3 libssl-dev nlohmann-json3-dev
    python3 python3-matplotlib tshark parallel
    clang clang-format                 # libFuzzer target and the format check
    valgrind                           # the valgrind-scenario test
)

die() {
    echo "setup.sh: $*" >&2
    exit 1
}

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "setup.sh: all Debian packages already installed"
        return
    fi
    command -v apt-get >/dev/null || die "apt-get not found: imssec's setup needs Debian 12 (bookworm)."
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "installing ${missing[*]} needs root: run as root or install sudo."
        sudo=(sudo)
    fi
    echo "setup.sh: installing ${missing[*]}"
    if ! "${sudo[@]}" apt-get update -q --error-on=any; then
        die "cannot reach the Debian package mirror (apt-get update failed): check the network, the proxy and /etc/apt/sources.list*."
    fi
    # tshark asks whether non-root users may capture; answer for it.
    echo "wireshark-common wireshark-common/install-setuid boolean false" |
        "${sudo[@]}" debconf-set-selections
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends "${missing[@]}"; then
        die "apt-get could not install ${missing[*]}: see the messages above (mirror unreachable or package unknown)."
    fi
}

build() {
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
    cmake --build build
}

main_job() {
    # The default experiment: a batch of runs in parallel into results/default.sqlite (runs
    # already there are skipped), then the figures drawn from that database.
    ./tools/imssec-batch run experiments/default.batch
    ./tools/imssec-plot results/default.sqlite
}

case "${1:-}" in
--deps-only) install_packages ;;
--no-deps) build && main_job ;;
"") install_packages && build && main_job ;;
*) die "unknown option '$1' (use --deps-only or --no-deps)" ;;
esac
