#!/usr/bin/env python3
"""Assigns every realnews article to `train` or `heldout` (about 25%), and
draws the articles that get a second, independent annotation.

Both draws are fixed functions of the file name (salted sha256), so they
were made before any output was read and never change when files are added.
Writes SPLIT.tsv (file, split, double) from SOURCES.tsv.
"""
import csv, hashlib, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def draw(salt, name):
    return int(hashlib.sha256((salt + name).encode()).hexdigest()[:8], 16) / 16**8

def main():
    rows = list(csv.DictReader(open(os.path.join(HERE, "SOURCES.tsv"), encoding="utf-8"), delimiter="\t"))
    with open(os.path.join(HERE, "SPLIT.tsv"), "w", encoding="utf-8") as out:
        out.write("file\tsplit\tdouble\n")
        for r in sorted(rows, key=lambda r: r["file"]):
            f = r["file"]
            split = "heldout" if draw("stancegraph-realnews-split-v1:", f) < 0.25 else "train"
            double = "yes" if draw("stancegraph-realnews-double-v1:", f) < 0.20 else "no"
            out.write(f"{f}\t{split}\t{double}\n")

if __name__ == "__main__":
    sys.exit(main())
