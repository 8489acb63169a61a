#!/usr/bin/env bash
# Whole-process measurements that criterion cannot make: start-up, the
# 1 -> 2 thread speed-up, and peak memory on a 100 MB vs a 1 GB corpus.
#
#   bash benches/scale.sh                    # start-up, 10 MB and 100 MB
#   SIZES="100 1000" bash benches/scale.sh   # flat memory: 100 MB vs 1 GB (slow)
#   MERGE_ARTICLES=100000 RUNS=3 bash benches/scale.sh   # also merge 100k graphs
#
# Timings are medians of RUNS whole-process runs, measured with
# /usr/bin/time -v; on a shared machine, note the load average too.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
SIZES=${SIZES:-10 100}         # corpus sizes in MB (Arabic); 100 and 1000 for memory
WORK=${WORK:-/tmp/stancegraph-scale}
mkdir -p "$WORK"

cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
BIN=target/release/stancegraph
GEN=target/release/examples/gen_corpus

# median of a column of numbers
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_v FIELD CMD...: runs CMD under /usr/bin/time -v, prints FIELD
# (wall seconds or max RSS kB) of the run.
run_v() {
  /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt" || { cat "$WORK/time.txt" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  echo "$wall $rss"
}

measure() { # label, then the command; prints median wall and max RSS
  local label=$1; shift
  : >"$WORK/runs.txt"
  for _ in $(seq "$RUNS"); do run_v "$@" >>"$WORK/runs.txt"; done
  local wall rss
  wall=$(cut -d' ' -f1 "$WORK/runs.txt" | median)
  rss=$(cut -d' ' -f2 "$WORK/runs.txt" | sort -n | tail -1)
  printf '%-40s median wall %8.3f s   peak RSS %8d kB\n' "$label" "$wall" "$rss"
  echo "$wall" >"$WORK/last_wall"
}

echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"

# Start-up: loading the packs and compiling the matchers, as the difference
# between extracting a one-line article and printing the version.
printf 'Libya.\n' >"$WORK/tiny.txt"
measure "start-up: --version" "$BIN" --version
v=$(cat "$WORK/last_wall")
measure "start-up: extract one-line article" "$BIN" extract "$WORK/tiny.txt"
e=$(cat "$WORK/last_wall")
echo "start-up (difference): $(echo "($e - $v) * 1000" | bc -l | xargs printf '%.0f') ms"

# bytes of article text in a JSONL corpus (what gen_corpus reports)
text_bytes() { python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")))' "$1"; }

for mb in $SIZES; do
  n=$((mb * 300))   # ~3.1 KB per Arabic article
  jsonl="$WORK/ar-${mb}mb.jsonl"
  [ -f "$jsonl" ] || "$GEN" --articles "$n" --lang ar --seed 1 --jsonl --out "$jsonl"
  bytes=$(text_bytes "$jsonl")
  # The mapper: one graph line per article, memory flat in the corpus size.
  for j in 1 2; do
    measure "extract --output jsonl ${mb} MB --jobs $j" "$BIN" extract --input jsonl --output jsonl --jobs "$j" "$jsonl"
    eval "w$j=$(cat "$WORK/last_wall")"
    echo "  $(echo "$bytes / 1000000 / $(cat "$WORK/last_wall") / $j" | bc -l | xargs printf '%.1f') MB/s per thread (target >= 8 per core on an idle machine; docs/PERFORMANCE.md)"
  done
  echo "  speed-up 1 -> 2 threads (mapper): $(echo "$w1 / $w2" | bc -l | xargs printf '%.2f')x (target >= 1.7)"
  if [ "$mb" -le 10 ]; then
    # One merged graph: the merge and the final JSON are serial.
    for j in 1 2; do
      measure "extract, merged graph, ${mb} MB --jobs $j" "$BIN" extract --input jsonl --jobs "$j" "$jsonl"
      eval "m$j=$(cat "$WORK/last_wall")"
    done
    echo "  speed-up 1 -> 2 threads (merged): $(echo "$m1 / $m2" | bc -l | xargs printf '%.2f')x"
  fi
done
echo "# peak RSS per corpus size is in the mapper lines above: within 10% when streaming"

# Merging 100k single-article graphs, whole process: parse, merge, write.
if [ -n "${MERGE_ARTICLES:-}" ]; then
  src="$WORK/ar-merge-${MERGE_ARTICLES}.jsonl"
  lines="$WORK/graphs-${MERGE_ARTICLES}.jsonl"
  [ -f "$src" ] || "$GEN" --articles "$MERGE_ARTICLES" --lang ar --seed 1 --jsonl --out "$src"
  [ -f "$lines" ] || "$BIN" extract --input jsonl --output jsonl "$src" >"$lines"
  measure "merge ${MERGE_ARTICLES} graph lines --jobs 2" "$BIN" merge --input jsonl --jobs 2 "$lines"
fi
