#!/usr/bin/env bash
# Benchmarks reflect against the targets in PRODUCT.md (and against jrnl when it can
# be installed), and writes the results into BENCHMARKS.md.
#
#   bench/run.sh [--quick] [--no-jrnl] [--jrnl-full] [--sizes 1000,10000,100000] [--no-write]
#
# 1. builds the release binary (`cargo build --release`);
# 2. generates journals of 1,000, 10,000 and 100,000 entries (~1 KB records, ~100 MB
#    at 100,000) into bench/out/ with bench/generate.py, plus the same entries in
#    jrnl's plain-text format (kept between runs; regenerated when the generator changes);
# 3. installs jrnl into a throwaway virtualenv (bench/out/venv) if pip can, else skips it;
# 4. runs bench/measure.py: hyperfine medians (or a plain loop without hyperfine:
#    `apt-get install -y hyperfine`), peak memory with /usr/bin/time -v (`apt-get
#    install -y time`), the results table on stdout and in BENCHMARKS.md.
#
# Not part of `cargo test`. Takes about 5 minutes (1 more with the first generation).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"

sizes=1000,10000,100000,1000000
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes=$2; args+=("$1" "$2"); shift 2 ;;
        *) args+=("$1"); shift ;;
    esac
done

echo "== cargo build --release" >&2
cargo build --release --quiet

echo "== journals" >&2
IFS=, read -r -a counts <<<"$sizes"
for n in "${counts[@]}"; do
    journal=$out/journal-$n.jsonl
    if [ ! -s "$journal" ] || [ bench/generate.py -nt "$journal" ] || [ ! -s "$out/journal-$n.txt" ]; then
        python3 bench/generate.py --entries "$n" --out "$journal" --jrnl "$out/journal-$n.txt"
    fi
done

if ! command -v hyperfine >/dev/null; then
    echo "note: hyperfine is not installed (apt-get install -y hyperfine); timing with a plain loop" >&2
fi
if [ ! -x /usr/bin/time ]; then
    echo "note: /usr/bin/time is missing (apt-get install -y time); no peak-memory figures" >&2
fi

case " ${args[*]-} " in
    *" --no-jrnl "*) ;;
    *)
        if [ ! -x "$out/venv/bin/jrnl" ]; then
            echo "== installing jrnl into $out/venv (for the comparison)" >&2
            if ! { python3 -m venv "$out/venv" && "$out/venv/bin/pip" install --quiet jrnl; } >"$out/jrnl-install.log" 2>&1; then
                echo "note: could not install jrnl (see $out/jrnl-install.log); the comparison is skipped" >&2
                rm -rf "$out/venv"
            fi
        fi
        ;;
esac

echo "== measuring" >&2
python3 bench/measure.py ${args[@]+"${args[@]}"}
