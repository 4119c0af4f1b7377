"""Build overhead of the MkDocs plugin: `mkdocs build` of a generated 300-post Material blog,
without the plugin and with it (`plugins: - caseguard`), with an empty and with a warm cache.

The generated blog is one a practice would publish (general posts and consented, disguised case
studies), so the gate lets the build through. Builds alternate (without, with/empty cache,
with/warm cache, the order rotating every repeat); each is a fresh `mkdocs build` process.
Overhead = (build with the plugin - build without) / build without, on medians.

    python bench/build.py [--posts 300] [--repeats 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time

import benchlib
from benchlib import median


def plugin_available() -> str | None:
    """Why the plugin cannot run here, or None."""
    from importlib import metadata

    points = [p for p in metadata.entry_points(group="mkdocs.plugins") if p.name == "caseguard"]
    if not points:
        return "no `caseguard` entry point in the mkdocs.plugins group (reinstall caseguard)"
    try:
        points[0].load()
    except Exception as error:  # noqa: BLE001 - report why, then measure what can be measured
        return f"the plugin does not import yet ({type(error).__name__}: {error})"
    return None


def without_plugin(site: str) -> str:
    """mkdocs-plain.yml: the same site with the caseguard entry (and its options) removed."""
    with open(os.path.join(site, "mkdocs.yml"), encoding="utf-8") as handle:
        text = handle.read()
    plain = re.sub(r"(?m)^  - caseguard:\n(?:      .*\n|        .*\n)*", "", text)
    if "- caseguard" in plain:
        raise SystemExit("could not remove the caseguard block from the generated mkdocs.yml")
    with open(os.path.join(site, "mkdocs-plain.yml"), "w", encoding="utf-8") as handle:
        handle.write(plain)
    return "mkdocs-plain.yml"


def gate_as_warnings(site: str):
    """The generated posts carry caseguard's false alarms on traps (see presidio_accuracy.py),
    which would stop the build; identifier findings become warnings, so the plugin does all of
    its work and the build completes."""
    path = os.path.join(site, "mkdocs.yml")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace("      require_review: none\n", "      require_review: none\n      severity: {identifier: warning}\n")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def build(site: str, config: str, out: str) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", out],
                          cwd=site, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start, done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    benchlib.print_machine()
    print(benchlib.versions())
    missing = plugin_available()
    site = benchlib.make_site(args.posts, args.seed, clean_only=True)
    try:
        words = benchlib.count_words(benchlib.post_files(site))
        print(f"\n## `mkdocs build` of a generated {args.posts}-post Material blog ({words:,} words)")
        plain = without_plugin(site)
        gate_as_warnings(site)
        kinds = ["without plugin"] if missing else ["without plugin", "plugin, empty cache", "plugin, warm cache"]
        if missing:
            print(f"plugin not measured: {missing}; builds without it only. Run this script again once "
                  f"`plugins: - caseguard` loads.")
        times: dict[str, list[float]] = {k: [] for k in kinds}
        failed = False
        for repeat in range(args.repeats):
            # "warm" is always the build right after one that filled the cache
            order = kinds if repeat % 2 == 0 else kinds[1:] + kinds[:1]
            for kind in order:
                if kind == "plugin, empty cache":
                    benchlib.clear_cache(site)
                config = plain if kind == "without plugin" else "mkdocs.yml"
                wall, done = build(site, config, os.path.join(site, "site-" + kind.split(",")[0].replace(" ", "-")))
                if done.returncode != 0:
                    failed = True
                    print(f"  repeat {repeat + 1}: {kind}: build FAILED ({done.returncode}): "
                          f"{(done.stderr or done.stdout).strip()[-800:]}")
                    continue
                times[kind].append(wall)
                print(f"  repeat {repeat + 1}: {kind:<20} {wall:6.2f} s", flush=True)
        base = median(times["without plugin"]) if times["without plugin"] else None
        for kind in kinds:
            if not times[kind]:
                continue
            line = f"{kind:<20} median {median(times[kind]):6.2f} s"
            if base and kind != "without plugin":
                line += f"  overhead {100 * (median(times[kind]) - base) / base:+.0f} %"
                if kind == "plugin, warm cache":
                    line += " (target <= 10 %)"
            print(line)
        if failed:
            print("some builds failed: see above")
    finally:
        benchlib.remove(site)


if __name__ == "__main__":
    main()
