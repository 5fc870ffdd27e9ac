#!/usr/bin/env bash
# Runs every fuzz target one after the other, SECONDS each (default 600), nice'd so
# the machine stays usable, and prints the number of executions of each.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain; without
# `cargo +nightly` it falls back to RUSTC_BOOTSTRAP=1 on the stable toolchain.
# Logs go to fuzz/target/logs/TARGET.log; a crash leaves its input in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(journal_line journal_file pack)

if cargo +nightly --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
fi
mkdir -p target/logs
status=0
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    echo "== $target: ${seconds}s" >&2
    if nice -n 19 "${fuzz[@]}" run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 >"target/logs/$target.log" 2>&1; then
        result="no crash"
    else
        result="CRASH or error (see fuzz/target/logs/$target.log and fuzz/artifacts/$target/)"
        status=1
    fi
    runs=$(grep -Eo 'Done [0-9]+ runs' "target/logs/$target.log" | tail -1 | grep -Eo '[0-9]+' || echo "?")
    echo "$target: $runs executions in ${seconds}s, $result"
done
exit $status
