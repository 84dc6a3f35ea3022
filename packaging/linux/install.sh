#!/bin/sh
# Install this bundle for every user of the machine (run as root from the unpacked folder):
#   sudo ./install.sh            ->  /opt/counter-app, `counter-app` on PATH, menu entry, icons
# PREFIX=/elsewhere installs elsewhere; DESTDIR=/staging writes below a staging root (packagers).
# Installing again replaces the program; the data (~/.local/share/counter-app of each user,
# or the folder given with --data-dir) is never touched, nor removed by uninstalling.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-/opt/counter-app}
DESTDIR=${DESTDIR:-}
ICONS=$HERE/_internal/counter_app/_bundled/resources/icons
SHARE=$DESTDIR/usr/share

if [ -z "$DESTDIR" ] && [ "$(id -u)" -ne 0 ]; then
  echo "Cần chạy với quyền root: sudo $0 / Run as root: sudo $0" >&2
  exit 1
fi
if [ "$HERE" != "$DESTDIR$PREFIX" ]; then
  mkdir -p "$(dirname "$DESTDIR$PREFIX")"
  rm -rf "$DESTDIR$PREFIX.new"
  cp -a "$HERE" "$DESTDIR$PREFIX.new"
  rm -rf "$DESTDIR$PREFIX"
  mv "$DESTDIR$PREFIX.new" "$DESTDIR$PREFIX"
fi
mkdir -p "$DESTDIR/usr/local/bin"
ln -sfn "$PREFIX/counter-app" "$DESTDIR/usr/local/bin/counter-app"
install -Dm644 "$HERE/counter-app.desktop" "$SHARE/applications/counter-app.desktop"
for size in 16 24 32 48 64 128 256; do
  install -Dm644 "$ICONS/counter-app-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/counter-app.png"
done
install -Dm644 "$ICONS/counter-app.svg" "$SHARE/icons/hicolor/scalable/apps/counter-app.svg"
if [ -z "$DESTDIR" ]; then
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$SHARE/icons/hicolor" || true
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
fi
echo "Đã cài / Installed: $PREFIX ($("$DESTDIR$PREFIX/counter-app" --version))"
