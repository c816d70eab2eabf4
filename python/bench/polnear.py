"""extract_many against the CLI on a JSONL file (PolNeAR train by default; never copied here).

    python python/bench/polnear.py [FILE.jsonl] [--runs N] [--bin target/release/whosaid]

Prints the median wall time of: the CLI with --threads 1 and 2 (reading the file, writing
JSONL to /dev/null), and extract_many with threads=1 and 2 over the file's records (read
with json.loads, the records turned into dicts), both pinned to cores with taskset-like
affinity where available.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

import whosaid

p = argparse.ArgumentParser()
p.add_argument("file", nargs="?", default=os.path.join(
    os.path.dirname(__file__), "../../../shared/eval/polnear/polnear-train.jsonl"))
p.add_argument("--runs", type=int, default=5)
p.add_argument("--bin", default="target/release/whosaid")
args = p.parse_args()


def cli(threads):
    t = time.perf_counter()
    subprocess.run([args.bin, "extract", "--offsets", "chars", "--threads", str(threads), args.file],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def py(threads):
    t = time.perf_counter()
    n = 0
    with open(args.file, encoding="utf-8") as f:
        for r in whosaid.extract_many((json.loads(line) for line in f if line.strip()),
                                      threads=threads):
            n += len(r.get("quotes", ()))
    return time.perf_counter() - t


results = {}
for name, fn in [("cli", cli), ("extract_many", py)]:
    for threads in (1, 2):
        fn(threads)  # warm up
        results[(name, threads)] = statistics.median(fn(threads) for _ in range(args.runs))
for (name, threads), secs in results.items():
    print(f"{name:13} threads={threads}: {secs * 1000:7.0f} ms")
for threads in (1, 2):
    print(f"extract_many / cli, {threads} thread(s): "
          f"{results[('extract_many', threads)] / results[('cli', threads)]:.2f}x")
print(f"extract_many scaling 1 -> 2 threads: "
      f"{results[('extract_many', 1)] / results[('extract_many', 2)]:.2f}x")
