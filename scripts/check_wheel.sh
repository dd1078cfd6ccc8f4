#!/usr/bin/env bash
# Build the wheel, install it with all its dependencies (exact versions from constraints.txt)
# into a brand-new virtual environment outside the checkout, and run it from another folder on
# the bundled corpus. Takes about 2 minutes (dependencies come from the package index or pip's
# cache). tests/test_wheel.py checks the same in seconds with the dependencies borrowed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip wheel "$repo" --no-deps -q -w "$work/dist"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q -c "$repo/constraints.txt" "$work"/dist/*.whl
mkdir "$work/elsewhere" && cp "$repo"/corpus/*.txt "$work/elsewhere/"
cd "$work/elsewhere"
"$work/venv/bin/chronicle" run . --out out --quiet
for f in documents.csv sentences.csv entities.csv dates.csv events.csv places.csv warnings.csv \
         gazetteer_candidates.csv events.geojson places.geojson report.html timeline.png \
         datapackage.json; do
  test -s "out/$f" || { echo "missing: $f" >&2; exit 1; }
done
ls out/tei/*.xml >/dev/null
echo "wheel OK: $(ls "$work"/dist) installed in a fresh venv and ran from $work/elsewhere"
