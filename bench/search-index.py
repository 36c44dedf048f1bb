#!/usr/bin/env python3
"""Measures the search index of a built Digest site: its size, its number of files, its size
against the articles' plain text, and the bytes the search page and a first query load, for a
fixed list of queries. The shards a query needs are worked out as the page's script does
(assets/search.js): the manifest, the term shards of its words, and the documents of the first
page of results (10), plus the page itself, its style sheet and its script.

    bench/search-index.py OUT [--pagefind DIR]   print a Markdown table (one row per query) and a summary
    bench/search-index.py OUT --row N [--pagefind DIR --pagefind-seconds S]
                                                 print one row of bench/run.sh's search table

With --pagefind DIR (a Pagefind output folder), also gives its size and file count.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

QUERIES = ["ministry", "semiconductors", "Haddad", "tighter credit", "batteries solar", "Tuesday",
           "interference", "annex", "7967", "Europe"]
PAGE = 10

CJK_RANGES = [(0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3005, 0x3005), (0x3007, 0x3007), (0x3021, 0x3029),
              (0x3038, 0x303B), (0x3041, 0x309F), (0x30A0, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF),
              (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
              (0xFF66, 0xFF9F), (0x20000, 0x3FFFF)]
LAST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef"
LEADING = "ghijklmnopqrstuvwxyz0123456789-_"


def is_cjk(ch):
    return any(lo <= ord(ch) <= hi for lo, hi in CJK_RANGES)


def is_word(ch):
    return unicodedata.category(ch)[0] in "LMN"


def fold(word):
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c)[0] != "M").lower()


def query_terms(query):
    """(term, prefix) pairs the page looks up for query, as search.js's parse()."""
    parts, word, run = [], "", ""
    for ch in query + " ":
        if is_cjk(ch):
            if word: parts.append(("w", fold(word))); word = ""
            run += ch
        elif is_word(ch):
            if run: parts.append(("r", run)); run = ""
            word += ch
        else:
            if word: parts.append(("w", fold(word))); word = ""
            if run: parts.append(("r", run)); run = ""
    terms = []
    for index, (kind, text) in enumerate(parts):
        last = index == len(parts) - 1 and is_word(query[-1]) and len(text) >= 2
        if kind == "w":
            terms.append([(text, last)])
        elif len(text) == 1:
            terms.append([(text, True)])
        else:
            terms.append([(text[i:i + 2], False) for i in range(len(text) - 1)])
    return terms


def shard_keys(keys, term, prefix):
    found = []
    for n in range(len(term), 0, -1):
        if term[:n] in keys:
            found.append(term[:n])
            break
    if prefix:
        found += [k for k in keys if len(k) > len(term) and k.startswith(term)]
    return found


def decode(text):
    out, value, doc = [], 0, -1
    for c in text:
        d = LAST.find(c)
        if d < 0:
            value = value * 32 + LEADING.index(c)
            continue
        value = value * 32 + d
        doc += value >> 3
        out.append((doc, value & 7))
        value = 0
    return out


def load_call(path, name):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return json.loads("[" + text[len(name) + 1:text.rindex(");")] + "]")


def size(path):
    return os.path.getsize(path)


def tree(folder):
    total = files = 0
    for base, _, names in os.walk(folder):
        for name in names:
            total += size(os.path.join(base, name))
            files += 1
    return total, files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--pagefind")
    parser.add_argument("--pagefind-seconds", default="")
    parser.add_argument("--row")
    parser.add_argument("--index-seconds", default="", help="Digest's indexing time (its build's --timings)")
    args = parser.parse_args()
    out = sys.stdout
    if args.row:
        sys.stdout = open(os.devnull, "w")
    search = os.path.join(args.out, "search")
    with open(os.path.join(search, "index-data.js"), encoding="utf-8") as f:
        manifest = json.loads(f.read()[len("window.DIGEST_SEARCH = "):].rstrip().rstrip(";"))
    keys = set(manifest["keys"].split())
    index_bytes = index_files = 0
    for part in ("index-data.js", "terms", "docs", "facets"):
        path = os.path.join(search, part)
        b, n = tree(path) if os.path.isdir(path) else (size(path), 1)
        index_bytes += b
        index_files += n
    plain = 0
    for name in os.listdir(os.path.join(search, "docs")):
        doc = load_call(os.path.join(search, "docs", name), "DIGEST_SEARCH_DOC")[1]
        plain += sum(len(doc.get(k, "").encode()) for k in ("t", "m", "x"))
    page = sum(size(os.path.join(args.out, p)) for p in ("search/index.html", "assets/style.css", "assets/search.js",
                                                         "search/index-data.js", "assets/favicon.svg"))
    print("| query | term shards | shard KiB | results | page + first query KiB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    worst = 0
    firsts = []
    for query in QUERIES:
        files, scores = set(), None
        for part in query_terms(query):
            part_hits = None
            for term, prefix in part:
                hits = {}
                for key in shard_keys(keys, term, prefix):
                    path = os.path.join(search, "terms", f"t_{key}.js")
                    files.add(path)
                    _, terms, postings = load_call(path, "DIGEST_SEARCH_SHARD")
                    for t, p in zip(terms, postings):
                        if t == term or (prefix and t.startswith(term)):
                            for doc, bits in decode(p):
                                hits[doc] = hits.get(doc, 0) | bits
                part_hits = hits if part_hits is None else {d: b & hits[d] for d, b in part_hits.items() if d in hits}
            weight = lambda b: 100 if b & 4 else 10 if b & 2 else 1
            if scores is None:
                scores = {d: weight(b) for d, b in part_hits.items()}
            else:
                scores = {d: s + weight(part_hits[d]) for d, s in scores.items() if d in part_hits}
        ranked = sorted(scores, key=lambda d: (-scores[d], -d))
        shard_bytes = sum(size(f) for f in files)
        doc_bytes = sum(size(os.path.join(search, "docs", f"{d}.js")) for d in ranked[:PAGE])
        first = page + shard_bytes + doc_bytes
        worst = max(worst, first)
        firsts.append(first)
        print(f"| {query} | {len(files)} | {shard_bytes / 1024:.1f} | {len(ranked)} | {first / 1024:.1f} |")
    firsts.sort()
    if args.row:
        pagefind = tree(args.pagefind) if args.pagefind else None
        cells = [args.row, args.index_seconds or "–", f"{index_bytes / 1048576:.1f}", str(index_files), str(len(keys)), f"{index_bytes / plain:.2f}",
                 f"{page / 1024:.0f}", f"{firsts[len(firsts) // 2] / 1024:.0f} / {worst / 1024:.0f}",
                 args.pagefind_seconds or "–", f"{pagefind[0] / 1048576:.1f}" if pagefind else "–", str(pagefind[1]) if pagefind else "–"]
        out.write("| " + " | ".join(cells) + " |\n")
        return 0
    print()
    print(f"digest index: {index_bytes / 1048576:.1f} MiB in {index_files} files "
          f"({len(keys)} term shards); articles' plain text {plain / 1048576:.1f} MiB; index/text {index_bytes / plain:.2f}; "
          f"page alone {page / 1024:.1f} KiB; worst first query {worst / 1024:.1f} KiB")
    if args.pagefind:
        b, n = tree(args.pagefind)
        print(f"pagefind index: {b / 1048576:.1f} MiB in {n} files")


if __name__ == "__main__":
    sys.exit(main())
