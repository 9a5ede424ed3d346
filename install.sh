#!/usr/bin/env bash
# Installs `lob` for everyone on this machine (or under PREFIX): builds it in release mode, puts the program and the
# files it reads (profiles, the form's page, the server's stylesheet) in PREFIX/lib/lob-spiegel and a link to it in
# PREFIX/bin. Needs Swift 6.1 or newer (https://www.swift.org/install/linux/) and, on Debian or Ubuntu, the packages
# below (installed here when run as root).
#
#   sudo bash install.sh                  # /usr/local/bin/lob
#   bash install.sh                       # without root: ~/.local/bin/lob
#   PREFIX=/opt/lob bash install.sh       # anywhere
#
# Removing it: rm -r PREFIX/lib/lob-spiegel PREFIX/bin/lob. The data stays in ~/.local/share/lob-spiegel (or LOB_DB).
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" -eq 0 ]; then prefix=${PREFIX:-/usr/local}; else prefix=${PREFIX:-$HOME/.local}; fi
configuration=${LOB_CONFIGURATION:-release}
# Where it builds (SwiftPM's --scratch-path): the package's own .build unless told otherwise.
scratch=${LOB_BUILD_PATH:-.build}

packages=(libsqlite3-dev libncurses-dev zlib1g-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "install.sh: eerst nodig: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi
command -v swift >/dev/null || {
    echo "install.sh: Swift ontbreekt: installeer Swift 6.1 of nieuwer (https://www.swift.org/install/linux/)" >&2
    exit 1
}

# The Swift runtime and Foundation linked in: the installed folder runs without the toolchain.
flags=()
[ "$configuration" = release ] && flags=(--static-swift-stdlib)
swift build -c "$configuration" "${flags[@]}" --scratch-path "$scratch" --product lob
built=$(swift build -c "$configuration" "${flags[@]}" --scratch-path "$scratch" --show-bin-path)

# The program finds its resource bundles beside its own file (a link to it is followed), so they travel together.
home="$prefix/lib/lob-spiegel"
mkdir -p "$home" "$prefix/bin"
rm -rf "$home"/*.resources
install -m 0755 "$built/lob" "$home/lob"
for bundle in "$built"/LOB-spiegel_*.resources; do
    case "$bundle" in *Tests.resources) continue ;; esac
    cp -R "$bundle" "$home/"
done
ln -sfn ../lib/lob-spiegel/lob "$prefix/bin/lob"
echo "lob staat in $prefix/bin/lob ($("$prefix/bin/lob" --version))."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Zet $prefix/bin in je PATH om 'lob' overal te kunnen gebruiken." ;;
esac
