#!/usr/bin/env python3
"""Writes a realistic reflect journal (and the same entries for jrnl) for benchmarks.

The journal is in reflect's JSON Lines record format, byte for byte as
src/journal/record.rs serializes it (same field order, same escaping), so the
readers' fast path (`quick_head`) sees what it sees in real journals:

    {"v":1,"op":"add","id":"k3f9a2c1mx","date":"2026-11-20","written":"2026-11-20T18:02:11+01:00",
     "level":"network","pack":"ncsl-networks","pack_version":"1.0.0","prompt":"...","theme":"...",
     "tags":["cohort"],"text":"..."}

Entries: ~600 bytes of varied multi-line text each, several years of dates in mostly
increasing order with some back-dated entries, all three levels, every theme and
prompt of the default pack (read from prompts/ncsl-networks.toml when it exists),
tags, some free entries, and a few edits and deletes appended later in the file.

With --jrnl, the live entries (after edits and deletes) are also written in jrnl's
plain-text format (`[YYYY-MM-DD HH:MM] Title. Body` with `@tags`, timeformat
`%Y-%m-%d %H:%M`) for the comparison with jrnl.

Usage: generate.py --entries N --out journal.jsonl [--jrnl journal.txt] [--seed S]
Python 3.11 standard library only; the same seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import random
import sys

PACK_ID = "ncsl-networks"
PACK_VERSION = "1.0.0"
LEVELS = ["school", "network", "system"]
# Leaders start mostly at school level and widen over the years.
LEVEL_WEIGHTS_BY_YEAR = [(70, 25, 5), (55, 35, 10), (45, 40, 15), (35, 45, 20), (30, 45, 25), (25, 45, 30)]
TAGS = ["cohort", "trust", "visit", "data", "literacy", "heads-meeting", "district", "peer-review",
        "coaching", "transition", "wellbeing", "inclusion", "budget", "red-territorial"]
ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"

FALLBACK_THEMES = {
    "relationships": ["shared-values", "hard-conversation", "who-holds-the-network"],
    "professional-exchange": ["honest-feedback", "what-we-hid", "visit-debrief"],
    "professional-learning": ["learning-from-peers", "enquiry-question", "evidence-used"],
    "innovation": ["hothouse-idea", "safe-to-fail", "spreading-practice"],
    "bridges": ["other-agencies", "family-services", "joint-case"],
    "support": ["who-supported-me", "support-given", "isolation"],
    "leadership-development": ["growing-leaders", "distributed-roles", "next-step"],
    "system-transformation": ["beyond-my-school", "territory", "policy-voice"],
}

SENTENCES = [
    "The heads' meeting started late because two of us were covering classes.",
    "We agreed to visit each other's schools before the end of term and to bring one honest question each.",
    "I noticed that I still talk about \"my school\" when the others talk about \"our children\".",
    "Trust grew when the deputy from the primary across the valley admitted that their phonics data had dipped.",
    "The district officer joined for the first half hour and listened more than she spoke.",
    "Nobody wanted to be the school that needed help, so the first round of peer review stayed polite.",
    "We tried a shared enquiry on reading for pleasure; three schools collected the same survey.",
    "I left the session with a list of five things to try and the feeling that only one of them matters.",
    "A parent told me that the transition day felt like a real welcome this year.",
    "Our SENCO met the network's inclusion lead and they now share a caseload spreadsheet.",
    "The budget conversation was difficult: who pays for cover when a teacher visits a partner school?",
    "La red acordó un propósito compartido: que cada estudiante lea con comprensión al terminar segundo básico.",
    "En la reunión territorial hablamos de confianza, reciprocidad y colaboración, no solo de resultados.",
    "I realised the network is held together by three people, and one of them is retiring in July.",
    "We wrote the protocol for learning walks together, which took longer and was worth it.",
    "The local authority asked us to present our work; I was nervous about claiming too much.",
    "Two new heads joined; I offered to be a critical friend for the one at the small rural school.",
    "We stopped comparing league tables and started comparing what we do on Monday mornings.",
    "Social services came to our cluster meeting for the first time; it changed how we talk about attendance.",
    "I am not sure the innovation we are proud of would survive a change of headteacher.",
    "Our teachers' lesson study with the secondary school showed how differently we teach fractions.",
    "The network coordinator role rotates now, and that already feels like distributed leadership.",
    "A colleague challenged my assumption that the gap is about parental engagement.",
    "Next time I want to bring data that shows where we are weakest, not where we shine.",
    "Tabs\tand other odd characters – like “curly quotes”, a backslash \\ and an emoji 🌱 – should survive.",
]

TITLES = [
    "Heads' meeting", "Peer review visit", "Network day", "Cluster debrief", "Reading enquiry",
    "District conversation", "Transition work", "Inclusion network", "Reunión de red", "Learning walk",
]


def load_pack(root: pathlib.Path) -> dict[str, list[str]]:
    """Theme id -> prompt ids of the default pack, or a made-up pack if it is missing."""
    path = root / "prompts" / "ncsl-networks.toml"
    try:
        import tomllib

        with path.open("rb") as f:
            data = tomllib.load(f)
        themes: dict[str, list[str]] = {t["id"]: [] for t in data.get("themes", [])}
        for prompt in data.get("prompts", []):
            themes.setdefault(prompt["theme"], []).append(prompt["id"])
        themes = {k: v for k, v in themes.items() if v}
        if themes:
            return themes
    except (OSError, KeyError, TypeError, ValueError):
        pass
    return FALLBACK_THEMES


def record_line(fields: dict) -> str:
    # Same as serde_json: compact, non-ASCII kept, control characters escaped.
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")) + "\n"


def make_id(rng: random.Random, used: set[str]) -> str:
    while True:
        new = "".join(rng.choice(ID_ALPHABET) for _ in range(10))
        if new not in used:
            used.add(new)
            return new


def make_text(rng: random.Random, target: int = 600) -> str:
    paragraphs, size = [], 0
    while size < target:
        count = rng.randint(2, 4)
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(count))
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(paragraphs)


def stamp(moment: dt.datetime) -> str:
    # chrono writes DateTime<FixedOffset> like this (seconds precision, `+HH:MM`).
    text = moment.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def generate(n: int, seed: int, themes: dict[str, list[str]]):
    """Yields (kind, fields) in file order; kind is add, edit or delete."""
    rng = random.Random(seed)
    used: set[str] = set()
    prompts = [(theme, prompt) for theme, ids in themes.items() for prompt in ids]
    start = dt.date(2021, 1, 4)
    span_days = (dt.date(2026, 11, 22) - start).days
    tz_winter = dt.timezone(dt.timedelta(hours=1))
    tz_summer = dt.timezone(dt.timedelta(hours=2))
    live: list[dict] = []
    for i in range(n):
        day = start + dt.timedelta(days=span_days * i // max(n - 1, 1))
        tz = tz_summer if 4 <= day.month <= 10 else tz_winter
        written = dt.datetime(day.year, day.month, day.day, rng.randint(6, 22), rng.randint(0, 59),
                              rng.randint(0, 59), tzinfo=tz)
        about = day - dt.timedelta(days=rng.randint(1, 10)) if rng.random() < 0.03 else day
        year_index = min(day.year - start.year, len(LEVEL_WEIGHTS_BY_YEAR) - 1)
        level = rng.choices(LEVELS, weights=LEVEL_WEIGHTS_BY_YEAR[year_index])[0]
        fields = {"v": 1, "op": "add", "id": make_id(rng, used), "date": about.isoformat(),
                  "written": stamp(written), "level": level}
        if rng.random() >= 0.05:  # 5% free entries, without a prompt
            theme, prompt = prompts[i % len(prompts)] if i < len(prompts) else rng.choice(prompts)
            fields.update(pack=PACK_ID, pack_version=PACK_VERSION, prompt=prompt, theme=theme)
        tags = rng.sample(TAGS, k=rng.choices([0, 1, 2, 3], weights=[30, 40, 20, 10])[0])
        if tags:
            fields["tags"] = tags
        fields["text"] = make_text(rng)
        yield "add", fields
        live.append(fields)
        # Now and then, change an earlier entry: about 1% edits, 0.5% deletes.
        if len(live) > 10 and rng.random() < 0.015:
            victim_index = rng.randrange(len(live) - 10, len(live))
            victim = live[victim_index]
            later = written + dt.timedelta(minutes=rng.randint(1, 600))
            if rng.random() < 0.66:
                edit = {"v": 1, "op": "edit", "id": victim["id"], "date": victim["date"],
                        "written": stamp(later), "created": victim["written"],
                        "level": LEVELS[min(LEVELS.index(victim["level"]) + 1, 2)]}
                for key in ("pack", "pack_version", "prompt", "theme", "tags"):
                    if key in victim:
                        edit[key] = victim[key]
                edit["text"] = victim["text"] + "\n\nEdited later: " + rng.choice(SENTENCES)
                live[victim_index] = {**edit, "op": "add", "written": victim["written"]}
                yield "edit", edit
            else:
                del live[victim_index]
                yield "delete", {"v": 1, "op": "delete", "id": victim["id"], "written": stamp(later)}



def jrnl_entry(fields: dict) -> str:
    """One live entry in jrnl's plain-text format."""
    written = dt.datetime.fromisoformat(fields["written"].replace("Z", "+00:00"))
    title = rng_free_title(fields)
    body = fields["text"]
    tags = " ".join("@" + t for t in fields.get("tags", []))
    if tags:
        body = f"{body}\n{tags}"
    return f"[{fields['date']} {written:%H:%M}] {title} {body}\n\n"


