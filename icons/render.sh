#!/usr/bin/env bash
# Renders outband.svg into the PNG, ICO and ICNS files committed beside it, and copies the
# window icons into the app's resources. Run by hand after editing the SVG; CI does not run it.
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (ICO), icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"

im=$(command -v convert-im6.q16 || command -v magick || command -v convert)

for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" outband.svg -o "outband-$s.png"
done

"$im" outband-16.png outband-24.png outband-32.png outband-48.png outband-64.png outband-128.png \
  outband-256.png outband.ico

# png2icns keeps only the sizes ICNS has slots for (16, 32, 48, 128, 256, 512).
png2icns outband.icns outband-16.png outband-32.png outband-48.png outband-128.png outband-256.png \
  outband-512.png >/dev/null

res=../app/src/main/resources/dev/outband/app/icons
mkdir -p "$res"
for s in 16 32 48 64 128 256; do
  cp "outband-$s.png" "$res/outband-$s.png"
done
