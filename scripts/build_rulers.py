"""Build ``gazetteer/rulers.csv`` from sanmiao's ruler tables (rulers as a dating system).

Inputs (read-only): sanmiao's ``data/ruler_table.csv`` (reigns: dynasty id, person id, first
and last year), ``ruler_tags.csv`` (name strings per person: temple, posthumous, personal),
``rul_can_name.csv`` (canonical name), ``era_table.csv`` (era -> ruler); the project's
``gazetteer/dynasties.csv`` (sanmiao dynasty ids -> English dynasty) and ``gazetteer/eras.csv``
(era ids). Romanized with pypinyin (pinyin joined, split, hyphenated; Wade-Giles), the same
functions as ``build_eras.py``.

Name classes (by the strings sanmiao keeps): temple name = two characters ending in 宗 or 祖;
posthumous name = one or two characters + 帝 (or 王 for kings), also read without the title
("Emperor Shun" for 順帝); a first character that most three-character posthumous names
of one dynasty share (the Han emperors' filial 孝: 孝武帝) is the dynasty's, dropped in the
usual name, so 孝武帝 is also read as 武帝 ("Emperor Wu"), see :func:`_dynastic_prefixes`;
personal name = the tag sanmiao marks ``era_prefix_only=False`` that ends the canonical name,
romanized surname + given name (``build_eras.romanize_person``: compound surnames of
``gazetteer/compound_surnames.csv`` are one word, "Sima Yan", "Yelü Abaoji").
``first_year`` is the first counted year of the reign: the later of the accession year and
the first year of the ruler's own first era (a new ruler usually counts
from the next New Year); without eras the accession year.

Rulers before the Qin empire, which sanmiao's tables lack (its ruler table starts with the
Qin emperor, and its Qin dynasty is not one of ``dynasties.csv``), come from the hand-kept
``gazetteer/preqin_rulers.csv`` (kings of Zhou, of the seven Warring States, dukes of Lu;
sources per row): appended as rows of the same shape, name forms romanized with the same
functions (:func:`_preqin_rows`).

Usage: ``python scripts/build_rulers.py`` (writes gazetteer/rulers.csv);
``build_rulers_text()`` returns the file's text (used by the rebuild test).
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

from pypinyin import lazy_pinyin

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402

COLUMNS = [  # the shape rulers_japan.csv and rulers_korea.csv share
    "ruler_id", "dynasty", "dynasty_zh", "cal_stream", "name_zh", "temple_zh", "posthumous_zh",
    "personal_zh", "temple", "posthumous", "personal", "reign_start", "reign_end", "first_year",
    "era_ids", "romanizations",
]
CHINESE_COLUMNS = [*COLUMNS, "canonical"]  # rulers.csv: the English name of each reign

#: First year of the Tang: from it on rulers are known by temple names (廟號), before by
#: posthumous names (謚號); from the Ming on (1368) an emperor of one era by that era.
TEMPLE_FROM = 618
ERA_NAME_FROM = 1368
#: Periods of division (groups of dynasties.csv) whose rulers historians call by their
#: personal names: Liu Bei, Sun Quan, Cao Pi, Shi Le, Fu Jian, Guo Wei, Chai Rong, Qian Liu
PERSONAL_NAME_PERIODS = frozenset({"Three Kingdoms", "Sixteen Kingdoms", "Five Dynasties",
                                   "Ten Kingdoms"})


def _eras_module():
    spec = importlib.util.spec_from_file_location("build_eras", REPO / "scripts" / "build_eras.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules.setdefault("build_eras", mod)
    spec.loader.exec_module(mod)
    return mod


def _names(tags: list[dict[str, str]], canon: dict[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for r in tags:
        s, pid = r["string"], r["person_id"]
        d = out.setdefault(pid, {})
        if len(s) == 2 and s[-1] in "宗祖":
            d.setdefault("temple", s)
        elif 2 <= len(s) <= 3 and s[-1] in "帝王" and not s.endswith("皇帝"):
            d.setdefault("posthumous", s)
        elif len(s) == 3 and s.endswith("皇帝"):
            d.setdefault("posthumous", s[0] + "帝")
        if r["era_prefix_only"] == "False" and r["abr"] != "True" and 2 <= len(s) <= 9:
            name = canon.get(pid, "")
            k = 0  # longest common suffix (孛兒只斤妥懽帖睦爾 vs 順帝妥懽帖睦爾)
            while k < min(len(s), len(name)) and s[-1 - k] == name[-1 - k]:
                k += 1
            if k >= 2 and len(s) > len(d.get("personal", "")):
                d["personal"] = s
                d["personal_tail"] = s[len(s) - k:]
    for pid, name in canon.items():  # 順帝妥懽帖睦爾: the title before the personal name
        d = out.setdefault(pid, {})
        tail = d.get("personal_tail", "")
        head = name[: len(name) - len(tail)] if tail else ""
        if len(head) == 2 and head[-1] in "宗祖":
            d.setdefault("temple", head)
        elif len(head) in (2, 3) and head[-1] in "帝王":
            d.setdefault("posthumous", head if not head.endswith("皇帝") else head[0] + "帝")
    return out


def _dynastic_prefixes(posthumous: dict[str, list[str]]) -> dict[str, str]:
    """dynasty -> the first character that more than half (and at least two) of its
    three-character posthumous names "XY帝" share: the Han emperors' 孝 (孝文帝, 孝武帝, ...), which
    the usual names leave out ("Emperor Wen", "Emperor Wu"). Kings (王) are not counted."""
    out: dict[str, str] = {}
    for dynasty, names in posthumous.items():
        three = [p for p in names if len(p) == 3 and p.endswith("帝")]
        firsts = Counter(p[0] for p in three)
        if firsts:
            head, count = firsts.most_common(1)[0]
            if count >= 2 and 2 * count > len(three):
                out[dynasty] = head
    return out


def _dynasty_label(dynasty: str, parent: dict[str, str]) -> str:
    """The dynasty as historians write it after "of": without the bracketed qualifier of
    dynasties.csv ("Jin (265-420)" -> "Jin"), and without the direction word the dynasty's
    parent lacks ("Western Han" -> "Han", "Northern Song" -> "Song", "Eastern Jin" -> "Jin";
    not "Northern Wei", whose parent is "Tuoba Wei", nor "Later Tang")."""
    base = dynasty.split(" (")[0]
    up = parent.get(dynasty, "").split(" (")[0]
    return up if up and base.endswith(" " + up) and base.count(" ") == 1 else base


def ruler_label(dynasty: str, reign_start: int, temple: str, posthumous_short: str,
                king: bool, era: str, personal: str, by_personal: bool = False) -> str:
    """The canonical English name of a reign (the convention of gazetteer/README.md):
    a ruler of a period of division (``by_personal``, :data:`PERSONAL_NAME_PERIODS`) with a
    personal name: that name ("Liu Bei"); an emperor from :data:`ERA_NAME_FROM` on with one
    era: "<Era> Emperor" ("Kangxi Emperor"); from :data:`TEMPLE_FROM` on, the temple name:
    "Emperor Taizong of Tang"; before, the posthumous name without 帝 and the dynasty's filial
    孝: "Emperor Zhao of Han", "King Wusu of Wuyue" for a king (王); else the personal name.
    ``dynasty``: as written after "of" (:func:`_dynasty_label`)."""
    if by_personal and personal:
        return personal
    if era and reign_start >= ERA_NAME_FROM:
        return f"{era} Emperor"
    if temple and (reign_start >= TEMPLE_FROM or not posthumous_short):
        return f"Emperor {temple} of {dynasty}"
    if posthumous_short:
        return f"{'King' if king else 'Emperor'} {posthumous_short} of {dynasty}"
    return personal


def _in_periods(dynasty: str, parent: dict[str, str]) -> bool:
    """True if ``dynasty`` belongs (through its dynasties.csv parents) to one of
    :data:`PERSONAL_NAME_PERIODS`."""
    seen = set()
    while dynasty and dynasty not in seen:
        if dynasty in PERSONAL_NAME_PERIODS:
            return True
        seen.add(dynasty)
        dynasty = parent.get(dynasty, "")
    return False


def _years(start: int, end: int) -> str:
    """A reign's years for a reader: "904-907", "184-180 BCE" (astronomical 0 = 1 BCE)."""
    if start == end:
        return f"{start}" if start > 0 else f"{1 - start} BCE"
    if start > 0:
        return f"{start}-{end}"
    bce = f"{1 - start}-{1 - end} BCE" if end <= 0 else f"{1 - start} BCE-{end} CE"
    return bce


