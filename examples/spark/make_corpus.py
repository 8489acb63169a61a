#!/usr/bin/env python3
"""Writes a JSON Lines corpus built from samples/*.txt: N records, each a
sample article with a distinct reference line (so each has its own sha256),
dated over a few weeks from 2020-06-01. Deterministic: same N, same bytes.

usage: make_corpus.py SAMPLES_DIR N > corpus.jsonl
"""
import datetime
import json
import pathlib
import sys


def main() -> None:
    samples_dir, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    samples = sorted(samples_dir.glob("*.txt"))
    if not samples:
        sys.exit(f"make_corpus.py: {samples_dir}: no *.txt samples")
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in samples]
    start = datetime.date(2020, 6, 1)
    for i in range(n):
        stem, text = texts[i % len(texts)]
        date = start + datetime.timedelta(days=(i * 3) % 45)
        record = {
            "id": f"{stem}-{i:06d}",
            "text": f"{text.rstrip()}\n\n(ref {i:06d})\n",
            "date": date.isoformat(),
            "url": f"https://news.example/{stem}/{i}",
        }
        if i % 7 == 0:
            record["lang"] = "ar" if stem.startswith("ar") else "en"
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
