#!/usr/bin/env bash
# Re-render the committed PNG app icons from resources/icons/throughline.svg.
# Needs rsvg-convert (Debian: apt-get install --no-install-recommends librsvg2-bin).
# The build never runs this; run it by hand after editing the SVG and commit the PNGs.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
svg="$root/resources/icons/throughline.svg"
app_id="io.github.throughline.Throughline"

command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert not found (package librsvg2-bin)" >&2; exit 1; }

for size in 48 128 256; do
    out="$root/resources/icons/hicolor/${size}x${size}/apps/${app_id}.png"
    mkdir -p "$(dirname "$out")"
    rsvg-convert --width "$size" --height "$size" --output "$out" "$svg"
    echo "render-icons: wrote ${out#"$root"/}"
done
