#!/usr/bin/env bash
# Builds the browser client into web/dist: the trainee's app for wasm32,
# optimised for size, with its JavaScript glue and page. The host serves
# these files (see src/net/web.rs).
#
#   bash web/build.sh
#
# Needs the wasm32-unknown-unknown target (installed when missing) and
# builds its own wasm-bindgen (tools/wasm-bindgen: wasm-bindgen's library at
# the version in Cargo.lock, its dependencies pinned by its own lock).
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
version() { awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' "$2"; }
wanted=$(version wasm-bindgen Cargo.lock)
tool=$(version wasm-bindgen-cli-support tools/wasm-bindgen/Cargo.lock)
if [ "$wanted" != "$tool" ]; then
    echo "web/build.sh: the app uses wasm-bindgen $wanted but tools/wasm-bindgen is at $tool:" >&2
    echo "  set wasm-bindgen-cli-support = \"=$wanted\" in tools/wasm-bindgen/Cargo.toml and run cargo update there." >&2
    exit 1
fi
tools=${CARGO_TARGET_DIR:-target}/tools
cargo build --locked --release --quiet --manifest-path tools/wasm-bindgen/Cargo.toml --target-dir "$tools"

# Its own target directory: the browser build and the desktop build do not
# evict each other's artefacts.
target=${CARGO_TARGET_DIR:-target}/web
profile=${WEB_PROFILE:-web}
CARGO_TARGET_DIR=$target cargo build --locked --profile "$profile" --target wasm32-unknown-unknown --bin faisceau
out=${WEB_OUT:-web/dist}
mkdir -p "$out"
"$tools/release/faisceau-wasm-bindgen" "$target/wasm32-unknown-unknown/$profile/faisceau.wasm" "$out"
cp web/index.html "$out/index.html"
size=$(stat -c %s "$out/faisceau_bg.wasm")
deflated=$(python3 -c 'import sys, zlib; print(len(zlib.compress(open(sys.argv[1], "rb").read(), 6)))' "$out/faisceau_bg.wasm" 2>/dev/null || echo "?")
echo "$out: faisceau_bg.wasm $((size / 1024)) KiB ($((deflated / 1024)) KiB as served, deflated)"
