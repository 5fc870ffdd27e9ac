#!/usr/bin/env python3
"""Measures reflect (and jrnl, when bench/out/venv has it) on the generated journals.

Called by bench/run.sh after the release build and the journals exist; prints the
results table and writes it into BENCHMARKS.md between the `bench:begin` and
`bench:end` markers (the rest of that file is left as it is).

Timing: hyperfine when present (median of N runs after warm-up runs, output to
/dev/null, no shell), otherwise a plain loop here (same median, slightly more
overhead per run). Peak memory: /usr/bin/time -v ("Maximum resident set size").
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
REFLECT = ROOT / "target" / "release" / "reflect"
JRNL = OUT / "venv" / "bin" / "jrnl"
JRNL_CACHE = OUT / "jrnl-results.json"
MARK_BEGIN = "<!-- bench:begin (written by bench/run.sh; edit outside the markers) -->"
MARK_END = "<!-- bench:end -->"


def env_for_reflect() -> dict[str, str]:
    home = OUT / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("REFLECT_", "XDG_")) and k not in ("VISUAL", "EDITOR")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
               REFLECT_CONFIG=str(home / "config.toml"), NO_COLOR="1")
    return env


def env_for_jrnl(journal: pathlib.Path) -> dict[str, str]:
    """A throwaway jrnl config pointing at `journal` (jrnl reads $XDG_CONFIG_HOME/jrnl/jrnl.yaml)."""
    config = OUT / "jrnl-config" / journal.stem
    (config / "jrnl").mkdir(parents=True, exist_ok=True)
    (config / "jrnl" / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n")
    env = dict(os.environ)
    env.update(XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(config / "data"), HOME=str(OUT / "home"))
    return env


class Timer:
    """Median wall time of a command, by hyperfine or by a plain loop."""

    def __init__(self) -> None:
        self.hyperfine = shutil.which("hyperfine")
        self.commands: list[str] = []

    def median(self, cmd: list[str], env: dict[str, str], runs: int, warmup: int,
               prepare: list[str] | None = None) -> float:
        if self.hyperfine:
            with tempfile.NamedTemporaryFile(suffix=".json") as export:
                args = [self.hyperfine, "-N", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
                        "--export-json", export.name]
                if prepare:
                    args += ["--prepare", shlex.join(prepare)]
                args.append(shlex.join(cmd))
                shown = ["hyperfine", "-N", "--warmup", str(warmup), "--runs", str(runs)]
                if prepare:
                    shown += ["--prepare", f'"{shlex.join(prepare)}"']
                self.commands.append(" ".join([*shown, f'"{shlex.join(cmd)}"']).replace(str(ROOT) + "/", ""))
                subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
                return statistics.median(json.load(open(export.name))["results"][0]["times"])
        self.commands.append(f"loop x{runs} (warm-up {warmup}): " + shlex.join(cmd).replace(str(ROOT) + "/", ""))
        times = []
        for i in range(warmup + runs):
            if prepare:
                subprocess.run(prepare, env=env, check=True)
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            if i >= warmup:
                times.append(time.perf_counter() - start)
        return statistics.median(times)


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float | None:
    if not pathlib.Path("/usr/bin/time").exists():
        return None
    done = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return int(match.group(1)) / 1024 if match else None


def cpu_times() -> list[int] | None:
    """The `cpu` line of /proc/stat (user, nice, system, idle, iowait, irq, softirq, steal, ...)."""
    try:
        return [int(v) for v in open("/proc/stat").readline().split()[1:]]
    except (OSError, ValueError):
        return None


def steal_share(before: list[int] | None, after: list[int] | None) -> str:
    """Stolen time as a share of all CPU time between two readings of /proc/stat."""
    if not before or not after or len(before) < 8 or len(after) < 8:
        return "unknown"
    total = sum(after[:8]) - sum(before[:8])
    return f"{100 * (after[7] - before[7]) / total:.1f} %" if total > 0 else "unknown"


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "-V"], capture_output=True, text=True).stdout.strip()
    hyperfine = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip() \
        if shutil.which("hyperfine") else "not installed (plain timing loop)"
    return [f"- date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
            f"- machine: {os.cpu_count()} cores (`nproc`: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}), "
            f"CPU {cpu}, Linux {platform.release()}",
            f"- {rustc}; release profile of Cargo.toml; `{subprocess.run([str(REFLECT), '--version'], capture_output=True, text=True).stdout.strip()}`",
            f"- timing: {hyperfine}; peak memory: `/usr/bin/time -v`"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--quick", action="store_true", help="few runs (to try the script)")
    parser.add_argument("--no-jrnl", action="store_true")
    parser.add_argument("--jrnl-full", action="store_true",
                        help="also time jrnl's add and JSON export at 100,000 entries (many minutes)")
    parser.add_argument("--jrnl-fresh", action="store_true", help="time jrnl again instead of using cached results")
    parser.add_argument("--no-write", action="store_true", help="print, do not update BENCHMARKS.md")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    big, small = max(sizes), min(sizes)
    scale = 0.2 if args.quick else 1.0

    def runs(n: int) -> int:
        return max(2, int(n * scale))

    load_before = open("/proc/loadavg").read().split()[0] if pathlib.Path("/proc/loadavg").exists() else "?"
    cpu_before = cpu_times()
    timer = Timer()
    env = env_for_reflect()
    journals = {n: OUT / f"journal-{n}.jsonl" for n in sizes}
    reflect = str(REFLECT)
    rows: list[tuple[str, str, str, str, str]] = []  # what, journal, figure, target, status
    timings: dict[tuple[str, int], float] = {}

    def status(ok: bool | None) -> str:
        return "–" if ok is None else ("met" if ok else "**missed**")

    def time_reflect(key: str, n: int | None, cmd: list[str], count: int, warmup: int,
                     prepare: list[str] | None = None) -> float:
        print(f"  reflect {' '.join(cmd)}{'' if n is None else f' ({n:,} entries)'} ...", file=sys.stderr)
        median = timer.median([reflect, *cmd], env, runs(count), warmup, prepare)
        timings[(key, n or 0)] = median
        return median

    print("measuring reflect", file=sys.stderr)
    t = time_reflect("version", None, ["--version"], 100, 10)
    rows.append(("`reflect --version`", "–", fmt_time(t), "≤ 2 ms", status(t <= 0.002)))

    # Appending: into an empty journal (emptied before every run) and into copies of the others.
    empty = OUT / "write-empty.jsonl"
    t_empty = time_reflect("write", 0, ["--journal", str(empty), "write", "-m", "One more reflection.", "--level",
                                        "network", "--tag", "bench"], 60, 5, prepare=["truncate", "-s", "0", str(empty)])
    rows.append(("`write -m` one entry", "empty", fmt_time(t_empty), "≤ 5 ms", status(t_empty <= 0.005)))
    for n in sizes:
        copy = OUT / f"write-{n}.jsonl"
        shutil.copyfile(journals[n], copy)
        t = time_reflect("write", n, ["--journal", str(copy), "write", "-m", "One more reflection.", "--level",
                                      "network", "--tag", "bench"], 60, 5)
        ratio = t / t_empty
        if n == big:
            rows.append(("`write -m` one entry", f"{n:,}", f"{fmt_time(t)} ({ratio:.2f}× empty)",
                         "≤ 5 ms, ≤ 1.2× empty", status(t <= 0.005 and ratio <= 1.2)))
        copy.unlink()

    # The newest written, read from the end of the file: the same at any size.
    for n in sizes:
        t = time_reflect("list", n, ["--journal", str(journals[n]), "list", "-n", "10", "--sort", "written"], 50, 5)
        rows.append(("`list -n 10 --sort written`", f"{n:,}", fmt_time(t), "≤ 20 ms", status(t <= 0.020)))

    # Whole-journal reads (issue 15), each beside `wc -l` on the same file: the limit.
    wc_times: dict[int, float] = {}
    for n in sizes:
        count = 3 if n >= 1_000_000 else (10 if n >= 100_000 else 30)
        print(f"  wc -l ({n:,} entries) ...", file=sys.stderr)
        wc_times[n] = timer.median(["wc", "-l", str(journals[n])], env, runs(count), 2)
        rows.append(("`wc -l` on the same file (the limit)", f"{n:,}", fmt_time(wc_times[n]), "–", "–"))
    help_text = subprocess.run([reflect, "list", "--help"], capture_output=True, text=True, env=env).stdout
    heavy = [("list-day", ["list", "-n", "10"], 0.05),
             ("progress", ["progress"], 0.06), ("progress-month", ["progress", "--by", "month"], 0.06),
             ("export-md", ["export", "--format", "markdown"], 0.2), ("export-json", ["export", "--format", "json"], 0.2),
             ("group-theme", ["export", "--group-by", "theme"], 0.25),
             ("contains", ["list", "--contains", "valley"], 0.2)]
    if "--exact" in help_text:
        heavy.append(("contains-exact", ["list", "--contains", "valley", "--exact"], 0.1))
    for key, cmd, target in heavy:
        for n in sizes:
            count = 3 if n >= 1_000_000 else (10 if n >= 100_000 else 30)
            t = time_reflect(key, n, ["--journal", str(journals[n]), *cmd], count, 1 if n >= 1_000_000 else 2)
            if n >= 100_000:
                beside = f"{fmt_time(t)} ({t / wc_times[n]:.1f}× `wc -l`)"
                goal = f"≤ {target} s at 100,000" if n == 100_000 else "–"
                rows.append((f"`{' '.join(cmd)}`", f"{n:,}", beside, goal,
                             status(t <= target) if n == 100_000 else "–"))

    # Peak memory of every whole-journal read, at each size: ≤ 16 MB.
    for key, cmd, _ in heavy:
        rss = {n: peak_rss_mb([reflect, "--journal", str(journals[n]), *cmd], env) for n in sizes if n >= 100_000}
        if not rss or None in rss.values():
            continue
        figures = " → ".join(f"{v:.1f} MB" for v in rss.values())
        rows.append((f"`{' '.join(cmd)}` peak RSS", " → ".join(f"{n:,}" for n in rss), figures, "≤ 16 MB",
                     status(max(rss.values()) <= 16)))

    # jrnl, on the same entries.
    jrnl_rows: list[tuple[str, str, str, str, str, str]] = []
    jrnl_note = ""
    if args.no_jrnl:
        jrnl_note = "jrnl: skipped (--no-jrnl)."
    elif not JRNL.exists():
        jrnl_note = "jrnl: skipped (not installable here: `pip install jrnl` into bench/out/venv failed)."
    else:
        print("measuring jrnl (slow: it parses the whole journal on every run; results are cached "
              f"in {JRNL_CACHE} until the journals change or --jrnl-fresh)", file=sys.stderr)
        jrnl_cache = json.loads(JRNL_CACHE.read_text()) if JRNL_CACHE.exists() else {}
        version = subprocess.run([str(JRNL), "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        jrnl_note = f"jrnl: {version}, in a virtualenv (bench/out/venv), plain-text journal with the same live entries."
        for n in sizes:
            if n < 10_000 or n > 100_000:
                continue  # jrnl at 1,000,000 entries is out of reach (minutes per command)
            text = OUT / f"journal-{n}.txt"
            work = OUT / f"jrnl-work-{n}.txt"
            shutil.copyfile(text, work)
            jenv = env_for_jrnl(work)
            subprocess.run([str(JRNL), "-n", "1"], env=jenv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)  # lets jrnl update its config once
            few = 2 if n >= 100_000 else 5
            ops = [("start (`--version`)", "version", [str(JRNL), "--version"], few, None),
                   ("`-n 10` / `list -n 10 --sort written`", "list", [str(JRNL), "-n", "10"], few, None),
                   ("`--export md` / `export --format markdown`", "export-md", [str(JRNL), "--export", "md"], few, None)]
            # jrnl's JSON export and add grow worse than linearly (minutes at 100,000 entries).
            if n < 100_000 or args.jrnl_full:
                ops.append(("`--export json` / `export --format json`", "export-json",
                            [str(JRNL), "--export", "json"], few if n < 100_000 else 1, None))
                ops.append(("add one entry / `write -m`", "write", [str(JRNL), "Bench add. One more reflection."],
                            3 if n < 100_000 else 1, ["cp", str(text), str(work)]))
            for label, key, cmd, count, prepare in ops:
                cache_key = f"{n}:{key}:{text.stat().st_mtime_ns}:{count}"
                t_jrnl = None if args.jrnl_fresh else jrnl_cache.get(cache_key)
                if t_jrnl is None:
                    print(f"  jrnl {' '.join(cmd[1:])} ({n:,} entries) ...", file=sys.stderr)
                    t_jrnl = timer.median(cmd, jenv, count if args.quick is False else 1, 0 if n >= 100_000 else 1,
                                          prepare)
                    if not args.quick:
                        jrnl_cache[cache_key] = t_jrnl
                        JRNL_CACHE.write_text(json.dumps(jrnl_cache, indent=1))
                else:
                    timer.commands.append(f"(jrnl {' '.join(cmd[1:])} at {n:,}: cached in {JRNL_CACHE.name})")
                mine = timings.get((key, 0 if key == "version" else n))
                ratio = t_jrnl / mine if mine else None
                jrnl_rows.append((label, f"{n:,}", fmt_time(mine), fmt_time(t_jrnl),
                                  f"{ratio:,.0f}×" if ratio else "–", status(ratio >= 50 if ratio else None)))
            if n == big:
                rss_key = f"{n}:rss-export-md:{text.stat().st_mtime_ns}"
                rss = None if args.jrnl_fresh else jrnl_cache.get(rss_key)
                if rss is None:
                    rss = peak_rss_mb([str(JRNL), "--export", "md"], jenv)
                    if rss is not None and not args.quick:
                        jrnl_cache[rss_key] = rss
                        JRNL_CACHE.write_text(json.dumps(jrnl_cache, indent=1))
                if rss is not None:
                    jrnl_rows.append(("`--export md` peak RSS", f"{n:,}", "see above", f"{rss:.0f} MB", "–", "–"))
            work.unlink()

    load_after = open("/proc/loadavg").read().split()[0] if pathlib.Path("/proc/loadavg").exists() else "?"
    steal = steal_share(cpu_before, cpu_times())
    lines = ["## Results", "", *machine(),
             f"- 1-minute load average: {load_before} before the run, {load_after} after it "
             "(other work on the machine makes every figure slower)",
             f"- CPU time stolen by the host (other virtual machines) during the run: {steal} "
             "(a virtual machine's cores are shared: stolen time slows every figure, `wc -l` least)", "",
             f"Journals: {', '.join(f'{n:,}' for n in sizes)} entries made by `bench/generate.py` "
             f"({', '.join(f'{journals[n].stat().st_size / 1e6:.1f} MB' for n in sizes)}). "
             "Medians of repeated runs, output to /dev/null.", "",
             "| what | journal | median | target | status |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    lines += ["", "### Against jrnl", "", jrnl_note, ""]
    if jrnl_rows:
        lines += ["| operation | entries | reflect | jrnl | jrnl ÷ reflect | ≥ 50× |", "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {' | '.join(row)} |" for row in jrnl_rows]
        if not args.jrnl_full and big >= 100_000:
            lines += ["", f"jrnl's add and JSON export at {big:,} entries are not timed by default (the add "
                      "rewrites the whole file: 432 s in PRODUCT.md's measurement; the JSON export took 384 s "
                      "here); `bench/run.sh --jrnl-full` times them."]
    lines += ["", "### Commands", "", "```text", *timer.commands, "```"]
    section = "\n".join(lines)
    print(section)

    if not args.no_write:
        target = ROOT / "BENCHMARKS.md"
        old = target.read_text() if target.exists() else "# Benchmarks\n\n" + MARK_BEGIN + "\n" + MARK_END + "\n"
        if MARK_BEGIN not in old or MARK_END not in old:
            old = old.rstrip("\n") + "\n\n" + MARK_BEGIN + "\n" + MARK_END + "\n"
        before, rest = old.split(MARK_BEGIN, 1)
        _, after = rest.split(MARK_END, 1)
        target.write_text(before + MARK_BEGIN + "\n" + section + "\n" + MARK_END + after)
        print(f"\nwrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
