"""Years of the dynasties a polity word can name, for telling a personal name made of polity
words ("Wei Qing") from a pair of dynasties ("Ming Qing"): :func:`polity_years`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


def polity_years(words: Iterable[str], directory: Path | None) -> dict[str, tuple[int, int]]:
    """(first, last) year (astronomical) of the reigns of all the dynasties each of ``words``
    can name: ``dynasties.csv`` names and aliases (a group row such as "Han" also covers its
    members) and the reigns of ``rulers.csv`` (sanmiao; from the Western Han on). "Wei" ->
    (220, 557) (Cao Wei ... Western Wei); a word naming no dynasty with reigns is left out.
    Empty without ``directory`` or its files."""
    loaded = _reign_spans(directory)
    if loaded is None:
        return {}
    span, dynasties = loaded
    parent = {d.name: d.parent for d in dynasties}
    for name, (lo, hi) in list(span.items()):  # a group covers its members ("Han")
        up = parent.get(name)
        while up:
            plo, phi = span.get(up, (lo, hi))
            span[up] = (min(plo, lo), max(phi, hi))
            up = parent.get(up)
    wanted = set(words)
    out: dict[str, tuple[int, int]] = {}
    for form, spans in _word_spans(wanted, dynasties, span).items():
        out[form] = (min(lo for lo, _ in spans), max(hi for _, hi in spans))
    return out


def polity_spans(words: Iterable[str], directory: Path | None
                 ) -> dict[str, tuple[tuple[int, int], ...]]:
    """Like :func:`polity_years`, but the (first, last) years of each dynasty a word can name
    apart, sorted: "Liang" -> ((386, 403), (502, 557), ..., (907, 923)). For telling the order
    of two dynasty words: a period pair is written earlier first ("Liang Chen" is no pair, but
    "Chen Liang" is a person)."""
    loaded = _reign_spans(directory)
    if loaded is None:
        return {}
    span, dynasties = loaded
    return {k: tuple(sorted(v)) for k, v in _word_spans(set(words), dynasties, span).items()}


def zh_reign_years(directory: Path | None) -> dict[str, tuple[int, int]]:
    """Chinese dynasty name (``dynasties.csv`` ``name_zh``) -> (first, last) reign year
    (astronomical) of the dynasties of that name and their members (金 -> (1115, 1234));
    empty without the files. A new dict."""
    loaded = _reign_spans(directory)
    out: dict[str, tuple[int, int]] = {}
    if loaded is None:
        return out
    span, dynasties = loaded
    parent = {d.name: d.parent for d in dynasties}
    for d in dynasties:
        if not d.name_zh:
            continue
        found = [s for name, s in span.items() if name == d.name or parent.get(name) == d.name]
        if found:
            lo, hi = min(a for a, _ in found), max(b for _, b in found)
            old = out.get(d.name_zh, (lo, hi))
            out[d.name_zh] = (min(old[0], lo), max(old[1], hi))
    return out


def _reign_spans(directory: Path | None) -> tuple[dict[str, tuple[int, int]], list] | None:
    """(first, last) reign year of each dynasty of ``rulers.csv``, and the ``dynasties.csv``
    rows; None without the files. New containers (callers change them); the files are read
    once per folder (:func:`_read_reign_spans`: every block of every text asks)."""
    if directory is None:
        return None
    loaded = _read_reign_spans(directory)
    return None if loaded is None else (dict(loaded[0]), list(loaded[1]))


@lru_cache(maxsize=4)
def _read_reign_spans(directory: Path) -> tuple[dict[str, tuple[int, int]], tuple] | None:
    """:func:`_reign_spans` of one folder, read from its files (cached: do not change)."""
    if not (directory / "dynasties.csv").is_file():
        return None
    from pipeline.eras import load_dynasties  # noqa: PLC0415 (eras imports entities' users)
    from pipeline.rulers import load_ruler_table  # noqa: PLC0415

    try:
        reigns = load_ruler_table(directory).rulers
    except OSError:
        return None
    span: dict[str, tuple[int, int]] = {}
    for r in reigns:
        lo, hi = span.get(r.dynasty, (r.reign_start, r.reign_end))
        span[r.dynasty] = (min(lo, r.reign_start), max(hi, r.reign_end))
    return span, tuple(load_dynasties(directory))


def _word_spans(wanted: set[str], dynasties: Iterable, span: dict[str, tuple[int, int]]
                ) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = {}
    for d in dynasties:
        if d.name not in span:
            continue
        for form in {d.name, *d.aliases} & wanted:
            out.setdefault(form, set()).add(span[d.name])
    return out
