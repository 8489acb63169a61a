#!/usr/bin/env python3
"""Sanity checks for the fresh gold set (no dependency on the tool)."""
import json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The shared folder sits beside the repository (../shared), as .ci/run
# expects: found from this file, so the script works in any clone.
SHARED = HERE.parent.parent.parent / 'shared'
IDS_MD = SHARED / 'eval' / 'IDS.md'
REL = {'supports', 'opposes', 'negotiates-with'}

def known_ids():
    ids = set()
    for line in IDS_MD.read_text(encoding='utf-8').splitlines():
        if not line.startswith('|') or line.startswith('| id') or line.startswith('| ---'):
            continue
        first = line.split('|')[1].strip()
        if first.startswith('media ids'):
            first = line.split('|')[2]
        for tok in re.split(r'[,\s…]+', first):
            if re.fullmatch(r'[a-z0-9][a-z0-9-]*', tok):
                ids.add(tok)
    return ids

def main():
    ids = known_ids()
    errors = 0
    golds = sorted((HERE / 'gold').glob('*.json'))
    arts = sorted((HERE / 'articles').glob('*.txt'))
    if len(golds) != len(arts):
        print(f'count mismatch: {len(golds)} gold vs {len(arts)} articles'); errors += 1
    for gp in golds:
        def err(msg):
            nonlocal errors
            errors += 1
            print(f'{gp.name}: {msg}')
        try:
            g = json.loads(gp.read_text(encoding='utf-8'))
        except Exception as e:
            err(f'JSON parse error: {e}'); continue
        for k in ('article', 'lang', 'nodes', 'edges', 'equivalents'):
            if k not in g: err(f'missing field {k}')
        ap = HERE / 'articles' / g['article']
        if not ap.exists():
            err(f'article {g["article"]} missing'); continue
        text = ap.read_text(encoding='utf-8')
        lines = text.split('\n')
        if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
            err('article must be headline, blank line, paragraphs')
        nw = len(text.split())
        if not 250 <= nw <= 550: err(f'word count {nw} outside 250-550')
        notes = g.get('notes', '')
        def check_id(i, where):
            if i not in ids and not re.search(r'(?<![a-z-])' + re.escape(i) + r'(?![a-z-])', notes):
                err(f'id {i!r} ({where}) neither in IDS.md nor declared in notes')
        rn, an = g['nodes']['required'], g['nodes']['acceptable']
        for i in rn + an: check_id(i, 'node')
        if set(rn) & set(an): err(f'nodes both required and acceptable: {set(rn) & set(an)}')
        seen = {}
        for tier in ('required', 'acceptable'):
            for e in g['edges'][tier]:
                s, r, t, ev = e.get('source'), e.get('relation'), e.get('target'), e.get('evidence', '')
                if r not in REL: err(f'bad relation {r}')
                if s == t: err(f'self edge {s}')
                for i in (s, t):
                    check_id(i, 'edge')
                    if i not in rn and i not in an: err(f'{tier} edge id {i} not listed in nodes')
                    if tier == 'required' and i not in rn: err(f'required edge id {i} not a required node')
                if not ev or ev not in text: err(f'evidence not verbatim in article: {ev!r}')
                key = (min(s, t), r, max(s, t)) if r == 'negotiates-with' else (s, r, t)
                if key in seen: err(f'duplicate edge {key} ({seen[key]} and {tier})')
                seen[key] = tier
        for grp in g['equivalents']:
            for i in grp: check_id(i, 'equivalents')
        print(f'{gp.stem}: {nw} words, {len(g["edges"]["required"])} required / '
              f'{len(g["edges"]["acceptable"])} acceptable edges, {len(rn)} required nodes')
    print('OK' if not errors else f'{errors} problem(s)')
    return 1 if errors else 0

if __name__ == '__main__':
    sys.exit(main())
