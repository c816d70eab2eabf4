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
import resource
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


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli(threads):
    t, c = time.perf_counter(), children_cpu()
    subprocess.run([args.bin, "extract", "--offsets", "chars", "--threads", str(threads), args.file],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t, children_cpu() - c


def py(threads, docs=None):
    t, c = time.perf_counter(), time.process_time()
    n = 0
    if docs is None:
        with open(args.file, encoding="utf-8") as f:
            for r in whosaid.extract_many((json.loads(line) for line in f if line.strip()),
                                          threads=threads):
                n += len(r.get("quotes", ()))
    else:
        for r in whosaid.extract_many(docs, threads=threads):
            n += len(r.get("quotes", ()))
    return time.perf_counter() - t, time.process_time() - c


with open(args.file, encoding="utf-8") as f:
    TEXTS = [{"id": r.get("id"), "text": r["text"]} for r in map(json.loads, f)]


def py_loaded(threads):
    return py(threads, TEXTS)


RUNS = [("cli", cli), ("extract_many(file)", py), ("extract_many(texts)", py_loaded)]
results = {}
for threads in (1, 2):
    for name, fn in RUNS:
        fn(threads)  # warm up
    samples = {name: [] for name, _ in RUNS}
    for _ in range(args.runs):  # alternating, so that the machine's load hits all alike
        for name, fn in RUNS:
            samples[name].append(fn(threads))
    for name, _ in RUNS:
        wall = statistics.median(w for w, _ in samples[name])
        cpu = statistics.median(c for _, c in samples[name])
        results[(name, threads)] = (wall, cpu)
        print(f"{name:20} threads={threads}: wall {wall * 1000:6.0f} ms, CPU {cpu * 1000:6.0f} ms")
for name, _ in RUNS[1:]:
    for threads in (1, 2):
        (w, c), (cw, cc) = results[(name, threads)], results[("cli", threads)]
        print(f"{name} / cli, {threads} thread(s): wall {w / cw:.2f}x, CPU {c / cc:.2f}x")
    print(f"{name} 1 -> 2 threads: {results[(name, 1)][0] / results[(name, 2)][0]:.2f}x faster")
