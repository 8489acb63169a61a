#!/usr/bin/env bash
# Exports a graph in every format through the CLI (`stancegraph render`) and
# loads each file in its real consumer (see check.py): Graphviz, NetworkX,
# igraph, Cytoscape.js in Node, a JGF v2 JSON Schema, Python's csv.
#
#   tests/consumers/run.sh GRAPH.json [GRAPH.json …]
#
# Installs the Node consumer from package-lock.json when it is missing and
# fails if any consumer fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ $# -ge 1 ] || { echo "usage: $0 GRAPH.json [GRAPH.json …]" >&2; exit 2; }
if [ ! -d "$here/node_modules/cytoscape" ]; then
  (cd "$here" && npm ci --silent --no-audit --no-fund)
fi
(cd "$root" && cargo build --quiet --release)
bin="$root/target/release/stancegraph"
formats="json:json dot:dot svg:svg png:png pdf:pdf node-link:json cytoscape:json gexf:gexf graphml:graphml jgf:json csv:csv csv-edges:csv"
status=0
for graph in "$@"; do
  out="$(mktemp -d)"
  echo "== $graph"
  for pair in $formats; do
    format="${pair%%:*}"; ext="${pair##*:}"
    "$bin" render "$graph" --format "$format" -o "$out/graph.$format.$ext"
  done
  python3 "$here/check.py" "$graph" "$out" || status=1
  rm -rf "$out"
done
exit $status
