"""Build ``gazetteer/name_romanizations.csv``: every spelling of a name derived from its characters.

For each row of ``persons.csv``, ``places.csv``, ``polities.csv``, ``armies.csv`` and
``works.csv`` (book titles: blocked from being names, see ``pipeline/entities/tables/``) whose
canonical name is pinyin of its ``zh`` characters (checked: pypinyin's toneless reading must
spell the canonical's letters; rows that do not align are left to their hand-kept aliases), and
for each current place of ``modern_places.csv`` (for the geocoder), derive:

* pinyin with ü written ü, v, u and yu ("Yelü Dashi", "Yelv Dashi", "Yelu Dashi", "Yelyu Dashi");
* pinyin split into syllables ("Kai Feng") and hyphenated ("Kai-feng");
* Wade–Giles (pypinyin ``Style.WADEGILES``; ü restored for its "v") hyphenated within a word,
  with and without the aspiration apostrophes, with and without the diaeresis ("Yüeh Fei",
  "Yueh Fei", "Ch'in Kuei", "Chin Kuei", "K'ai-feng", "Kai-feng", "K'aifeng", "Kaifeng");
* for current places, the postal spellings of ``postal_spellings.csv`` (hand-kept: "Peking",
  "Chekiang", "Canton" ...), which no rule derives.

A derived spelling is dropped when it is already a hand-kept alias of anything, when it is an era
name (``eras.csv`` romanizations), when it would name two different things (WG "Chin" is
both 金 and 秦 without the apostrophe), or when a place or polity spelling of several words
starts with a surname (split "Yan Jing" for 燕京 reads as a person; not for works):
hand-kept aliases stay for garbles and choices.

Usage::

    python scripts/build_romanizations.py          # write gazetteer/name_romanizations.csv
    python scripts/build_romanizations.py --check  # exit 1 if the file would change

Columns: ``file`` (source file), ``canonical`` (canonical name there; for modern_places.csv
its ``name``), ``zh``, ``province`` (modern_places.csv rows only), ``alias``, ``style``
(pinyin_u | pinyin_v | pinyin_yu | pinyin_umlaut | pinyin_split | pinyin_hyphen | wg | wg_plain |
wg_noapos | wg_joined | wg_joined_plain | postal).
"""

from __future__ import annotations

import csv
import io
import sys
import unicodedata
from pathlib import Path

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.style import convert

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "gazetteer"
OUT = GAZ / "name_romanizations.csv"
COLUMNS = ("file", "canonical", "zh", "province", "alias", "style")
ENTITY_FILES = ("persons.csv", "places.csv", "polities.csv", "armies.csv", "works.csv")


def _read(name: str) -> list[dict[str, str]]:
    with (GAZ / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def letters(text: str) -> str:
    """Lower-case ASCII letters only; ü/v -> v ("Yelü" -> "yelv", "Xi'an" -> "xian")."""
    text = text.replace("ü", "v").replace("Ü", "v")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.lower() if "a" <= c <= "z")


def reading(words: list[str], zh: str) -> tuple[list[str], list[int]] | None:
    """The syllables of ``zh`` (one reading per character among pypinyin's heteronyms) that
    spell ``words``, and how many syllables each word has; None if no reading does."""
    options = pinyin(zh, style=Style.NORMAL, heteronym=True, errors=lambda _: [])
    if len(options) != len(zh):
        return None
    target = [letters(w) for w in words]
    flat = "".join(target)

    def search(i: int, pos: int) -> list[str] | None:
        if i == len(options):
            return [] if pos == len(flat) else None
        for syl in options[i]:
            syl = syl.replace("ü", "v")
            if flat.startswith(syl, pos):
                rest = search(i + 1, pos + len(syl))
                if rest is not None:
                    return [syl, *rest]
        return None

    syllables = search(0, 0)
    if syllables is None:
        return None
    sizes, k = [], 0
    for word in target:
        got, n = "", 0
        while k < len(syllables) and len(got) < len(word):
            got, n, k = got + syllables[k], n + 1, k + 1
        if got != word or not n:
            return None
        sizes.append(n)
    return syllables, sizes


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _umlaut(syl: str) -> str:
    return syl.replace("v", "ü")


