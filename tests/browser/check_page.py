#!/usr/bin/env python3
"""Checks one page of the HTML report as headless Chromium left it.

    check_page.py NAME DOM LOG PNG

DOM is `chromium --dump-dom` of the page opened with '#selftest', LOG the
browser's stderr (--enable-logging=stderr), PNG its screenshot. Passes when:
nothing was written to the console nor caught by the page; every node of the data
island has its data-id element and every edge its data-edge element in the
DOM; the page's own click on the first stance put that stance's evidence
into the panel; and the screenshot is not blank. Standard library only.
"""
import html
import json
import re
import struct
import sys
import zlib


def fail(name, what):
    print(f"browser test: {name}: FAIL: {what}")
    return False


def island(dom):
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', dom, re.S)
    return json.loads(m.group(1)) if m else None


def attributes(dom, attr):
    return {html.unescape(v) for v in re.findall(rf' {attr}="([^"]*)"', dom)}


def png_ink(path):
    """Share of pixels that are not (near) white, decoding the PNG ourselves."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos:pos + 4]), data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype})")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    prev, ink, i = bytearray(stride), 0, 0
    for _ in range(height):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            if min(line[x], line[x + 1], line[x + 2]) < 235:
                ink += 1
        prev = line
    return ink / float(width * height)


def check(name, dom_path, log_path, png_path):
    dom = open(dom_path, encoding="utf-8", errors="replace").read()
    log = open(log_path, encoding="utf-8", errors="replace").read()
    ok = True
    m = re.search(r'<pre id="selftest-result">(.*?)</pre>', dom, re.S)
    if not m:
        return fail(name, "no #selftest-result in the DOM: the page's script did not run to its end")
    result = json.loads(html.unescape(m.group(1)))
    # The page logs nothing when all is well, and the log does not say which
    # console method wrote a line: any console line fails.
    consoles = [l for l in log.splitlines() if ":CONSOLE" in l]
    if result["errors"] or consoles:
        ok = fail(name, f"console errors: {result['errors'] + consoles}")
    data = island(dom)
    if data is None:
        return fail(name, "no data island")
    ids, keys = attributes(dom, "data-id"), attributes(dom, "data-edge")
    missing_nodes = [n["id"] for n in data["nodes"] if n["id"] not in ids]
    missing_edges = [e["key"] for e in data["edges"] if e["key"] not in keys]
    if missing_nodes or missing_edges or result["missingNodes"] or result["missingEdges"]:
        ok = fail(name, f"not in the DOM: nodes {missing_nodes}, edges {missing_edges}")
    if data["edges"]:
        panel = re.search(r'<aside id="panel".*?</aside>', dom, re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "", panel.group(0))) if panel else ""
        if not result.get("panelShowsEvidence") or result.get("evidence", "") not in text:
            ok = fail(name, f"clicking {result.get('clicked')!r} did not show its evidence in the panel")
    try:
        ink = png_ink(png_path)
    except (OSError, ValueError, zlib.error) as e:
        return fail(name, f"no usable screenshot ({e})")
    if ink < 0.01:
        ok = fail(name, f"the screenshot is blank ({ink:.2%} ink)")
    if ok:
        print(f"browser test: {name}: ok ({data['mode']}, {data['layout']}, {len(data['nodes'])} actors, "
              f"{len(data['edges'])} stances, clicked {result.get('clicked')!r}, {ink:.1%} ink)")
    return ok


if __name__ == "__main__":
    sys.exit(0 if check(*sys.argv[1:5]) else 1)
