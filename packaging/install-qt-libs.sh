#!/usr/bin/env bash
# Installs the Debian libraries a Qt window needs under X11 (and CJK fonts for the Korean
# lessons) when they are missing. Quiet and quick when everything is there already.
set -euo pipefail
packages=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1
          libfontconfig1 libdbus-1-3 fonts-noto-cjk)
command -v dpkg-query >/dev/null || exit 0
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "Installing libraries Qt needs: ${missing[*]}"
$sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
  || echo "Could not install ${missing[*]}; the window may not open (the app says why)." >&2
