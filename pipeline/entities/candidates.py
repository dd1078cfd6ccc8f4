"""A candidate entity span (token indices) before the longest-wins choice of :func:`find_spans`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Cand:
    start: int  # token index
    end: int
    label: str
    canonical: str
    priority: int  # higher wins among equally long candidates
