#!/usr/bin/env bash
# Throughline's one setup script. On a fresh Debian 12 machine (as root, or with sudo):
#   ./setup.sh demo   install what is missing, build (release), start the built-in emulated model server on a
#                     free loopback port and open the workbench on a demo project aimed at it (press Run).
#                     Without a display it says so and runs the same demo headless through the CLI.
#   ./setup.sh test   install what is missing, build with AddressSanitizer + UndefinedBehaviorSanitizer and run
#                     every test (CTest). This is what CI runs.
#   ./setup.sh deps   only install the Debian packages.
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages. Traps: Qt Charts' CMake config needs libqt6opengl6-dev, the SQLite driver is
# libqt6sql6-sqlite and the offscreen/xcb platform plugins are qt6-qpa-plugins; none comes with
# --no-install-recommends.
PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-qpa-plugins
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    nlohmann-json3-dev libsqlite3-dev zlib1g-dev libzstd-dev
    qtkeychain-qt6-dev
    dpkg-dev file xvfb xauth fonts-noto-cjk ccache
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_deps() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        log "All Debian packages are present."
        return
    fi
    log "Installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

jobs() { nproc 2>/dev/null || echo 2; }

build() {
    local preset=$1
    log "Configuring and building (preset: $preset)"
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" -j "$(jobs)"
}

case "${1:-}" in
deps)
    install_deps
    ;;
demo)
    install_deps
    build release
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        log "Opening the workbench on the demo project (built-in emulated server on a free loopback port)"
        exec build/release/app/throughline --demo
    fi
    log "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the same demo headless through the CLI"
    exec build/release/app/throughline-cli demo
    ;;
test)
    install_deps
    build asan
    log "Running every test under AddressSanitizer + UndefinedBehaviorSanitizer"
    ctest --preset asan --output-on-failure
    ;;
*)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
