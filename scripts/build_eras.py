"""Build ``gazetteer/eras.csv`` from sanmiao's era table plus the project's hand-kept data.

Inputs (all read-only):

* sanmiao's ``data/era_table.csv``, ``rul_can_name.csv``, ``ruler_tags.csv`` (MIT; era data
  derived from the DILA/DDBC Time Authority database, CC BY-SA 3.0);
* ``gazetteer/dynasties.csv`` (maps sanmiao dynasty ids to English canonical dynasties);
* ``gazetteer/era_errata.csv`` (fixes and additions);
* ``gazetteer/era_readings.csv`` (pinyin for names pypinyin reads wrongly);
* ``gazetteer/era_aliases.csv`` (extra hand-kept spellings).

Steps: keep rows of the dynasties listed in dynasties.csv (drops Qin, Japan, Korea), apply the
errata, drop eras that a vassal state (``vassal=1``) merely adopted from a sovereign dynasty
with the same name and overlapping years, merge variant-name rows (same sanmiao ``era_id``) and
continuation rows (same dynasty and name, adjacent years, e.g. an era continued by a new ruler)
into one logical era, and add romanizations.

Usage: ``/work/venv/bin/python scripts/build_eras.py`` (writes gazetteer/eras.csv);
``build_eras_text()`` returns the file's text, used by the rebuild test.
"""

from __future__ import annotations

import csv
import io
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypinyin import Style, lazy_pinyin
from pypinyin.style.wadegiles import to_wade_glides

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import sanmiao_csv as _sanmiao_csv  # noqa: E402

COLUMNS = [
    "era_id",
    "era",
    "era_zh",
    "era_zh_variants",
    "dynasty",
    "dynasty_zh",
    "ruler",
    "ruler_zh",
    "start_year",
    "end_year",
    "length",
    "cal_stream",
    "start_jdn",
    "end_jdn",
    "romanizations",
    "sanmiao_era_ids",
]


@dataclass
class Row:
    """One working era row (sanmiao row or errata addition)."""

    era_ids: list[int]
    names: list[str]
    dynasty: str
    ruler_ids: list[str]
    ruler_zh: list[str]
    ruler_en: list[str]
    start_year: int
    end_year: int
    length: int
    cal_stream: int
    start_jdn: float
    end_jdn: float


def _read_csv(path: Path | io.TextIOBase) -> list[dict[str, str]]:
    if isinstance(path, Path):
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    return list(csv.DictReader(path))


def _int(value: str) -> int:
    return int(float(value))


# --------------------------------------------------------------------------- romanization

_VOWEL_START = ("a", "o", "e")


def pinyin_syllables(name_zh: str, readings: dict[str, list[str]]) -> list[str]:
    """Toneless pinyin syllables with ü (e.g. ['shao', 'xing'])."""
    if name_zh in readings:
        return readings[name_zh]
    return lazy_pinyin(name_zh, v_to_u=True)


def toned_syllables(name_zh: str, readings: dict[str, list[str]]) -> list[str]:
    """Tone-marked syllables; for names in the readings file the toneless reading is used."""
    if name_zh in readings:
        return readings[name_zh]
    return lazy_pinyin(name_zh, style=Style.TONE)


def _join_pinyin(sylls: list[str], apostrophe: bool = True) -> str:
    out = ""
    for i, s in enumerate(sylls):
        base = _strip_marks(s)
        if i and apostrophe and base[:1] in _VOWEL_START:
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def _strip_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


# pypinyin's Wade-Giles table keeps pinyin "le" (樂 is "lo" in Wade-Giles)
_WG_FIX = {"le": "lo"}


def wade_giles_syllables(sylls: list[str]) -> list[str]:
    """Wade-Giles syllables (with ü and aspiration apostrophes) for toneless pinyin syllables."""
    out = []
    for s in sylls:
        w = _WG_FIX.get(s) or to_wade_glides(s.replace("ü", "v"))
        out.append(w.replace("v", "ü"))
    return out