def _canonicals(rows: list[list], labels: list[str]) -> list[str]:
    """``labels`` made unique: a label shared by several reigns of different persons takes
    the personal name (else the years of the reign) in brackets: "Emperor Shao of Han (Liu
    Gong)", "Emperor Shao of Han (184-180 BCE)"; two reigns of one person (睿宗 684 and 710)
    keep one label."""
    persons: dict[str, set[str]] = {}
    for row, label in zip(rows, labels, strict=True):
        persons.setdefault(label, set()).add(row[0])
    out = []
    for row, label in zip(rows, labels, strict=True):
        if label and len(persons[label]) > 1:
            personal = row[10]
            same = [r for r, lab in zip(rows, labels, strict=True) if lab == label
                    and r[10] == personal and r[0] != row[0]]
            label = f"{label} ({personal})" if personal and not same else \
                f"{label} ({_years(row[11], row[12])})"
        out.append(label)
    return out


MIN_GAP = 2  # years between an earlier reign's last era and the listed reign


def _earlier_reigns(reigns: list, ruler_eras: dict[str, list[tuple[int, str]]],
                    eras_end: dict[tuple[str, int], int]) -> list:
    """Reigns sanmiao's ruler table leaves out but its era table shows: eras of a person that
    end before the first reign listed for that person (英宗 of Ming: ruler_table lists only
    his second reign, 1457-1464; era_table gives him 正統 1436-1449 too). One extra reign per
    person, spanning those eras (start = the first era's start minus one: an accession counts
    its era from the next New Year), with the dynasty and row of the listed reign; only where
    another person's reign of the same dynasty, of ``MIN_GAP`` years or more, lies between
    (eras a year or two off a listed reign are data misalignments, not a second reign)."""
    first: dict[str, tuple] = {}
    for reign in reigns:
        pid, start = reign[1], reign[2]
        if pid not in first or start < first[pid][2]:
            first[pid] = reign
    out = []
    for pid, (r, _pid, start, _end, dynasty) in sorted(first.items()):
        before = sorted(y for y, _ in ruler_eras.get(pid, [])
                        if y <= eras_end[(pid, y)] <= start - MIN_GAP)
        if not before:
            continue
        end = max(eras_end[(pid, y)] for y in before)
        # the gap is another person's reign of the same dynasty (not a data misalignment)
        if any(o[1] != pid and o[4] == dynasty and end <= o[2] and o[3] <= start
               and o[3] - o[2] >= MIN_GAP for o in reigns):
            out.append((r, pid, before[0] - 1, end, dynasty))
    return out


