#!/usr/bin/env python3
"""Fails when the dev-set score drops below the floors we have reached.

usage: check_floor.py GOLD_DIR PRED_DIR
       check_floor.py GOLD_DIR PRED_DIR --edge-f1 F
Uses the reference scorer (score.py beside GOLD_DIR, else ../shared/eval's)
overall and per language (articles named *-ar-* or seed-* are Arabic, *-en-*
English). With --edge-f1, one floor for the whole set: the project's own gold
sets (tests/devset, tests/gold, tests/fresh) keep their gains that way.
Raise the floors as accuracy improves; never lower them to make CI pass.
"""
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

FLOORS = {
    "all": {"edge_f1": 0.93, "node_f1": 0.97},
    "ar": {"edge_f1": 0.94, "node_f1": 0.97},
    "en": {"edge_f1": 0.90, "node_f1": 0.97},
}

gold_dir, pred_dir = Path(sys.argv[1]), Path(sys.argv[2])
if len(sys.argv) == 5 and sys.argv[3] == "--edge-f1":
    FLOORS = {"all": {"edge_f1": float(sys.argv[4]), "node_f1": 0.0}}
scorer = gold_dir.parent / "score.py"
if not scorer.exists():
    scorer = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
spec = importlib.util.spec_from_file_location("score", scorer)
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def subset(lang):
    tmp = Path(tempfile.mkdtemp())
    for g in gold_dir.glob("*.json"):
        is_en = "-en-" in g.stem
        if (lang == "en") == is_en:
            shutil.copy(g, tmp / g.name)
    return tmp


failed = False
for name, floor in FLOORS.items():
    gdir = gold_dir if name == "all" else subset(name)
    res = score.score(str(gdir), str(pred_dir))
    e, n = res["edge"], res["node"]
    line = (f"{name}: articles={res['articles']} node F1={n['f1']:.3f} "
            f"edge P={e['p']:.3f} R={e['r']:.3f} F1={e['f1']:.3f}")
    ok = e["f1"] >= floor["edge_f1"] and n["f1"] >= floor["node_f1"]
    print(line + ("" if ok else f"  BELOW FLOOR {floor}"))
    failed |= not ok
sys.exit(1 if failed else 0)