def romanizations(name_zh: str, readings: dict[str, list[str]]) -> list[str]:
    """All surface variants of an era name, preferred first (see gazetteer/README.md)."""
    sylls = pinyin_syllables(name_zh, readings)
    toned = toned_syllables(name_zh, readings)
    forms: list[str] = []

    def add(form: str) -> None:
        if form and form not in forms:
            forms.append(form)

    def cap(s: str) -> str:
        return s[:1].upper() + s[1:]

    pin_variants = [sylls]
    if any("ü" in s for s in sylls):
        pin_variants += [[s.replace("ü", "u") for s in sylls], [s.replace("ü", "v") for s in sylls]]
    for var in pin_variants:
        add(_join_pinyin(var))
        add(_join_pinyin(var, apostrophe=False))
        add(" ".join(cap(s) for s in var))
        add("-".join(var)[:1].upper() + "-".join(var)[1:])
        if len(var) == 4:
            add(cap(_join_pinyin(var[:2]).lower()) + " " + cap(_join_pinyin(var[2:]).lower()))
            add(cap(var[0] + var[1]) + " " + cap(var[2] + var[3]))
    add(_join_pinyin(toned))
    wg = wade_giles_syllables(sylls)
    wg_variants = [wg]
    if any("ü" in s for s in wg):
        wg_variants += [[s.replace("ü", "u") for s in wg], [s.replace("ü", "v") for s in wg]]
    for var in wg_variants:
        for w in (var, [s.replace("'", "") for s in var]):
            add(cap("-".join(w)))
            add(cap("".join(w)))
            add(" ".join(cap(s) for s in w))
            if len(w) == 4:
                add(cap("-".join(w[:2])) + " " + cap("-".join(w[2:])))
    return forms


# --------------------------------------------------------------------------- build


def _dynasty_map(dyn_rows: list[dict[str, str]]) -> list[tuple[int, int | None, int | None, str]]:
    out = []
    for d in dyn_rows:
        if d["sanmiao_dyn_id"]:
            lo = int(d["era_start_min"]) if d["era_start_min"] else None
            hi = int(d["era_start_max"]) if d["era_start_max"] else None
            out.append((int(d["sanmiao_dyn_id"]), lo, hi, d["dynasty"]))
    return out


def _canonical(
    dmap: list[tuple[int, int | None, int | None, str]], dyn_id: int, start_year: int
) -> str | None:
    for did, lo, hi, name in dmap:
        if did == dyn_id and (lo is None or start_year >= lo) and (hi is None or start_year <= hi):
            return name
    return None


def _ruler_names() -> tuple[dict[str, str], dict[str, str]]:
    """Return (ruler_id -> sanmiao canonical Chinese name, ruler_id -> English label).

    The English label is the pinyin of the temple or posthumous name (廟號 ending in 宗/祖, or a
    two-character 帝 name) when sanmiao has one, followed by the personal name in brackets when
    that is a suffix of the canonical name: 徽宗趙佶 -> "Huizong (Zhao Ji)", 石勒 -> "Shi Le".
    """
    canon = {r["person_id"]: r["string"] for r in _sanmiao_csv("rul_can_name.csv")}
    temple: dict[str, str] = {}
    personal: dict[str, str] = {}
    tags = _sanmiao_csv("ruler_tags.csv")
    for r in tags:
        s, pid = r["string"], r["person_id"]
        if len(s) == 2 and s[-1] in "宗祖":
            temple.setdefault(pid, s)
    for r in tags:
        s, pid = r["string"], r["person_id"]
        if pid not in temple and len(s) == 2 and s[-1] == "帝":
            temple[pid] = s
        if r["abr"] != "True" and r["era_prefix_only"] == "False" and 2 <= len(s) <= 4:
            name = canon.get(pid, "")
            if name.endswith(s) and len(s) > len(personal.get(pid, "")):
                personal[pid] = s
    for pid, name in canon.items():
        if pid not in temple and len(name) >= 2 and name[1] in "宗祖":
            temple[pid] = name[:2]
    labels: dict[str, str] = {}
    for pid in canon:
        t = _join_pinyin(lazy_pinyin(temple[pid], v_to_u=True)) if pid in temple else ""
        p = romanize_person(personal[pid]) if pid in personal else ""
        labels[pid] = f"{t} ({p})" if t and p else (t or p or romanize_person(canon[pid]))
    return canon, labels


def romanize_person(name_zh: str) -> str:
    """Pinyin of a personal name, surname apart: 趙佶 -> "Zhao Ji", 劉繼恩 -> "Liu Ji'en",
    司馬炎 -> "Sima Yan", 耶律阿保機 -> "Yelü Abaoji" (the surname by
    :func:`pipeline.entities.surnames.split_name_zh` over ``compound_surnames.csv``, written as
    that file romanizes it: 尉遲 "Yuchi"; an unlisted name of four characters is two + two)."""
    from pipeline.entities.surnames import load_compound_surnames, split_name_zh

    sylls = lazy_pinyin(name_zh, v_to_u=True)
    if not sylls:
        return ""
    compound = load_compound_surnames(GAZETTEER)
    surname, _given = split_name_zh(name_zh, compound)
    cut = len(surname) if len(sylls) == len(name_zh) else (2 if len(sylls) == 4 else 1)
    head = compound.get(surname) or _join_pinyin(sylls[:cut])
    return " ".join(part for part in (head, _join_pinyin(sylls[cut:]) if sylls[cut:] else "")
                    if part)


