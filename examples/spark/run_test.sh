#!/usr/bin/env bash
# Runs examples/spark/job.py in local[2] mode on a generated corpus of 50
# articles and checks that the merged graph equals the single-machine
# `stancegraph extract --input jsonl` result, byte for byte.
#
# Needs: Java 17+ (`java -version`; on Debian `apt-get install -y
# default-jre-headless`), python3 with venv, and PyPI for `pip install pyspark`
# (installed into a venv under target/, reused between runs).
# STANCEGRAPH_BIN overrides the binary (default: a debug build by cargo).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! java -version >/dev/null 2>&1; then
    echo "run_test.sh: java: not found; PySpark needs Java 17+ (apt-get install -y default-jre-headless)" >&2
    exit 2
fi

venv=${STANCEGRAPH_SPARK_VENV:-$root/target/spark-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pyspark
fi

bin=${STANCEGRAPH_BIN:-}
if [ -z "$bin" ]; then
    (cd "$root" && cargo build --quiet)
    bin=$root/target/debug/stancegraph
fi

python3 "$here/make_corpus.py" "$root/samples" 50 > "$work/corpus.jsonl"
"$bin" extract --input jsonl "$work/corpus.jsonl" > "$work/single.json"

PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" "$here/job.py" \
    "$work/corpus.jsonl" "$work/spark.json" --bin "$bin" --master 'local[2]' --partitions 4

# Canonicalise both through merge (a no-op on canonical graphs), then compare.
"$bin" merge "$work/single.json" > "$work/single.canon.json"
"$bin" merge "$work/spark.json" > "$work/spark.canon.json"
if cmp -s "$work/single.canon.json" "$work/spark.canon.json" && cmp -s "$work/single.json" "$work/spark.json"; then
    docs=$(grep -c '"sha256"' "$work/single.json")
    echo "spark: 1 passed, 0 failed: local[2] merged graph equals single-machine extract ($docs documents, $(wc -c < "$work/single.json") bytes)"
else
    echo "spark: 0 passed, 1 failed: merged graph differs from single-machine extract" >&2
    diff <("$bin" diff --format text "$work/single.json" "$work/spark.json" || true) /dev/null | head -20 >&2 || true
    exit 1
fi
