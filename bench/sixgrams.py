#!/usr/bin/env python3
"""Checks that prompt packs share no run of N words (default 6) with their source texts.

The shipped packs must be written in our own words: no 6-word run copied from the seed
documents they credit. Words are compared lowercased, without accents or punctuation;
bytes the seed extraction garbled split words. Citations that a pack must quote exactly
(a source's title, its authors, an institution's name) are given with --allow and cut out
of the packs before comparing.

Usage: bench/sixgrams.py --seed FILE [--seed FILE ...] [--allow TEXT ...] [-n 6] PACK...
Exit status 1, with every shared run and where it is, if any pack copies a run.

The shipped packs against the seed documents (kept outside the repository):

    bench/sixgrams.py --seed ../shared/seeds/ncsl-leading-networks-leading-the-system.txt \
        --seed ../shared/seeds/chile-school-improvement-networks.txt \
        --allow "System leadership in action: Leading networks leading the system" \
        --allow "Perrie Ballantyne, David Jackson, Julie Temperley" \
        --allow "Michael Jopling with Ann Lieberman" \
        --allow "National College for School Leadership (NCSL" prompts/*.toml
Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys
import unicodedata


def words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", plain)


def grams(seq: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def without(seq: list[str], allowed: list[list[str]]) -> list[str]:
    """`seq` with each allowed run replaced by a break no run can cross."""
    out: list[str] = []
    i = 0
    while i < len(seq):
        run = next((a for a in allowed if a and seq[i : i + len(a)] == a), None)
        if run:
            out.append("|")
            i += len(run)
        else:
            out.append(seq[i])
            i += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", action="append", required=True, type=pathlib.Path)
    parser.add_argument("--allow", action="append", default=[])
    parser.add_argument("-n", type=int, default=6)
    parser.add_argument("packs", nargs="+", type=pathlib.Path)
    args = parser.parse_args()

    seed = set()
    for path in args.seed:
        seed |= grams(words(path.read_text(encoding="utf-8", errors="replace")), args.n)

    found = 0
    for pack in args.packs:
        text = pack.read_text(encoding="utf-8")
        # A TOML line continuation joins lines: undo it so a run across lines is one run.
        text = re.sub(r"\\\n\s*", "", text)
        allowed = [words(a) for a in args.allow]
        for number, line in enumerate(text.splitlines(), 1):
            for gram in sorted(grams(without(words(line), allowed), args.n) & seed):
                print(f"{pack}: logical line {number}: {' '.join(gram)}")
                found += 1
        print(f"{pack}: {len(grams(words(text), args.n))} word {args.n}-grams checked", file=sys.stderr)
    if found:
        print(f"{found} shared {args.n}-word runs", file=sys.stderr)
        return 1
    print(f"no {args.n}-word run shared with the seeds", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
