"""Syllable readings of names in Wade–Giles and in the older English spellings of the 18th and
19th centuries (Morrison, Williams, postal; Amiot's French "-ong"), shared by the two readers
of an era name written as its emperor's name: :mod:`pipeline.entities.era_emperors` ("Emperor
Tao Kwang" as a PERSON) and :mod:`pipeline.dates.era_rulers` ("Kia Tsing, in the tenth year of
his reign" as a date).

One data file: the ``old_syllable`` rows of ``entity_lexicon.csv`` (``old=wade-giles``:
"kwang=kuang", "kia=chia", "hien=hsien", "fung=feng", "su=hsü"; schema in
``gazetteer/README.md``). One reading: a syllable is read

* strictly as Wade–Giles (:func:`~pipeline.entities.wadegiles.wg_syllable_to_pinyin`: "hsi" ->
  xi);
* the same with the aspiration apostrophe the text left out ("kang" -> "k'ang" -> kang,
  "tung" -> "t'ung" -> tong);
* through the ``old_syllable`` rows and then as above;

and a name of two or three syllables (hyphenated, in words, or one word cut in two or three:
"Taokwang") is read as every concatenation of its syllables' toneless pinyin readings
(:func:`name_readings`), to be looked up among era keys (:func:`pipeline.eras.era_key`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from pipeline.resources import active_gazetteer_dir, lexicon_values

#: the lexicon kind of the rows read, in ``entity_lexicon.csv``
KIND = "old_syllable"
#: Wade–Giles initials that have an aspirated twin written with an apostrophe
_ASPIRABLE = re.compile(r"^(ch|ts|tz|k|p|t)(?!')")
#: at most this many syllables in a name read so (Ming/Qing eras have two)
MAX_SYLLABLES = 3


def old_syllables(rows: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The lexicon's ``old_syllable`` values ("kwang=kuang", "ching=cheng") as old spelling
    (lower case) -> its Wade–Giles syllables; a value without "=" is skipped."""
    out: dict[str, list[str]] = {}
    for row in rows:
        old, sep, wg = row.partition("=")
        if sep and old.strip() and wg.strip():
            out.setdefault(old.strip().lower(), []).append(wg.strip().lower())
    return {k: tuple(v) for k, v in out.items()}


def load_old_syllables(gazetteer_dir: Path | None = None) -> dict[str, tuple[str, ...]]:
    """:func:`old_syllables` of the ``old_syllable`` rows of ``entity_lexicon.csv`` in
    ``gazetteer_dir`` (None: the active gazetteer,
    :func:`pipeline.resources.active_gazetteer_dir`); empty without the file; cached per
    folder. The entity stage reads the same rows through its :class:`Gazetteer`."""
    return _load(gazetteer_dir or active_gazetteer_dir())


@lru_cache(maxsize=8)
def _load(folder: Path) -> dict[str, tuple[str, ...]]:
    return old_syllables(lexicon_values(folder, KIND))


def syllable_readings(syllable: str, old: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """Toneless pinyin readings (lower case, ü as u) of one syllable written in Wade–Giles,
    with or without its aspiration apostrophe, or in an older spelling of ``old``
    ("kwang" -> {guang, kuang}; "hsi" -> {xi}; "su" -> {su, xu}); empty if none."""
    # here: pipeline.entities (its package) imports the entity stage, which imports this module
    from pipeline.entities.wadegiles import wg_syllable_to_pinyin  # noqa: PLC0415

    syl = syllable.lower().replace("’", "'")
    out: set[str] = set()
    for form in (syl, *old.get(syl, ())):
        for variant in (form, _ASPIRABLE.sub(r"\1'", form)):
            reading = wg_syllable_to_pinyin(variant)
            if reading:
                out.add(reading.replace("ü", "u"))
    return frozenset(out)


def _splits(word: str, old: Mapping[str, tuple[str, ...]], parts: int) -> list[list[str]]:
    """Ways to cut one unhyphenated word into ``parts`` pieces that each have a reading
    ("Taokwang" -> [["tao", "kwang"]])."""
    if parts == 1:
        return [[word]] if syllable_readings(word, old) else []
    out = []
    for cut in range(1, len(word)):
        head = word[:cut]
        if syllable_readings(head, old):
            out.extend([head] + rest for rest in _splits(word[cut:], old, parts - 1))
    return out


def name_syllables(words: Iterable[str],
                   old: Mapping[str, tuple[str, ...]]) -> list[list[str]]:
    """The syllable sequences (2 to :data:`MAX_SYLLABLES`) a name of one or more words may be
    read as: the words' own hyphen-separated syllables, and each one-word name cut into two or
    three syllables."""
    syls = [s for w in words for s in re.split(r"[-‐]", w) if s]
    options = [syls] if all(syllable_readings(s, old) for s in syls) else []
    if len(syls) == 1:
        for n in range(2, MAX_SYLLABLES + 1):
            options.extend(_splits(syls[0], old, n))
    return [o for o in options if 1 < len(o) <= MAX_SYLLABLES]


def name_readings(words: Iterable[str], old: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """Every toneless pinyin spelling, syllables joined (an era key: "daoguang"), that a name
    of two or three syllables ("Tao", "Kwang"; "Kia-tsing"; "Taokwang") may be read as: each
    of :func:`name_syllables`' sequences, each syllable by :func:`syllable_readings`. Empty
    when no syllable sequence of the name has a reading for each syllable."""
    out: set[str] = set()
    for syls in name_syllables(words, old):
        readings = [sorted(syllable_readings(s, old)) for s in syls]
        out.update("".join(combo) for combo in itertools.product(*readings))
    return frozenset(out)
