"""CPU shares of the pipeline's stages on the corpus repeated (issue 8's profile).

Usage: python bench/profile_stages.py [--repeat 5] [--rounds 3] [--corpus FILE] [--by-file N]
[--by-function N] [--files DIR]

Each stage function below is wrapped with a process-CPU-time accumulator (its outermost call
only: a recursive or nested call is not counted twice) and :func:`pipeline.document.process_text`
runs on the corpus text repeated ``--repeat`` times, ``--rounds`` times after one untimed
warm-up; the round with the least total CPU is printed, each stage as seconds and share of the
run. Unlike a tracing profiler (cProfile) this adds no cost per Python call, so the shares of
Python stages are not inflated against the model's compiled code. ``--by-file N`` also runs
cProfile once and prints the N files with the most self time (inflated, but it shows where
inside a stage the time goes); ``--by-function N`` the N functions of ``pipeline/`` with the
most self and cumulative time in that run. A generator stage (``pipe_blocks``) is timed in the
stages that consume it, so it is not listed; the spaCy spine is the run minus the stages listed.

``--files DIR``: instead, a whole run (``api.run``, exports included) over the ``*.txt`` files
of DIR, each its own document, as a user runs a folder of pages (varied pages weigh the stages
differently from one page repeated; the spine's spaCy batches reach across files,
:mod:`pipeline.spine`).

The spaCy side is also split by component (:class:`_TimedPipe`): every component of the run's
pipeline (enabled or not: the event stage runs the disabled ``tok2vec``, ``tagger`` and
``parser`` on the trigger sentences) is wrapped, and the CPU time goes to whichever component
is producing a Doc at the moment (exclusive time: a component waiting for the one before it in
``nlp.pipe`` is not charged for it; the tokenizer's share is ``make_doc``).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: (module the stage is looked up in at call time, function name, label)
STAGES = (
    ("pipeline.document.stream", "whole_text", "whole-text stages (dates, glosses)"),
    ("pipeline.ranges", "find_date_mentions", "  date mentions"),
    ("pipeline.ranges", "resolve_dates", "  date resolution"),
    ("pipeline.entities.component", "find_spans", "gazetteer span finder"),
    ("pipeline.ranges", "extract_entities", "entity post-processing"),
    ("pipeline.entities.extract", "resolve_collisions", "  collisions"),
    ("pipeline.ranges", "pending_block_events", "event stage (all)"),
    ("pipeline.events.extract", "parse_sentences", "  parse of trigger sentences (model)"),
    ("pipeline.events.extract", "prepare_block", "  triggers (prepare_block)"),
    ("pipeline.events.extract", "Salience", "  salience"),
    ("pipeline.events.extract", "build_event", "  event rows (build_event)"),
    ("pipeline.events.rows.reading", "read_frame", "    frame (read_frame)"),
    ("pipeline.events.roles", "mend_asides", "      mend_asides"),
    ("pipeline.events.roles", "modality", "      modality"),
    ("pipeline.events.rows.frame_sides", "resolve_actor", "    actors (resolve_actor)"),
    ("pipeline.events.rows.dating", "dated_event", "    event date (dated_event)"),
    ("pipeline.document.stream", "place_rows_and_warnings", "place rows"),
)


def _wrap(acc: Counter[str], depth: Counter[str], label: str,
          fn: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        depth[label] += 1
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            depth[label] -= 1
            if depth[label] == 0:
                acc[label] += time.process_time() - t0
    return timed


class _ComponentClock:
    """Exclusive CPU time per label: :meth:`switch` charges the time since the last switch to
    the label running until then and makes ``label`` the running one."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.running = "other"
        self.since = time.process_time()

    def switch(self, label: str) -> str:
        """Make ``label`` the running label; return the one that ran until now."""
        now = time.process_time()
        self.seconds[self.running] += now - self.since
        previous, self.running, self.since = self.running, label, now
        return previous

    def reset(self) -> None:
        """Forget the times so far (the running label stays)."""
        self.seconds.clear()
        self.since = time.process_time()


