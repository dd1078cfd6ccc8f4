"""Shared helpers of the relabelling tests: entity rows built from names in a short text."""

from __future__ import annotations


def entity_rows(text: str, *names: tuple[str, str, str]) -> list[tuple]:
    """``(start, end, label, canonical, source, text)`` rows of the entity stage for each
    ``(name, label, source)``, at the name's first occurrence in ``text``."""
    out = []
    for name, label, source in names:
        s = text.index(name)
        out.append((s, s + len(name), label, name, source, name))
    return out


def labels(rows) -> list[tuple[str, str]]:
    """``(text, label)`` of each row."""
    return [(r[5], r[2]) for r in rows]
