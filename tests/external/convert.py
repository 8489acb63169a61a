#!/usr/bin/env python3
"""Turn the open event-coder gold (PETRARCH 2, UniversalPetrarch, Arabic event GSR) into stance gold.

usage: convert.py OUT_DIR [--shared DIR] [--cap N] [--fold-all-roles]

Reads ../shared/external/eventcoders at run time and writes, per language,
OUT_DIR/<lang>/articles/<id>.txt (the sentence) and OUT_DIR/<lang>/gold/<id>.json (format of
shared/eval/GUIDELINE.md), plus OUT_DIR/<lang>/dropped.tsv (id, reason). The news text belongs to
its publishers: it is only ever written to OUT_DIR, never into the repository (see README.md).

Why the choices below: see README.md beside this file.
"""
import argparse
import csv
import html
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

# CAMEO event root (first two digits) -> stance; the mapping. 036-039 and 057 are more
# specific than their roots, so they are looked up first.
CAMEO_SPECIFIC = {"036": "negotiates-with", "037": "negotiates-with", "038": "negotiates-with",
                  "039": "negotiates-with", "057": "negotiates-with"}
CAMEO_ROOT = {"04": "negotiates-with", "05": "supports", "06": "supports", "07": "supports",
              **{f"{r:02d}": "opposes" for r in range(10, 21)}}
# Roots 01, 02, 03 (except 036-039), 08, 09 carry no stance. Anything above 20 is a test-only code
# of the PETRARCH unit-test verb dictionary with no CAMEO meaning: such records are dropped.
CAMEO_MAX_ROOT = 20

# PLOVER event types of the Arabic GSR: ASSAULT ~ CAMEO 18-20, PROTEST ~ CAMEO 14.
PLOVER = {"ASSAULT": "opposes", "PROTEST": "opposes"}

