"""Build ``gazetteer/eras_korea.csv`` and ``gazetteer/rulers_korea.csv``: Korean eras and kings,
kept apart from the Chinese tables (same columns as ``eras.csv`` and ``rulers.csv``).

Inputs (read-only): sanmiao's ``data/era_table.csv`` and ``ruler_table.csv`` rows of calendar
streams 5-8 (Goguryeo, Balhae, Taebong, Joseon: 5; Baekje: 6; Silla: 7; Goryeo: 8), its
``rul_can_name.csv``; the project's ``gazetteer/dynasties.csv`` (Korean dynasties by
``dynasty_zh``) and ``gazetteer/korea_errata.csv`` (hand-kept corrections, each with its
source). Korean readings of the characters come from the ``hanja`` package (hanja -> hangul,
with the initial-sound rule); hangul is romanized here in the Revised Romanization ("Sejong",
"Gwanghaegun") and in McCune-Reischauer ("Kwanghaegun", "Sŏngjong", "T'aejo", "Yŏnsan'gun"),
both by the standard pronunciation rules for Sino-Korean names (n+r/r+n -> ll, r after a
consonant -> n, voicing in MR).

Reign counting: sanmiao's era table keeps each Korean king's counted years as an era with no
name (Sejong: 1419-1450, the year after his accession in 1418); ``first_year`` is the start of
that count (corrected by ``first_year`` rows of korea_errata.csv), else the accession year.
Named eras (Silla's 建元, Goryeo's 天授, the Korean Empire's 光武) go to eras_korea.csv with
``era_id`` = 95000 + sanmiao era id (rows of one era name continued by the next king merged).

Usage: ``python scripts/build_korea.py`` (writes both files); ``build_texts()`` returns their
texts (used by the rebuild test). ``hanja`` is needed only here (test extra), not at run time.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402
from _derived import sanmiao_csv as _sanmiao  # noqa: E402

ERA_COLUMNS = [
    "era_id", "era", "era_zh", "era_zh_variants", "dynasty", "dynasty_zh", "ruler", "ruler_zh",
    "start_year", "end_year", "length", "cal_stream", "start_jdn", "end_jdn", "romanizations",
    "sanmiao_era_ids",
]
RULER_COLUMNS = [
    "ruler_id", "dynasty", "dynasty_zh", "cal_stream", "name_zh", "temple_zh", "posthumous_zh",
    "personal_zh", "temple", "posthumous", "personal", "reign_start", "reign_end", "first_year",
    "era_ids", "romanizations",
]
ERA_ID_BASE = 95000

# Hangul jamo (Unicode order) and their romanizations
_INITIAL_RR = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
               "k", "t", "p", "h"]
_INITIAL_MR = ["k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch'",
               "k'", "t'", "p'", "h"]
_VOICED_MR = {"k": "g", "t": "d", "p": "b", "ch": "j"}
_VOWEL_RR = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "eu", "ui", "i"]
_VOWEL_MR = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"]
# final consonant -> sound class: k, n, t, l, m, p, ng ("" = none)
_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m",
          "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]


def _jamo(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return None
    return code // 588, (code % 588) // 28, code % 28


def romanize_hangul(word: str, system: str = "rr") -> str:
    """Romanize one hangul word: 'rr' (Revised) or 'mr' (McCune-Reischauer), capitalised.

    Rules for names: final + initial assimilation (신라 -> Silla, 충렬 -> Chungnyeol, 백제 ->
    Baekje), MR voicing of k/t/p/ch between voiced sounds, MR 'shi' for 시, an MR apostrophe
    between n and g (Yŏnsan'gun). Raises ValueError for a non-hangul character.
    """
    parts = [_jamo(ch) for ch in word]
    if any(p is None for p in parts):
        raise ValueError(f"not hangul: {word!r}")
    sylls: list[list] = [[i, v, _FINAL[f]] for i, v, f in parts]  # type: ignore[misc]
    out: list[str] = []
    for k, (ini, vow, fin) in enumerate(sylls):
        prev = sylls[k - 1][2] if k else None
        nxt = sylls[k + 1][0] if k + 1 < len(sylls) else None
        # final assimilated to the next initial (nasalisation, lateralisation)
        if nxt == 5 and fin in ("n",):  # n + r -> ll
            fin = "l"
        elif nxt in (2, 6) and fin == "k":  # k + n/m -> ng
            fin = "ng"
        elif nxt in (2, 6) and fin == "p":
            fin = "m"
        elif nxt == 5 and fin in ("k", "p"):
            fin = {"k": "ng", "p": "m"}[fin]
        elif nxt == 11 and fin == "k":  # k + vowel: voiced
            fin = "g"
        sylls[k][2] = fin  # the next initial sees the assimilated final
        # initial
        if ini == 5 and prev is not None and prev not in ("", "l"):  # r after consonant -> n
            ini_s = "n"
        elif ini == 5 and prev == "l":
            ini_s = "l"
        elif ini == 2 and prev == "l":  # l + n -> ll
            ini_s = "l"
        elif system == "rr":
            ini_s = _INITIAL_RR[ini]
            if ini == 5 and prev is None:
                ini_s = "r"
        else:
            ini_s = _INITIAL_MR[ini]
            voiced_before = prev is not None and prev in ("", "n", "l", "m", "ng")
            if voiced_before and ini_s in _VOICED_MR:
                ini_s = _VOICED_MR[ini_s]
            if ini_s == "g" and prev == "n":
                ini_s = "'g"
            if ini_s == "s" and vow in (20, 16):  # 시, 쉬
                ini_s = "sh"
        vowel = (_VOWEL_RR if system == "rr" else _VOWEL_MR)[vow]
        if system == "rr" and fin == "l" and nxt == 11:
            fin = "r"  # l + vowel -> r
        out.append(ini_s + vowel + fin)
    text = "".join(out)
    return text[:1].upper() + text[1:]


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def korean_forms(name_zh: str) -> list[str]:
    """Lookup forms of a name in characters: RR, MR with diacritics, MR without ('Sŏngjong',
    'Songjong'), hyphen-free; [] if a character has no Korean reading."""
    import hanja

    hangul = hanja.translate(name_zh, "substitution")
    if not hangul or any(_jamo(ch) is None for ch in hangul):
        return []
    forms: list[str] = []
    for f in (romanize_hangul(hangul, "rr"), romanize_hangul(hangul, "mr")):
        for g in (f, _plain(f), f.replace("'", "")):
            if g and g not in forms:
                forms.append(g)
    return forms


_KING_TITLES = ("好太王", "太王", "王", "君")


def _short_name(name_zh: str, dyn_zh: str) -> tuple[str, str]:
    """(name without the dynasty prefix, the same without a king's title 王/君): '新羅法興王'
    -> ('法興王', '法興'); '世宗' -> ('世宗', '')."""
    name = name_zh[len(dyn_zh):] if dyn_zh and name_zh.startswith(dyn_zh) and len(name_zh) > len(
        dyn_zh) + 1 else name_zh
    for t in _KING_TITLES:
        if name.endswith(t) and len(name) - len(t) >= 1:
            return name, name[: -len(t)]
    return name, ""


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _fmt(x: float) -> str:
    return repr(float(x))


def build_texts(gazetteer: Path = GAZETTEER) -> tuple[str, str]:
    """Return the texts of (eras_korea.csv, rulers_korea.csv)."""
    dyn_rows = [d for d in _read(gazetteer / "dynasties.csv") if d["cal_stream"]
                and int(d["cal_stream"]) >= 5 and d["dynasty_zh"]]
    dyn_by_zh = {d["dynasty_zh"]: d for d in dyn_rows}
    san_dyn = {r["dyn_id"]: r["dyn_name"] for r in _sanmiao("dynasty_table_dump.csv")}
    canon = {r["person_id"]: r["string"] for r in _sanmiao("rul_can_name.csv")}
    errata = _read(gazetteer / "korea_errata.csv")
    first_fix = {e["sanmiao_id"]: int(e["value"]) for e in errata if e["action"] == "first_year"}
    aliases: dict[str, list[str]] = {}
    for e in errata:
        if e["action"] == "alias":
            aliases.setdefault(e["sanmiao_id"], []).append(e["value"])
    drops = {e["sanmiao_id"] for e in errata if e["action"] == "drop_era"}

    eras = [r for r in _sanmiao("era_table.csv")
            if float(r["cal_stream"]) >= 5 and san_dyn.get(r["dyn_id"]) in dyn_by_zh]
    counts: dict[str, list[int]] = {}  # person id -> start years of its unnamed reign counts
    named: list[dict[str, str]] = []
    for r in eras:
        pid = str(int(float(r["ruler_id"]))) if r["ruler_id"] else ""
        if not r["era_name"]:
            counts.setdefault(pid, []).append(int(r["era_start_year"]))
        elif r["era_id"] not in drops:
            named.append(r)

    # named eras: rows of the same name and start year (continued by the next king) merged
    groups: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in named:
        groups.setdefault((r["era_name"], r["era_start_year"]), []).append(r)
    era_rows: list[list] = []
    era_ids_of: dict[str, list[int]] = {}
    for (name_zh, _start), group in groups.items():
        first = min(group, key=lambda r: int(r["era_id"]))
        dyn = dyn_by_zh[san_dyn[first["dyn_id"]]]
        forms = korean_forms(name_zh)
        if not forms:
            continue
        start = int(first["era_start_year"])
        end = max(int(float(r["era_end_year"])) for r in group)
        era_id = ERA_ID_BASE + int(first["era_id"])
        pid = str(int(float(first["ruler_id"]))) if first["ruler_id"] else ""
        ruler_zh = _short_name(canon.get(pid, ""), dyn["dynasty_zh"])[0]
        ruler_forms = korean_forms(ruler_zh) if ruler_zh else []
        for r in group:
            if r["ruler_id"]:
                era_ids_of.setdefault(str(int(float(r["ruler_id"]))), []).append(era_id)
        era_rows.append([
            era_id, forms[0], name_zh, "", dyn["dynasty"], dyn["dynasty_zh"],
            ruler_forms[0] if ruler_forms else "", ruler_zh, start, end, end - start + 1,
            int(float(first["cal_stream"])), _fmt(min(float(r["era_start_jdn"]) for r in group)),
            _fmt(max(float(r["era_end_jdn"]) for r in group)), "|".join(forms),
            "|".join(r["era_id"] for r in group),
        ])
    for e in errata:
        if e["action"] != "add_era":
            continue
        dyn = dyn_by_zh[e["dynasty_zh"]]
        forms = korean_forms(e["name_zh"])
        start, end = int(e["start_year"]), int(e["end_year"])
        era_id = ERA_ID_BASE + 4000 + sum(1 for x in errata[: errata.index(e) + 1]
                                         if x["action"] == "add_era")
        ruler_forms = korean_forms(e["value"])
        era_rows.append([
            era_id, forms[0], e["name_zh"], "", dyn["dynasty"], dyn["dynasty_zh"],
            ruler_forms[0] if ruler_forms else "", e["value"], start, end, end - start + 1,
            int(dyn["cal_stream"]), _fmt(float(e["start_jdn"])), _fmt(float(e["end_jdn"])),
            "|".join(forms), "",
        ])
        for pid, name in canon.items():
            if name == e["value"] and any(
                    r["person_id"] == pid and san_dyn.get(r["dyn_id"]) == e["dynasty_zh"]
                    for r in _sanmiao("ruler_table.csv")):
                era_ids_of.setdefault(pid, []).append(era_id)
    era_rows.sort(key=lambda r: (r[8], float(r[12]), r[0]))
    start_of = {r[0]: r[8] for r in era_rows}

    ruler_rows: list[list] = []
    for r in _sanmiao("ruler_table.csv"):
        dyn_zh = san_dyn.get(r["dyn_id"], "")
        pid = r["person_id"]
        if dyn_zh not in dyn_by_zh or not r["emp_start_year"] or pid not in canon:
            continue
        dyn = dyn_by_zh[dyn_zh]
        start = int(float(r["emp_start_year"]))
        end = int(float(r["emp_end_year"] or r["emp_start_year"]))
        name, bare = _short_name(canon[pid], dyn_zh)
        if name in _KING_TITLES:  # 後高句麗 "王": a title, no name
            continue
        temple = name if len(name) == 2 and name[-1] in "宗祖" else ""
        posthumous = name if not temple else ""
        # a temple name changed later (英宗 -> 英祖): English texts use the new one only
        zh_names = aliases.get(pid) or [n for n in (name, bare) if n]
        forms: list[str] = []
        for zh in zh_names:
            forms.extend(f for f in korean_forms(zh) if f not in forms)
        if not forms:
            continue
        own_counts = [y for y in counts.get(pid, []) if start - 1 <= y <= end + 1]
        first = own_counts[0] if own_counts else start
        first = first_fix.get(pid, first)
        label_zh = aliases.get(pid, [name])[0]
        label = korean_forms(label_zh)[0]
        era_ids = sorted((i for i in era_ids_of.get(pid, []) if start - 1 <= start_of[i] <= end),
                         key=lambda i: start_of[i])
        ruler_rows.append([
            pid, dyn["dynasty"], dyn_zh, int(float(r["cal_stream"])), canon[pid],
            label_zh if temple else "", "" if temple else posthumous, "",
            label if temple else "", "" if temple else label, "", start, end, first,
            "|".join(str(i) for i in dict.fromkeys(era_ids)), "|".join(forms),
        ])
    ruler_rows.sort(key=lambda x: (x[11], x[1], int(x[0])))

    return csv_text(ERA_COLUMNS, era_rows), csv_text(RULER_COLUMNS, ruler_rows)


def main(argv: list[str] | None = None) -> int:
    """Write both files, or (``--check``) compare both with the committed ones (exit 0/1)."""
    texts = build_texts()
    codes = [write_or_check(__doc__, lambda t=text: t, GAZETTEER / name, argv)
             for name, text in zip(("eras_korea.csv", "rulers_korea.csv"), texts, strict=True)]
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
