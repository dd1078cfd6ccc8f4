"""Steps that must stay linear in the length of a text, guarded by counting operations (not by
timing): a text with many date phrases in one line must not make any step read every earlier
date once per later phrase."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pipeline.dates.mentions as mentions_module
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable


class _Counted(Sequence):
    """A read-only list that counts the items handed out by iteration and indexing."""

    def __init__(self, items: list) -> None:
        self.items, self.reads = items, 0

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, k):  # noqa: ANN001, ANN204 (int or slice, as a list)
        got = self.items[k]
        self.reads += len(got) if isinstance(k, slice) else 1
        return got

    def __iter__(self) -> Iterator:
        for item in self.items:
            self.reads += 1
            yield item


def test_reign_phrases_read_the_dates_found_a_bounded_number_of_times(
        eras: EraTable, monkeypatch) -> None:
    # "the Nth year of his reign" needs an antecedent, and a new mention must not overlap
    # one found before: both are looked up, never by reading every earlier date per phrase
    counts: list[tuple[int, int]] = []
    real = mentions_module.extra_mentions

    def counting(text: str, taken: list, *args):  # noqa: ANN002, ANN202
        counted = _Counted(list(taken))
        out = real(text, counted, *args)
        counts.append((counted.reads, len(taken)))
        return out

    monkeypatch.setattr(mentions_module, "extra_mentions", counting)
    sentence = ("In the first year of Shaoxing, the army of King Gojong marched north. In the "
                "second year of his reign, the walls were rebuilt. ")
    found = find_date_mentions(sentence * 400, eras)
    assert sum(m.running_ruler for m in found) >= 400  # every "his reign" was read
    reads, taken = counts[-1]
    assert taken >= 400
    assert reads <= 4 * taken  # a few passes over the dates, whatever the number of phrases
