#!/usr/bin/env bash
# Benchmark `connkit diff` over ../shared/corpus/revisions (release build) with peak RSS.
# Usage: scripts/bench-diff.sh [REVISIONS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-../shared/corpus/revisions}"
if [ ! -d "$dir" ]; then
  echo "skipped: $dir not found (the corpus is not part of this repository)"
  exit 0
fi
cargo build --release --example diff_corpus --bin connkit
bin=target/release/examples/diff_corpus
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "$bin" "$dir" 2> >(grep -E "Maximum resident|Elapsed" >&2)
else
  "$bin" "$dir"
fi
# The largest pair through the CLI (process start, read, parse, compare, positions, render).
largest=$(for d in "$dir"/*/; do echo "$(cat "$d"old.swagger.json "$d"new.swagger.json | wc -c) $d"; done | sort -n | tail -1 | cut -d' ' -f2-)
echo "largest pair via the CLI: $largest"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v target/release/connkit diff --format json "${largest}old.swagger.json" "${largest}new.swagger.json" >/dev/null 2> >(grep -E "Maximum resident|Elapsed" >&2) || true
fi
