"""Held-out accuracy of the professional-ethics rules (default: bench/ethics-sentences.yml).

Each item of the file is the body of a post (or {front_matter, body}) that must raise a rule
(`trigger`) or must not (`trap`). Prints, per rule and per family, the share of triggers caught
and the share of traps that fired, against the targets (>= 90 % caught, <= 5 % of traps).
`--verbose` lists every miss and every trap that fired. Runs the real engine and language model.

    python bench/ethics_accuracy.py [--sentences FILE] [--config mkdocs.yml] [--verbose]
"""

from __future__ import annotations

import argparse
import os
from collections import defaultdict

import yaml

from caseguard import config, post as post_module
from caseguard.engine import Engine

HERE = os.path.dirname(os.path.abspath(__file__))
CAUGHT_TARGET, TRAP_TARGET = 0.90, 0.05


def post_text(item) -> tuple[str, str]:
    """(text of the post, a short label) for one item."""
    if isinstance(item, str):
        item = {"body": item}
    front = {"title": "A post", **(item.get("front_matter") or {})}
    body = item.get("body", "")
    return "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n" + body + "\n", body


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", default=os.path.join(HERE, "ethics-sentences.yml"))
    parser.add_argument("--config", help="mkdocs.yml whose caseguard block to use (default: none)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    with open(args.sentences, encoding="utf-8") as handle:
        rules = yaml.safe_load(handle)["rules"]
    settings = config.load(args.config)
    settings.options["cache"] = False
    engine = Engine(settings)

    jobs = []  # (rule, kind, label, text)
    for rule, sets in rules.items():
        for kind in ("trigger", "trap"):
            for item in sets.get(kind) or ():
                text, label = post_text(item)
                jobs.append((rule, kind, label, text))
    posts = [post_module.parse(text.encode("utf-8"), f"held-out-{i}.md") for i, (*_, text) in enumerate(jobs)]
    results = engine.check_posts(posts)

    counts = defaultdict(lambda: {"trigger": [0, 0], "trap": [0, 0]})
    wrong = []
    for (rule, kind, label, _text), result in zip(jobs, results):
        fired = [f for f in result.findings if f.rule == rule]
        for key in (rule, rule.split("/")[0] + "/*", "all"):
            counts[key][kind][1] += 1
            counts[key][kind][0] += bool(fired)
        if bool(fired) != (kind == "trigger"):
            wrong.append((rule, "missed" if kind == "trigger" else "trap fired", label,
                          "; ".join(f"{f.match!r} ({f.why})" for f in fired)))

    print(f"{'rule':36} {'caught':>14} {'traps fired':>14}")
    for key in sorted(counts, key=lambda k: (k == "all", k.split("/")[0], k.endswith("*"), k)):
        (caught, triggers), (fired, traps) = counts[key]["trigger"], counts[key]["trap"]
        flag = "" if (not triggers or caught / triggers >= CAUGHT_TARGET) and (
            not traps or fired / traps <= TRAP_TARGET) else "  <- below target"
        print(f"{key:36} {_rate(caught, triggers):>14} {_rate(fired, traps):>14}{flag}")
    if args.verbose:
        for rule, what, label, found in wrong:
            print(f"{what:10} {rule}: {label}" + (f"  -> {found}" if found else ""))


def _rate(n: int, total: int) -> str:
    return f"{n}/{total} {100 * n / total:5.1f}%" if total else "-"


if __name__ == "__main__":
    main()
