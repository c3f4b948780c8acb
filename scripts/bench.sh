#!/usr/bin/env bash
# Benchmarks (run on demand, never in the test suite). Prints one table for BENCHMARKS.md.
#
#   scripts/bench.sh [CORPUS]     CORPUS defaults to ../shared/corpus
#
# Measures, with /usr/bin/time (median of RUNS runs, default 5):
#   1. lint of every connector with every rule (one process, all cores): wall, peak RSS
#   2. the floor: read + serde_json-parse the same JSON files once, nothing else
#   3. a cold single process on the largest connector (by definition size)
#   4. diff over every revision pair (when `connkit diff` exists)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
runs=${RUNS:-5}
if [ ! -d "$corpus/connectors" ]; then
  echo "skipping: $corpus/connectors is absent (the public corpus is not part of this repo)"
  exit 0
fi
cargo build --release --quiet --bin connkit --example parse_floor
bin=target/release/connkit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median wall seconds and max RSS (MB) of a command over $runs runs
measure() {
  local walls=() rss=0 i
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" > /dev/null 2>&1 || true
    read -r w m < <(tail -n 1 "$tmp/t")
    walls+=("$w")
    (( m > rss )) && rss=$m
  done
  local med
  med=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$med $((rss / 1024))"
}

read -r lint_s lint_mb < <(measure "$bin" lint "$corpus/connectors" --format json)
read -r floor_s floor_mb < <(measure target/release/examples/parse_floor "$corpus/connectors")
largest=$(find "$corpus/connectors" -iname 'apidefinition.swagger.json' -printf '%s %h\n' | sort -n | tail -1)
largest_dir=${largest#* }
largest_kb=$(( ${largest%% *} / 1024 ))
read -r cold_s cold_mb < <(RUNS=$((runs * 4)) measure "$bin" lint "$largest_dir" --format json)
n=$(find "$corpus/connectors" -mindepth 2 -maxdepth 2 -type d | wc -l)
bytes=$(find "$corpus/connectors" -name '*.json' ! -name index.json -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
echo
echo "| measurement | input | wall (median of $runs) | peak RSS |"
echo "|---|---|---|---|"
echo "| lint, all rules, one process | $n connectors, $bytes MB JSON | ${lint_s} s | ${lint_mb} MB |"
echo "| floor: read + serde_json parse only | same files | ${floor_s} s | ${floor_mb} MB |"
echo "| lint, cold process, largest connector | $(basename "$largest_dir") (${largest_kb} KB) | ${cold_s} s | ${cold_mb} MB |"
awk -v l="$lint_s" -v f="$floor_s" 'BEGIN { if (f > 0) printf "\nlint / floor = %.2f\n", l / f }'

if "$bin" diff --help > /dev/null 2>&1 && [ -d "$corpus/revisions" ]; then
  pairs=$(find "$corpus/revisions" -mindepth 1 -maxdepth 1 -type d | sort)
  start=$(date +%s.%N)
  peak=0
  for p in $pairs; do
    /usr/bin/time -f "%M" -o "$tmp/m" "$bin" diff "$p/old.swagger.json" "$p/new.swagger.json" --format json > /dev/null 2>&1 || true
    m=$(tail -n 1 "$tmp/m"); (( m > peak )) && peak=$m
  done
  end=$(date +%s.%N)
  echo
  echo "diff, $(echo "$pairs" | wc -l) revision pairs, one process each: $(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", e - s}') s total, peak RSS $((peak / 1024)) MB"
fi
