#!/bin/sh
# Put kexie in the desktop's menu, register it for text/plain ("Open with kexie"),
# and install its icons and AppStream metainfo.
#
#   ./install.sh               for this user: ~/.local/share, ~/.local/bin
#   sudo ./install.sh --system for everyone: /usr/local/share, /usr/local/bin
#   PREFIX=/opt/x ./install.sh into another prefix
#   ./install.sh --uninstall   (with the same options) removes what it installed
#
# Works from the unpacked bundle (dist/kexie/install.sh: links bin/kexie and
# bin/kexie-gui to the bundle's executables) and from a checkout
# (packaging/linux/install.sh: the programs come from `pip install`, so only
# the menu entry, metainfo and icons are installed).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
uninstall=0
prefix=${PREFIX:-$HOME/.local}
for arg in "$@"; do
  case $arg in
    --system) prefix=${PREFIX:-/usr/local} ;;
    --uninstall) uninstall=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

id=org.kexie.KexieGui
if [ -d "$here/share/applications" ]; then          # the bundle
  share_src=$here/share
  icons_src=$here/share/icons/hicolor
  desktop_src=$share_src/applications/$id.desktop
  metainfo_src=$share_src/metainfo/$id.metainfo.xml
  svg_src=$icons_src/scalable/apps/$id.svg
else                                                # a checkout
  root=$(cd "$here/../.." && pwd)
  icons_src=$root/resources/icons/hicolor
  desktop_src=$here/$id.desktop
  metainfo_src=$here/$id.metainfo.xml
  svg_src=$root/resources/icons/kexie.svg
fi

apps=$prefix/share/applications
meta=$prefix/share/metainfo
icons=$prefix/share/icons/hicolor
bin=$prefix/bin

if [ $uninstall = 1 ]; then
  rm -f "$apps/$id.desktop" "$meta/$id.metainfo.xml" "$icons/scalable/apps/$id.svg"
  for d in "$icons"/*/apps; do rm -f "$d/$id.png"; done
  for exe in kexie kexie-gui; do
    # only links that point into a kexie bundle
    if [ -L "$bin/$exe" ] && [ -f "$(dirname "$(readlink "$bin/$exe")")/_internal/resources/sample_page.txt" ]; then
      rm -f "$bin/$exe"
    fi
  done
else
  mkdir -p "$apps" "$meta" "$icons/scalable/apps"
  # Exec/TryExec get the absolute path of kexie-gui when it is known: a menu
  # does not always search ~/.local/bin, and TryExec hides the entry when it
  # cannot find the program.
  if [ -x "$here/kexie-gui" ]; then exe=$here/kexie-gui; else exe=$(command -v kexie-gui 2>/dev/null || true); fi
  if [ -n "$exe" ]; then
    case $exe in *" "*) exec_value="\"$exe\"" ;; *) exec_value=$exe ;; esac
    sed -e "s|^Exec=kexie-gui|Exec=$exec_value|" -e "s|^TryExec=kexie-gui|TryExec=$exe|" "$desktop_src" > "$apps/$id.desktop.tmp"
    chmod 644 "$apps/$id.desktop.tmp" && mv "$apps/$id.desktop.tmp" "$apps/$id.desktop"
  else
    install -m 644 "$desktop_src" "$apps/$id.desktop"
  fi
  install -m 644 "$metainfo_src" "$meta/$id.metainfo.xml"
  install -m 644 "$svg_src" "$icons/scalable/apps/$id.svg"
  for png in "$icons_src"/*/apps/$id.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    mkdir -p "$icons/$size/apps"
    install -m 644 "$png" "$icons/$size/apps/$id.png"
  done
  if [ -x "$here/kexie-gui" ] && [ -x "$here/kexie" ]; then
    mkdir -p "$bin"
    ln -sf "$here/kexie-gui" "$bin/kexie-gui"
    ln -sf "$here/kexie" "$bin/kexie"
    case ":$PATH:" in *":$bin:"*) ;; *) echo "install.sh: add $bin to PATH to run kexie and kexie-gui from a shell" ;; esac
  elif ! command -v kexie-gui >/dev/null 2>&1; then
    echo "install.sh: kexie-gui is not on PATH; the menu entry runs 'kexie-gui %F'" >&2
  fi
fi

# refresh the caches when the tools are there (missing ones are harmless)
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f "$icons" 2>/dev/null || true
command -v update-mime-database >/dev/null 2>&1 && [ -d "$prefix/share/mime" ] && update-mime-database "$prefix/share/mime" 2>/dev/null || true
if [ $uninstall = 1 ]; then echo "install.sh: removed kexie from $prefix"; else echo "install.sh: installed kexie into $prefix"; fi