def load_rows(gazetteer: Path = GAZETTEER) -> list[Row]:
    """sanmiao rows of the listed dynasties with errata applied (before merging)."""
    dyn_rows = _read_csv(gazetteer / "dynasties.csv")
    dmap = _dynasty_map(dyn_rows)
    canon, labels = _ruler_names()
    errata = _read_csv(gazetteer / "era_errata.csv")
    sets = {(e["sanmiao_era_id"], e["era_zh"]): e for e in errata if e["action"] == "set"}
    drops = {(e["sanmiao_era_id"], e["era_zh"]) for e in errata if e["action"] == "drop"}
    rows: list[Row] = []
    for r in _sanmiao_csv("era_table.csv"):
        name = r["era_name"].strip()
        if not name or not r["era_start_year"]:
            continue
        key = (r["era_id"], name)
        if key in drops:
            continue
        dyn = _canonical(dmap, _int(r["dyn_id"]), _int(r["era_start_year"]))
        if dyn is None:
            continue
        rid = str(_int(r["ruler_id"])) if r["ruler_id"] else ""
        row = Row(
            era_ids=[int(r["era_id"])],
            names=[name],
            dynasty=dyn,
            ruler_ids=[rid],
            ruler_zh=[canon.get(rid, "")],
            ruler_en=[labels.get(rid, "")],
            start_year=_int(r["era_start_year"]),
            end_year=_int(r["era_end_year"]),
            length=_int(r["max_year"]),
            cal_stream=_int(r["cal_stream"]),
            start_jdn=float(r["era_start_jdn"]),
            end_jdn=float(r["era_end_jdn"]),
        )
        fix = sets.get(key)
        if fix:
            _apply(row, fix)
        rows.append(row)
    seen = {(str(i), n) for r in rows for i, n in zip(r.era_ids, r.names, strict=True)}
    unmatched = [k for k in sets if k not in seen]
    if unmatched:
        raise ValueError(f"era_errata.csv rows match no sanmiao row: {unmatched}")
    for e in errata:
        if e["action"] != "add":
            continue
        row = Row(
            era_ids=[int(e["sanmiao_era_id"])],
            names=[e["era_zh"]],
            dynasty=e["dynasty"],
            ruler_ids=[""],
            ruler_zh=[e["ruler_zh"]],
            ruler_en=[romanize_person(e["ruler_zh"])],
            start_year=int(e["start_year"]),
            end_year=int(e["end_year"]),
            length=int(e["length"]),
            cal_stream=int(e["cal_stream"]),
            start_jdn=float(e["start_jdn"]),
            end_jdn=float(e["end_jdn"]),
        )
        rows.append(row)
    return rows


def _apply(row: Row, fix: dict[str, str]) -> None:
    if fix["dynasty"]:
        row.dynasty = fix["dynasty"]
    if fix["ruler_zh"]:
        row.ruler_zh = [fix["ruler_zh"]]
        row.ruler_en = [romanize_person(fix["ruler_zh"])]
    for col in ("start_year", "end_year", "length", "cal_stream"):
        if fix[col]:
            setattr(row, col, int(fix[col]))
    for col in ("start_jdn", "end_jdn"):
        if fix[col]:
            setattr(row, col, float(fix[col]))


def drop_adopted(rows: list[Row], dyn_rows: list[dict[str, str]]) -> list[Row]:
    """Drop eras a vassal state (``vassal=1``) adopted from another dynasty.

    A vassal state's row is dropped when another dynasty has a row with the same name and
    overlapping years that is either not a vassal state or started earlier (the originator;
    on equal starts the longer-lasting row),
    e.g. Wuyue's 天福 (Later Jin's era) or Ma Chu's 保大 (Southern Tang's era).
    """
    vassals = {d["dynasty"] for d in dyn_rows if d["vassal"] == "1"}
    keep = []
    for r in rows:
        if r.dynasty in vassals and any(
            s.dynasty != r.dynasty
            and s.names[0] == r.names[0]
            and s.start_year <= r.end_year
            and r.start_year <= s.end_year
            and (s.dynasty not in vassals or (s.start_jdn, -s.end_jdn) < (r.start_jdn, -r.end_jdn))
            for s in rows
        ):
            continue
        keep.append(r)
    return keep