def _end_at_last_year(rows: list[list], era_end: dict[str, int]) -> None:
    """End each reign with the ruler's last year, not his successor's first (in place).

    sanmiao's ``emp_end_year`` is sometimes the year the successor's count began: Emperor Wen
    of Sui died in 604 (仁壽 601-604), but the table ends his reign in 605, the first year of
    Emperor Yang's 大業. Where a reign's own last era ends the year before its listed end and
    another reign of the same dynasty starts in that listed end year, the reign ends with its
    last era (Wen of Sui 581-604, Taizong of Tang 627-649, Daizong of Tang 762-779). The
    ``canonical`` column, built before, keeps its years (names stay stable)."""
    starts: dict[str, set[int]] = {}
    for row in rows:
        starts.setdefault(row[1], set()).add(row[11])
    for row in rows:
        ends = [era_end[i] for i in row[14].split("|") if i in era_end]
        if ends and max(ends) == row[12] - 1 >= row[13] and row[12] in starts[row[1]] - {row[11]}:
            row[12] = max(ends)


#: the character a title adds to a name in Chinese (王 "King", 公 "Duke", 侯 "Marquis")
_TITLE_ZH = {"King": "王", "Duke": "公", "Marquis": "侯", "Emperor": "帝"}


def _preqin_rows(gazetteer: Path, be, readings: dict[str, list[str]]) -> list[list]:
    """Rows of ``rulers.csv``'s shape from ``preqin_rulers.csv`` (none if the file is
    missing): dynasty = the state, ``posthumous_zh`` = the name the ruler is called by plus
    the title's character (昭襄王), ``first_year`` = ``reign_start`` (the file lists the first
    counted year), read by the file's ``reading`` where given; lookup forms: the name with
    and without the title character in every romanization, then the personal name (clan
    name + given name: 嬴稷 "Ying Ji")."""
    path = gazetteer / "preqin_rulers.csv"
    if not path.is_file():
        return []
    out = []
    for r in be._read_csv(path):
        called, title_zh = r["called_zh"], _TITLE_ZH[r["title"]]
        post = called + title_zh
        if r["reading"]:  # 釐 read "xi" as a posthumous name
            sylls = r["reading"].split()
            readings = {**readings, called: sylls,
                        post: sylls + lazy_pinyin(title_zh, v_to_u=True)}
        personal = be.romanize_person(r["personal_zh"]) if r["personal_zh"] else ""
        forms: list[str] = []
        for zh in (post, called):
            forms.extend(f for f in be.romanizations(zh, readings) if f not in forms)
        if personal and personal not in forms:
            forms.append(personal)
        first = int(r["first_year"])
        out.append([
            r["ruler_id"], r["state"], r["state_zh"], "1",
            r["state_zh"] + post + r["personal_zh"], "", post, r["personal_zh"], "",
            be._join_pinyin(be.pinyin_syllables(post, readings)), personal, first,
            int(r["reign_end"]), first, "", "|".join(forms), r["canonical"],
        ])
    return out


