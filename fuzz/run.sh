#!/bin/bash
# Runs every fuzz target in turn for SECONDS each (default 600), starting
# from the seeds kept in fuzz/seeds/ and, for the loaders, the project's
# own fixtures (new inputs go to fuzz/corpus/, not kept in git). Needs cargo-fuzz
# (`cargo install cargo-fuzz`); the stable toolchain works with
# RUSTC_BOOTSTRAP=1, which lets it use the sanitizer flags.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -u
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=${*:-structured_articles bytes_to_analysis load_txt load_md load_html load_docx sidecar_and_lists}
export RUSTC_BOOTSTRAP=1
for t in $targets; do
    echo "== $t for ${seconds}s"
    mkdir -p "corpus/$t"
    seeds="seeds/$t"
    case $t in load_*) seeds=../tests/fixtures ;; esac
    cargo fuzz run -O "$t" "corpus/$t" "$seeds" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 2>&1 | tail -25
done
