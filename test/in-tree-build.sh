#!/usr/bin/env bash
# Builds contrib/imssec inside ns-3.37's own source tree (Debian's source package) and runs
# its suites with ns-3's test.py: proof that the folder drops into an ns-3 tree's contrib/.
#
#   test/in-tree-build.sh [WORKDIR]      (default /tmp/imssec-in-tree; needs root for apt-get)
#
# Takes about 15 minutes on a 2-core machine (a debug build of core, network, internet,
# applications, point-to-point, traffic-control, stats and imssec, with tests and examples).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/imssec-in-tree}
die() {
    echo "in-tree-build.sh: $*" >&2
    exit 1
}
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

# Debian's source packages need a deb-src entry for the configured mirror.
if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "adding a deb-src entry for the configured Debian mirror"
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
            "${sudo[@]}" tee /etc/apt/sources.list.d/imssec-deb-src.sources >/dev/null
    elif [ -f /etc/apt/sources.list ]; then
        grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' |
            "${sudo[@]}" tee /etc/apt/sources.list.d/imssec-deb-src.list >/dev/null
    else
        die "no Debian mirror configured in /etc/apt: cannot fetch ns-3's source package"
    fi
    "${sudo[@]}" apt-get update -q --error-on=any || die "cannot reach the Debian package mirror"
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    dpkg-dev build-essential cmake ninja-build python3 libssl-dev libsqlite3-dev libgsl-dev \
    >/dev/null || die "apt-get could not install the build tools"

mkdir -p "$work"
cd "$work"
tree=$(find . -maxdepth 3 -name ns3 -path '*/ns-3.37/ns3' -printf '%h\n' | head -n 1)
if [ -z "$tree" ]; then
    apt-get source -q ns3 || die "apt-get source ns3 failed (no network to the mirror?)"
    tree=$(find . -maxdepth 3 -name ns3 -path '*/ns-3.37/ns3' -printf '%h\n' | head -n 1)
fi
[ -n "$tree" ] || die "ns-3.37 source tree not found under $work"
cd "$tree"
rm -rf contrib/imssec
cp -r "$here/contrib/imssec" contrib/imssec

start=$(date +%s)
# csma only because ns-3.37's src/test builds a TCP suite that needs it whenever
# applications and point-to-point are enabled (it does not check for csma).
./ns3 configure -d debug --enable-tests --enable-examples --enable-modules="imssec;csma" \
    -G Ninja || die "ns-3 configure failed"
./ns3 build || die "ns-3 build failed"
built=$(date +%s)

runner=$(find build -name 'ns3.37-test-runner-debug' -type f | head -n 1)
[ -n "$runner" ] || die "ns-3's test-runner was not built"
mapfile -t suites < <("$runner" --list | grep '^imssec')
[ ${#suites[@]} -gt 0 ] || die "no imssec suites registered in the in-tree build"
failed=0
for s in "${suites[@]}"; do
    ./test.py --no-build --suite="$s" || failed=1
done
end=$(date +%s)
echo "in-tree: configure+build $((built - start)) s, ${#suites[@]} suites $((end - built)) s"
exit $failed
