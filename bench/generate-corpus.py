#!/usr/bin/env python3
"""Writes a synthetic corpus of digest articles for benchmarks.

    generate-corpus.py N OUTDIR [--seed S] [--shape standard|long]

Writes N Markdown articles with YAML front matter to OUTDIR/YYYY/MM/*.md. The same N and seed
always give the same bytes, so runs on different commits build the same corpus. The files are
valid for both Digest and the reference Hugo site (/work/shared/bench/hugo-site), whose config
declares `tags`, `speakers` and `section` as taxonomies, so every field below is a plain string
or a list of strings.

Shapes: `standard` bodies of 2–10 KB with 2–5 tags from about 200; `long` bodies of 10–30 KB with
5–12 tags from about 1,000 and speakers from 300, for a second look at where the time goes.
"""

import argparse
import datetime
import os
import random
import sys

SECTIONS = ["DIPLOMACY", "ECONOMY", "TECHNOLOGY", "DEFENSE", "ENVIRONMENT", "SOCIETY"]
SOURCES = ["Xinhua", "Reuters", "AP", "AFP", "China Daily", "Global Times", "Ministry of Foreign Affairs",
           "Ministry of Commerce", "Caixin", "SCMP", "Nikkei Asia", "Bloomberg"]

TOPICS = ["trade", "tariffs", "5G", "cybersecurity", "climate", "energy", "semiconductors", "grain",
          "shipping", "ports", "rare earths", "banking", "yuan", "bonds", "housing", "labour",
          "pensions", "vaccines", "aviation", "railways", "satellites", "AI", "data", "privacy",
          "fisheries", "water", "coal", "solar", "wind power", "batteries", "electric vehicles",
          "steel", "aluminium", "soybeans", "pork", "tourism", "students", "visas", "customs",
          "sanctions"]
QUALIFIERS = ["policy", "talks", "exports", "imports", "rules", "security", "investment", "outlook",
              "reform"]
# One-word tags in other scripts, so slugging and matching see non-ASCII terms as in real sites.
EXTRA_TAGS = ["网络安全", "一带一路", "贸易谈判", "气候变化", "Belt and Road", "WTO", "G20", "ASEAN",
              "BRICS", "APEC", "UN Security Council", "South China Sea", "Korean Peninsula",
              "Arctic", "Mekong", "Taiwan Strait", "Hong Kong", "Macao", "Xinjiang", "Tibet"]

FIRST_NAMES = ["Hua", "Wang", "Geng", "Zhao", "Li", "Chen", "Liu", "Zhang", "Yang", "Huang",
               "Maria", "John", "Aiko", "Olga", "Pierre", "Fatima", "Ravi", "Sergio", "Anna",
               "Kwame"]
LAST_NAMES = ["Chunying", "Yi", "Shuang", "Lijian", "Keqiang", "Gang", "He", "Wenbin", "Ning",
              "Feng", "Okafor", "Schmidt", "Tanaka", "Ivanova", "Dubois", "Haddad", "Sharma",
              "Rossi", "Kowalska", "Mensah"]

WORDS = ("the ministry said on Tuesday that talks would continue next week while officials "
         "reviewed the draft agreement and its annex on market access for agricultural goods "
         "analysts expect a modest rise in exports over the coming quarter although the outlook "
         "remains uncertain because of weaker demand in Europe and tighter credit at home "
         "spokesperson told reporters at a regular briefing in Beijing that the country firmly "
         "opposes any interference in its internal affairs and urged all parties to exercise "
         "restraint the report notes that investment in new capacity slowed in the first half "
         "while output of batteries solar panels and vehicles grew faster than expected").split()

LINK_TARGETS = ["https://www.fmprc.gov.cn/", "https://english.news.cn/", "https://www.reuters.com/",
                "https://www.stats.gov.cn/english/", "https://www.wto.org/", "https://www.un.org/"]


SHAPES = {
    # body bytes (least, most), tags per article (least, most), tag pool, speaker pool
    "standard": {"body": (2_000, 10_000), "tags": (2, 5), "tag_pool": 180, "speaker_pool": 100},
    "long": {"body": (10_000, 30_000), "tags": (5, 12), "tag_pool": 1_000, "speaker_pool": 300},
}


def build_pools(shape):
    tags = [f"{topic} {qualifier}" for topic in TOPICS for qualifier in QUALIFIERS]
    # More tags than topic pairs: numbered series, as a desk tags recurring events.
    tags += [f"{topic} {qualifier} {year}" for year in range(2015, 2025) for topic in TOPICS for qualifier in QUALIFIERS]
    tags = tags[:shape["tag_pool"]] + EXTRA_TAGS
    speakers = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    speakers += [f"{first} {middle} {last}" for middle in ["A.", "B.", "C."] for first in FIRST_NAMES for last in LAST_NAMES]
    return tags, speakers[:shape["speaker_pool"]]


