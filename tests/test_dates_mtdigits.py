"""Digits garbled by machine translation (pipeline.dates.mtdigits): which tokens are garbled,
and the one repair with a known reading."""

from __future__ import annotations

from pipeline.dates.mtdigits import garbled_spans, repaired_year


def _tokens(text: str) -> list[str]:
    return [text[a:b] for a, b in garbled_spans(text)]


def test_no_code_no_garble() -> None:
    assert _tokens("In 1850, 1in the list, 0/848 and June12October.") == []


def test_garbled_tokens_in_a_garbled_text() -> None:
    text = ("From 65438 to 0844, they preached. /kloc-in the spring of 0/848, he fled. "
            "1in July, 850 (1850), 20,000 men, the 1850s, the 3rd army, (1101/02), 1.2 Tianjing.")
    assert _tokens(text) == ["65438", "/kloc-in", "0/848", "1in"]


def test_repair_only_known_codes_to_a_year() -> None:
    assert repaired_year("/kloc-0/848") == 1848
    assert repaired_year("165438+0") is None  # 11: no year
    assert repaired_year("165438+1October") is None  # an unknown code is not guessed
    assert repaired_year("/kloc-in") is None


def test_a_code_split_around_a_date_phrase(eras) -> None:
    from pipeline.dates.mentions import find_date_mentions

    text = ("In the 27th year of Daoguang (1847), he went to Guangzhou. /kloc-in the spring "
            "of 0/848, he was imprisoned. 1in July, 850, he issued an order. /kloc-in the "
            "camp of 0/848 men stayed. 1in the army, 50 men.")
    got = {m.text: (m.kind, m.western_year, m.month)
           for m in find_date_mentions(text, eras) if m.kind in ("gregorian", "unread")}
    assert got["/kloc-in the spring of 0/848"] == ("gregorian", 1848, None)
    assert got["1in July, 850"] == ("gregorian", 1850, 7)
    assert all(y is None for t, (_, y, _) in got.items() if "camp" in t or "army" in t)


def test_a_split_year_far_from_the_texts_years_is_not_read(eras) -> None:
    from pipeline.dates.mentions import find_date_mentions

    text = "In 1203 he went to Kaifeng (/kloc-0/203). 1in July, 850, he issued an order."
    assert all(m.western_year != 1850 for m in find_date_mentions(text, eras))
