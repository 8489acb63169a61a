#!/usr/bin/env python3
"""Loads every stancegraph export in the tool people actually use for it.

    python3 check.py GRAPH.json EXPORT_DIR

EXPORT_DIR holds the files `cargo run --example export_all -- GRAPH.json DIR`
writes (graph.<format>.<ext>). Every check compares against GRAPH.json: node
and edge counts, and the attributes each consumer should see. One line per
consumer, `name: ok …` or `name: FAIL …`; the exit code is 1 if any failed,
including a consumer that is not installed (a missing consumer is a failure:
CI must prove the format with the real tool).

Consumers: Graphviz `dot` (renders the DOT), NetworkX (`node_link_graph`,
`read_gexf`, `read_graphml`), python-igraph (`Graph.Read_GraphML`),
Cytoscape.js headless in Node (cytoscape_check.mjs), `jsonschema` against
jgf-v2.schema.json, and Python's csv module.
"""

import csv
import json
import math
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
results = []


def check(name):
    def wrap(fn):
        def run(*args):
            try:
                detail = fn(*args)
                results.append((name, True, detail or ""))
            except ImportError as e:
                results.append((name, False, f"not installed ({e}); see .ci/run"))
            except Exception as e:  # noqa: BLE001 - every failure is reported
                results.append((name, False, f"{type(e).__name__}: {e}"))
        return run
    return wrap


def expect(cond, what):
    if not cond:
        raise AssertionError(what)


def path(outdir, name):
    p = os.path.join(outdir, name)
    expect(os.path.exists(p), f"{name} missing")
    return p


def first_evidence(edge):
    return edge["evidence"][0]["text"] if edge["evidence"] else ""


def close(a, b):
    return (a != a and b != b) or math.isclose(float(a), float(b), rel_tol=1e-9)


@check("json")
def check_json(g, outdir):
    with open(path(outdir, "graph.json.json"), encoding="utf-8") as f:
        back = json.load(f)
    expect(back == g, "graph.json.json differs from the input graph")
    return f"{len(back['nodes'])} nodes, {len(back['edges'])} edges, equal to input"


