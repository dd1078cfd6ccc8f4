"""report.html in a real browser (Debian's headless Chromium): one marker per geolocated event.

Skipped when no ``chromium`` is installed (``apt-get install chromium``).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless chromium not installed")


def _dom(page: Path) -> str:
    """The page's DOM after its scripts ran (no network needed but for map tiles)."""
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_report_shows_one_marker_per_geolocated_event_timeline_and_text() -> None:
    with (ROOT / "outputs" / "events.csv").open(encoding="utf-8", newline="") as handle:
        located = sum(1 for row in csv.DictReader(handle) if row["latitude"])
    dom = _dom(ROOT / "outputs" / "report.html")
    markers = re.findall(r'<path[^>]*class="[^"]*event-marker[^"]*"', dom)
    assert located > 0 and len(markers) == located
    assert f'data-markers="{located}"' in dom
    assert "leaflet-container" in dom  # Leaflet (inlined) initialised the map
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="timeline"' in dom
    assert re.search(r'<mark class="date"', dom) and re.search(r'<mark class="ent person"', dom)