# ISO-3166 alpha-3 (CAMEO's country codes) -> id in data/actors/world.toml. Checked at start-up
# against the pack so a renamed id fails loudly instead of silently dropping records.
STATES = {
    "AFG": "afghanistan", "ALB": "albania", "DZA": "algeria", "AND": "andorra", "AGO": "angola",
    "ATG": "antigua-and-barbuda", "ARG": "argentina", "ARM": "armenia", "AUS": "australia",
    "AUT": "austria", "AZE": "azerbaijan", "BHS": "bahamas", "BHR": "bahrain", "BGD": "bangladesh",
    "BRB": "barbados", "BLR": "belarus", "BEL": "belgium", "BLZ": "belize", "BEN": "benin",
    "BTN": "bhutan", "BOL": "bolivia", "BIH": "bosnia-and-herzegovina", "BWA": "botswana",
    "BRA": "brazil", "BRN": "brunei", "BGR": "bulgaria", "BFA": "burkina-faso", "BDI": "burundi",
    "CPV": "cabo-verde", "KHM": "cambodia", "CMR": "cameroon", "CAN": "canada",
    "CAF": "central-african-republic", "TCD": "chad", "CHL": "chile", "CHN": "china",
    "COL": "colombia", "COM": "comoros", "COG": "congo", "CRI": "costa-rica", "HRV": "croatia",
    "CUB": "cuba", "CYP": "cyprus", "CZE": "czechia", "DNK": "denmark", "DJI": "djibouti",
    "DMA": "dominica", "DOM": "dominican-republic", "COD": "dr-congo", "ECU": "ecuador",
    "EGY": "egypt", "SLV": "el-salvador", "GNQ": "equatorial-guinea", "ERI": "eritrea",
    "EST": "estonia", "SWZ": "eswatini", "ETH": "ethiopia", "FJI": "fiji", "FIN": "finland",
    "FRA": "france", "GAB": "gabon", "GMB": "gambia", "GEO": "georgia", "DEU": "germany",
    "GHA": "ghana", "GRC": "greece", "GRD": "grenada", "GTM": "guatemala", "GIN": "guinea",
    "GNB": "guinea-bissau", "GUY": "guyana", "HTI": "haiti", "HND": "honduras", "HUN": "hungary",
    "ISL": "iceland", "IND": "india", "IDN": "indonesia", "IRN": "iran", "IRQ": "iraq",
    "IRL": "ireland", "ISR": "israel", "ITA": "italy", "CIV": "ivory-coast", "JAM": "jamaica",
    "JPN": "japan", "JOR": "jordan", "KAZ": "kazakhstan", "KEN": "kenya", "KIR": "kiribati",
    "KSV": "kosovo", "KWT": "kuwait", "KGZ": "kyrgyzstan", "LAO": "laos", "LVA": "latvia",
    "LBN": "lebanon", "LSO": "lesotho", "LBR": "liberia", "LBY": "libya", "LIE": "liechtenstein",
    "LTU": "lithuania", "LUX": "luxembourg", "MDG": "madagascar", "MWI": "malawi",
    "MYS": "malaysia", "MDV": "maldives", "MLI": "mali", "MLT": "malta", "MHL": "marshall-islands",
    "MRT": "mauritania", "MUS": "mauritius", "MEX": "mexico", "FSM": "micronesia",
    "MDA": "moldova", "MCO": "monaco", "MNG": "mongolia", "MNE": "montenegro", "MAR": "morocco",
    "MOZ": "mozambique", "MMR": "myanmar", "NAM": "namibia", "NRU": "nauru", "NPL": "nepal",
    "NLD": "netherlands", "NZL": "new-zealand", "NIC": "nicaragua", "NER": "niger",
    "NGA": "nigeria", "PRK": "north-korea", "MKD": "north-macedonia", "NOR": "norway",
    "OMN": "oman", "PAK": "pakistan", "PLW": "palau", "PSE": "palestine", "PAN": "panama",
    "PNG": "papua-new-guinea", "PRY": "paraguay", "PER": "peru", "PHL": "philippines",
    "POL": "poland", "PRT": "portugal", "QAT": "qatar", "ROU": "romania", "RUS": "russia",
    "RWA": "rwanda", "KNA": "saint-kitts-and-nevis", "LCA": "saint-lucia",
    "VCT": "saint-vincent-and-the-grenadines", "WSM": "samoa", "SMR": "san-marino",
    "STP": "sao-tome-and-principe", "SAU": "saudi-arabia", "SEN": "senegal", "SRB": "serbia",
    "SYC": "seychelles", "SLE": "sierra-leone", "SGP": "singapore", "SVK": "slovakia",
    "SVN": "slovenia", "SLB": "solomon-islands", "SOM": "somalia", "ZAF": "south-africa",
    "KOR": "south-korea", "SSD": "south-sudan", "ESP": "spain", "LKA": "sri-lanka",
    "SDN": "sudan", "SUR": "suriname", "SWE": "sweden", "CHE": "switzerland", "SYR": "syria",
    "TWN": "taiwan", "TJK": "tajikistan", "TZA": "tanzania", "THA": "thailand",
    "TLS": "timor-leste", "TGO": "togo", "TON": "tonga", "TTO": "trinidad-and-tobago",
    "TUN": "tunisia", "TUR": "turkey", "TKM": "turkmenistan", "TUV": "tuvalu", "ARE": "uae",
    "UGA": "uganda", "UKR": "ukraine", "GBR": "united-kingdom", "USA": "united-states",
    "URY": "uruguay", "UZB": "uzbekistan", "VUT": "vanuatu", "VAT": "holy-see",
    "VEN": "venezuela", "VNM": "vietnam", "YEM": "yemen", "ZMB": "zambia", "ZWE": "zimbabwe",
}
# IGO codes (the 9-letter IGO+org prefix) -> id in data/actors/igo.toml. UN agencies (IGOUNO + a
# sector such as HRI, HLH) are separate actors (unhcr, who ...) and stay unmapped.
IGOS = {"IGOUNO": "un", "IGOEUREEC": "eu", "IGOWSTNAT": "nato", "IGOMEAARL": "arab-league",
        "IGOAFRAFU": "african-union"}
# Named non-state groups whose CAMEO code can be recognised by a 3-letter chunk.
GROUPS = {"HMS": "hamas"}
# Roles that are the state itself (GUIDELINE: "a state's army, government, parliament and leaders
# fold into the state id"). Rebels, opposition, civilians, parties, media ... are not the state.
STATE_ROLES = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


# The PETRARCH unit-test suites code with their own test dictionary (PETR.Validate.actors.txt): a
# Tolkien world plus some real states under pre-ISO CAMEO codes. ERI there is Eriador, not Eritrea.
UNIT_TEST_CODES = {"ERI": None, "KUW": "kuwait", "NZE": "new-zealand", "ZBW": "zimbabwe",
                   "RHO": "zimbabwe", "UNO": "un", "IGOEEU": "eu", "IGOAFR": "african-union"}


