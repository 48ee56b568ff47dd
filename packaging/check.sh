#!/usr/bin/env bash
# Validates the desktop entry and the AppStream metadata, and, given a
# built .deb, that it installs them (and only the app) where desktops look.
# Needs desktop-file-utils and appstream (Debian packages of those names).
# Usage: packaging/check.sh [target/packages/sourcelight_*.deb]
set -euo pipefail
deb=${1:+$(realpath "$1")}
cd "$(dirname "$0")"
desktop-file-validate org.sourcelight.Sourcelight.desktop
appstreamcli validate --no-net org.sourcelight.Sourcelight.metainfo.xml
if [ -n "$deb" ]; then
  listing=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./##')
  for want in usr/bin/sourcelight \
              usr/share/applications/org.sourcelight.Sourcelight.desktop \
              usr/share/metainfo/org.sourcelight.Sourcelight.metainfo.xml \
              usr/share/icons/hicolor/scalable/apps/org.sourcelight.Sourcelight.svg \
              usr/share/icons/hicolor/256x256/apps/org.sourcelight.Sourcelight.png; do
    grep -qx -- "$want" <<<"$listing" || { echo "missing from $deb: $want" >&2; exit 1; }
  done
  if grep -q train-syntax <<<"$listing"; then
    echo "$deb ships the training program" >&2; exit 1
  fi
  echo "$deb: binary, desktop entry, metainfo and icons in place"
fi
