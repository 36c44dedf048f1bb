#!/usr/bin/env python3
"""Joins the `digest build --timings` tables of a full build and a rebuild into one Markdown table.

    bench/stage-table.py N FULL_TIMINGS REBUILD_TIMINGS

Each input holds lines `stage name   1.234 s`; a stage missing from one build shows as –."""
import re
import sys


def stages(path):
    found = {}
    try:
        with open(path, encoding="utf-8") as file:
            for line in file:
                match = re.match(r"^(.*\S)\s+([0-9.]+) s$", line.rstrip())
                if match:
                    found[match.group(1)] = float(match.group(2))
    except FileNotFoundError:
        pass
    return found


def main():
    size, full_path, rebuild_path = sys.argv[1:4]
    full, rebuild = stages(full_path), stages(rebuild_path)
    names = list(full) + [name for name in rebuild if name not in full]
    total = full.get("total")
    print(f"| N={size}: stage | full build s | share of full | rebuild after 1 edit s |")
    print("| --- | ---: | ---: | ---: |")
    for name in names:
        seconds = full.get(name)
        share = f"{100 * seconds / total:.0f} %" if seconds is not None and total else "–"
        shown = f"{seconds:.3f}" if seconds is not None else "–"
        again = f"{rebuild[name]:.3f}" if name in rebuild else "–"
        print(f"| {name} | {shown} | {share} | {again} |")


if __name__ == "__main__":
    main()
