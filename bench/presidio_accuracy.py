"""Accuracy of caseguard and Presidio side by side, scored by bench/accuracy.py's scorer.

Corpora: tests/corpus, tests/corpus-b and a generated set (bench/generate.py, 200 posts by
default), or the ones given with --corpus. For each: document accuracy (a post is blocked when
a tool reports anything), identifier recall and precision (a finding counts when it overlaps a
labelled identifier on the same line), recall per labelled kind, precision per reported kind,
and false findings per clean post.

Presidio (see presidio_adapter.py): the same spaCy model, Presidio's default NLP configuration
(ORGANIZATION ignored), every predefined recognizer asked for the entities that map to our
kinds, the site's allow list passed as `allow_list`, on each file's full text. Main threshold
0.35 (Presidio's own default is 0, which keeps every candidate); rows for threshold 0.5, for
ORGANIZATION kept, and for Presidio reading only the visible text (caseguard's Markdown reading:
markup, front matter keys and URLs blanked) show how much the configuration matters.

    python bench/presidio_accuracy.py [--corpus DIR ...] [--generated 200] [--threshold 0.35] [--verbose]
"""

from __future__ import annotations

import argparse
import os

import accuracy
import benchlib
import presidio_adapter

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ["person-name", "location", "date", "age-over-89", "phone", "fax", "email", "ssn", "record-number",
         "vehicle", "device", "url", "ip-address", "photo"]


def presidio_runs(corpus: str, labels: dict, threshold: float, analyzers: dict) -> dict:
    """Findings of each Presidio configuration, keyed by the row name."""
    from caseguard import config, post as post_module

    settings = config.load(os.path.join(corpus, "mkdocs.yml"))
    allow = presidio_adapter.allow_list(settings)
    rows = {f"Presidio >= {threshold:g}": [], "Presidio >= 0.5": [], f"Presidio >= {threshold:g}, ORG kept": [],
            f"Presidio >= {threshold:g}, visible text": []}
    for post in labels:
        path = os.path.join("docs", post)
        with open(os.path.join(corpus, path), encoding="utf-8-sig") as handle:
            text = handle.read()
        default, with_org = analyzers["default"], analyzers["org"]
        results = presidio_adapter.analyze(default, text, allow, presidio_adapter.entities(default))
        rows[f"Presidio >= {threshold:g}"] += presidio_adapter.as_findings(text, results, path, threshold)
        rows["Presidio >= 0.5"] += presidio_adapter.as_findings(text, results, path, 0.5)
        results = presidio_adapter.analyze(with_org, text, allow, presidio_adapter.entities(with_org))
        rows[f"Presidio >= {threshold:g}, ORG kept"] += presidio_adapter.as_findings(text, results, path, threshold)
        parsed = post_module.load(os.path.join(corpus, path), path)
        visible = presidio_adapter.visible_text(parsed.text, parsed)
        results = presidio_adapter.analyze(default, visible, allow, presidio_adapter.entities(default))
        rows[f"Presidio >= {threshold:g}, visible text"] += presidio_adapter.as_findings(visible, results, path, threshold)
    return rows


def show(name: str, corpus: str, scores: dict, verbose: bool):
    first = next(iter(scores.values()))
    print(f"\n## {name}: {first['posts']} posts ({first['clean_posts']} clean), {first['labels']} labelled identifiers")
    print(f"{'':34} {'doc acc':>7} {'recall':>7} {'precision':>9} {'false/clean post':>16} {'findings':>8}")
    for row, s in scores.items():
        print(f"{row:34} {s['document_accuracy']:7.3f} {s['recall']:7.3f} {s['precision']:9.3f} "
              f"{s['false_per_clean']:16.2f} {s['all_ids']:8}")
    shown = list(scores)[:2]
    kinds = [k for k in KINDS if first["kinds_total"].get(k)]
    print("recall per labelled kind (" + " | ".join(shown) + "):")
    for kind in kinds:
        total = first["kinds_total"][kind]
        cells = "   ".join(f"{scores[r]['kinds_found'][kind]:>3}/{total:<3}" for r in shown)
        print(f"  {kind:<14} {cells}")
    print("precision per reported kind (true/all findings; " + " | ".join(shown) + "):")
    reported = sorted(set().union(*(scores[r]["finding_kinds"] for r in shown)))
    for kind in reported:
        cells = "   ".join(f"{scores[r]['finding_kinds_true'][kind]:>4}/{scores[r]['finding_kinds'][kind]:<4}" for r in shown)
        print(f"  {kind:<14} {cells}")
    if verbose:
        for row in shown[1:]:
            for post, line, rule, text in scores[row]["false_findings"][:60]:
                print(f"  {row} FALSE {post}:{line} {rule} {text!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="a labelled corpus folder (repeatable)")
    parser.add_argument("--generated", type=int, default=200, help="posts in the generated set (0: none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=0.35)
    parser.add_argument("--verbose", action="store_true", help="list Presidio's false findings")
    args = parser.parse_args()
    benchlib.print_machine()
    print(benchlib.versions())
    corpora = [(c, os.path.abspath(c)) for c in (args.corpus or [])] or [
        ("tests/corpus", os.path.join(HERE, "..", "tests", "corpus")),
        ("tests/corpus-b", os.path.join(HERE, "..", "tests", "corpus-b"))]
    generated = None
    if args.generated:
        generated = benchlib.make_site(args.generated, args.seed)
        corpora.append((f"generated ({args.generated} posts, seed {args.seed})", generated))
    analyzers = {"default": presidio_adapter.make_analyzer(), "org": presidio_adapter.make_analyzer(with_org=True)}
    print(f"Presidio on {presidio_adapter.model_name()}, entities: {', '.join(presidio_adapter.entities(analyzers['default']))}")
    try:
        for name, corpus in corpora:
            corpus = os.path.abspath(corpus)
            labels = accuracy.load_labels(corpus)
            scores = {"caseguard": accuracy.score(corpus, labels, accuracy.run_caseguard(corpus))}
            for row, findings in presidio_runs(corpus, labels, args.threshold, analyzers).items():
                scores[row] = accuracy.score(corpus, labels, findings)
            show(name, corpus, scores, args.verbose)
    finally:
        if generated:
            benchlib.remove(generated)


if __name__ == "__main__":
    main()
