"""Scale benchmark (not a test): throughput with 1 and 2 jobs, peak memory against input length.

    python bench/bench_scale.py [--copies 80] [--repeats 5,20,80] [--rounds 1] [--model NAME]
                                [--small-files 200,2000] [--split 80]

``--copies 0`` or ``--repeats ''`` leaves that part out.

1. A folder of ``--copies`` copies of ``corpus/song_jin_wars.txt`` is run with ``--jobs 1`` and
   ``--jobs 2`` (wall time of the whole ``chronicle run``, model loading included; the tables
   of both runs are compared byte for byte). CPU seconds of the runner process and of its
   worker processes are shown too: on a shared machine they, not the wall time, say whether
   ``--jobs 2`` would reach the target on two free cores. The estimate printed is
   ``cpu(--jobs 1) / (runner cpu + workers cpu / 2)`` of the ``--jobs 2`` run: the runner's CPU
   is almost all serial (start, model loading, exports at the end; the workers write the rows),
   the workers' is split over two cores.
2. The corpus text repeated 5, 20 and 80 times as one file: peak memory (max RSS of the
   ``chronicle run`` child process, from ``resource.getrusage``) and wall time.
3. With ``--split 80``: the corpus text repeated 80 times as one file, run with ``--jobs 1``
   and ``--jobs 2`` (the file split into block ranges over the two workers, see
   ``pipeline/run/split.py``; all formats): wall and CPU time, peak memory, and the tables and
   exports compared byte for byte.
4. With ``--small-files 200,2000``: folders of that many small files (one paragraph of the
   corpus text each, in turn), all formats, ``--jobs 1``: peak memory, which must not grow
   with the number of files.

Prints a small table, with the 1-minute load average before each run (other processes on the
machine take cores from ``--jobs 2``). ``--rounds N`` alternates the ``--jobs 1`` and ``--jobs 2``
runs N times and reports the best time of each. Timings on a shared machine are noisy.
The ratio against a plain full spaCy pass is ``bench/bench_run.py``.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "song_jin_wars.txt"

_CHILD = """
import time
start = time.perf_counter()
import resource, sys
from pipeline.cli import main
code = main(sys.argv[1:])
wall = time.perf_counter() - start
me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(code, wall, me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime,
      max(me.ru_maxrss, kids.ru_maxrss))