class _TimedPipe:
    """A pipeline component whose ``__call__`` and ``pipe`` charge ``clock`` under ``label``
    (the Docs it is fed: ``make_doc``, or the component before it, which charges itself);
    anything else is the wrapped component's."""

    def __init__(self, proc: Any, label: str, clock: _ComponentClock) -> None:
        self._proc, self._label, self._clock = proc, label, clock

    def __getattr__(self, name: str) -> Any:
        return getattr(self._proc, name)

    def __call__(self, doc: Any) -> Any:
        previous = self._clock.switch(self._label)
        try:
            return self._proc(doc)
        finally:
            self._clock.switch(previous)

    def pipe(self, stream: Any, **kwargs: Any) -> Any:
        clock = self._clock

        def fed() -> Any:  # the Docs coming in: not this component's time
            source = iter(stream)
            while True:
                previous = clock.switch("make_doc")
                try:
                    doc = next(source)
                except StopIteration:
                    return
                finally:
                    clock.switch(previous)
                yield doc

        inner = iter(self._proc.pipe(fed(), **kwargs) if hasattr(self._proc, "pipe")
                     else map(self._proc, fed()))  # (as spaCy's own nlp.pipe does)
        while True:
            previous = clock.switch(self._label)
            try:
                doc = next(inner)
            except StopIteration:
                return
            finally:
                clock.switch(previous)
            yield doc


def _time_components(nlp: Any, clock: _ComponentClock) -> None:
    """Wrap every component of ``nlp`` (enabled or not) in a :class:`_TimedPipe`."""
    nlp._components = [(name, _TimedPipe(proc, f"spaCy {name}", clock))  # noqa: SLF001
                       for name, proc in nlp._components]  # noqa: SLF001


def _by_function(stats: pstats.Stats, n: int) -> None:
    """The ``n`` functions of ``pipeline/`` with the most self time, then with the most
    cumulative time, each as seconds and share of the traced run (cProfile inflates Python
    calls against compiled code: compare runs, not with the CPU shares above)."""
    rows = [(tt, ct, calls, path[path.find("pipeline/"):], line, name)
            for (path, line, name), (_, calls, tt, ct, _) in stats.stats.items()  # type: ignore[attr-defined]
            if "pipeline/" in path and "site-packages" not in path]
    whole = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
    for title, key in (("self", 0), ("cumulative", 1)):
        print(f"cProfile: the {n} functions of pipeline/ with most {title} time "
              f"(of {whole:.1f} s traced):")
        for tt, ct, calls, path, line, name in sorted(rows, key=lambda r: -r[key])[:n]:
            print(f"  self {tt:6.2f} s {100 * tt / whole:5.1f}%  cum {ct:6.2f} s "
                  f"{100 * ct / whole:5.1f}%  {calls:8d} calls  {path}:{line} {name}")