def _forms(py: list[str], sizes: list[int]) -> dict[str, str]:
    """Spellings of one reading ``py`` (toneless pinyin syllables, ü as v) in words of
    ``sizes`` syllables."""
    groups, k = [], 0
    for n in sizes:
        groups.append(list(range(k, k + n)))
        k += n
    wg = [convert(syl, Style.WADEGILES, True) for syl in py]
    out: dict[str, str] = {}

    def add(form: list[str], style: str) -> None:
        out.setdefault(" ".join(form), style)

    def py_word(g: list[int], u: str) -> str:
        return _cap("".join(py[i].replace("v", u) for i in g))

    for u, style in (("ü", "pinyin_umlaut"), ("v", "pinyin_v"), ("u", "pinyin_u"),
                     ("yu", "pinyin_yu")):
        add([py_word(g, u) for g in groups], style)
    add([_cap(_umlaut(py[i])) for g in groups for i in g], "pinyin_split")
    add(["-".join(_cap(_umlaut(py[i])) if n == 0 else _umlaut(py[i])
                  for n, i in enumerate(g)) for g in groups], "pinyin_hyphen")

    def wg_word(g: list[int], *, hyphen: bool, apos: bool, umlaut: bool) -> str:
        syls = [wg[i].replace("v", "ü" if umlaut else "u") for i in g]
        if not apos:
            syls = [s.replace("'", "") for s in syls]
        return _cap(("-" if hyphen else "").join(syls))

    for style, hyphen, apos, umlaut in (("wg", True, True, True), ("wg_plain", True, True, False),
                                        ("wg_noapos", True, False, False),
                                        ("wg_joined", False, True, True),
                                        ("wg_joined_plain", False, False, False)):
        add([wg_word(g, hyphen=hyphen, apos=apos, umlaut=umlaut) for g in groups], style)
    return out


def spellings(words: list[str], zh: str) -> dict[str, str]:
    """Derived spelling -> style for a name written ``words`` (pinyin) with characters ``zh``:
    the forms of the reading that spells ``words`` and, when pypinyin's default reading of the
    characters differs (秦檜: Qin Hui / Qin Gui, WG "Ch'in Kuei"), of that reading too."""
    found = reading(words, zh)
    if found is None:
        return {}
    py, sizes = found
    out = _forms(py, sizes)
    default = [s.replace("ü", "v") for s in lazy_pinyin(zh, style=Style.NORMAL)]
    if len(default) == len(py) and default != py:
        for form, style in _forms(default, sizes).items():
            out.setdefault(form, style + "_alt")
    original = " ".join(words)
    return {form: style for form, style in out.items() if form != original}


def build() -> str:
    """The CSV text of ``name_romanizations.csv``."""
    hand: dict[str, set[str]] = {}  # alias -> canonical names (hand-kept)
    rows: list[tuple[str, dict[str, str]]] = []
    for name in ENTITY_FILES:
        for row in _read(name):
            rows.append((name, row))
            for alias in [row["canonical"], *row["aliases"].split("|")]:
                if alias.strip():
                    hand.setdefault(alias.strip(), set()).add(row["canonical"])
    eras: set[str] = set()
    for row in _read("eras.csv"):
        eras.update(r for r in row["romanizations"].split("|") if r)
    derived: dict[str, set[str]] = {}
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for name, row in rows:
        canonical, zh = row["canonical"], row.get("zh", "")
        if not zh or "(" in canonical:
            continue
        names = [canonical] + [a for a in row["aliases"].split("|")
                               if a and a[:1].isupper() and reading(a.split(), zh)]
        forms: dict[str, str] = {}
        for written in names:
            for alias, style in spellings(written.split(), zh).items():
                forms.setdefault(alias, style)
        for alias, style in forms.items():
            if (name, canonical, alias) in seen:
                continue
            seen.add((name, canonical, alias))
            derived.setdefault(alias, set()).add(canonical)
            out.append({"file": name, "canonical": canonical, "zh": zh, "province": "",
                        "alias": alias, "style": style})
    surnames = {r["value"] for r in _read("entity_lexicon.csv") if r["kind"] == "surname"}
    out = [r for r in out if r["alias"] not in hand and r["alias"] not in eras
           and len(derived[r["alias"]]) == 1
           and not (r["file"] not in ("persons.csv", "works.csv") and " " in r["alias"]
                    and r["alias"].split()[0] in surnames)]
    modern_seen: set[tuple[str, str, str]] = set()
    postal = _read("postal_spellings.csv")

    def add_modern(row: dict[str, str], alias: str, style: str) -> None:
        key = (row["name"], row["province"], alias)
        if key not in modern_seen and alias != row["name"]:
            modern_seen.add(key)
            out.append({"file": "modern_places.csv", "canonical": row["name"],
                        "zh": row["name_zh"], "province": row["province"], "alias": alias,
                        "style": style})

    for row in _read("modern_places.csv"):
        zh = row["name_zh"]
        for prow in postal:
            if zh.startswith(prow["zh"]) and prow["province"] == row["province"] \
                    and row["level"] in ("prefecture", "province", "county"):
                add_modern(row, prow["postal"], "postal")
        n = _stem_len(row["name"], zh)
        if row["level"] == "province" or not n:
            continue
        for alias, style in spellings([row["name"]], zh[:n]).items():
            if style.startswith("wg"):
                add_modern(row, alias, style)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(out)
    return buf.getvalue()


def _stem_len(stem: str, zh: str) -> int:
    """How many leading characters of ``zh`` spell ``stem`` ("绍兴市", "Shaoxing" -> 2)."""
    target = letters(stem)
    py = lazy_pinyin(zh, style=Style.NORMAL, errors="ignore")
    got = ""
    for n, syl in enumerate(py, start=1):
        got += syl.replace("ü", "v")
        if got == target:
            return n
    return 0


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
    from _derived import write_or_check

    return write_or_check(__doc__, build, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