def rng_free_title(fields: dict) -> str:
    # Deterministic title from the id, ending with a period so jrnl splits it off.
    return TITLES[sum(map(ord, fields["id"])) % len(TITLES)] + "."


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True, help="number of entries to add")
    parser.add_argument("--out", type=pathlib.Path, required=True, help="the reflect journal to write")
    parser.add_argument("--jrnl", type=pathlib.Path, help="also write the live entries for jrnl here")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    root = pathlib.Path(__file__).resolve().parent.parent
    themes = load_pack(root)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    live: dict[str, dict] = {}
    counts = {"add": 0, "edit": 0, "delete": 0}
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        for kind, fields in generate(args.entries, args.seed, themes):
            out.write(record_line(fields))
            counts[kind] += 1
            if kind == "add":
                live[fields["id"]] = fields
            elif kind == "edit":
                live[fields["id"]] = {**fields, "written": fields["created"]}
            else:
                live.pop(fields["id"], None)
    if args.jrnl:
        ordered = sorted(live.values(), key=lambda f: (f["date"], f["written"]))
        with args.jrnl.open("w", encoding="utf-8", newline="\n") as out:
            for fields in ordered:
                out.write(jrnl_entry(fields))
    size = args.out.stat().st_size
    print(f"{args.out}: {counts['add']} adds, {counts['edit']} edits, {counts['delete']} deletes, "
          f"{len(live)} live entries, {size / 1e6:.1f} MB ({len(themes)} themes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
