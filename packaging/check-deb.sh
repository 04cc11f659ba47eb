#!/usr/bin/env bash
# Check a Throughline .deb built by CPack (see packaging/README.md).
#
# Usage: packaging/check-deb.sh [--headless] <package.deb | directory-containing-one-.deb>
#
# Asserts that the Depends field names the plugin packages dpkg-shlibdeps cannot detect
# (libqt6sql6-sqlite, and qt6-qpa-plugins for the GUI) plus Qt's core library, and that the
# package contains the executables, the desktop entry, the AppStream metainfo, the MIME type and a
# hicolor icon. --headless is for packages built with THROUGHLINE_BUILD_GUI=OFF: it checks only
# the headless executables and libqt6sql6-sqlite/libqt6core6.
# Prints each check; exits 1 with a message on the first missing item, 2 on a usage error.
set -euo pipefail

app_id="io.github.throughline.Throughline"
headless=0

usage() {
    echo "usage: $0 [--headless] <package.deb | directory containing one .deb>" >&2
    exit 2
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --headless) headless=1; shift ;;
        -h|--help) usage ;;
        --) shift; break ;;
        -*) echo "check-deb: unknown option '$1'" >&2; usage ;;
        *) break ;;
    esac
done
[[ $# -eq 1 ]] || usage

deb="$1"
if [[ -d "$deb" ]]; then
    shopt -s nullglob
    debs=("$deb"/*.deb)
    shopt -u nullglob
    if [[ ${#debs[@]} -ne 1 ]]; then
        echo "check-deb: FAIL: expected exactly one .deb in '$deb', found ${#debs[@]}" >&2
        exit 1
    fi
    deb="${debs[0]}"
fi
if [[ ! -f "$deb" ]]; then
    echo "check-deb: FAIL: no such package file: '$deb'" >&2
    exit 1
fi
command -v dpkg-deb >/dev/null || { echo "check-deb: FAIL: dpkg-deb not found" >&2; exit 1; }

fail() {
    echo "check-deb: FAIL: $*" >&2
    exit 1
}
ok() {
    echo "  ok  $*"
}

echo "check-deb: checking $deb"

# --- control fields ---------------------------------------------------------------------------
dpkg-deb -I "$deb" >/dev/null || fail "dpkg-deb -I could not read '$deb'"
package=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)
depends=$(dpkg-deb -f "$deb" Depends | tr '\n' ' ' | sed 's/ *$//')
echo "  Package: $package"
echo "  Version: $version"
echo "  Depends: $depends"
[[ -n "$depends" ]] || fail "the package has no Depends field"

# Split Depends into bare package names: drop version constraints and arch qualifiers, one name
# per line (alternatives "a | b" count as both).
dep_names=$(printf '%s\n' "$depends" | sed 's/[,|]/\n/g' | sed -e 's/(.*)//' -e 's/:.*//' -e 's/[[:space:]]//g' | sed '/^$/d')

require_dep() { # <regex on one package name> <description>
    if grep -Eqx -- "$1" <<<"$dep_names"; then
        ok "Depends has $2 ($(grep -Ex -- "$1" <<<"$dep_names" | head -n1))"
    else
        fail "Depends lacks $2 (wanted a package matching '$1'; Depends is: $depends)"
    fi
}

require_dep 'libqt6sql6-sqlite' 'the Qt SQLite SQL driver plugin'
if [[ $headless -eq 0 ]]; then
    require_dep 'qt6-qpa-plugins' 'the Qt platform plugins'
fi
# Found by dpkg-shlibdeps; t64 is the suffix newer Debian/Ubuntu releases use.
require_dep 'libqt6core6(t64)?' 'the Qt 6 core library'

# --- contents ---------------------------------------------------------------------------------
# dpkg-deb -c prints "perms owner/group size date time ./path[ -> target]"; keep the path without
# its leading "./".
contents=$(dpkg-deb -c "$deb" | awk '{ $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); sub(/ -> .*$/, ""); sub(/^\.\//, ""); print }') \
    || fail "dpkg-deb -c could not list '$deb'"

require_file() { # <regex on one path> <description>
    local hit
    hit=$(grep -Ex -- "$1" <<<"$contents" | head -n1 || true)
    if [[ -n "$hit" ]]; then
        ok "contains $2 ($hit)"
    else
        fail "package does not contain $2 (no path matching '$1')"
    fi
}

require_file 'usr/bin/throughline-cli' 'the headless runner'
require_file 'usr/bin/throughline-sim' 'the simulated model server'
if [[ $headless -eq 0 ]]; then
    require_file 'usr/bin/throughline' 'the GUI'
    require_file "usr/share/applications/${app_id//./\\.}\\.desktop" 'the desktop entry'
    require_file "usr/share/metainfo/${app_id//./\\.}\\.metainfo\\.xml" 'the AppStream metainfo'
    require_file "usr/share/mime/packages/${app_id//./\\.}\\.xml" 'the MIME type definition'
    require_file "usr/share/icons/hicolor/[^/]+/apps/${app_id//./\\.}\\.(png|svg)" 'a hicolor app icon'
fi

echo "check-deb: all checks passed for $package $version"
