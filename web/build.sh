#!/usr/bin/env bash
# Builds the browser client into web/dist: the trainee's app for wasm32,
# optimised for size, with its JavaScript glue and page. The host serves
# these files (see src/net/web.rs).
#
#   bash web/build.sh
#
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli at the
# version in Cargo.lock; the script installs both when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$"; then
    # Without --locked: one dependency pinned in its own lock is not on the registry.
    cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# Its own target directory: the browser build and the desktop build do not
# evict each other's artefacts.
target=${CARGO_TARGET_DIR:-target}/web
profile=${WEB_PROFILE:-web}
CARGO_TARGET_DIR=$target cargo build --locked --profile "$profile" --target wasm32-unknown-unknown --bin faisceau
out=${WEB_OUT:-web/dist}
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$out" --out-name faisceau \
    "$target/wasm32-unknown-unknown/$profile/faisceau.wasm"
cp web/index.html "$out/index.html"
size=$(stat -c %s "$out/faisceau_bg.wasm")
deflated=$(python3 -c 'import sys, zlib; print(len(zlib.compress(open(sys.argv[1], "rb").read(), 6)))' "$out/faisceau_bg.wasm" 2>/dev/null || echo "?")
echo "$out: faisceau_bg.wasm $((size / 1024)) KiB ($((deflated / 1024)) KiB as served, deflated)"
