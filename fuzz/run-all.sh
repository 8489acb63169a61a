#!/usr/bin/env bash
# Runs every fuzz target for SECS seconds (default 600), one after another,
# one process each (the machine has 2 shared cores). Logs go to
# fuzz/logs/<target>.log; crashes to fuzz/artifacts/<target>/.
set -u
cd "$(dirname "$0")"
SECS=${SECS:-600}
# libFuzzer times wall-clock: on 2 shared cores a busy neighbour can make a
# 2 s input take 20 s, so a long run may want TIMEOUT=60.
mkdir -p logs
for t in ${TARGETS:-article extract text graph packs}; do
  mkdir -p corpus/$t
  # article: the input is a recipe (two bytes per piece of text), and
  # -len_control=0 lets recipes grow to full length from the start.
  extra=""
  case $t in
    text|extract) len=16384 ;;
    article) len=4096; extra="-len_control=0" ;;
    *) len=8192 ;;
  esac
  cargo +nightly fuzz run -O -s none "$t" "corpus/$t" -- \
    -max_total_time="$SECS" -max_len="$len" -timeout="${TIMEOUT:-10}" -rss_limit_mb=4096 -print_final_stats=1 $extra \
    >"logs/$t.log" 2>&1
  echo "$t exit=$?" >>logs/summary.txt
done
