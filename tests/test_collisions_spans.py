"""The per-block span index of entities.collisions (``_Spans``) answers as a scan of every row."""

from __future__ import annotations

import random

from pipeline.entities.collisions import _Spans
from pipeline.records import EntityRow


def _row(start: int, end: int) -> EntityRow:
    return EntityRow("d", 1, start, end, "x" * (end - start), "POLITY", "", "gazetteer")


def test_index_answers_as_the_scan() -> None:
    rng = random.Random(7)
    for _ in range(400):
        rows = [_row(a, a + rng.randint(1, 15)) for a in
                (rng.randint(0, 60) for _ in range(rng.randint(0, 10)))]
        if rng.random() < 0.8:  # sorted as resolve_collisions gets them; else the scan
            rows.sort(key=lambda r: r.start)
        spans = _Spans(rows)
        for _ in range(10):
            s = rng.randint(0, 70)
            t = s + rng.randint(1, 10)
            k = rng.randint(-1, len(rows))
            assert spans.overlaps(s, t, k) == any(
                r.start < t and s < r.end for j, r in enumerate(rows) if j != k)
            hit = [j for j, r in enumerate(rows) if r.start == s and r.end == t]
            assert spans.exact(s, t) == (hit[0] if hit else None)


def test_nested_row_behind_a_short_one_still_overlaps() -> None:
    # a long row starting first reaches past a short one: the running maximum finds it
    rows = [_row(0, 30), _row(5, 8), _row(10, 12)]
    spans = _Spans(rows)
    assert spans.overlaps(20, 25, k=2)
    assert not spans.overlaps(20, 25, k=0)
    assert spans.exact(5, 8) == 1
