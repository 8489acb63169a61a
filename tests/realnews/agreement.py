#!/usr/bin/env python3
"""Inter-annotator agreement on the double-annotated realnews articles.

Each annotator's required nodes and edges are scored as if they were a
system's output against the other annotator's gold (and against the
adjudicated gold in gold/), with ../shared/eval/score.py, so the figures
read on the same scale as the tool's: the human ceiling of the task.

usage: agreement.py [--json]
"""
import json, os, sys, tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent / "shared" / "eval"))
import score  # noqa: E402


def as_prediction(gold_file, out_dir):
    g = json.loads(Path(gold_file).read_text(encoding="utf-8"))
    graph = {
        "nodes": [{"id": n} for n in g["nodes"]["required"]],
        "edges": [{"source": e["source"], "target": e["target"], "relation": e["relation"]}
                  for e in g["edges"]["required"]],
    }
    (Path(out_dir) / Path(gold_file).name).write_text(json.dumps(graph), encoding="utf-8")


def compare(gold_dir, pred_dir, stems, lang):
    with tempfile.TemporaryDirectory() as gd, tempfile.TemporaryDirectory() as pd:
        for s in stems:
            if s.startswith(lang + "-"):
                (Path(gd) / f"{s}.json").write_bytes((Path(gold_dir) / f"{s}.json").read_bytes())
                as_prediction(Path(pred_dir) / f"{s}.json", pd)
        return score.score(gd, pd)


def main():
    stems = sorted(p.stem for p in (HERE / "agreement" / "b").glob("*.json"))
    a, b, final = HERE / "agreement" / "a", HERE / "agreement" / "b", HERE / "gold"
    out = {}
    for lang in ("ar", "en"):
        n = sum(s.startswith(lang + "-") for s in stems)
        ab = compare(a, b, stems, lang)["edge"]["f1"]
        ba = compare(b, a, stems, lang)["edge"]["f1"]
        af = compare(final, a, stems, lang)["edge"]["f1"]
        bf = compare(final, b, stems, lang)["edge"]["f1"]
        nodes = (compare(a, b, stems, lang)["node"]["f1"] + compare(b, a, stems, lang)["node"]["f1"]) / 2
        out[lang] = {"articles": n, "edge_f1_a_vs_b": round(ab, 3), "edge_f1_b_vs_a": round(ba, 3),
                     "edge_f1_mean": round((ab + ba) / 2, 3), "node_f1_mean": round(nodes, 3),
                     "edge_f1_a_vs_final": round(af, 3), "edge_f1_b_vs_final": round(bf, 3)}
    if "--json" in sys.argv:
        print(json.dumps(out, indent=1))
        return
    print("lang articles  edge-F1 B-vs-A A-vs-B mean  node-F1 mean  A-vs-final B-vs-final")
    for lang, r in out.items():
        print(f"{lang:4} {r['articles']:8}  {r['edge_f1_a_vs_b']:13.2f} {r['edge_f1_b_vs_a']:6.2f} {r['edge_f1_mean']:4.2f}"
              f"  {r['node_f1_mean']:12.2f}  {r['edge_f1_a_vs_final']:10.2f} {r['edge_f1_b_vs_final']:10.2f}")


if __name__ == "__main__":
    main()