def build_rulers_text(gazetteer: Path = GAZETTEER) -> str:
    """Return the text of rulers.csv (one row per reign of a dynasty listed in dynasties.csv)."""
    be = _eras_module()
    dyn_rows = be._read_csv(gazetteer / "dynasties.csv")
    dmap = be._dynasty_map(dyn_rows)
    dyn_zh = {d["dynasty"]: d["dynasty_zh"] for d in dyn_rows}
    dyn_parent = {d["dynasty"]: d["parent"] for d in dyn_rows}
    era_rows = be._read_csv(gazetteer / "eras.csv")
    era_en = {e["era_id"]: e["era"] for e in era_rows}
    # eras per ruler (Chinese name) over all his reigns: Ming Yingzong's 正統 and 天順 are two
    eras_per_ruler = Counter(zh for e in era_rows for zh in e["ruler_zh"].split("|") if zh)
    readings = {r["era_zh"]: r["pinyin"].split()
                for r in be._read_csv(gazetteer / "era_readings.csv")}
    canon = {r["person_id"]: r["string"] for r in be._sanmiao_csv("rul_can_name.csv")}
    names = _names(be._sanmiao_csv("ruler_tags.csv"), canon)
    san_to_era: dict[str, str] = {}
    for e in be._read_csv(gazetteer / "eras.csv"):
        for sid in e["sanmiao_era_ids"].split("|"):
            san_to_era[sid] = e["era_id"]
    ruler_eras: dict[str, list[tuple[int, str]]] = {}
    eras_end: dict[tuple[str, int], int] = {}
    for e in be._sanmiao_csv("era_table.csv"):
        if e["ruler_id"] and e["era_id"] in san_to_era:
            rid = str(int(float(e["ruler_id"])))
            era = (int(e["era_start_year"]), san_to_era[e["era_id"]])
            ruler_eras.setdefault(rid, []).append(era)
            end_year = int(float(e["era_end_year"] or e["era_start_year"]))
            eras_end[(rid, era[0])] = max(end_year, eras_end.get((rid, era[0]), end_year))
    reigns = []
    for r in be._sanmiao_csv("ruler_table.csv"):
        pid = r["person_id"]
        if not r["emp_start_year"]:
            continue
        start = int(float(r["emp_start_year"]))
        end = int(float(r["emp_end_year"] or r["emp_start_year"]))
        dynasty = be._canonical(dmap, int(r["dyn_id"]), start)
        if dynasty is None or pid not in canon:
            continue
        reigns.append((r, pid, start, end, dynasty))
    reigns.extend(_earlier_reigns(reigns, ruler_eras, eras_end))
    posthumous_by_dynasty: dict[str, list[str]] = {}
    for _r, pid, _s, _e, dynasty in reigns:
        post = names.get(pid, {}).get("posthumous", "")
        if post:
            posthumous_by_dynasty.setdefault(dynasty, []).append(post)
    prefixes = _dynastic_prefixes(posthumous_by_dynasty)
    rows = []
    labels = []
    for r, pid, start, end, dynasty in reigns:
        # eras of this reign only (睿宗 reigned twice: 684-690 and 710-712)
        eras = sorted({e for e in ruler_eras.get(pid, []) if start - 1 <= e[0] <= end})
        first = max(start, eras[0][0]) if eras else start
        n = names.get(pid, {})
        temple = (be._join_pinyin(be.pinyin_syllables(n["temple"], readings))
                  if "temple" in n else "")
        post = n.get("posthumous", "")
        posthumous = be._join_pinyin(lazy_pinyin(post, v_to_u=True)) if post else ""
        personal = be.romanize_person(n.get("personal", ""))
        forms: list[str] = []
        short = (post[1:] if len(post) == 3 and post.endswith("帝")
                 and prefixes.get(dynasty) == post[0] else None)  # 孝武帝 -> 武帝
        for zh in (n.get("temple"), post, post[:-1] if len(post) >= 2 else None, short,
                   short[:-1] if short else None):
            if zh:
                forms.extend(f for f in be.romanizations(zh, readings) if f not in forms)
        if personal and personal not in forms:
            forms.append(personal)
        short_zh = short or (post if len(post) >= 2 else "")
        short_en = (be._join_pinyin(be.pinyin_syllables(short_zh[:-1], readings))
                    if len(short_zh) >= 2 else "")
        era_list = list(dict.fromkeys(e for _, e in eras))
        labels.append(ruler_label(
            _dynasty_label(dynasty, dyn_parent), start, temple, short_en,
            post.endswith("王"), era_en.get(era_list[0], "")
            if len(era_list) == 1 and eras_per_ruler[canon[pid]] <= 1 else "",
            personal, _in_periods(dynasty, dyn_parent)))
        cal = r["cal_stream"]
        rows.append([
            pid, dynasty, dyn_zh[dynasty], str(int(float(cal))) if cal else "", canon[pid],
            n.get("temple", ""), post, n.get("personal", ""), temple, posthumous, personal,
            start, end, first, "|".join(era_list), "|".join(forms),
        ])
    for row, label in zip(rows, _canonicals(rows, labels), strict=True):
        row.append(label or row[4])
    _end_at_last_year(rows, {e["era_id"]: int(e["end_year"]) for e in era_rows})
    rows.extend(_preqin_rows(gazetteer, be, readings))
    rows.sort(key=lambda x: (x[11], x[1], int(x[0])))
    return csv_text(CHINESE_COLUMNS, rows)


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__, build_rulers_text, GAZETTEER / "rulers.csv", argv)


if __name__ == "__main__":
    sys.exit(main())
