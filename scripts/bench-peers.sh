#!/usr/bin/env bash
# Benchmarks connkit against two peer linters (run on demand, never in the test suite).
# Prints one table for BENCHMARKS.md.
#
#   scripts/bench-peers.sh [CORPUS]     CORPUS defaults to ../shared/corpus
#
# Environment:
#   PEERS     where the peers are installed (default ../peers, beside the checkout like
#             ../shared: outside the repository)
#   SAMPLE    how many connectors to sample (default 100)
#   RUNS      runs per measurement, median wall / max RSS reported (default 3)
#   RUNS_PER  repetitions of the one-process-per-connector loop for redocly and
#             spectral (default 1: they are slow); connkit's loop uses RUNS
#
# The peers live outside the repo; install them once (node >= 20.19) with:
#   mkdir -p "$PEERS/redocly" "$PEERS/spectral"
#   cd "$PEERS/redocly"  && npm init -y && npm i @redocly/cli@2.77.0
#   cd "$PEERS/spectral" && npm init -y && npm i @stoplight/spectral-cli@6.16.3
#   printf 'extends: ["spectral:oas"]\n' > "$PEERS/spectral/.spectral.yaml"
#
# Sample: every connector definition (find -iname apidefinition.swagger.json),
# sorted with LC_ALL=C, every 5th starting with the first, the first SAMPLE of
# those. Nothing is copied; the peers run in their own install folders (so no
# config of this repo applies) on absolute paths.
#
# Measures, with /usr/bin/time, for connkit, redocly and spectral:
#   1. one process over the whole sample: median wall, max peak RSS
#   2. one process per connector: total wall of the loop (median of its repetitions)
#   3. a cold single process on the largest definition of the sample: median wall, max RSS
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus=${1:-../shared/corpus}
peers=$(realpath -m "${PEERS:-../peers}")
sample=${SAMPLE:-100}
runs=${RUNS:-3}
runs_per=${RUNS_PER:-1}
if [ ! -d "$corpus/connectors" ]; then
  echo "skipping: $corpus/connectors is absent (the public corpus is not part of this repo)"
  exit 0
fi
redocly=$peers/redocly/node_modules/.bin/redocly
spectral=$peers/spectral/node_modules/.bin/spectral
ruleset=$peers/spectral/.spectral.yaml
if ! command -v node > /dev/null || [ ! -x "$redocly" ] || [ ! -x "$spectral" ] || [ ! -f "$ruleset" ]; then
  echo "skipping: the peers are not installed under $peers (need node, $redocly, $spectral, $ruleset);"
  echo "see the header of $0 for the npm commands"
  exit 0
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

mapfile -t files < <(find "$corpus/connectors" -iname 'apidefinition.swagger.json' | LC_ALL=C sort \
  | awk -v n="$sample" 'NR % 5 == 1 && c < n { print; c++ }' | xargs -r -d '\n' realpath --)