def _full_pass(model: str, texts: list[str], rounds: int, model_s: float, total: float) -> None:
    """Print the plain full spaCy pass (every shipped component, thinc's default ops, as
    ``bench/bench_run.py``'s full arm) split by component: the blocks of ``texts`` (cleaned)
    made Docs, then each component's ``pipe`` over all of them in turn (``nlp.pipe``'s batch
    of 1,000), best of ``rounds`` per component; and the CPU that leaves chronicle's own
    Python (``total`` minus ``model_s``, the run's model time) for issue 8's ratio <= 1.0."""
    import spacy

    from pipeline.clean import clean
    from pipeline.segment import split_blocks

    nlp = spacy.load(model)
    blocks = [b.text for t in texts for b in split_blocks(clean(t).text)]
    best: Counter[str] = Counter()
    for _ in range(rounds):
        t0 = time.process_time()
        docs = [nlp.make_doc(b) for b in blocks]
        seconds = {"make_doc": time.process_time() - t0}
        for name, proc in nlp.pipeline:
            t0 = time.process_time()
            docs = list(proc.pipe(docs, batch_size=1000))
            seconds[name] = time.process_time() - t0
        for name, s in seconds.items():
            best[name] = min(best.get(name, s), s)
    full = sum(best.values())
    print(f"plain full spaCy pass by component (best of {rounds} each): {full:.2f} s")
    for name, s in best.items():
        print(f"  {name:38s} {s:6.2f} s {100 * s / full:5.1f}%")
    print(f"the run's model time is {100 * model_s / full:.0f}% of the full pass; ratio 1.0 "
          f"leaves chronicle's Python {full - model_s:.2f} s (it takes {total - model_s:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=Path("corpus/song_jin_wars.txt"))
    parser.add_argument("--by-file", type=int, default=0, metavar="N")
    parser.add_argument("--by-function", type=int, default=0, metavar="N",
                        help="also the N functions of pipeline/ with most self / cumulative "
                             "time (cProfile, one more run)")
    parser.add_argument("--files", type=Path, default=None, metavar="DIR",
                        help="time a whole run over DIR/*.txt (one document each) instead")
    parser.add_argument("--full-pass", action="store_true",
                        help="also the plain full spaCy pass split by component, and what "
                             "that leaves chronicle's Python for issue 8's ratio of 1.0")
    args = parser.parse_args()

    from pipeline import api
    from pipeline.document import process_text

    acc: Counter[str] = Counter()
    depth: Counter[str] = Counter()
    for module, name, label in STAGES:
        mod = importlib.import_module(module)
        setattr(mod, name, _wrap(acc, depth, label, getattr(mod, name)))
    one = args.corpus.read_text(encoding="utf-8")
    text = "\n\n".join([one] * args.repeat)
    resources = api.load_resources(api.DEFAULT_MODEL)
    clock = _ComponentClock()
    _time_components(resources.nlp, clock)
    out = Path(tempfile.mkdtemp(prefix="profile_stages_"))
    if args.files is not None:
        files = sorted(args.files.glob("*.txt"))

        def work() -> None:
            api.run(files, out / "run", resources=resources)
        title = f"a run over {len(files)} files of {args.files}"
    else:
        def work() -> None:
            process_text(text, "bench", resources)
        title = f"process_text on {args.repeat} x {args.corpus.name}"
    process_text(one, "warm", resources)  # first-call costs are paid by no round
    if args.files is not None:
        work()
    best: tuple[float, dict[str, float], dict[str, float]] | None = None
    for _ in range(args.rounds):
        acc.clear()
        t0 = time.process_time()
        clock.reset()
        work()
        clock.switch("other")
        total = time.process_time() - t0
        if best is None or total < best[0]:
            best = (total, dict(acc), dict(clock.seconds))
    assert best is not None
    total, shares, components = best
    print(f"{title}: {total:.2f} s CPU (best of {args.rounds})")
    for _, _, label in STAGES:
        seconds = shares.get(label, 0.0)
        print(f"{label:40s} {seconds:6.2f} s {100 * seconds / total:5.1f}%")
    print("spaCy by component (exclusive CPU; spine and trigger-sentence parse together):")
    for label, seconds in sorted(components.items(), key=lambda kv: -kv[1]):
        if label != "other":
            print(f"  {label:38s} {seconds:6.2f} s {100 * seconds / total:5.1f}%")
    model_s = sum(v for k, v in components.items()
                  if k != "other" and not k.startswith("spaCy chronicle_"))
    print(f"  {'the model (its components + make_doc)':38s} {model_s:6.2f} s "
          f"{100 * model_s / total:5.1f}%; chronicle's own Python (the rest): "
          f"{total - model_s:.2f} s {100 * (total - model_s) / total:5.1f}%")
    if args.full_pass:
        texts = [f.read_text(encoding="utf-8", errors="replace") for f in files] \
            if args.files is not None else [text]
        _full_pass(api.DEFAULT_MODEL, texts, args.rounds, model_s, total)
    if args.by_file or args.by_function:
        profile = cProfile.Profile()
        profile.enable()
        work()
        profile.disable()
    if args.by_function:
        _by_function(pstats.Stats(profile), args.by_function)  # type: ignore[arg-type]
    if args.by_file:
        by_file: Counter[str] = Counter()
        for (path, _, _), row in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
            key = path.split("site-packages/")[-1].split("/")[0] if "site-packages" in path \
                else path[path.find("pipeline/"):] if "pipeline/" in path else path
            by_file[key] += row[2]
        whole = sum(by_file.values())
        print(f"cProfile self time by file (traced: Python calls inflated), {whole:.1f} s:")
        for key, seconds in by_file.most_common(args.by_file):
            print(f"  {100 * seconds / whole:5.1f}%  {key}")
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
