"""Throughput: caseguard vs Presidio on the same generated posts, then caseguard's cache.

1. Cold throughput, in one process, alternating caseguard and Presidio (the order flips every
   repeat) on the same >= 500 generated posts: words per second for each and their ratio per
   repeat. Each tool's model is loaded once beforehand (load times printed apart). caseguard
   runs its whole check (reading, parsing, language model, every rule) with the cache off;
   Presidio runs `analyze` on each file's text (see presidio_adapter.py for its configuration).
2. The same cold check as a user runs it: `caseguard check docs` in a fresh process, cache empty
   (start-up and model load included).
3. Warm re-check: `caseguard check docs` on 1,000 unchanged posts with a filled cache, in a fresh
   process, and a probe that shows spaCy was never imported.
4. One changed post out of 1,000: the same command after editing one post.

On a shared machine compare ratios measured in the same run, not absolute figures.

    python bench/throughput.py [--posts 500] [--repeats 3] [--warm-posts 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import threading
import time

import benchlib
from benchlib import median


def caseguard_engine(site: str):
    from caseguard import config
    from caseguard.engine import Engine

    settings = config.load(os.path.join(site, "mkdocs.yml"))
    settings = dataclasses.replace(settings, options={**settings.options, "cache": False})
    return settings, Engine(settings)


def timed(function) -> tuple[float, float]:
    """(wall, CPU of this process and of the helpers it waited for) of one call."""
    cpu, children, wall = time.process_time(), benchlib.children_cpu(), time.perf_counter()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu + benchlib.children_cpu() - children


def cold(args) -> None:
    import presidio_adapter
    from caseguard import files, language

    site = benchlib.make_site(args.posts, args.seed)
    try:
        posts = benchlib.post_files(site)
        words = benchlib.count_words(posts)
        print(f"\n## Cold throughput: {len(posts)} generated posts, {words:,} words, {args.repeats} repeats, alternating")
        settings, engine = caseguard_engine(site)
        start = time.perf_counter()
        language.load(settings.model)
        print(f"caseguard model load ({language.model_name(settings.model)}, NER only): {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        analyzer = presidio_adapter.make_analyzer()
        print(f"Presidio model load ({presidio_adapter.model_name()}, full pipeline): {time.perf_counter() - start:.2f} s")
        wanted, allow = presidio_adapter.entities(analyzer), presidio_adapter.allow_list(settings)
        targets = files.collect([os.path.join(site, "docs")])
        print(f"threads in this process: {threading.active_count()} (caseguard forks a helper only when 1)")

        def run_caseguard():
            engine.check_files(targets)

        def run_presidio():
            for file in posts:
                with open(file, encoding="utf-8") as handle:
                    presidio_adapter.analyze(analyzer, handle.read(), allow, wanted)

        rows = []
        for repeat in range(args.repeats):
            order = [("caseguard", run_caseguard), ("Presidio", run_presidio)]
            if repeat % 2:
                order.reverse()
            result = {}
            for name, function in order:
                wall, cpu = timed(function)
                result[name] = (wall, cpu)
                print(f"  repeat {repeat + 1}: {name:<9} {wall:7.1f} s wall {words / wall:8,.0f} words/s   "
                      f"(CPU {cpu:6.1f} s, {words / cpu:7,.0f} words per CPU-second)", flush=True)
            ratio = result["Presidio"][0] / result["caseguard"][0]
            cpu_ratio = result["Presidio"][1] / result["caseguard"][1]
            rows.append((result, ratio, cpu_ratio))
            print(f"  repeat {repeat + 1}: caseguard / Presidio = {ratio:.2f}x (wall), {cpu_ratio:.2f}x (per CPU-second)")
        cg = median([words / r[0]["caseguard"][0] for r in rows])
        pr = median([words / r[0]["Presidio"][0] for r in rows])
        print(f"median: caseguard {cg:,.0f} words/s, Presidio {pr:,.0f} words/s; ratio {median([r[1] for r in rows]):.2f}x "
              f"(per repeat {', '.join(f'{r[1]:.2f}' for r in rows)}; target >= 3x); "
              f"per CPU-second {median([r[2] for r in rows]):.2f}x")

        benchlib.clear_cache(site)
        run = benchlib.run_cli(site, ["check", "docs", "--format", "json"])
        print(f"`caseguard check docs`, fresh process, empty cache: {run['wall']:.1f} s wall, "
              f"{words / run['wall']:,.0f} words/s including start-up and model load (CPU {run['cpu']:.1f} s)")
    finally:
        benchlib.remove(site)


def warm(args) -> None:
    site = benchlib.make_site(args.warm_posts, args.seed + 1)
    try:
        posts = benchlib.post_files(site)
        words = benchlib.count_words(posts)
        print(f"\n## Cache: {len(posts)} generated posts, {words:,} words")
        command = ["check", "docs", "--format", "json"]
        benchlib.clear_cache(site)
        first = benchlib.run_cli(site, command)
        print(f"cold check that fills the cache: {first['wall']:.1f} s wall ({words / first['wall']:,.0f} words/s), "
              f"spaCy imported: {first.get('spacy_imported')}")
        runs = [benchlib.run_cli(site, command) for _ in range(args.repeats + 2)]
        same = all(r["stdout"] == first["stdout"] for r in runs)
        print(f"warm re-check, nothing changed: median {median([r['wall'] for r in runs]):.2f} s wall "
              f"(runs {_walls(runs)}; CPU median {median([r['cpu'] for r in runs]):.2f} s; target <= 1 s); "
              f"spaCy imported: {any(r.get('spacy_imported') for r in runs)}, "
              f"models loaded: {max(r.get('models_loaded', 0) for r in runs)}; same report as cold: {same}")
        changed = []
        for number in range(args.repeats):
            post = posts[(number * 337) % len(posts)]
            with open(post, "a", encoding="utf-8") as handle:
                handle.write(f"\nA note added while editing, number {number + 1}.\n")
            changed.append(benchlib.run_cli(site, command))
        print(f"one changed post out of {len(posts)}: median {median([r['wall'] for r in changed]):.2f} s wall "
              f"(runs {_walls(changed)}); "
              f"models loaded: {max(r.get('models_loaded', 0) for r in changed)} (only the changed post goes to the model)")
    finally:
        benchlib.remove(site)


def _walls(runs: list[dict]) -> str:
    return ", ".join(f"{r['wall']:.2f}" for r in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=500, help="generated posts for the cold comparison (>= 500)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--warm-posts", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-cold", action="store_true", help="only the cache measurements")
    parser.add_argument("--skip-warm", action="store_true", help="only the cold comparison")
    args = parser.parse_args()
    benchlib.print_machine()
    print(benchlib.versions())
    if not args.skip_cold:
        cold(args)
    if not args.skip_warm:
        warm(args)


if __name__ == "__main__":
    main()