@check("dot")
def check_dot(g, outdir):
    dot = shutil.which("dot")
    expect(dot, "Graphviz `dot` not on PATH")
    proc = subprocess.run([dot, "-Tsvg", path(outdir, "graph.dot.dot")],
                          capture_output=True, timeout=120)
    expect(proc.returncode == 0, proc.stderr.decode(errors="replace").strip())
    svg = proc.stdout.decode("utf-8")
    import xml.etree.ElementTree as ET
    root = ET.fromstring(svg)
    classes = [g_.get("class", "").split() for g_ in root.iter("{http://www.w3.org/2000/svg}g")]
    edges = sum("edge" in c for c in classes)
    nodes = sum("node" in c for c in classes)
    legend = 1 if g["edges"] else 0
    expect(edges == len(g["edges"]), f"svg has {edges} edges, want {len(g['edges'])}")
    expect(nodes == len(g["nodes"]) + legend, f"svg has {nodes} nodes, want {len(g['nodes'])}+legend")
    # Every label line is drawn as written, each wrapped in U+2068 … U+2069.
    texts = {t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")}
    for n in g["nodes"]:
        for label in n["labels"].values():
            for line in label.splitlines():
                expect(f"\u2068{line}\u2069" in texts, f"label line {line!r} of {n['id']} not drawn")
    drawn = []
    for name, magic in [("graph.svg.svg", b"<svg"), ("graph.png.png", b"\x89PNG"),
                        ("graph.pdf.pdf", b"%PDF")]:
        with open(path(outdir, name), "rb") as f:
            content = f.read()
        ok = magic in content if magic == b"<svg" else content.startswith(magic)
        expect(ok, f"{name} is not what it says")
        drawn.append(name.split(".")[1])
    return f"dot -Tsvg renders {nodes - legend} nodes + legend, {edges} edges; {'/'.join(drawn)} files valid"


@check("networkx node_link_graph")
def check_node_link(g, outdir):
    import networkx as nx
    with open(path(outdir, "graph.node-link.json"), encoding="utf-8") as f:
        data = json.load(f)
    G = nx.node_link_graph(data, edges="edges")
    expect(G.is_directed() and G.is_multigraph(), "not a directed multigraph")
    expect(G.number_of_nodes() == len(g["nodes"]), f"{G.number_of_nodes()} nodes")
    expect(G.number_of_edges() == len(g["edges"]), f"{G.number_of_edges()} edges")
    for n in g["nodes"]:
        d = G.nodes[n["id"]]
        expect(d["kind"] == n["kind"] and d["mentions"] == n["mentions"], f"node {n['id']}: {d}")
        expect(d["label_ar"] == n["labels"].get("ar", ""), f"node {n['id']} label_ar")
    for e in g["edges"]:
        d = G.edges[e["source"], e["target"], e["relation"]]
        expect(d["weight"] == e["weight"] and close(d["confidence"], e["confidence"]),
               f"edge {e['source']} {e['relation']} {e['target']}: {d}")
        expect(d["evidence_text"] == first_evidence(e), "evidence_text differs")
    return f"networkx {nx.__version__}: MultiDiGraph {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, attributes match"


def check_nx_edges(G, g, weight_type):
    by_key = {}
    for u, v, d in G.edges(data=True):
        by_key.setdefault((u, v, d["relation"]), []).append(d)
    for e in g["edges"]:
        ds = by_key.get((e["source"], e["target"], e["relation"]))
        expect(ds and len(ds) == 1, f"edge {e['source']} {e['relation']} {e['target']} missing")
        d = ds[0]
        expect(isinstance(d["weight"], weight_type) and d["weight"] == e["weight"], f"weight {d}")
        expect(isinstance(d["confidence"], float) and close(d["confidence"], e["confidence"]),
               f"confidence {d}")
        expect(d["evidence"] == first_evidence(e), f"evidence {d['evidence']!r}")


@check("networkx read_gexf")
def check_gexf(g, outdir):
    import networkx as nx
    G = nx.read_gexf(path(outdir, "graph.gexf.gexf"))
    expect(G.is_directed(), "not directed")
    expect(G.number_of_nodes() == len(g["nodes"]), f"{G.number_of_nodes()} nodes")
    expect(G.number_of_edges() == len(g["edges"]), f"{G.number_of_edges()} edges")
    for n in g["nodes"]:
        d = G.nodes[n["id"]]
        expect(d["kind"] == n["kind"] and d["mentions"] == n["mentions"], f"node {n['id']}: {d}")
        expect(d["label_en"] == n["labels"].get("en", ""), f"node {n['id']} label_en")
    check_nx_edges(G, g, float)
    return f"{type(G).__name__} {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, attributes match"


@check("networkx read_graphml")
def check_graphml(g, outdir):
    import networkx as nx
    G = nx.read_graphml(path(outdir, "graph.graphml.graphml"))
    expect(G.is_directed(), "not directed")
    expect(G.number_of_nodes() == len(g["nodes"]), f"{G.number_of_nodes()} nodes")
    expect(G.number_of_edges() == len(g["edges"]), f"{G.number_of_edges()} edges")
    for n in g["nodes"]:
        d = G.nodes[n["id"]]
        expect(d["kind"] == n["kind"] and d["mentions"] == n["mentions"]
               and isinstance(d["mentions"], int), f"node {n['id']}: {d}")
        expect(d["label_ar"] == n["labels"].get("ar", ""), f"node {n['id']} label_ar")
    check_nx_edges(G, g, int)
    return f"{type(G).__name__} {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, typed attributes match"


@check("igraph Read_GraphML")
def check_igraph(g, outdir):
    import igraph
    G = igraph.Graph.Read_GraphML(path(outdir, "graph.graphml.graphml"))
    expect(G.is_directed(), "not directed")
    expect(G.vcount() == len(g["nodes"]), f"{G.vcount()} vertices")
    expect(G.ecount() == len(g["edges"]), f"{G.ecount()} edges")
    ids = G.vs["id"]
    expect(ids == [n["id"] for n in g["nodes"]], f"ids {ids}")
    expect(G.vs["kind"] == [n["kind"] for n in g["nodes"]], "kinds")
    got = sorted((ids[e.source], ids[e.target], e["relation"], int(e["weight"])) for e in G.es)
    want = sorted((e["source"], e["target"], e["relation"], e["weight"]) for e in g["edges"])
    expect(got == want, f"edges {got} != {want}")
    return f"igraph {igraph.__version__}: {G.vcount()} vertices, {G.ecount()} edges, attributes match"


@check("cytoscape.js headless")
def check_cytoscape(g, outdir):
    node = shutil.which("node")
    expect(node, "node not on PATH")
    expect(os.path.isdir(os.path.join(HERE, "node_modules", "cytoscape")),
           "cytoscape not installed; run `npm ci` in tests/consumers")
    proc = subprocess.run([node, os.path.join(HERE, "cytoscape_check.mjs"),
                           path(outdir, "graph.cytoscape.json"),
                           str(len(g["nodes"])), str(len(g["edges"]))],
                          capture_output=True, text=True, timeout=120)
    out = (proc.stdout + proc.stderr).strip()
    expect(proc.returncode == 0, out)
    return out.removeprefix("cytoscape: ok ")


@check("jgf jsonschema")
def check_jgf(g, outdir):
    import jsonschema
    with open(os.path.join(HERE, "jgf-v2.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    with open(path(outdir, "graph.jgf.json"), encoding="utf-8") as f:
        data = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.Draft7Validator(schema).validate(data)
    nodes, edges = data["graph"]["nodes"], data["graph"]["edges"]
    expect(sorted(nodes) == sorted(n["id"] for n in g["nodes"]), "node keys")
    expect(len(edges) == len(g["edges"]), f"{len(edges)} edges")
    for e in edges:
        expect(e["source"] in nodes and e["target"] in nodes, f"dangling edge {e}")
    return f"valid JGF v2; {len(nodes)} nodes, {len(edges)} edges, endpoints resolve"


def read_csv(p):
    with open(p, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, strict=True))


@check("csv")
def check_csv(g, outdir):
    nodes = read_csv(path(outdir, "graph.csv.nodes.csv"))
    edges = read_csv(path(outdir, "graph.csv.edges.csv"))
    only = read_csv(path(outdir, "graph.csv-edges.csv"))
    expect(nodes[0] == ["id", "label", "label_ar", "label_en", "kind", "mentions"], f"header {nodes[0]}")
    want_nodes = [[n["id"], n["labels"].get("ar", ""), n["labels"].get("en", ""), n["kind"],
                   str(n["mentions"])] for n in g["nodes"]]
    expect([r[:1] + r[2:] for r in nodes[1:]] == want_nodes, "node rows differ")
    expect(edges[0] == ["source", "target", "relation", "weight", "confidence", "first_evidence"],
           f"header {edges[0]}")
    want_edges = [[e["source"], e["target"], e["relation"], str(e["weight"])] for e in g["edges"]]
    expect([r[:4] for r in edges[1:]] == want_edges, "edge rows differ")
    for r, e in zip(edges[1:], g["edges"]):
        expect(close(r[4], e["confidence"]) and r[5] == first_evidence(e), f"edge row {r}")
    expect(only == edges, "csv-edges differs from csv's edges.csv")
    return f"{len(nodes) - 1} node rows, {len(edges) - 1} edge rows round-trip"


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        g = json.load(f)
    outdir = sys.argv[2]
    for fn in [check_json, check_dot, check_node_link, check_gexf, check_graphml,
               check_igraph, check_cytoscape, check_jgf, check_csv]:
        fn(g, outdir)
    width = max(len(name) for name, _, _ in results)
    for name, ok, detail in results:
        print(f"{name:<{width}}  {'ok  ' if ok else 'FAIL'}  {detail}")
    failed = sum(1 for _, ok, _ in results if not ok)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