n=${#files[@]}
if (( n == 0 )); then
  echo "skipping: no apiDefinition.swagger.json under $corpus/connectors"
  exit 0
fi
dirs=()
globs=() # spectral reads its arguments as fast-glob patterns: bracket the glob characters
bytes=0 largest='' largest_size=-1
for f in "${files[@]}"; do
  dirs+=("${f%/*}")
  globs+=("$(printf '%s' "$f" | sed 's/[][(){}*?]/[&]/g')")
  s=$(stat -c %s "$f")
  bytes=$((bytes + s))
  if (( s > largest_size )); then largest=$f largest_size=$s; fi
done
largest_glob=$(printf '%s' "$largest" | sed 's/[][(){}*?]/[&]/g')
echo "sample: $n connector definitions, $bytes bytes ($(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB);" \
  "largest: $(basename "${largest%/*}") ($largest_size bytes)"

cargo build --release --quiet --bin connkit
bin=$root/target/release/connkit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# exit statuses other than 0 (clean) and 1 (findings), to a file: measure runs in subshells
note_status() { # tool what status
  if (( $3 > 1 )); then echo "$1 exited $3 on $2" >> "$tmp/odd"; fi
}

# median wall seconds and max RSS (MB) of a command over $runs runs; $1 names it for note_status
measure() {
  local name=$1 walls=() rss=0 i st w m
  shift
  for ((i = 0; i < runs; i++)); do
    st=0
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" > /dev/null 2> "$tmp/err" || st=$?
    read -r w m < <(tail -n 1 "$tmp/t")
    walls+=("$w")
    (( m > rss )) && rss=$m
    note_status "$name" "run $((i + 1))" "$st"
  done
  local med
  med=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$med $((rss / 1024))"
}

# median over $1 repetitions of the total wall seconds of one process per input;
# $2 names the tool, $3 is a function taking one input, the rest are the inputs
per_input() {
  local reps=$1 name=$2 fn=$3 totals=() i x start st
  shift 3
  for ((i = 0; i < reps; i++)); do
    start=$(date +%s.%N)
    for x in "$@"; do
      st=0
      "$fn" "$x" > /dev/null 2>&1 || st=$?
      note_status "$name" "$x" "$st"
    done
    totals+=("$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}')")
  done
  printf '%s\n' "${totals[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

one_connkit() { "$bin" lint "$1" --format json; }
one_redocly() { "$redocly" lint "$1" --format json; }
one_spectral() { "$spectral" lint "$1" -r "$ruleset" -f json -o "$tmp/spectral.json"; }

read -r ck_all_s ck_all_mb < <(measure "connkit (sample)" "$bin" lint "${dirs[@]}" --format json)
ck_per_s=$(per_input "$runs" connkit one_connkit "${dirs[@]}")
read -r ck_big_s ck_big_mb < <(measure "connkit (largest)" "$bin" lint "${largest%/*}" --format json)
cd "$peers/redocly"
read -r re_all_s re_all_mb < <(measure "redocly (sample)" "$redocly" lint "${files[@]}" --format json)
re_per_s=$(per_input "$runs_per" redocly one_redocly "${files[@]}")
read -r re_big_s re_big_mb < <(measure "redocly (largest)" "$redocly" lint "$largest" --format json)
cd "$peers/spectral"
read -r sp_all_s sp_all_mb < <(measure "spectral (sample)" "$spectral" lint "${globs[@]}" -r "$ruleset" -f json -o "$tmp/spectral.json")
sp_per_s=$(per_input "$runs_per" spectral one_spectral "${globs[@]}")
read -r sp_big_s sp_big_mb < <(measure "spectral (largest)" "$spectral" lint "$largest_glob" -r "$ruleset" -f json -o "$tmp/spectral.json")
cd "$root"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d); node $(node --version)"
echo "versions: $("$bin" --version), redocly $("$redocly" --version 2> /dev/null), spectral $("$spectral" --version 2> /dev/null)"
echo
echo "| tool | $n connectors, one process (wall, peak RSS) | one process per connector (total wall) | largest file, cold (wall, peak RSS) |"
echo "|---|---|---|---|"
echo "| connkit | ${ck_all_s} s, ${ck_all_mb} MB | ${ck_per_s} s | ${ck_big_s} s, ${ck_big_mb} MB |"
echo "| redocly | ${re_all_s} s, ${re_all_mb} MB | ${re_per_s} s | ${re_big_s} s, ${re_big_mb} MB |"
echo "| spectral | ${sp_all_s} s, ${sp_all_mb} MB | ${sp_per_s} s | ${sp_big_s} s, ${sp_big_mb} MB |"
echo
echo "wall: median of $runs runs; per connector: median of $runs (connkit) / $runs_per (redocly, spectral) loops;" \
  "largest: $(basename "${largest%/*}") ($((largest_size / 1024)) KB)"
if [ -s "$tmp/odd" ]; then
  echo
  echo "odd exit statuses (0 = clean, 1 = findings; anything else is a failure):"
  sed 's/^/- /' "$tmp/odd"
fi
