"""Building a :class:`~pipeline.entities.rulers.RulerIndex` for a gazetteer folder: the
keys of :mod:`~pipeline.entities.rulers.keys` with one canonical name per reign."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from pipeline.eras import era_key
from pipeline.gazetteer import Gazetteer
from pipeline.rulers import Ruler

from .index import RulerIndex
from .keys import _ruler_keys, _stamps, surname_key


def build_ruler_index(gazetteer_dir: Path, persons_zh: Mapping[str, str],
                      persons_alias: Mapping[str, str] | None = None) -> RulerIndex | None:
    """The index for the files of ``gazetteer_dir`` (None if ``rulers.csv`` is missing).

    ``persons_zh``: Chinese name -> canonical of the ``persons.csv`` rows; ``persons_alias``:
    alias -> canonical of those rows (a ruler whose personal name is an alias of a row, "Liu
    Che" of "Emperor Wu of Han", takes that row's canonical).

    The part that does not depend on the persons (the name, era and dynasty keys) is built
    once per folder and kept while its files are unchanged (the entity and event stages both
    ask for it at load).
    """
    persons_alias = persons_alias or {}
    if not (gazetteer_dir / "rulers.csv").is_file():
        return None
    shared = _ruler_keys(gazetteer_dir, _stamps(gazetteer_dir))
    rulers, labels = shared.rulers, shared.labels
    canonical: dict[int, str] = {}
    from_persons: set[int] = set()
    by_id = {r.ruler_id: r for r in rulers}
    # a persons.csv alias names a ruler by his personal name only when no other ruler bears
    # it ("Liu Che": Han Wudi; not "Liu He", 劉賀 and 劉和, for the Jin commander Liu E)
    bearers = Counter(era_key(r.personal) for r in rulers if r.personal)
    for r in rulers:
        person = next((c for zh, c in persons_zh.items() if len(zh) >= 2
                       and r.name_zh.endswith(zh)), "") or (
            persons_alias.get(r.personal, "") if bearers[era_key(r.personal)] == 1 else "")
        label = r.temple or r.posthumous
        if person:
            canonical[r.ruler_id] = person
            from_persons.add(r.ruler_id)
        elif r.canonical:  # rulers.csv: "Emperor Taizong of Tang", "Kangxi Emperor"
            canonical[r.ruler_id] = r.canonical
        elif label:
            base = f"{r.dynasty} {label}"
            name = _english_label(r, label)
            canonical[r.ruler_id] = name if len(labels[base]) == 1 else \
                f"{name} ({r.personal or r.reign_start})"
        else:
            canonical[r.ruler_id] = r.personal or r.name_zh
    personal: dict[str, set[int]] = {}
    for r in rulers:
        if r.personal and " " in r.personal:  # surname + given name, not a bare given name
            personal.setdefault(era_key(r.personal), set()).add(r.ruler_id)
    # the ruler's one canonical, whatever name the text uses: the persons.csv canonical where
    # there is one ("Zhu Yuanzhang", "Zhu Wen" for "Chu Wên"), else the dynasty and temple name
    # ("Li Heng" -> "Tang Suzong", as "Emperor Suzong" of 756)
    by_personal = {k: canonical[i] for k, ids in personal.items() if len(ids) == 1 for i in ids}
    homonyms = {k: tuple(by_id[i] for i in sorted(ids)) for k, ids in personal.items()
                if len(ids) > 1}
    families: dict[str, set[str]] = {}
    for r in rulers:
        if r.personal and " " in r.personal:
            families.setdefault(surname_key(r.personal.split()[0]), set()).update(
                shared.dynasty_keys[r.ruler_id])
    return RulerIndex(by_name=shared.by_name, by_era=shared.by_era,
                      dynasty_keys=shared.dynasty_keys,
                      canonical=MappingProxyType(canonical),
                      default_keys=shared.default_keys,
                      temple_names=frozenset(r.temple for r in rulers if " " not in r.temple
                                             and r.temple.endswith(("zong", "zu"))),
                      era_words=shared.era_words,
                      by_personal=MappingProxyType(by_personal),
                      personal_homonyms=MappingProxyType(homonyms),
                      surname_dynasties=MappingProxyType(
                          {k: frozenset(v) for k, v in families.items()}),
                      by_id=MappingProxyType(by_id))


def gazetteer_ruler_index(gaz: Gazetteer) -> RulerIndex | None:
    """:func:`build_ruler_index` of the folder ``gaz`` was read from, with the Chinese names
    and aliases of its ``persons.csv`` rows (None: no folder, or no ``rulers.csv``): the index
    the entity stage and the implied agents (:mod:`pipeline.events.implied`) share."""
    if gaz.source_dir is None:
        return None
    persons = [e for e in gaz.entries
               if e.label == "PERSON" and e.source.startswith("persons.csv")]
    return build_ruler_index(gaz.source_dir, {e.zh: e.canonical for e in persons if e.zh},
                             {e.alias: e.canonical for e in persons})


def _english_label(r: Ruler, label: str) -> str:
    """The English name of a reign of a table without a ``canonical`` column, in the style of
    rulers.csv: a Japanese emperor (calendar stream 4) "Emperor Kanmu", a Korean king (streams
    5-8) "King Sejong of Joseon", else "<dynasty> <label>"."""
    if r.cal_stream == 4:
        return f"Emperor {label}"
    if r.counts_reign_years:
        return f"King {label} of {r.dynasty}"
    return f"{r.dynasty} {label}"
