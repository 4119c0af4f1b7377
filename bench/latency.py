"""Latency of `caseguard check one-post.md` as pre-commit runs it: a fresh process in the
repository root, given one staged post, start-up and model load included.

- uncached: the post (or anything else in the key) changed, so the model is loaded and runs;
- cached: the post is unchanged since the last run, so its result comes from .cache/caseguard/.

Then one uncached run split into its phases (imports, rule packs, spaCy import, model load with
its canary, the check itself), to show what bounds it.

Run it in an environment like pre-commit's own, with caseguard and not Presidio: Presidio
registers spaCy components through entry points, and spaCy imports every registered package
when it loads a model (about 0.9 s more here).

    python bench/latency.py [--repeats 5] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from importlib.util import find_spec

import benchlib
from benchlib import median

PHASES = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name): marks.append((name, time.perf_counter()))
from caseguard import run, language, files
mark("import caseguard")
site = run.settings(None, [sys.argv[1]])
from caseguard.engine import Engine
engine = Engine(site)
mark("configuration and rule packs")
import spacy
mark("import spaCy")
language.load(site.model)
mark("load the model and run its canary")
engine.check_files(files.collect([sys.argv[1]]))
mark("check the post")
print(json.dumps([(name, marks[i + 1][1] - marks[i][1]) for i, (name, _) in enumerate(marks[1:])]))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    benchlib.print_machine()
    print(benchlib.versions())
    if find_spec("presidio_analyzer") is not None:
        print("note: Presidio is installed here, which makes spaCy's model load slower than in "
              "pre-commit's own environment; run this with caseguard's environment (README's .venv)")
    site = benchlib.make_site(40, args.seed)
    try:
        posts = benchlib.post_files(site)
        post = max(posts, key=os.path.getsize)  # the longest post: the worst case
        relative = os.path.relpath(post, site)
        words = benchlib.count_words([post])
        print(f"\n## `caseguard check {relative}` ({words} words), fresh process each run")
        uncached, cached = [], []
        for _ in range(args.repeats):
            benchlib.clear_cache(site)
            uncached.append(benchlib.run_cli(site, ["check", relative]))
            cached.append(benchlib.run_cli(site, ["check", relative]))
        for name, runs in (("uncached", uncached), ("cached", cached)):
            walls = [r["wall"] for r in runs]
            print(f"{name:<9} median {median(walls):.2f} s wall (min {min(walls):.2f}, max {max(walls):.2f}; "
                  f"CPU median {median([r['cpu'] for r in runs]):.2f} s); spaCy imported: "
                  f"{any(r.get('spacy_imported') for r in runs)}; target <= 3 s")
        benchlib.clear_cache(site)
        done = subprocess.run([sys.executable, "-c", PHASES, relative], cwd=site, capture_output=True, text=True)
        if done.returncode == 0:
            phases = json.loads(done.stdout.strip().splitlines()[-1])
            print("one uncached run, by phase: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in phases))
        else:
            print(f"phase breakdown failed: {done.stderr.strip()[-500:]}")
    finally:
        benchlib.remove(site)


if __name__ == "__main__":
    main()