def arabic_state_names():
    """id -> Arabic names of the state itself (name, aliases, capital; no demonyms), normalised."""
    names, current = {}, None
    text = (REPO / "data" / "actors" / "world.toml").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = re.match(r'(id|ar|aliases_ar|capital_ar) = (.*)', line)
        if not m:
            continue
        if m.group(1) == "id":
            current = json.loads(m.group(2))
            continue
        value = json.loads(m.group(2))
        for name in value if isinstance(value, list) else [value]:
            names.setdefault(current, []).append(norm_ar(name).split())
    return names


def norm_ar(text):
    text = re.sub(r"[\u064B-\u0652\u0640]", "", text)  # harakat, tatweel
    return text.translate(str.maketrans("أإآٱ", "اااا"))


def names_state(span, names):
    """True when the span's words contain one of the names (a proclitic و/ب/ل/ف allowed)."""
    words = norm_ar(span).split()
    for name in names:
        for i in range(len(words) - len(name) + 1):
            first = words[i]
            if first != name[0] and not (len(first) == len(name[0]) + 1 and first[0] in "وبلف"
                                         and first[1:] == name[0]):
                continue
            if words[i + 1:i + len(name)] == name[1:]:
                return True
    return False


class Unmapped(Exception):
    """An actor code with no project id: args are (code, why)."""


def map_actor(code, fold_all_roles=False, overrides=None):
    """CAMEO actor code ('USAGOV', 'IGOUNO', 'ISR None', 'None CVL') -> project id, or Unmapped."""
    tokens = code.split()
    if len(tokens) == 2 and tokens[0] == "None":  # Arabic GSR form "main role": no main actor
        raise Unmapped(code, "no country or organisation")
    flat = "".join(t for t in tokens if t != "None").upper()
    if not flat or flat.startswith("---"):
        raise Unmapped(code, "no country or organisation")
    if not re.fullmatch(r"[A-Z]+", flat) or len(flat) % 3:
        raise Unmapped(code, "not a CAMEO actor code")
    parts = [flat[i:i + 3] for i in range(0, len(flat), 3)]
    for part in parts:
        if part in GROUPS:
            return GROUPS[part]
    heads = {**STATES, **IGOS, **(overrides or {})}
    for n in (9, 6, 3):
        if flat[:n] in heads:
            head, roles = heads[flat[:n]], parts[n // 3:]
            break
    else:
        raise Unmapped(code, "unknown country/organisation code")
    if head is None:
        raise Unmapped(code, "unknown country/organisation code")
    if fold_all_roles or all(r in STATE_ROLES for r in roles):
        return head
    raise Unmapped(code, "non-state role " + "/".join(r for r in roles if r not in STATE_ROLES))


def cameo_relation(code):
    """'0432' -> 'negotiates-with'; None for no stance; ValueError for a non-CAMEO code."""
    if not re.fullmatch(r"\d{2,4}", code) or not 1 <= int(code[:2]) <= CAMEO_MAX_ROOT:
        raise ValueError(code)
    return CAMEO_SPECIFIC.get(code[:3]) or CAMEO_ROOT.get(code[:2])


# ---------------------------------------------------------------- lenient XML reading

ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def attrs(text):
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in ATTR.finditer(text)}


def sentences(path):
    """Yield (attrs, [EventCoding attrs], [EventText attrs], text) per <Sentence>, tolerating
    self-closed start tags, a missing </Validation> and a nested comment (PROVENANCE.md)."""
    raw = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
    include = re.search(r"<Include>(.*?)</Include>", raw, re.S)
    cats = set(include.group(1).split()) if include else None
    starts = [m for m in re.finditer(r"<Sentence\b([^>]*)>", raw)]
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(raw)
        body = raw[m.end():end]
        a = attrs(m.group(1))
        if a.get("evaluate", "true").lower() == "false":
            continue
        if cats is not None and a.get("category") not in cats:
            continue
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text:
            continue
        yield (a, [attrs(x) for x in re.findall(r"<EventCoding\b([^>]*)>", body)],
               [attrs(x) for x in re.findall(r"<EventText\b([^>]*)>", body)],
               " ".join(html.unescape(text.group(1)).split()))


