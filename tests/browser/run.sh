#!/usr/bin/env bash
# The HTML report in a real browser (issue 18): headless Chromium opens the
# samples' all.html, a diff page and a timeline page with '#selftest'; each
# page clicks its first stance itself and writes the result into the DOM,
# which --dump-dom hands to check_page.py. Screenshots are kept in
# $SHOTS (default: a temporary directory) for a person to look at.
#
#   tests/browser/run.sh [path/to/stancegraph]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${1:-target/release/stancegraph}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "browser test: no chromium on PATH (apt-get install chromium)" >&2
  exit 2
fi
work="$(mktemp -d)"
shots="${SHOTS:-$work/shots}"
mkdir -p "$shots"

# The pages: the committed report, a fresh render, a diff, a timeline.
cp output/all.html "$work/all.html"
"$bin" render output/all.json -o "$work/render.html"
"$bin" diff output/ar-wire.json output/en-wire.json --format html >"$work/diff.html" || [ $? -eq 1 ]
python3 - "$work/corpus.jsonl" <<'PY'
import json, sys, pathlib
# The four samples, dated a week apart: three weekly slices.
days = ["2020-06-01", "2020-06-02", "2020-06-09", "2020-06-16"]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for day, path in zip(days, sorted(pathlib.Path("samples").glob("*.txt"))):
        out.write(json.dumps({"id": path.stem, "date": day, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")
PY
"$bin" extract --input jsonl "$work/corpus.jsonl" --by week -o "$work/weeks" >/dev/null
"$bin" timeline "$work/weeks" --format html >"$work/timeline.html"

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --enable-logging=stderr --v=0 --window-size=1400,900)
status=0
for page in all render diff timeline; do
  profile="$(mktemp -d)"
  url="file://$work/$page.html#selftest"
  timeout 120 "$browser" "${flags[@]}" --user-data-dir="$profile" --dump-dom "$url" \
    >"$work/$page.dom" 2>"$work/$page.log" || true
  rm -rf "$profile"
  profile="$(mktemp -d)"
  timeout 120 "$browser" "${flags[@]}" --user-data-dir="$profile" \
    --screenshot="$shots/$page.png" "$url" >/dev/null 2>&1 || true
  rm -rf "$profile"
  python3 tests/browser/check_page.py "$page" "$work/$page.dom" "$work/$page.log" "$shots/$page.png" || status=1
done
echo "browser test: screenshots in $shots"
exit $status
