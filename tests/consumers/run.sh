#!/usr/bin/env bash
# Exports a graph in every format and loads each file in its real consumer.
#
#   tests/consumers/run.sh GRAPH.json [GRAPH.json …]
#
# Uses `cargo run --example export_all` (until the CLI's `render` exists),
# installs the Node consumer from package-lock.json when it is missing, and
# fails if any consumer fails (see check.py).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 GRAPH.json [GRAPH.json …]" >&2; exit 2; }
if [ ! -d "$here/node_modules/cytoscape" ]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund)
fi
(cd "$root" && cargo build --quiet --example export_all)
bin="$root/target/debug/examples/export_all"
status=0
for graph in "$@"; do
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  echo "== $graph"
  "$bin" "$graph" "$out" >/dev/null
  python3 "$here/check.py" "$graph" "$out" || status=1
  rm -rf "$out"
done
exit $status