# ---------------------------------------------------------------- records

class Record:
    def __init__(self, rid, lang, text, events, origin, cues=(), codes=None):
        self.rid, self.lang, self.text, self.events = rid, lang, text, events
        self.origin, self.cues, self.codes = origin, [c for c in cues if c], codes


def english(ext):
    recs, seen = [], set()
    sources = [("p2", ext / "petrarch2/PETR.UnitTest.records.xml"),
               ("gsr", ext / "universalpetrarch/english/PETR2_GSR_validation.xml"),
               ("up", ext / "universalpetrarch/english/PETR_Validate_records_2_02.xml")]
    for tag, path in sources:
        for a, codings, _, text in sentences(path):
            key = text.lower()
            if key in seen or a["id"] == "FINAL-RECORD":  # UP repeats most of the p2 suite
                continue
            seen.add(key)
            events = [(c.get("eventcode", ""), c.get("sourcecode", ""), c.get("targetcode", ""))
                      for c in codings if c.get("noevents", "").lower() != "true"]
            recs.append(Record(f"en-{tag}-{a['id']}", "en", text, events, path.name,
                               codes=None if tag == "gsr" else UNIT_TEST_CODES))
    return recs


def arabic(ext):
    recs, seen = [], set()
    gsr = ext / "arabic_event_gsr"
    labels = {}
    for kind in ("assault", "protest"):
        by_sentence = {r["id"]: r["label"] for r in
                       csv.DictReader(open(gsr / f"{kind}_gsr.csv", encoding="utf-8"))}
        for s in json.loads((gsr / f"{kind}_spans.json").read_text(encoding="utf-8")):
            labels[s["_id"]] = by_sentence.get(s["source"], "missing")
    sources = [(p.stem.split("_")[0], p) for p in (gsr / "assault_gsr.xml", gsr / "protest_gsr.xml")]
    sources.append(("up", ext / "universalpetrarch/arabic/arabic_gsr_validation_18-11-14.xml"))
    for tag, path in sources:
        for a, codings, texts, text in sentences(path):
            key = "".join(text.split())
            if key in seen:  # the UP file is the same 645 sentences with parses
                continue
            seen.add(key)
            events = [("PLOVER:" + c.get("plover", ""), c.get("sourcecode", ""),
                       c.get("targetcode", "")) for c in codings]
            rec = Record(f"ar-{tag}-{a['id']}", "ar", text, events, path.name,
                         [t.get("eventtext", "") for t in texts])
            rec.spans = [(t.get("sourcetext", ""), t.get("targettext", "")) for t in texts]
            rec.label = labels.get(a["id"], "missing")
            recs.append(rec)
    return recs


def evidence(text, cues):
    """At most 12 words of the sentence: around the event verb when the gold names one."""
    words = text.split(" ")
    for cue in cues:
        at = text.find(cue)
        if at >= 0:
            first = len(text[:at].split(" ")) - 1
            start = max(0, min(first - 4, len(words) - 12))
            return " ".join(words[start:start + 12])
    return " ".join(words[:12])


def bare_country_is_state(code, span, actor, names):
    """The Arabic GSR codes an actor's nationality without a role as "XXX None" (a Belgian woman,
    rockets from south Lebanon): it is the state only when the annotators' span names the state."""
    tokens = code.split()
    if len(tokens) != 2 or tokens[1] != "None" or actor not in names:
        return True
    return names_state(span, names[actor])


