"""Benchmark: hostile inputs against plain prose of the same size, through the whole pipeline.

Usage: python bench/bench_hostile.py [--size 40000] [--rounds 2] [--model NAME] [--corpus FILE]
                                     [--only NAME ...]

Each input is ``--size`` characters; ``plain`` is the corpus text repeated. The hostile inputs are
the ones a fuzzer found to take quadratic time (a run of one punctuation character after a word,
a run of capitals, a word broken by colons, ...), plus a few that are merely token-dense. Prints
each input's best time over ``--rounds`` (spaCy's tokenizer cache is emptied before every run)
and its ratio to ``plain``; the issue asks for <= 3 on every input marked ``*``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from pipeline import api


def _after_word(unit: str) -> Callable[[int], str]:
    return lambda n: ("word " + unit * n)[:n]


#: name -> (builder of an n-character text, in the issue's ratio target?)
HOSTILE: dict[str, tuple[Callable[[int], str], bool]] = {
    "question marks after a word": (lambda n: ("word" + "?" * n)[:n], True),
    "open brackets": (_after_word("("), True),
    "capitals": (_after_word("A"), True),
    "close brackets": (_after_word(")"), True),
    "double quotes": (_after_word('"'), True),
    "underscores": (_after_word("_"), True),
    "?! alternating": (_after_word("?!"), True),
    "em dashes": (_after_word("\u2014"), True),
    "capitals and hyphens": (_after_word("Abc-"), True),
    "lower-case letters": (_after_word("a"), True),
    "'Abc, now ' repeated": (_after_word("Abc, now "), True),
    "'?? ' repeated": (_after_word("?? "), True),
    "CR line ends": (_after_word("A line of text.\r"), True),
    "'a:' repeated (one token a character)": (_after_word("a:"), False),
    "'? ' repeated (cleaning joins the ?s)": (_after_word("? "), True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=40_000, help="characters per input")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", default=api.DEFAULT_MODEL)
    parser.add_argument("--corpus", type=Path, default=Path("corpus/song_jin_wars.txt"))
    parser.add_argument("--only", nargs="*", default=None, help="names of inputs to run")
    args = parser.parse_args()

    prose = args.corpus.read_text(encoding="utf-8")
    inputs: dict[str, tuple[Callable[[int], str], bool]] = {
        "plain": (lambda n: (prose * (n // len(prose) + 1))[:n], True), **HOSTILE}
    if args.only:
        inputs = {k: v for k, v in inputs.items() if k == "plain" or k in args.only}
    resources = api.load_resources(args.model)
    api.process_text(prose[:2000], "warmup", resources)

    def best_time(text: str) -> float:
        best = float("inf")
        for _ in range(args.rounds):
            resources.nlp.tokenizer._flush_cache()  # a fair start: no cached tokenisations
            start = time.perf_counter()
            api.process_text(text, "bench", resources)
            best = min(best, time.perf_counter() - start)
        return best

    plain = best_time(inputs["plain"][0](args.size))
    print(f"{'input':42s} {'seconds':>8s} {'x plain':>8s}")
    print(f"{'plain':42s} {plain:8.2f} {1.0:8.2f}")
    worst = 0.0
    for name, (build, target) in inputs.items():
        if name == "plain":
            continue
        text = build(args.size)
        assert len(text) == args.size
        seconds = best_time(text)
        if target:
            worst = max(worst, seconds / plain)
        print(f"{name + (' *' if target else ''):42s} {seconds:8.2f} {seconds / plain:8.2f}",
              flush=True)
    print(f"worst ratio of the * inputs: {worst:.2f} (target <= 3)")


if __name__ == "__main__":
    main()
