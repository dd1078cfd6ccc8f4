"""Benchmark: peak memory of one long line against the same text with its line breaks.

Usage: python bench/bench_memory.py [--mb 5] [--corpus FILE] [--model NAME]

Builds two files from the corpus text repeated to ``--mb`` megabytes: ``lines.txt`` (paragraphs
as written) and ``one_line.txt`` (the same words joined by single spaces, no line break at all),
runs ``python -m pipeline run FILE --out DIR --quiet`` on each in a fresh process, and prints each
run's maximum resident set size (from ``/usr/bin/time -v`` when it exists, else from
``getrusage`` of the child) and their ratio. The issue asks for one_line / lines <= 1.2.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def peak_rss_mb(argv: list[str]) -> tuple[float, float]:
    """(peak resident memory in MB, wall seconds) of running ``argv`` in a child process."""
    start = time.perf_counter()
    if shutil.which("time") and Path("/usr/bin/time").exists():
        done = subprocess.run(["/usr/bin/time", "-v", *argv], capture_output=True, text=True)
        match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
        if done.returncode not in (0, 1) or not match:
            sys.exit(f"run failed ({done.returncode}):\n{done.stderr[-2000:]}")
        return int(match.group(1)) / 1024, time.perf_counter() - start
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before:
        print("warning: an earlier child had a higher peak; this number is a lower bound")
    return peak / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of each file (megabytes)")
    parser.add_argument("--corpus", type=Path, default=Path("corpus/song_jin_wars.txt"))
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: chronicle's)")
    args = parser.parse_args()

    size = int(args.mb * 1_000_000)
    base = args.corpus.read_text(encoding="utf-8")
    text = "\n\n".join([base] * (size // len(base) + 1))[:size]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        forms = {"lines": text, "one_line": " ".join(text.split())}
        peaks = {}
        for name, body in forms.items():
            path = folder / f"{name}.txt"
            path.write_text(body, encoding="utf-8")
            argv = [sys.executable, "-m", "pipeline", "run", str(path), "--out",
                    str(folder / f"out_{name}"), "--quiet"]
            if args.model:
                argv += ["--model", args.model]
            peaks[name], seconds = peak_rss_mb(argv)
            print(f"{name:9s} {len(body):>10,} chars  {body.count(chr(10)):>7,} line breaks  "
                  f"peak {peaks[name]:8.0f} MB  {seconds:6.1f} s", flush=True)
        print(f"one_line / lines peak memory: {peaks['one_line'] / peaks['lines']:.2f}")


if __name__ == "__main__":
    main()
