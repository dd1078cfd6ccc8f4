"""Compound (two- to four-character) surnames: ``gazetteer/compound_surnames.csv``.

A Chinese name in characters is read surname + given name. Most surnames are one character
(趙佶 -> 趙 + 佶), but the Hundred Family Surnames (百家姓) list some sixty of two characters
(司馬, 諸葛, 歐陽 ...), and the non-Han ruling clans of the dynastic histories are two to four
(拓跋, 耶律, 完顏, 阿史那, 愛新覺羅): 司馬炎 is "Sima Yan", not "Si Mayan".
:func:`split_name_zh` splits a name by the longest listed surname it starts with.

Data: ``compound_surnames.csv`` (``surname_zh,romanized,origin,source``): the characters, the
usual romanization (pinyin with the surname reading where the dictionary reading differs from
the common one: 尉遲 Yuchi, 單于 Chanyu, 萬俟 Moqi; the established form for Mongol clans:
Borjigin), the people it belongs to and the source (Baijiaxing, a standard history).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

FILE = "compound_surnames.csv"


def load_compound_surnames(gazetteer_dir: Path) -> Mapping[str, str]:
    """Characters -> romanization of the compound surnames of ``gazetteer_dir`` ({} if the
    file is missing). Cached per folder."""
    return _load(gazetteer_dir / FILE)


@lru_cache(maxsize=4)
def _load(path: Path) -> Mapping[str, str]:
    if not path.is_file():
        return MappingProxyType({})
    with path.open(encoding="utf-8", newline="") as fh:
        return MappingProxyType({r["surname_zh"]: r["romanized"] for r in csv.DictReader(fh)
                                 if r.get("surname_zh")})


def split_name_zh(name_zh: str, compound: Mapping[str, str]) -> tuple[str, str]:
    """(surname, given name) of a name in characters.

    The longest surname of ``compound`` (characters -> romanization) that starts the name and
    leaves at least one character: 司馬炎 -> ("司馬", "炎"), 耶律阿保機 -> ("耶律", "阿保機"),
    愛新覺羅弘曆 -> ("愛新覺羅", "弘曆"). Else one character, except that an unlisted name of
    four characters is read two + two (a non-Han name: 完顏承麟 style) and a name of one
    character is all surname. "" -> ("", "").
    """
    for size in (4, 3, 2):
        if len(name_zh) > size and name_zh[:size] in compound:
            return name_zh[:size], name_zh[size:]
    cut = 2 if len(name_zh) == 4 else 1
    return name_zh[:cut], name_zh[cut:]
