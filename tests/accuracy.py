#!/usr/bin/env python3
"""Every accuracy figure of docs/ACCURACY.md, one row per set and language.

usage: python3 tests/accuracy.py [--bin PATH] [--json]

Sets: dev (../shared/eval), devset, samples (tests/gold), fresh, blind,
realnews train and heldout (texts must be restored, see
tests/realnews/README.md), and the open event-coder gold converted to
stances (tests/external/convert.py). Scored with ../shared/eval/score.py,
edge and node P/R/F1 micro-averaged over the articles of each row.
"""
import json, shutil, subprocess, sys, tempfile, csv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import score  # noqa: E402

ARGS = sys.argv[1:]
BIN = Path(ARGS[ARGS.index("--bin") + 1]) if "--bin" in ARGS else REPO / "target" / "release" / "stancegraph"


def lang_of(stem):
    return "en" if "-en-" in stem or stem.startswith("en-") else "ar"


def run(articles, gold_dir, keep=lambda stem: True):
    """Rows per language for the articles (paths) whose gold is in gold_dir."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("ar", "en"):
            picked = [a for a in articles if lang_of(a.stem) == lang and keep(a.stem)
                      and (gold_dir / f"{a.stem}.json").exists()]
            if not picked:
                continue
            a_dir, g_dir, p_dir = (Path(tmp) / lang / d for d in "agp")
            for d in (a_dir, g_dir, p_dir):
                d.mkdir(parents=True)
            for a in picked:
                shutil.copy(a, a_dir / a.name)
                shutil.copy(gold_dir / f"{a.stem}.json", g_dir / f"{a.stem}.json")
            subprocess.run([str(BIN), "extract", str(a_dir), "-o", str(p_dir), "--format", "json"],
                           capture_output=True)
            res = score.score(str(g_dir), str(p_dir))
            out[lang] = (len(picked), res["node"], res["edge"])
    return out


def external():
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        conv = subprocess.run([sys.executable, str(REPO / "tests/external/convert.py"), tmp],
                              capture_output=True, text=True)
        if conv.returncode != 0:
            return rows
        for lang in ("ar", "en"):
            a_dir, g_dir = Path(tmp) / lang / "articles", Path(tmp) / lang / "gold"
            if not a_dir.exists() or not any(a_dir.iterdir()):
                continue
            p_dir = Path(tmp) / lang / "pred"
            subprocess.run([str(BIN), "extract", str(a_dir), "-o", str(p_dir), "--format", "json"],
                           capture_output=True)
            res = score.score(str(g_dir), str(p_dir))
            rows[lang] = (res["articles"], res["node"], res["edge"])
    return rows


def main():
    table = []
    sets = [
        ("dev", SHARED / "eval/articles", SHARED / "eval/gold", None),
        ("devset", REPO / "tests/devset/articles", REPO / "tests/devset/gold", None),
        ("samples", REPO / "samples", REPO / "tests/gold", None),
        ("fresh", REPO / "tests/fresh/articles", REPO / "tests/fresh/gold", None),
        ("blind", REPO / "tests/blind/articles", REPO / "tests/blind/gold", None),
    ]
    rn = REPO / "tests/realnews"
    split = {r["file"][:-4]: r["split"] for r in csv.DictReader(open(rn / "SPLIT.tsv"), delimiter="\t")}
    for name, arts, gold, _ in sets:
        for lang, row in run(sorted(arts.glob("*.txt")), gold).items():
            table.append((name, lang) + row)
    rn_arts = sorted((rn / "articles").glob("*.txt")) if (rn / "articles").exists() else []
    for part in ("train", "heldout"):
        for lang, row in run(rn_arts, rn / "gold", lambda s: split.get(s) == part).items():
            table.append((f"realnews {part}", lang) + row)
        other = run(rn_arts, rn / "gold", lambda s: split.get(s) == part and "-libya-" not in s)
        for lang, row in other.items():
            table.append((f"realnews {part}, other conflicts", lang) + row)
    for lang, row in external().items():
        table.append(("external event-coder gold", lang) + row)
    if "--json" in ARGS:
        print(json.dumps([{"set": t[0], "lang": t[1], "articles": t[2], "node": t[3], "edge": t[4]} for t in table], indent=1))
        return
    print("| set | lang | articles | node F1 | edge P | edge R | edge F1 |")
    print("| --- | --- | --: | --: | --: | --: | --: |")
    for name, lang, n, node, edge in table:
        print(f"| {name} | {lang} | {n} | {node['f1']:.2f} | {edge['p']:.2f} | {edge['r']:.2f} | {edge['f1']:.2f} |")


if __name__ == "__main__":
    main()
