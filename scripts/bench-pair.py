#!/usr/bin/env python3
"""Runs command A and command B in turn, RUNS times each after a warm-up,
and prints one line of figures from the kernel's own accounting of each
finished process (wall, CPU = user + system, peak resident memory) and the
medians of the ratios A/B pair by pair. Python only starts and reaps them.
Shared by scripts/bench-check.sh (--seconds: medians in s and peaks in
MiB) and scripts/bench-start.sh (--milliseconds: medians and minima in ms).

Usage: bench-pair.py --seconds|--milliseconds RUNS LABEL A... -- B...
A command that exits non-zero stops the benchmark: its figures would lie.
"""
import os, statistics, subprocess, sys, time

style, runs, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
split = sys.argv.index("--")
a, b = sys.argv[4:split], sys.argv[split + 1:]


def once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(command)} exited with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


once(a)
once(b)
pairs = [(once(a), once(b)) for _ in range(runs)]
med = statistics.median
aw, ac, am = (list(side) for side in zip(*(p[0] for p in pairs)))
bw, bc, bm = (list(side) for side in zip(*(p[1] for p in pairs)))
rw = med([x / y for x, y in zip(aw, bw)])
rc = med([x / y if y > 0 else float("nan") for x, y in zip(ac, bc)])
if style == "--seconds":
    print(f"{label:<10} {med(aw):9.3f} {med(ac):9.3f} {max(am):8.1f} | {med(bw):9.3f} {med(bc):9.3f} {max(bm):8.1f} "
          f"| {rw:6.2f}x {rc:6.2f}x {max(am) / max(bm):6.2f}x")
else:
    ms = lambda values: [v * 1000 for v in values]
    aw, ac, bw, bc = ms(aw), ms(ac), ms(bw), ms(bc)
    print(f"{label:<24} {med(aw):6.2f} {min(aw):6.2f} {med(ac):6.2f} | {med(bw):6.2f} {min(bw):6.2f} {med(bc):6.2f} "
          f"| {rw:6.2f}x {rc:6.2f}x")
