#!/usr/bin/env bash
# The main job on the embedded default store (SQLite): set up, ingest the example articles (and the
# 5,000-article sample when ../shared/data is beside the checkout), then analyse and search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
DB=${DB:-naba.db}
INPUTS=(examples/seed.txt)
if [ -f ../shared/data/news/sample.jsonl ]; then INPUTS+=(../shared/data/news/sample.jsonl); fi
.venv/bin/naba analyze examples/seed.txt --published 2022-05-20 --format text
if .venv/bin/naba ingest --help >/dev/null 2>&1; then
  .venv/bin/naba ingest "${INPUTS[@]}" --db "$DB"
  .venv/bin/naba search "خامنئي" --db "$DB" --limit 10
fi
