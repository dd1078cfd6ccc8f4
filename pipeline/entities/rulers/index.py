"""The index of rulers by name (:class:`RulerIndex`): which reign a PERSON mention names
("Emperor Taizong of Tang", "Tang Taizong", "the Hongwu Emperor"), and the reigns a mention
without dynasty may name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.eras import era_key
from pipeline.rulers import Ruler

_SKIP = frozenset({"the", "of", "dynasty", "dynasties", "state", "kingdom", "empire"})
#: titles (of ``person_title``) of persons who never reigned: "Lady Yang" is a consort, not
#: Emperor Yang of Sui; "Empress" stays (Empress Wu reigned)
NOT_RULER_TITLES = frozenset({"lady", "consort", "concubine", "princess"})


@dataclass(frozen=True)
class RulerIndex:
    """Rulers by name key (:func:`pipeline.eras.era_key`), by era key, and their dynasty keys.

    ``dynasty_keys[ruler_id]``: era_key of every alias of the ruler's dynasty and of its
    parents in ``dynasties.csv`` ("tang", "song", "northernsong" ...).
    """

    by_name: Mapping[str, tuple[Ruler, ...]]
    by_era: Mapping[str, tuple[Ruler, ...]]
    dynasty_keys: Mapping[int, frozenset[str]]
    canonical: Mapping[int, str]  # ruler_id -> canonical name
    default_keys: Mapping[int, frozenset[str]] = field(default_factory=dict)  # see _pick
    temple_names: frozenset[str] = frozenset()  # one-word temple names ("Shenzong")
    era_words: frozenset[str] = frozenset()  # one-word era spellings of rulers ("Hongwu")
    # era_key of a personal name borne by one ruler only ("zhuwen") -> the persons.csv
    # canonical of that ruler, else the personal name ("Zhu Wen")
    by_personal: Mapping[str, str] = field(default_factory=dict)
    # era_key of a personal name borne by several rulers ("liheng": 李亨 Suzong, 李恆 Muzong)
    personal_homonyms: Mapping[str, tuple[Ruler, ...]] = field(default_factory=dict)
    # a ruling family's surname (first word of a ruler's personal name, as lower-case letters,
    # ü as u: "sima", "tuoba", "liu") -> era_keys of the dynasties its rulers ruled (and their
    # parents): the "Sima Jin", the "Tuoba Wei" are states, "Sima Yan" a person
    surname_dynasties: Mapping[str, frozenset[str]] = field(default_factory=dict)
    by_id: Mapping[int, Ruler] = field(default_factory=dict)  # ruler_id -> its reign

    def resolve(self, words: Iterable[str], titles: frozenset[str],
                doc_dynasties: Sequence[str] = ()) -> str:
        """Canonical name of the ruler a PERSON mention names, or "" if not exactly one.

        ``words``: the mention's tokens ("Emperor", "Taizong", "of", "the", "Tang",
        "Dynasty"); ``titles``: title words to skip; ``doc_dynasties``: era_keys of the
        dynasties named in the document, nearest to the mention first, used when the mention
        names none: the first of them that leaves exactly one ruler decides.
        """
        toks = [w for w in words if w.strip() and w not in ("'s", "’s")]
        if any(t.lower() in NOT_RULER_TITLES for t in toks):
            return ""
        rank = _rank_title(toks)
        titled = any(t in titles or t.capitalize() in titles for t in toks)  # also "emperor"
        dynasty = ""
        if "of" in toks:
            k = toks.index("of")
            dynasty = era_key(" ".join(t for t in toks[k + 1:] if t.lower() not in _SKIP))
            toks = toks[:k]
        if titled:  # "Empress Gao": a title the ruler tables hold whole (ruler_names.csv: 呂后,
            whole = self.by_name.get(era_key(" ".join(toks)), ())  # not Gaozu's "Gao")
            found = self._pick(whole, dynasty, doc_dynasties) if whole else ""
            if found:
                return found
        toks = [t for t in toks if t not in titles and t.capitalize() not in titles
                and t.lower() not in _SKIP]
        if not toks:
            return ""
        if not dynasty and not titled and len(toks) == 2:  # "Liu Bang", "Chu Wên"
            name = " ".join(toks)
            found = self.by_personal.get(era_key(name)) or \
                self.by_personal.get(era_key(wg_name_to_pinyin(name)))
            if found:
                return found
        options: list[tuple[str, str]] = [("", " ".join(toks))] if dynasty else []
        if not dynasty:  # "Tang Taizong", "Northern Song Shenzong", "Taizong"
            options += [(era_key(" ".join(toks[:n])), " ".join(toks[n:]))
                        for n in range(min(2, len(toks) - 1), -1, -1)]
        for dyn, name in options:
            dyn = dyn or dynasty
            key = era_key(name)
            if not (dyn or titled or key.endswith(("zong", "zu", "di", "tsung", "tsu", "ti"))):
                continue  # a bare posthumous name ("Mingyuan") is too often something else
            found = self._pick(_fit_title(self.by_name.get(key, ()), rank), dyn,
                               doc_dynasties)
            if not found and titled and key in self.by_era:  # "Hongwu Emperor"
                found = self._pick(self.by_era[key], dyn, doc_dynasties)
            if found:
                return found
        if not dynasty and len(toks) >= 4:  # "Ming Chengzu Zhu Di", "Tang Taizong Li Shimin"
            return self._with_personal(toks, titles, doc_dynasties)
        return ""

    def _with_personal(self, toks: list[str], titles: frozenset[str],
                       doc_dynasties: Sequence[str]) -> str:
        """A dynasty + temple name followed by a personal name (two words or more): the
        ruler the first two words name, unless the rest is the personal name of another
        ruler."""
        found = self.resolve(toks[:2], titles, doc_dynasties)
        if not found:
            return ""
        rest = " ".join(toks[2:])
        other = self.by_personal.get(era_key(rest)) or \
            self.by_personal.get(era_key(wg_name_to_pinyin(rest)))
        return found if not other or other == found else ""

    def options(self, words: Iterable[str], titles: frozenset[str]) -> tuple[Ruler, ...]:
        """The reigns a PERSON mention may name when it names no dynasty itself, if more than
        one ("Emperor Wu": Han Wudi, Western Jin Wudi, Liu Song Wudi ...; "Li Heng": Tang
        Suzong 李亨 and Muzong 李恆); () when the mention names a dynasty ("Emperor Wu of Han",
        "Tang Xuanzong"), the personal name of one ruler ("Zhu Wen") or one reign only.
        Arguments as in :meth:`resolve`."""
        toks = [w for w in words if w.strip() and w not in ("'s", "’s")]
        if "of" in toks or any(t.lower() in NOT_RULER_TITLES for t in toks):
            return ()
        rank = _rank_title(toks)
        titled = any(t in titles or t.capitalize() in titles for t in toks)
        toks = [t for t in toks if t not in titles and t.capitalize() not in titles
                and t.lower() not in _SKIP]
        if not titled and len(toks) == 2:  # "Li Heng": a personal name of several rulers
            name = " ".join(toks)
            found = self.personal_homonyms.get(era_key(name)) or \
                self.personal_homonyms.get(era_key(wg_name_to_pinyin(name)), ())
            if found:
                return found
        if not toks or (len(toks) > 1 and self.resolve(toks, titles, ())):
            return ()  # "Tang Xuanzong": the mention names its dynasty
        key = era_key(" ".join(toks))
        if not (titled or key.endswith(("zong", "zu", "di", "tsung", "tsu", "ti"))):
            return ()
        found = _fit_title(self.by_name.get(key, ()), rank)
        if not found and titled:
            found = self.by_era.get(key, ())
        ids = {r.ruler_id for r in found}
        return tuple({r.ruler_id: r for r in found}.values()) if len(ids) > 1 else ()

    def _pick(self, rulers: tuple[Ruler, ...], dynasty: str,
              doc_dynasties: Sequence[str]) -> str:
        if dynasty:
            rulers = tuple(r for r in rulers if dynasty in self.dynasty_keys[r.ruler_id])
            if len({r.ruler_id for r in rulers}) > 1:  # "of Han": the dynasty "Han" means
                rulers = tuple(r for r in rulers  # by default (dynasties.csv default_for)
                               if dynasty in self.default_keys.get(r.ruler_id, ())) or rulers
        elif len({r.ruler_id for r in rulers}) > 1:
            for key in doc_dynasties:
                ids = {r.ruler_id for r in rulers if key in self.dynasty_keys[r.ruler_id]}
                if len(ids) > 1:  # "Song" names the Zhao Song by default, not the Liu Song
                    ids = {i for i in ids if key in self.default_keys.get(i, ())} or ids
                if len(ids) == 1:
                    return self.canonical[ids.pop()]
                if ids:
                    return ""  # the nearest dynasty leaves several: no guess
            return ""
        ids = {r.ruler_id for r in rulers}
        return self.canonical[ids.pop()] if len(ids) == 1 else ""


#: the rank a title word gives, and the ending of the pinyin posthumous name of a ruler of that
#: rank (``preqin_rulers.csv``: 公 "-gong" a duke, 侯 "-hou" a marquis); kings and emperors
#: are every other ruler
_RANKS = {"duke": "gong", "marquis": "hou"}


def _rank_title(toks: Sequence[str]) -> str:
    """"duke", "marquis" or "king" (also for "Emperor" and any other title) by the first
    rank word among ``toks``; "" if there is none."""
    for t in toks:
        low = t.lower()
        if low in _RANKS:
            return low
        if low in ("king", "emperor"):
            return "king"
    return ""


def _fit_title(rulers: Sequence[Ruler], rank: str) -> tuple[Ruler, ...]:
    """``rulers`` of the rank a title names ("Duke Xiao" is no king: not King Xiao of Yan),
    all of them if none fits or no rank is named."""
    if not rank:
        return tuple(rulers)
    ending = _RANKS.get(rank)
    fit = tuple(r for r in rulers if (r.posthumous.endswith(ending) if ending else
                                      not r.posthumous.endswith(tuple(_RANKS.values()))))
    return fit or tuple(rulers)
