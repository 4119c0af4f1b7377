"""Accuracy on the labelled corpora, through the real CLI: a change that loses a client's name,
or starts blocking clean posts, fails here (the figures themselves are printed by
bench/accuracy.py)."""

from __future__ import annotations

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "bench"))

import accuracy  # noqa: E402

# The targets are for posts caseguard has never seen; these corpora were used to tune it,
# so they must stay at least this good. (corpus: minimum identifier recall)
CORPORA = {"corpus": 0.95, "corpus-b": 0.95, "corpus-c": 0.95, "corpus-d": 0.90, "corpus-e": 0.85,
           "corpus-f": 0.90, "corpus-g": 0.80, "corpus-h": 0.90, "corpus-i": 0.90,
           "corpus-j": 0.80, "corpus-k": 0.85, "corpus-l": 0.90, "corpus-m": 0.90, "corpus-n": 0.90,
           "corpus-o": 0.85, "corpus-p": 0.85,
           "corpus-q": 0.95, "corpus-r": 0.93, "corpus-s": 0.93,
           "corpus-t": 0.93, "corpus-u": 0.90, "corpus-v": 0.93, "corpus-w": 0.90,
           "corpus-x": 0.90, "corpus-y": 0.95, "corpus-z": 0.92, "corpus-aa": 0.93,
           "corpus-bb": 0.92, "corpus-cc": 0.95, "corpus-dd": 0.92, "corpus-ee": 0.95,
           "corpus-ff": 0.95, "corpus-gg": 0.85, "corpus-hh": 0.95, "corpus-ii": 0.88,
           "corpus-jj": 0.85, "corpus-kk": 0.88, "corpus-ll": 0.92, "corpus-mm": 0.92,
           "corpus-nn": 0.95, "corpus-oo": 0.95, "corpus-pp": 0.95, "corpus-qq": 0.92,
           "corpus-rr": 0.85, "corpus-ss": 0.92, "corpus-tt": 0.92, "corpus-uu": 0.95,
           "corpus-vv": 0.88, "corpus-ww": 0.95, "corpus-xx": 0.95, "corpus-yy": 0.85,
           "corpus-zz": 0.95, "corpus-ab": 0.85, "corpus-ac": 0.87, "corpus-ad": 0.88,
           "corpus-ae": 0.90, "corpus-af": 0.92, "corpus-ag": 0.95, "corpus-ah": 0.95,
           "corpus-ai": 0.95, "corpus-aj": 0.95, "corpus-ak": 0.95, "corpus-al": 0.95,
           "corpus-am": 0.95, "corpus-an": 0.95, "corpus-ao": 0.95, "corpus-ap": 0.92,
           "corpus-aq": 0.92, "corpus-ar": 0.87}


@pytest.mark.parametrize("name, min_recall", sorted(CORPORA.items()))
def test_labelled_corpus(name, min_recall):
    corpus = os.path.join(HERE, name)
    result = accuracy.score(corpus, accuracy.load_labels(corpus), accuracy.run_caseguard(corpus))
    summary = {k: result[k] for k in ("document_accuracy", "recall", "precision", "false_per_clean", "misses",
                                      "false_findings", "wrong_docs")}
    assert result["document_accuracy"] >= 0.95, summary
    assert result["recall"] >= min_recall, summary
    assert result["precision"] >= 0.85, summary
    assert result["false_per_clean"] <= 0.2, summary
