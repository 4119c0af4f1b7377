"""Peak memory of `caseguard check` on 1,000 generated posts (empty cache, then warm).

The process and every helper it starts are sampled every 20 ms: the peak of their summed RSS
(resident memory; a forked helper's pages shared with its parent are counted twice) and of their
summed PSS (shared pages split between the processes that share them: the honest total), and the
largest single process.

    python bench/memory.py [--posts 1000] [--seed 9]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import psutil

import benchlib
from benchlib import PROBE

MB = 1024 * 1024


def sample(command: list[str], cwd: str) -> dict:
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_rss = peak_pss = peak_single = 0
    processes_seen = 1
    last_pss = 0.0
    start = time.perf_counter()
    while process.poll() is None:
        try:
            tree = [process] + process.children(recursive=True)
        except psutil.Error:
            break
        processes_seen = max(processes_seen, len(tree))
        rss = 0
        for p in tree:
            try:
                one = p.memory_info().rss
            except psutil.Error:
                continue
            rss += one
            peak_single = max(peak_single, one)
        peak_rss = max(peak_rss, rss)
        now = time.perf_counter()
        if now - last_pss > 0.1:
            last_pss = now
            pss = 0
            for p in tree:
                try:
                    pss += p.memory_full_info().pss
                except (psutil.Error, AttributeError):
                    pass
            peak_pss = max(peak_pss, pss)
        time.sleep(0.02)
    return {"wall": time.perf_counter() - start, "rc": process.returncode, "rss": peak_rss, "pss": peak_pss,
            "single": peak_single, "processes": processes_seen}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    benchlib.print_machine()
    print(benchlib.versions())
    site = benchlib.make_site(args.posts, args.seed)
    try:
        words = benchlib.count_words(benchlib.post_files(site))
        print(f"\n## `caseguard check docs` on {args.posts} generated posts ({words:,} words)")
        command = [sys.executable, "-c", PROBE, "check", "docs", "--format", "json"]
        benchlib.clear_cache(site)
        for name in ("empty cache", "warm cache"):
            result = sample(command, site)
            if result["rc"] not in (0, 1):
                raise SystemExit(f"caseguard failed ({result['rc']})")
            print(f"{name:<11}: peak RSS {result['rss'] / MB:6.0f} MB summed over {result['processes']} process(es), "
                  f"peak PSS {result['pss'] / MB:6.0f} MB, largest single process {result['single'] / MB:6.0f} MB "
                  f"({result['wall']:.1f} s; target <= 500 MB)")
    finally:
        benchlib.remove(site)


if __name__ == "__main__":
    main()
