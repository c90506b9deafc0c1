#!/bin/sh
# Seeds the `generate` fuzz target's corpus with every JSON AST model we have: model/, the codegen
# fixtures and, when present, the official models in ../shared/models (relative to the workspace).
# Usage (from fuzz/): ./seed-generate.sh && cargo +nightly fuzz run generate corpus/generate
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/corpus/generate"
mkdir -p "$out"
for f in "$root"/model/*.json "$root"/codegen/tests/fixtures/*.json "$root"/../shared/models/*.json; do
    [ -f "$f" ] || continue
    case "$f" in *.ingot.json) continue ;; esac
    cp "$f" "$out/$(basename "$f")"
done
echo "seeded $(ls "$out" | wc -l) files into $out"