def zipf_weights(count, exponent=1.1):
    """A few tags on most articles and a long tail, as in real newsroom tagging."""
    return [1.0 / (rank ** exponent) for rank in range(1, count + 1)]


def pick_distinct(rng, pool, weights, count):
    chosen = []
    while len(chosen) < count:
        item = rng.choices(pool, weights)[0]
        if item not in chosen:
            chosen.append(item)
    return chosen


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    sentences = [sentence(rng) for _ in range(rng.randint(3, 7))]
    if rng.random() < 0.5:
        # An inline link inside running text, as wire copy cites its sources.
        at = rng.randrange(len(sentences))
        sentences[at] += f" See [the statement]({rng.choice(LINK_TARGETS)}) for details."
    if rng.random() < 0.2:
        sentences.append("It was **the first** such meeting since *2017*.")
    return " ".join(sentences)


def bullet_list(rng):
    return "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(3, 6)))


def table(rng):
    rows = ["| Item | Change | Note |", "| --- | ---: | --- |"]
    for _ in range(rng.randint(3, 8)):
        rows.append(f"| {rng.choice(TOPICS)} | {rng.uniform(-20, 20):+.1f}% | {rng.choice(WORDS)} |")
    return "\n".join(rows)


def blockquote(rng, speaker):
    quote = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
    return f"> \"{quote}\"\n>\n> — {speaker}"


def body(rng, speakers, limits):
    least, most = limits
    target = rng.randint(least, most)
    blocks = [paragraph(rng), bullet_list(rng), table(rng)]
    if speakers and rng.random() < 0.4:
        blocks.append(blockquote(rng, speakers[0]))
    rng.shuffle(blocks)
    blocks.insert(0, paragraph(rng))  # always open with prose, as a lede
    size = sum(len(block) for block in blocks)
    while size < target:
        block = f"## {sentence(rng)[:-1]}" if rng.random() < 0.1 else paragraph(rng)
        if size + len(block) > most:
            break  # keep bodies within the shape's limit
        blocks.append(block)
        size += len(block)
    return "\n\n".join(blocks) + "\n"


def yaml_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(key, items):
    if not items:
        return []
    return [f"{key}:"] + [f"  - {yaml_quote(item)}" for item in items]


def article(rng, index, when, tags, tag_weights, speakers_pool, shape):
    title_words = [rng.choice(WORDS) for _ in range(rng.randint(4, 9))]
    title = f"{rng.choice(TOPICS).capitalize()}: " + " ".join(title_words) + f" ({index})"
    speakers = rng.sample(speakers_pool, rng.choice([0, 0, 1, 1, 1, 2, 2, 3]))
    front = [
        "---",
        f"title: {yaml_quote(title)}",
        f"date: \"{when.isoformat()}\"",
        f"section: {rng.choice(SECTIONS)}",
        f"source: {yaml_quote(rng.choice(SOURCES))}",
        *yaml_list("speakers", speakers),
        *yaml_list("tags", pick_distinct(rng, tags, tag_weights, rng.randint(*shape["tags"]))),
        f"summary: {yaml_quote(sentence(rng))}",
        "---",
        "",
        "",
    ]
    return "\n".join(front) + body(rng, speakers, shape["body"])


def main():
    parser = argparse.ArgumentParser(description="Write N synthetic digest articles.")
    parser.add_argument("count", type=int, metavar="N")
    parser.add_argument("outdir", metavar="OUTDIR")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--shape", choices=sorted(SHAPES), default="standard")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("N must be 0 or more")

    rng = random.Random(args.seed)
    shape = SHAPES[args.shape]
    tags, speakers = build_pools(shape)
    rng.shuffle(tags)  # so the popular head of the Zipf curve mixes scripts and topics
    tag_weights = zipf_weights(len(tags))
    zone = datetime.timezone(datetime.timedelta(hours=8))
    # Five years, all in the past, so no article is held back as scheduled.
    first = datetime.datetime(2019, 1, 1, tzinfo=zone)
    span_seconds = int((datetime.datetime(2024, 1, 1, tzinfo=zone) - first).total_seconds())
    moments = sorted(rng.randrange(span_seconds) for _ in range(args.count))

    for index, offset in enumerate(moments, start=1):
        when = first + datetime.timedelta(seconds=offset)
        folder = os.path.join(args.outdir, f"{when:%Y}", f"{when:%m}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{when:%Y-%m-%d}-article-{index:06d}.md")
        with open(path, "w", encoding="utf-8", newline="\n") as file:
            file.write(article(rng, index, when, tags, tag_weights, speakers, shape))
    print(f"Wrote {args.count} articles to {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
