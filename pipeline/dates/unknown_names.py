"""Era years followed by "of <Name>" where the name is no known era: a ruler's reign
("the fifth year of Sejong"), a garbled era one letter off ("Xiangping"), or an unknown name
the resolver warns about (UNKNOWN_ERA). Used by :func:`.mentions.find_date_mentions`."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from pipeline.eras import EraTable

from .lexicon import Lexicon
from .reigns import bare_ruler

if TYPE_CHECKING:
    from .mentions import DateMention


# a capitalised name of one or two words, any script's capitals ("Hồng Đức", "Đại Định")
_OF_NAME = regex.compile(r"\s+of\s+(?:the\s+)?(\p{Lu}[\w'’-]*(?:[ -]\p{Lu}[\w'’-]*)?)")
_AFTER_FUZZY = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+[Dd]ynasty)?)?"
    r"(?:\s*\(\s*(?P<ce>\d{3,4})\s*\))?")


def flag_unknown_name(m: DateMention, text: str, eras: EraTable, lex: Lexicon) -> DateMention:
    """An era year without era followed by "of <Name>" where Name is no era, dynasty or word
    of ``not_era_name`` (titles): the text names an era we do not know. The mention keeps its
    inherited reading, and the resolver warns (UNKNOWN_ERA)."""
    if m.kind != "inherited" or m.dynasty or m.era_fragment:
        return m
    after = _OF_NAME.match(text, m.end)
    if after is None:
        return m
    name = after.group(1)
    if eras.candidates(name):
        return m
    reign = bare_ruler(m, text, eras)  # "the fifth year of Sejong", "... of Han Wudi"
    if reign is not None:
        return reign
    if (eras.dynasty(name) or eras.dynasty(name.split()[0])
            or name.split()[0].lower() in lex.cat("not_era_name")):
        return m
    if eras.fuzzy_candidates(name):  # "the fifth year of Xiangping": a garble of Xianping?
        s0, e0 = after.span(1)
        tail = _AFTER_FUZZY.match(text, e0)
        fields: dict = {}
        end = e0
        if tail is not None and tail.group("dyn") and eras.dynasty(tail.group("dyn")):
            fields["dynasty"] = tail.group("dyn")
            end = tail.end("dyn") if tail.group("ce") is None else tail.end()
        if tail is not None and tail.group("ce"):
            fields["stated_year"] = int(tail.group("ce"))
            end = tail.end()
        return replace(m, kind="explicit", era=name, era_start=s0, era_end=e0, fuzzy_era=True,
                       end=end, text=text[m.start:end], **fields)
    return replace(m, unknown_name=name)