def to_gold(rec, fold_all_roles, names=None):
    """Gold dict, or a reason string when the record must be dropped."""
    if getattr(rec, "label", "") == "difficult no":
        return "annotators mostly rejected the event (label 'difficult no')"
    edges, side_actors = {}, set()
    spans = getattr(rec, "spans", [])
    for i, (code, src, tgt) in enumerate(rec.events):
        if code.startswith("PLOVER:"):
            relation = PLOVER.get(code[7:])
            if relation is None:
                return f"unknown PLOVER type {code[7:]}"
        else:
            try:
                relation = cameo_relation(code)
            except ValueError:
                return f"non-CAMEO (unit-test) event code ({code})"
        if relation is None:  # no stance: the actors may appear, they need not
            for c in (src, tgt):
                try:
                    side_actors.add(map_actor(c, fold_all_roles, rec.codes))
                except Unmapped:
                    pass
            continue
        try:
            s = map_actor(src, fold_all_roles, rec.codes)
            t = map_actor(tgt, fold_all_roles, rec.codes)
        except Unmapped as e:
            return f"unmapped actor: {e.args[1]} ({e.args[0]}, {relation} event)"
        if names is not None and not fold_all_roles and i < len(spans):
            for c, span, actor in ((src, spans[i][0], s), (tgt, spans[i][1], t)):
                if not bare_country_is_state(c, span, actor, names):
                    return (f"unmapped actor: nationality without role, span does not name the "
                            f"state ({c}, span '{span}')")
        if s == t:
            return f"source and target are the same actor: {s} ({src} -> {tgt})"
        if relation == "negotiates-with":
            s, t = sorted((s, t))
        edges[(s, relation, t)] = code
    required = sorted({x for s, _, t in edges for x in (s, t)})
    ev = evidence(rec.text, rec.cues)
    gold = {
        "article": rec.rid + ".txt",
        "lang": rec.lang,
        "nodes": {"required": required, "acceptable": sorted(side_actors - set(required))},
        "edges": {"required": [{"source": s, "relation": r, "target": t, "evidence": ev}
                               for s, r, t in sorted(edges)],
                  "acceptable": []},
        "equivalents": [["un", "unsmil"]],
        "notes": f"converted from {rec.origin}; events: "
                 + "; ".join(f"{c} {s} -> {t}" for c, s, t in rec.events) if rec.events
                 else f"converted from {rec.origin}; no event coded",
    }
    return gold


def check_ids(shared):
    """Every id the tables produce must be an actor pack id or a gold id of IDS.md."""
    known = set(re.findall(r"^\| ([a-z0-9-]+) \|", (shared / "eval" / "IDS.md").read_text(
        encoding="utf-8"), re.M))
    for pack in sorted((REPO / "data" / "actors").glob("*.toml")):
        known |= set(re.findall(r'^id = "([^"]+)"', pack.read_text(encoding="utf-8"), re.M))
    missing = sorted((set(STATES.values()) | set(IGOS.values()) | set(GROUPS.values())) - known)
    if missing:
        sys.exit(f"convert.py: ids not in data/actors/*.toml: {', '.join(missing)}; "
                 "fix the tables in tests/external/convert.py")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--cap", type=int, default=400, help="most records per language")
    ap.add_argument("--fold-all-roles", action="store_true",
                    help="fold every role of a state (REB, OPP, CVL ...) into the state too")
    args = ap.parse_args()
    check_ids(args.shared)
    ext = args.shared / "external" / "eventcoders"
    names = arabic_state_names()
    for lang, records in (("en", english(ext)), ("ar", arabic(ext))):
        kept, dropped = [], []
        for rec in records:
            g = to_gold(rec, args.fold_all_roles, names)
            (dropped if isinstance(g, str) else kept).append((rec, g))
        kept.sort(key=lambda x: x[0].rid)
        step = max(1, math.ceil(len(kept) / args.cap))
        sample = kept[::step]
        base = args.out / lang
        (base / "articles").mkdir(parents=True, exist_ok=True)
        (base / "gold").mkdir(parents=True, exist_ok=True)
        for rec, g in sample:
            (base / "articles" / f"{rec.rid}.txt").write_text(rec.text + "\n", encoding="utf-8")
            (base / "gold" / f"{rec.rid}.json").write_text(
                json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        with open(base / "dropped.tsv", "w", encoding="utf-8") as f:
            for rec, why in sorted(dropped, key=lambda x: x[0].rid):
                f.write(f"{rec.rid}\t{why}\n")
        n_edges = Counter(e["relation"] for _, g in sample for e in g["edges"]["required"])
        no_stance = sum(1 for _, g in sample if not g["edges"]["required"])
        reasons = Counter(re.sub(r"\s*\([^)]*\)$", "", why) for _, why in dropped)
        print(f"{lang}: records={len(records)} kept={len(kept)} dropped={len(dropped)} "
              f"written={len(sample)} (every {step}) no-stance={no_stance} "
              f"edges={dict(sorted(n_edges.items()))}")
        for why, n in reasons.most_common():
            print(f"  dropped {n:4d}: {why}")


if __name__ == "__main__":
    main()
