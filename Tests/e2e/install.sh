#!/usr/bin/env bash
# install.sh into a clean prefix, then the installed `lob` used as a teacher and a teamvoorzitter would, from another
# folder, with only the prefix's bin on the PATH and the build's resource bundles moved away (the program would
# otherwise find them at the path compiled into it, and a missing bundle would go unnoticed). It builds in a folder of
# its own (.build-install), so that moving them disturbs no other build.
#   bash Tests/e2e/install.sh            (LOB_CONFIGURATION=debug for a quicker check of the layout only)
set -euo pipefail
cd "$(dirname "$0")/../.."
repository=$PWD
configuration=${LOB_CONFIGURATION:-release}
scratch=.build-install
prefix=$(mktemp -d)
work=$(mktemp -d)
hidden=$(mktemp -d)
flags=()
[ "$configuration" = release ] && flags=(--static-swift-stdlib)
built=$(swift build -c "$configuration" "${flags[@]}" --scratch-path "$scratch" --show-bin-path)
server=
restore() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    mv "$hidden"/*.resources "$built"/ 2>/dev/null || true
    rm -rf "$prefix" "$work" "$hidden"
}
trap restore EXIT
fail() { echo "install: $*" >&2; exit 1; }

PREFIX="$prefix" LOB_CONFIGURATION="$configuration" LOB_BUILD_PATH="$scratch" bash install.sh >"$work/install.log" 2>&1 || {
    cat "$work/install.log"
    fail "install.sh failed"
}
[ -L "$prefix/bin/lob" ] && [ -x "$prefix/lib/lob-spiegel/lob" ] || fail "no lob in $prefix"
for bundle in LOBShippedProfiles LOBForm LOBServe; do
    [ -d "$prefix/lib/lob-spiegel/LOB-spiegel_$bundle.resources" ] || fail "bundle $bundle not installed"
done
ls "$prefix/lib/lob-spiegel" | grep -q "Tests.resources" && fail "a test bundle was installed"
# Released, it needs no Swift toolchain: only the system's own libraries.
if [ "$configuration" = release ] && ldd "$prefix/lib/lob-spiegel/lob" | grep -q "libswift\|libFoundation\|/opt/swift"; then
    fail "the release build needs the Swift toolchain: $(ldd "$prefix/lib/lob-spiegel/lob" | grep -i swift)"
fi

mv "$built"/*.resources "$hidden"/
export HOME="$work" LOB_DB="$work/lob.sqlite" PATH="$prefix/bin:/usr/bin:/bin"
cd "$work"
lob --version >/dev/null
lob profiles list | grep -q "loopbaanbegeleider-vmbo" || fail "the shipped profiles are not found"
lob form --out zelfscan.html >/dev/null && grep -q "<title>Zelfscan" zelfscan.html || fail "lob form wrote no form"
lob scan --answers "$repository/docs/examples/scan.yaml" >/dev/null
lob plan 1 --format html --out plan.html >/dev/null && grep -q "Scholingsplan" plan.html || fail "no plan"
[ "$(stat -c %a plan.html)" = 600 ] || fail "plan.html is readable by others"

# The server's stylesheet comes from its bundle.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
lob serve --port "$port" >serve.log 2>&1 &
server=$!
for _ in $(seq 1 100); do
    grep -q "luistert op" serve.log && break
    sleep 0.1
done
python3 - "$port" <<'EOF' || fail "the installed server serves no stylesheet"
import sys, urllib.request
body = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/stijl.css", timeout=5).read()
assert len(body) > 1000, len(body)
EOF
echo "install: lob in a clean prefix runs from another folder without the build's resources (profiles, form, plan, server)"
