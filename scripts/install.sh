#!/usr/bin/env bash
# Installs connexml under PREFIX (default /usr/local):
#   PREFIX/bin/connexml                                  a release build
#   PREFIX/share/man/man1/connexml*.1                    the manual (docs/man)
#   PREFIX/share/bash-completion/completions/connexml    completions, made by
#   PREFIX/share/zsh/site-functions/_connexml            the installed binary
#   PREFIX/share/fish/vendor_completions.d/connexml.fish
#   PREFIX/share/connexml/installed-files                what was installed,
#                                                        for the uninstall
#
#   scripts/install.sh                      build (release) and install
#   PREFIX=$HOME/.local scripts/install.sh  install somewhere else
#   scripts/install.sh --uninstall          remove exactly what the list says
#                                           (and the folders the install made,
#                                           when they are empty again)
#
# SCRATCH_PATH: SwiftPM's build folder (default .build).
# CONNEXML_BINARY: install this binary instead of building one (tests use it
# to install the debug build; a release build takes minutes).
set -euo pipefail

# Relative paths are the caller's, not the repository's.
absolute() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
PREFIX="$(absolute "${PREFIX:-/usr/local}")"
PREFIX="${PREFIX%/}"
if [ -n "${CONNEXML_BINARY:-}" ]; then CONNEXML_BINARY="$(absolute "$CONNEXML_BINARY")"; fi
cd "$(dirname "$0")/.."
manifest="$PREFIX/share/connexml/installed-files"

# The manifest has one line per file ("file bin/connexml") and per folder
# the install made ("folder share/zsh"), relative to PREFIX.
entries() {  # entries KIND: the paths of that kind in the manifest
  [ -f "$manifest" ] || return 0
  local kind path
  while IFS=' ' read -r kind path; do
    case "$path" in "" | /* | *..*) continue ;; esac  # only paths inside PREFIX
    if [ "$kind" = "$1" ]; then printf '%s\n' "$path"; fi
  done < "$manifest"
}

remove_files() {
  local path
  while IFS= read -r path; do
    rm -f "$PREFIX/$path" && echo "removed $PREFIX/$path"
  done < <(entries file)
}

uninstall() {
  if [ ! -f "$manifest" ]; then
    echo "install.sh: nothing to uninstall: no $manifest" >&2
    exit 1
  fi
  local folders path
  folders="$(entries folder | sort -r)"  # deepest first
  remove_files
  rm -f "$manifest"
  # Only folders the install made, and only when nothing else is in them.
  while IFS= read -r path; do
    [ -n "$path" ] || continue
    if rmdir "$PREFIX/$path" 2>/dev/null; then echo "removed $PREFIX/$path/"; fi
  done <<< "$folders"
}

if [ "${1:-}" = "--uninstall" ]; then
  uninstall
  exit 0
elif [ $# -gt 0 ]; then
  echo "usage: [PREFIX=DIR] scripts/install.sh [--uninstall]" >&2
  exit 2
fi

if [ -n "${CONNEXML_BINARY:-}" ]; then
  binary="$CONNEXML_BINARY"
else
  scratch="${SCRATCH_PATH:-.build}"
  swift build -c release --product connexml --scratch-path "$scratch"
  binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/connexml"
fi
[ -x "$binary" ] || { echo "install.sh: no executable at $binary" >&2; exit 2; }

# Installing again replaces the earlier install: its files go first (a page
# no longer in docs/man must not stay behind); the folders it made stay
# recorded, so an uninstall still removes them.
mapfile -t folders < <(entries folder)
remove_files
files=()

make_folder() {  # make_folder RELATIVE: each missing level, recorded
  local part="" piece
  local -a pieces
  IFS=/ read -ra pieces <<< "$1"
  for piece in "${pieces[@]}"; do
    part="${part:+$part/}$piece"
    if [ ! -d "$PREFIX/$part" ]; then
      mkdir "$PREFIX/$part"
      folders+=("$part")
    fi
  done
}

put() {  # put MODE SOURCE RELATIVE-TARGET
  make_folder "$(dirname "$3")"
  install -m "$1" "$2" "$PREFIX/$3"
  files+=("$3")
  echo "installed $PREFIX/$3"
}

mkdir -p "$PREFIX"
put 755 "$binary" bin/connexml
for page in docs/man/*.1; do
  put 644 "$page" "share/man/man1/$(basename "$page")"
done
completions="$(mktemp -d)"
trap 'rm -rf "$completions"' EXIT
for shell in bash zsh fish; do
  "$PREFIX/bin/connexml" --generate-completion-script "$shell" > "$completions/$shell"
done
put 644 "$completions/bash" share/bash-completion/completions/connexml
put 644 "$completions/zsh" share/zsh/site-functions/_connexml
put 644 "$completions/fish" share/fish/vendor_completions.d/connexml.fish

make_folder share/connexml
{
  printf 'file %s\n' "${files[@]}"
  if [ ${#folders[@]} -gt 0 ]; then printf 'folder %s\n' "${folders[@]}" | sort -u; fi
} > "$manifest"
echo "uninstall with: PREFIX=$PREFIX scripts/install.sh --uninstall"
