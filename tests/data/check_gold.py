#!/usr/bin/env python3
"""Validate gold stance-graph files (see ../shared/eval/GUIDELINE.md).

usage: check_gold.py GOLD_DIR ARTICLE_DIR [--score PATH_TO_score.py]

Checks, for every GOLD_DIR/*.json:
  * schema (article, lang, nodes.required/acceptable, edges.required/acceptable,
    equivalents, notes) and known relations;
  * the article file exists in ARTICLE_DIR and every evidence string is a verbatim
    substring of it (an evidence may join several verbatim parts with " ... ");
  * every edge endpoint is a required or acceptable node, required nodes do not
    repeat in acceptable, required-edge endpoints are required nodes;
  * no edge is both required and acceptable, no self loops.
Then it converts each gold's required nodes + edges into a prediction in a temp
dir and runs score.py on it, which must report node and edge F1 = 1.00.
Exit status 0 iff everything passes.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

RELATIONS = {"supports", "opposes", "negotiates-with"}
# The shared folder sits beside the repository (../shared), as .ci/run
# expects: found from this file, so the script works in any clone.
SHARED = Path(__file__).resolve().parent.parent.parent.parent / "shared"
DEFAULT_SCORE = str(SHARED / "eval" / "score.py")


def key(e):
    s, r, t = e["source"], e["relation"], e["target"]
    if r == "negotiates-with" and s > t:
        s, t = t, s
    return (s, r, t)


def check(gp, art_dir):
    errs = []
    try:
        g = json.loads(gp.read_text(encoding="utf-8"))
    except Exception as ex:  # noqa: BLE001
        return [f"cannot load: {ex}"], None
    for k in ("article", "lang", "nodes", "edges", "equivalents", "notes"):
        if k not in g:
            errs.append(f"missing key {k!r}")
    if errs:
        return errs, None
    if g["article"] != gp.stem + ".txt":
        errs.append(f"article field {g['article']!r} != {gp.stem}.txt")
    if ["un", "unsmil"] not in g["equivalents"]:
        errs.append("equivalents lacks ['un','unsmil']")
    ap = Path(art_dir) / g["article"]
    if not ap.exists():
        return errs + [f"article {ap} not found"], None
    text = ap.read_text(encoding="utf-8")
    req_n, ok_n = g["nodes"]["required"], g["nodes"].get("acceptable", [])
    if len(set(req_n)) != len(req_n):
        errs.append("duplicate required nodes")
    if set(req_n) & set(ok_n):
        errs.append(f"nodes both required and acceptable: {sorted(set(req_n) & set(ok_n))}")
    all_n = set(req_n) | set(ok_n)
    seen = {}
    for tier in ("required", "acceptable"):
        for e in g["edges"].get(tier, []):
            tag = f"{tier} {e.get('source')} {e.get('relation')} {e.get('target')}"
            if set(e) != {"source", "relation", "target", "evidence"}:
                errs.append(f"{tag}: keys {sorted(e)}")
                continue
            if e["relation"] not in RELATIONS:
                errs.append(f"{tag}: unknown relation")
            if e["source"] == e["target"]:
                errs.append(f"{tag}: self loop")
            for end in (e["source"], e["target"]):
                if end not in all_n:
                    errs.append(f"{tag}: endpoint {end!r} not a listed node")
                elif tier == "required" and end not in req_n:
                    errs.append(f"{tag}: endpoint {end!r} of a required edge is not a required node")
            for part in e["evidence"].split(" ... "):
                if not part.strip() or part not in text:
                    errs.append(f"{tag}: evidence not in article: {part!r}")
            k = key(e)
            if k in seen and seen[k] != tier:
                errs.append(f"{tag}: edge both required and acceptable")
            seen.setdefault(k, tier)
    pred = {"nodes": [{"id": n} for n in req_n],
            "edges": [{"source": e["source"], "target": e["target"], "relation": e["relation"]}
                      for e in g["edges"]["required"]]}
    return errs, pred


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    score_py = DEFAULT_SCORE
    if "--score" in sys.argv:
        score_py = sys.argv[sys.argv.index("--score") + 1]
        args = [a for a in args if a != score_py]
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    gold_dir, art_dir = Path(args[0]), Path(args[1])
    golds = sorted(gold_dir.glob("*.json"))
    if not golds:
        print(f"no gold files in {gold_dir}")
        sys.exit(1)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for gp in golds:
            errs, pred = check(gp, art_dir)
            g = json.loads(gp.read_text(encoding="utf-8")) if pred is not None else None
            if pred is not None:
                (Path(tmp) / gp.name).write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
            status = "OK " if not errs else "BAD"
            extra = ""
            if g:
                n_ev = len(g["edges"]["required"]) + len(g["edges"].get("acceptable", []))
                extra = (f" required nodes={len(g['nodes']['required'])}"
                         f" required edges={len(g['edges']['required'])}"
                         f" acceptable edges={len(g['edges'].get('acceptable', []))}"
                         f" evidences checked={n_ev}")
            print(f"{status} {gp.name}{extra}")
            for e in errs:
                print("    ", e)
            bad += bool(errs)
        out = subprocess.run([sys.executable, score_py, str(gold_dir), tmp],
                             capture_output=True, text=True)
        print("self-score:", out.stdout.strip() or out.stderr.strip())
        if out.returncode != 0 or "node P=1.00 R=1.00 F1=1.00" not in out.stdout \
                or "edge P=1.00 R=1.00 F1=1.00" not in out.stdout:
            print("self-score is not 1.00")
            bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
