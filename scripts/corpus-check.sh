#!/usr/bin/env bash
# Robustness check over the public corpus (run before a release; not part of the test suite):
# every connector and every revision file goes through `lint`, every revision pair through
# `diff` (both directions and with `--text`), and nothing may crash.
#
#   scripts/corpus-check.sh [CORPUS]      CORPUS defaults to ../shared/corpus
#
# Fails (exit 1) on: an exit status other than 0/1 (2 = usage/I/O error, 101 = panic, or a
# signal), output that is not one valid JSON document, or an InternalError finding (a rule
# that panicked and was contained). Prints one summary line per step.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
if [ ! -d "$corpus/connectors" ] && [ ! -d "$corpus/revisions" ]; then
  echo "skipping: $corpus has no connectors/ or revisions/ (the public corpus is not part of this repo)"
  exit 0
fi
cargo build --release --quiet --bin connkit
bin=target/release/connkit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Exit status 0 (clean) or 1 (findings) only; stdout one JSON document without InternalError.
check_json_run() {
  local what=$1 status=$2 out=$3
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    fail "$what: exit status $status"
    return
  fi
  if ! python3 - "$out" <<'EOF'; then
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
internal = [f for c in doc.get("connectors", []) for f in c.get("findings", []) if f.get("code") == "InternalError"]
for f in internal[:5]:
    print("  InternalError:", f.get("file"), f.get("message"))
sys.exit(1 if internal else 0)
EOF
    fail "$what: invalid JSON output or InternalError findings"
  fi
}

if [ -d "$corpus/connectors" ]; then
  set +e
  "$bin" lint "$corpus/connectors" --format json > "$tmp/lint.json" 2> "$tmp/lint.err"
  status=$?
  set -e
  check_json_run "lint connectors" "$status" "$tmp/lint.json"
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["connectors"]))' "$tmp/lint.json" 2>/dev/null || echo "?")
  echo "lint connectors: $n connectors, exit $status"
fi

if [ -d "$corpus/revisions" ]; then
  mapfile -t files < <(find "$corpus/revisions" -name '*.swagger.json' | LC_ALL=C sort)
  set +e
  "$bin" lint "${files[@]}" --format json > "$tmp/lint-rev.json" 2> "$tmp/lint-rev.err"
  status=$?
  set -e
  check_json_run "lint revision files" "$status" "$tmp/lint-rev.json"
  echo "lint revision files: ${#files[@]} files, exit $status"

  pairs=0
  breaking=0
  for d in "$corpus"/revisions/*/; do
    if [ ! -f "$d/old.swagger.json" ] || [ ! -f "$d/new.swagger.json" ]; then continue; fi
    pairs=$((pairs + 1))
    for dir in forward backward; do
      if [ "$dir" = forward ]; then a="$d/old.swagger.json" b="$d/new.swagger.json"; else a="$d/new.swagger.json" b="$d/old.swagger.json"; fi
      set +e
      "$bin" diff "$a" "$b" --format json > "$tmp/diff.json" 2> "$tmp/diff.err"
      status=$?
      set -e
      if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
        fail "diff $dir $d: exit status $status: $(head -c 300 "$tmp/diff.err")"
      elif ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/diff.json" 2>/dev/null; then
        fail "diff $dir $d: invalid JSON output"
      fi
      if [ "$dir" = forward ] && [ "$status" -eq 1 ]; then breaking=$((breaking + 1)); fi
    done
    set +e
    "$bin" diff "$d/old.swagger.json" "$d/new.swagger.json" --text --color never > /dev/null 2> "$tmp/diff.err"
    status=$?
    set -e
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
      fail "diff --text $d: exit status $status"
    fi
  done
  echo "diff revision pairs: $pairs pairs (both directions, and --text), $breaking with breaking changes"
fi

if [ "$failures" -gt 0 ]; then
  echo "corpus check: $failures failure(s)"
  exit 1
fi
echo "corpus check: no crash, no InternalError, every output valid JSON"