"""


def _measure(args: list[str]) -> tuple[float, float, float, float]:
    """(wall seconds, runner CPU seconds, workers' CPU seconds, peak RSS in MB of the largest
    process) of ``chronicle ARGS`` in a fresh process."""
    out = subprocess.run([sys.executable, "-c", _CHILD, *args, "--quiet"], check=True,
                         capture_output=True, text=True, cwd=ROOT).stdout.split()
    code, wall, me, kids, rss_kb = int(out[0]), *map(float, out[1:4]), int(out[4])
    if code not in (0, 1):
        raise SystemExit(f"chronicle exited {code}")
    return wall, me, kids, rss_kb / 1024


def _spin(_: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def cores_available() -> float:
    """How many cores two busy processes get right now (2.0 on an idle 2-core machine): a
    pure-Python loop run twice in a row, then in two forked processes at once."""
    import multiprocessing

    serial = _spin(0) + _spin(0)
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_spin, [0, 1])
    return serial / (time.perf_counter() - start)


def _same_tree(a: Path, b: Path) -> bool:
    compare = filecmp.dircmp(a, b)
    if compare.left_only or compare.right_only or compare.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, compare.common_files, shallow=False)
    return not mismatch and not errors and all(
        _same_tree(a / d, b / d) for d in compare.common_dirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=80)
    parser.add_argument("--repeats", default="5,20,80")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--model", default=None)
    parser.add_argument("--split", type=int, default=0,
                        help="copies of the corpus text in one file, run with --jobs 1 and 2")
    parser.add_argument("--small-files", default="",
                        help="folder sizes for the many-small-files memory check (e.g. 200,2000)")
    args = parser.parse_args()
    model = ["--model", args.model] if args.model else []
    text = CORPUS.read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "folder"
        folder.mkdir()
        for i in range(args.copies):
            (folder / f"copy{i:03}.txt").write_text(text, encoding="utf-8")
        size = args.copies * len(text.encode("utf-8")) / 1024
        times: dict[int, float] = {}
        cpu: dict[int, tuple[float, float]] = {}  # jobs -> (runner, workers) of the best run
        cores = cores_available()
        for _ in range(args.rounds if args.copies else 0):
            for jobs in (1, 2):
                load = os.getloadavg()[0]
                wall, me, kids, rss = _measure(["run", str(folder), "--out",
                                                str(tmp / f"out{jobs}"), "--jobs", str(jobs),
                                                *model])
                if wall <= times.get(jobs, wall):
                    times[jobs], cpu[jobs] = wall, (me, kids)
                rows.append((f"{args.copies} files, --jobs {jobs} (load {load:.1f})",
                             f"{size:.0f} KB", f"{wall:.1f} s", f"{me:.1f} s + {kids:.1f} s",
                             f"{rss:.0f} MB (per process)"))
        same = bool(times) and _same_tree(tmp / "out1", tmp / "out2")
        peaks = {}
        for n in (int(r) for r in args.repeats.split(",") if r):
            path = tmp / f"x{n}.txt"
            path.write_text(text * n, encoding="utf-8")
            load = os.getloadavg()[0]
            wall, me, kids, rss = _measure(["run", str(path), "--out", str(tmp / f"one{n}"),
                                            "--formats", "none", *model])
            peaks[n] = rss
            rows.append((f"corpus x{n} as one file (load {load:.1f})",
                         f"{path.stat().st_size / 1024:.0f} KB",
                         f"{wall:.1f} s", f"{me:.1f} s + {kids:.1f} s", f"{rss:.0f} MB"))
        split: dict[int, float] = {}
        for _ in range(args.rounds if args.split else 0):
            path = tmp / f"split{args.split}.txt"
            path.write_text(text * args.split, encoding="utf-8")
            for jobs in (1, 2):
                load = os.getloadavg()[0]
                wall, me, kids, rss = _measure(["run", str(path), "--out",
                                                str(tmp / f"split{jobs}"), "--jobs", str(jobs),
                                                *model])
                split[jobs] = min(wall, split.get(jobs, wall))
                rows.append((f"corpus x{args.split} as one file, --jobs {jobs} "
                             f"(load {load:.1f})", f"{path.stat().st_size / 1024:.0f} KB",
                             f"{wall:.1f} s", f"{me:.1f} s + {kids:.1f} s", f"{rss:.0f} MB"))
        split_same = bool(split) and _same_tree(tmp / "split1", tmp / "split2")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        small: dict[int, float] = {}
        for n in (int(r) for r in args.small_files.split(",") if r):
            many = tmp / f"small{n}"
            many.mkdir()
            for i in range(n):
                (many / f"p{i:05}.txt").write_text(paragraphs[i % len(paragraphs)] + "\n",
                                                   encoding="utf-8")
            load = os.getloadavg()[0]
            wall, me, kids, rss = _measure(["run", str(many), "--out", str(tmp / f"many{n}"),
                                            *model])
            small[n] = rss
            rows.append((f"{n} small files (load {load:.1f})",
                         f"{sum(p.stat().st_size for p in many.iterdir()) / 1024:.0f} KB",
                         f"{wall:.1f} s", f"{me:.1f} s + {kids:.1f} s", f"{rss:.0f} MB"))
    header = ("run", "input", "wall", "CPU runner + workers", "peak RSS")
    width = [max(len(r[i]) for r in rows) for i in range(len(header))]
    width = [max(w, len(h)) for w, h in zip(width, header, strict=True)]
    for row in (header, *rows):
        print("  ".join(c.ljust(w) for c, w in zip(row, width, strict=True)))
    if times:
        print(f"--jobs 2 speed-up (best of {args.rounds}): {times[1] / times[2]:.2f}x "
              f"(target >= 1.7 on 2 free cores); "
              f"tables byte-identical: {same}; cores two busy processes got before the runs: "
              f"{cores:.2f} of 2")
        one = sum(cpu[1])
        runner, workers = cpu[2]
        print(f"--jobs 2 speed-up on two free cores, estimated from CPU times: "
              f"{one / (runner + workers / 2):.2f}x ({one:.1f} s / ({runner:.1f} s + "
              f"{workers:.1f} s / 2))")
    if split:
        print(f"one file x{args.split}, --jobs 2 speed-up (best of {args.rounds}): "
              f"{split[1] / split[2]:.2f}x; tables byte-identical: {split_same}")
    keys = sorted(peaks)
    if len(keys) >= 2:
        print(f"peak memory x{keys[-1]} / x{keys[0]}: {peaks[keys[-1]] / peaks[keys[0]]:.2f} "
              f"(target <= 1.3)")
    if len(small) >= 2:
        low, high = min(small), max(small)
        print(f"peak memory {high} small files / {low}: {small[high] / small[low]:.2f} "
              f"(flat: about 1.0)")
    print("timings are noisy on a shared machine")


if __name__ == "__main__":
    main()
