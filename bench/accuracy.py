"""Accuracy of `caseguard check` on a labelled corpus (default: tests/corpus).

Prints document accuracy (block/pass as labelled), identifier recall and precision (a finding
counts when it overlaps a labelled identifier on the same line), recall per kind, and false
error findings per clean post. `--verbose` lists every miss and every false finding.

    python bench/accuracy.py [--corpus tests/corpus] [--verbose]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
from collections import Counter

import yaml


def load_labels(corpus: str) -> dict:
    labels = {}
    for file in sorted(glob.glob(os.path.join(corpus, "labels", "*.yml"))):
        with open(file, encoding="utf-8") as handle:
            for entry in yaml.safe_load(handle)["posts"]:
                labels[os.path.normpath(entry["file"])] = entry
    return labels


def run_caseguard(corpus: str) -> list[dict]:
    command = [sys.executable, "-m", "caseguard.cli", "check", "docs", "--format", "json"]
    done = subprocess.run(command, cwd=corpus, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"caseguard failed ({done.returncode}): {done.stderr.strip()}")
    return json.loads(done.stdout)["findings"]


def spans(line_text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], line_text.find(needle)
    while start >= 0:
        found.append((start + 1, start + 1 + len(needle)))
        start = line_text.find(needle, start + 1)
    return found


def score(corpus: str, labels: dict, findings: list[dict]) -> dict:
    """Score findings (caseguard's JSON findings, paths relative to the corpus folder) against
    the labels. bench/presidio_accuracy.py scores Presidio with this too."""
    by_post: dict[str, list] = {}
    for f in findings:
        by_post.setdefault(os.path.normpath(os.path.relpath(os.path.join(corpus, f["path"]), os.path.join(corpus, "docs"))), []).append(f)

    correct_docs, clean_posts, clean_false = 0, 0, 0
    true_ids, all_ids, found_labels, total_labels = 0, 0, 0, 0
    kinds_total, kinds_found = Counter(), Counter()
    finding_kinds, finding_kinds_true = Counter(), Counter()
    misses, false_findings, wrong_docs, rule_misses = [], [], [], []
    rules_expected = rules_found = 0
    for post, entry in labels.items():
        post_findings = by_post.get(post, [])
        errors = [f for f in post_findings if f["severity"] == "error"]
        blocked = bool(errors)
        if blocked == (entry["expect"] == "block"):
            correct_docs += 1
        else:
            wrong_docs.append((post, entry["expect"], [f"{f['line']}:{f['rule']} {f['match']!r}" for f in errors][:6]))
        fired = {f["rule"] for f in errors}
        for rule in entry.get("rules") or []:
            rules_expected += 1
            if rule in fired:
                rules_found += 1
            else:
                rule_misses.append((post, rule, sorted(r for r in fired if not r.startswith("identifier/"))))
        with open(os.path.join(corpus, "docs", post), encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
        label_spans = []
        for label in entry.get("identifiers") or []:
            line_text = lines[label["line"] - 1]
            label_spans.append((label, label["line"], spans(line_text, label["text"])))
        # Identifier errors only: identifier/quasi is an advisory warning.
        identifier_findings = [f for f in post_findings if f["rule"].startswith("identifier/") and f["severity"] == "error"]
        for label, line, places in label_spans:
            total_labels += 1
            kinds_total[label["kind"]] += 1
            hit = any(f["line"] <= line <= f["end_line"] and any(
                f["line"] < line or f["end_line"] > line or (f["column"] < b and a < f["end_column"])
                for a, b in places) for f in identifier_findings)
            if hit:
                found_labels += 1
                kinds_found[label["kind"]] += 1
            else:
                misses.append((post, line, label["kind"], label["text"]))
        for f in identifier_findings:
            all_ids += 1
            finding_kinds[f["rule"].split("/", 1)[1]] += 1
            if any(f["line"] <= line <= f["end_line"] and any(f["column"] < b and a < f["end_column"] or f["line"] != f["end_line"] for a, b in places)
                   for _label, line, places in label_spans):
                true_ids += 1
                finding_kinds_true[f["rule"].split("/", 1)[1]] += 1
            else:
                false_findings.append((post, f["line"], f["rule"], f["match"]))
        if entry["expect"] == "pass":
            clean_posts += 1
            clean_false += len(errors)

    return dict(posts=len(labels), clean_posts=clean_posts, labels=total_labels, correct_docs=correct_docs,
                found_labels=found_labels, true_ids=true_ids, all_ids=all_ids, clean_false=clean_false,
                rules_found=rules_found, rules_expected=rules_expected, kinds_total=kinds_total,
                kinds_found=kinds_found, finding_kinds=finding_kinds, finding_kinds_true=finding_kinds_true,
                wrong_docs=wrong_docs, rule_misses=rule_misses, misses=misses, false_findings=false_findings,
                document_accuracy=correct_docs / max(1, len(labels)), recall=found_labels / max(1, total_labels),
                precision=true_ids / max(1, all_ids), false_per_clean=clean_false / max(1, clean_posts))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "tests", "corpus"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    result = score(corpus, load_labels(corpus), run_caseguard(corpus))
    report(result, args.verbose)


def report(result: dict, verbose: bool = False):
    r = result
    labels, clean_posts, total_labels = r["posts"], r["clean_posts"], r["labels"]
    correct_docs, found_labels, true_ids, all_ids = r["correct_docs"], r["found_labels"], r["true_ids"], r["all_ids"]
    clean_false, rules_found, rules_expected = r["clean_false"], r["rules_found"], r["rules_expected"]
    kinds_total, kinds_found = r["kinds_total"], r["kinds_found"]
    wrong_docs, rule_misses, misses, false_findings = r["wrong_docs"], r["rule_misses"], r["misses"], r["false_findings"]
    print(f"posts: {labels} ({clean_posts} clean), labelled identifiers: {total_labels}")
    print(f"document accuracy:          {correct_docs / max(1, labels):.3f}")
    print(f"identifier recall:          {found_labels / max(1, total_labels):.3f}")
    print(f"identifier precision:       {true_ids / max(1, all_ids):.3f}")
    print(f"false errors per clean post: {clean_false / max(1, clean_posts):.3f}")
    print(f"labelled rules raised:      {rules_found}/{rules_expected}")
    print("recall per kind:  " + ", ".join(f"{k} {kinds_found[k]}/{n}" for k, n in sorted(kinds_total.items())))
    if verbose:
        for post, expect, why in wrong_docs:
            print(f"WRONG DOC  {post}: expected {expect}; {why}")
        for post, rule, fired in rule_misses:
            print(f"RULE MISSED {post}: {rule} (raised: {fired})")
        for post, line, kind, text in misses:
            print(f"MISSED     {post}:{line} {kind} {text!r}")
        for post, line, rule, text in false_findings:
            print(f"FALSE      {post}:{line} {rule} {text!r}")


if __name__ == "__main__":
    main()
