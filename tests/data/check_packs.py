#!/usr/bin/env python3
"""Validate the actor packs under data/actors/ (or the TOML files given as arguments).

Checks: TOML syntax; known tables and fields; required fields; kinds; slug-shaped, unique ids;
every name (label, alias, capital, demonym, people form), normalised as the matcher does,
claimed by one id only; person affiliations point at existing ids; ISO dates in order.
Errors are printed as `file:line: what is wrong; what was expected`; exit status 1 on any error.

Usage: python3 tests/data/check_packs.py [PACK.toml ...]
"""
import datetime
import glob
import json
import os
import re
import sys
import tomllib

KINDS = {"state", "government", "armed-group", "party", "parliament", "igo", "mission", "militia",
         "terrorist-group", "media", "forum", "company", "place"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NAME_LISTS = ["aliases_en", "aliases_ar", "capital_en", "capital_ar", "demonym_en", "demonym_ar",
              "people_en", "people_ar"]
ACTOR_FIELDS = ["id", "kind", "en", "ar"] + NAME_LISTS
PERSON_FIELDS = ["id", "kind", "en", "ar", "aliases_en", "aliases_ar", "affiliation"]
AFF_FIELDS = ["org", "from", "to", "role"]
REQUIRED = {"actor": ["id", "kind", "en", "ar"], "person": ["id", "en", "ar", "affiliation"]}
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
ARABIC = re.compile("[\u0600-\u06ff]")
LATIN = re.compile("[A-Za-z]")


def norm(s):
    """The matcher's normalisation: lower-case, tashkeel and tatweel stripped, أإآٱ→ا ى→ي ة→ه."""
    s = TASHKEEL.sub("", s.lower()).translate(FOLD)
    return " ".join(s.split())


class Pack:
    def __init__(self, path):
        self.path = path
        self.rel = os.path.relpath(path)
        with open(path, encoding="utf-8") as f:
            self.lines = f.read().split("\n")
        # start line (1-based) of every [[actor]] / [[person]] table, in order
        self.starts = {"actor": [], "person": []}
        for i, line in enumerate(self.lines, 1):
            m = re.match(r"^\s*\[\[(\w+)\]\]\s*(#.*)?$", line)
            if m and m.group(1) in self.starts:
                self.starts[m.group(1)].append(i)
        self.bounds = sorted(n for v in self.starts.values() for n in v) + [len(self.lines) + 1]

    def entry_line(self, table, idx):
        starts = self.starts[table]
        return starts[idx] if idx < len(starts) else 1

    def block(self, table, idx):
        start = self.entry_line(table, idx)
        end = next((b for b in self.bounds if b > start), len(self.lines) + 1)
        return start, end

    def field_line(self, table, idx, field, needle=None):
        start, end = self.block(table, idx)
        for n in range(start, end):
            line = self.lines[n - 1]
            if re.match(rf"^\s*{re.escape(field)}\s*=", line):
                if needle is None:
                    return n
                # the value may continue on following lines of a multi-line array
                for m in range(n, end):
                    if json.dumps(needle, ensure_ascii=False) in self.lines[m - 1] or needle in self.lines[m - 1]:
                        return m
                return n
        return start


def main(argv):
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    paths = argv[1:] or sorted(glob.glob(os.path.join(root, "data", "actors", "*.toml")))
    errors = []

    def err(pack, line, what, expected):
        errors.append(f"{pack.rel if pack else '?'}:{line}: {what}; {expected}")

    entries = []  # (pack, table, idx, dict)
    for path in paths:
        pack = Pack(path)
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            m = re.search(r"line (\d+)", str(e))
            err(pack, m.group(1) if m else 1, f"TOML syntax error: {e}", "valid TOML 1.0")
            continue
        except OSError as e:
            errors.append(f"{path}:0: cannot read: {e}; a readable UTF-8 TOML file")
            continue
        for key in data:
            if key not in ("actor", "person"):
                err(pack, 1, f"unknown top-level table `{key}`", "only [[actor]] and [[person]] tables")
        for table in ("actor", "person"):
            items = data.get(table, [])
            if not isinstance(items, list):
                err(pack, 1, f"`{table}` is not an array of tables", f"[[{table}]] entries")
                continue
            for idx, e in enumerate(items):
                entries.append((pack, table, idx, e))

    # pass 1: shape, ids
    ids = {}
    for pack, table, idx, e in entries:
        line = pack.entry_line(table, idx)
        allowed = ACTOR_FIELDS if table == "actor" else PERSON_FIELDS
        for k in e:
            if k not in allowed:
                err(pack, pack.field_line(table, idx, k), f"unknown field `{k}` in [[{table}]]",
                    "one of " + ", ".join(allowed))
        for k in REQUIRED[table]:
            if k not in e or e[k] in ("", []):
                err(pack, line, f"[[{table}]] without `{k}`", f"a non-empty `{k}`")
        for k in ("id", "kind", "en", "ar"):
            if k in e and not isinstance(e[k], str):
                err(pack, pack.field_line(table, idx, k), f"`{k}` is not a string", "a quoted string")
        eid = e.get("id") if isinstance(e.get("id"), str) else None
        if eid is not None:
            if not SLUG.match(eid):
                err(pack, pack.field_line(table, idx, "id"), f"id `{eid}` is not slug-shaped",
                    "lower-case ASCII words joined by single hyphens (^[a-z0-9]+(-[a-z0-9]+)*$)")
            if eid in ids:
                p0, l0 = ids[eid]
                err(pack, pack.field_line(table, idx, "id"), f"duplicate id `{eid}` (first at {p0.rel}:{l0})",
                    "ids unique across all packs")
            else:
                ids[eid] = (pack, pack.field_line(table, idx, "id"))
        kind = e.get("kind")
        if table == "actor" and isinstance(kind, str) and kind not in KINDS:
            err(pack, pack.field_line(table, idx, "kind"), f"unknown kind `{kind}`", "one of " + ", ".join(sorted(KINDS)))
        if table == "person" and "kind" in e and kind != "person":
            err(pack, pack.field_line(table, idx, "kind"), f"person with kind `{kind}`", "no kind, or kind = \"person\"")
        for k in ("en", "ar"):
            v = e.get(k)
            if isinstance(v, str) and v:
                if k == "ar" and not ARABIC.search(v):
                    err(pack, pack.field_line(table, idx, k), f"Arabic label `{v}` has no Arabic letters", "an Arabic label")
                if k == "en" and ARABIC.search(v):
                    err(pack, pack.field_line(table, idx, k), f"English label `{v}` has Arabic letters", "an English label")
        for k in NAME_LISTS:
            if k not in e:
                continue
            v = e[k]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                err(pack, pack.field_line(table, idx, k), f"`{k}` is not a list of strings", "[\"...\", ...]")
                continue
            if not v:
                err(pack, pack.field_line(table, idx, k), f"empty `{k}`", "omit empty fields")
            for x in v:
                if not x.strip() or x != x.strip():
                    err(pack, pack.field_line(table, idx, k, x), f"`{k}` value {x!r} is empty or padded",
                        "a trimmed non-empty name")
                if k.endswith("_ar") and (not ARABIC.search(x) or LATIN.search(x)):
                    err(pack, pack.field_line(table, idx, k, x), f"`{k}` value `{x}` is not Arabic", "Arabic script only")
                if k.endswith("_en") and ARABIC.search(x):
                    err(pack, pack.field_line(table, idx, k, x), f"`{k}` value `{x}` contains Arabic", "Latin script")

    # pass 2: names claimed by one id only (labels included)
    claimed = {}  # norm -> (id, pack, line, field, raw)
    for pack, table, idx, e in entries:
        eid = e.get("id")
        if not isinstance(eid, str):
            continue
        own = {}
        for k in ["en", "ar"] + NAME_LISTS:
            vals = e.get(k)
            if isinstance(vals, str):
                vals = [vals]
            if not isinstance(vals, list):
                continue
            for x in vals:
                if not isinstance(x, str) or not x.strip():
                    continue
                n = norm(x)
                line = pack.field_line(table, idx, k, None if k in ("en", "ar") else x)
                if n in own:
                    err(pack, line, f"`{x}` ({k}) repeats `{own[n]}` of the same entry `{eid}` after normalisation",
                        "each name once per entry (labels are not repeated as aliases)")
                    continue
                own[n] = f"{k}"
                if n in claimed and claimed[n][0] != eid:
                    o = claimed[n]
                    err(pack, line, f"name `{x}` ({k}) of `{eid}` is already claimed by `{o[0]}` "
                        f"({o[3]} `{o[4]}` at {o[1].rel}:{o[2]})", "each normalised name claimed by one id only")
                else:
                    claimed.setdefault(n, (eid, pack, line, k, x))

    # pass 3: affiliations
    for pack, table, idx, e in entries:
        if table != "person" or "affiliation" not in e:
            continue
        affs = e["affiliation"]
        line = pack.field_line(table, idx, "affiliation")
        if not isinstance(affs, list) or not all(isinstance(a, dict) for a in affs):
            err(pack, line, "`affiliation` is not a list of tables", "[{ org = \"id\", from = \"YYYY-MM-DD\" }, ...]")
            continue
        prev_from = None
        for a in affs:
            for k in a:
                if k not in AFF_FIELDS:
                    err(pack, line, f"unknown affiliation field `{k}`", "org, from, to, role")
            org = a.get("org")
            if not isinstance(org, str) or not org:
                err(pack, line, "affiliation without `org`", "org = an existing actor id")
            elif org not in ids:
                err(pack, line, f"affiliation to unknown id `{org}`", "an id defined in some pack")
            elif org == e.get("id"):
                err(pack, line, "affiliation to itself", "an organisation id")
            dates = {}
            for k in ("from", "to"):
                if k in a:
                    v = a[k]
                    if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
                        err(pack, line, f"`{k}` {v} is a bare TOML date", "a quoted ISO date string \"YYYY-MM-DD\"")
                        dates[k] = v
                        continue
                    try:
                        if not isinstance(v, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                            raise ValueError
                        dates[k] = datetime.date.fromisoformat(v)
                    except ValueError:
                        err(pack, line, f"`{k}` = {v!r} is not an ISO date", "\"YYYY-MM-DD\"")
            if "from" not in a:
                err(pack, line, f"affiliation to `{org}` without `from`", "from = \"YYYY-MM-DD\"")
            if "from" in dates and "to" in dates and dates["to"] < dates["from"]:
                err(pack, line, f"affiliation to `{org}` ends {dates['to']} before it starts {dates['from']}",
                    "from <= to")
            if "from" in dates:
                if prev_from and dates["from"] < prev_from:
                    err(pack, line, f"affiliation from {dates['from']} listed after one from {prev_from}",
                        "affiliations in chronological order of `from`")
                prev_from = dates["from"]
            if "role" in a and (not isinstance(a["role"], str) or not a["role"]):
                err(pack, line, "`role` is not a non-empty string", "role = \"president\"")

    for e in errors:
        print(e)
    n_actor = sum(1 for _, t, _, _ in entries if t == "actor")
    n_person = sum(1 for _, t, _, _ in entries if t == "person")
    status = "FAILED" if errors else "OK"
    print(f"{status}: {len(paths)} files, {n_actor} actors, {n_person} persons, {len(claimed)} names, {len(errors)} errors",
          file=sys.stderr if errors else sys.stdout)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
