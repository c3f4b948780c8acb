#!/usr/bin/env python3
"""The Python parse floor of issue 25: json.loads of every JSON file connkit lints, the same
selection as examples/parse_floor.rs (every *.json but index.json), one thread. Time it as a
whole process, interleaved with `connkit lint DIR --format json` (see BENCHMARKS.md):

    /usr/bin/time -f %e python3 scripts/parse-floor.py ../shared/corpus/connectors
"""
import json
import os
import sys
import time

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/connectors"
files = [
    os.path.join(d, f)
    for d, _, names in os.walk(root)
    for f in names
    if f.endswith(".json") and f != "index.json"
]
start = time.perf_counter()
ok = size = 0
for path in files:
    with open(path, "rb") as fh:
        data = fh.read()
    size += len(data)
    try:
        json.loads(data.decode("utf-8-sig"))
        ok += 1
    except ValueError:
        pass
print(f"files {len(files)} ({ok} parse)  bytes {size / 1e6:.1f} MB  time "
      f"{(time.perf_counter() - start) * 1e3:.1f} ms")