def merge_rows(rows: list[Row]) -> list[Row]:
    """Merge variant-name rows (same era_id) and continuation rows into logical eras."""
    by_id: dict[tuple[int, str, int, int], Row] = {}
    ordered: list[Row] = []
    for r in rows:
        # the same sanmiao era_id with another name and the same years is a variant spelling
        # (泰始/太始); with other years it is a different era (玉衡 -> 漢興 share id 165)
        k = (r.era_ids[0], r.dynasty, r.start_year, r.end_year)
        if k in by_id:
            base = by_id[k]
            for n in r.names:
                if n not in base.names:
                    base.names.append(n)
            continue
        by_id[k] = r
        ordered.append(r)
    # same dynasty, ruler and JDN span but a different era_id: a variant spelling
    merged: list[Row] = []
    for r in ordered:
        for m in merged:
            if (m.dynasty, m.ruler_ids[0], m.start_jdn, m.end_jdn) == (
                r.dynasty,
                r.ruler_ids[0],
                r.start_jdn,
                r.end_jdn,
            ) and m.start_year == r.start_year:
                for n in r.names:
                    if n not in m.names:
                        m.names.append(n)
                m.era_ids.append(r.era_ids[0])
                break
        else:
            merged.append(r)
    merged.sort(key=lambda r: (r.dynasty, r.names[0], r.start_year, r.start_jdn))
    out: list[Row] = []
    for r in merged:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.dynasty == r.dynasty
            and prev.names[0] == r.names[0]
            and r.start_year <= prev.end_year + 1
        ):
            last_year = max(prev.start_year + prev.length - 1, r.start_year + r.length - 1)
            prev.start_year = min(prev.start_year, r.start_year)
            prev.end_year = max(prev.end_year, r.end_year)
            prev.length = last_year - prev.start_year + 1
            prev.start_jdn = min(prev.start_jdn, r.start_jdn)
            prev.end_jdn = max(prev.end_jdn, r.end_jdn)
            prev.era_ids += r.era_ids
            for n in r.names:
                if n not in prev.names:
                    prev.names.append(n)
            for rid, rz, ren in zip(r.ruler_ids, r.ruler_zh, r.ruler_en, strict=True):
                if rz not in prev.ruler_zh:
                    prev.ruler_ids.append(rid)
                    prev.ruler_zh.append(rz)
                    prev.ruler_en.append(ren)
            continue
        out.append(r)
    return out


def build_eras_text(gazetteer: Path = GAZETTEER) -> str:
    """Return the text of eras.csv built from sanmiao and the hand-kept files in ``gazetteer``."""
    dyn_rows = _read_csv(gazetteer / "dynasties.csv")
    dyn_zh = {d["dynasty"]: d["dynasty_zh"] for d in dyn_rows}
    dyn_order = {d["dynasty"]: i for i, d in enumerate(dyn_rows)}
    readings = {r["era_zh"]: r["pinyin"].split() for r in _read_csv(gazetteer / "era_readings.csv")}
    aliases: list[dict[str, str]] = []
    if (gazetteer / "era_aliases.csv").exists():
        aliases = _read_csv(gazetteer / "era_aliases.csv")
    rows = merge_rows(drop_adopted(load_rows(gazetteer), dyn_rows))
    rows.sort(key=lambda r: (r.start_year, r.start_jdn, dyn_order[r.dynasty], r.names[0]))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    used: set[int] = set()
    for r in rows:
        name = r.names[0]
        # smallest sanmiao id not taken by an earlier era (sanmiao reuses an id for 延熙/建武)
        free = [i for i in sorted(r.era_ids) if i not in used]
        era_id = free[0] if free else 80000 + len(used)
        used.add(era_id)
        forms = romanizations(name, readings)
        for a in aliases:
            if a["era_zh"] == name and a["dynasty"] == r.dynasty and a["alias"] not in forms:
                forms.append(a["alias"])
        for n in r.names[1:]:
            for f in romanizations(n, readings):
                if f not in forms:
                    forms.append(f)
        w.writerow(
            [
                era_id,
                forms[0],
                name,
                "|".join(r.names[1:]),
                r.dynasty,
                dyn_zh[r.dynasty],
                "|".join(r.ruler_en),
                "|".join(r.ruler_zh),
                r.start_year,
                r.end_year,
                r.length,
                r.cal_stream,
                r.start_jdn,
                r.end_jdn,
                "|".join(forms),
                "|".join(str(i) for i in sorted(r.era_ids)),
            ]
        )
    return buf.getvalue()


def main() -> int:
    text = build_eras_text()
    (GAZETTEER / "eras.csv").write_text(text, encoding="utf-8")
    print(f"wrote {GAZETTEER / 'eras.csv'}: {text.count(chr(10)) - 1} eras")
    return 0


if __name__ == "__main__":
    sys.exit(main())
