"""Train the ask model: what a question asks the candidate to do, learned from the labelled corpus.

    pip install -e '.[train]'          # scikit-learn, for training only
    python eval/train_asks.py          # writes src/looptool/data/ask_model.json

Each corpus question's label says what the candidate is asked to do (``asks``
in eval/LABELLING.md: implement, design, recall, analyse-data, math-items,
present-own-work, career, behavioural). This script fits a multinomial
logistic regression on word and word-pair tf-idf features of the question's
title and prompt, and writes it as plain data: the vocabulary with each
term's idf and per-kind weights, the intercepts, and a few reference
questions with the probabilities scikit-learn gave them. looptool reads the
file with :mod:`looptool.lint.ask_model` in pure Python (no scikit-learn at
lint time), and a test checks that it reproduces those probabilities.

The question's ``type`` is deliberately not a feature: the model must say
what the text asks, so that ``mislabeled-interview`` can compare it with what
the type promises.

Held-out splits that have not been measured yet are never trained on:
``--exclude`` names them (by default ``holdout7c``, session 7's third batch). The
choices below (features, C, class weighting) were made by grouped
cross-validation over the corpus folders, so that each fold's questions come
from sources the model never saw; see eval/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "src" / "looptool" / "data" / "ask_model.json"

# the vectoriser's settings, which looptool.lint.ask_model reproduces
TOKEN_PATTERN = r"(?u)\b\w\w+\b"
NGRAMS = (1, 2)
MIN_DF = 2
C = 4.0
DIGITS = 6  # weights are rounded to this many decimals in the file


# looptool's own reference texts: the file records scikit-learn's probabilities for them, and a
# test checks that looptool.lint.ask_model reproduces them from the weights alone
CHECKS = [
    "Sharding. What is sharding, and how does it differ from replication?",
    "Rate limiter. Write a function that allows at most n calls per rolling minute; give its complexity.",
    "Ticket routing. Support agents spend hours sending tickets to the right team. Design something that helps.",
    "Churn data. Here is a CSV of last year's subscriptions: explore it and fit a model that predicts churn.",
    "Dice. What is the expected number of rolls of a fair die until the first six?",
    "Your project. Walk us through a system you built: what was hard, and what would you change?",
    "Next role. Why are you looking for a new job, and where do you want to be in three years?",
    "Conflict. Tell me about a time you disagreed with your manager. What did you do?",
]


def text_of(question: dict) -> str:
    """What the model reads of a question: its title and prompt (looptool.lint.ask_model does the same)."""
    return f"{question.get('title') or ''}. {question.get('prompt') or ''}"


def load(exclude: set[str]) -> tuple[list[str], list[str], list[str]]:
    texts, kinds, ids = [], [], []
    for labels_path in sorted((HERE / "corpus").glob("*/labels.yaml")):
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))["questions"]
        bank = yaml.safe_load((labels_path.parent / "questions.yaml").read_text(encoding="utf-8"))
        for question in bank["questions"]:
            label = labels[question["id"]]
            if label["split"] in exclude:
                continue
            texts.append(text_of(question))
            kinds.append(label["asks"])
            ids.append(question["id"])
    return texts, kinds, ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exclude", action="append", default=None,
                        help="a split never to train on (repeatable; default: holdout7c)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    exclude = set(args.exclude or ["holdout7c"])
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        sys.exit("training needs scikit-learn: pip install -e '.[train]'")

    texts, kinds, ids = load(exclude)
    vectoriser = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=NGRAMS, min_df=MIN_DF,
                                 sublinear_tf=True, lowercase=True)
    features = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(features, kinds)

    classes = [str(c) for c in model.classes_]
    idf = vectoriser.idf_
    terms = {}
    for term, column in sorted(vectoriser.vocabulary_.items()):
        weights = [round(float(model.coef_[k][column]), DIGITS) for k in range(len(classes))]
        terms[term] = [round(float(idf[column]), DIGITS), weights]
    # reference texts (our own, one per kind) with scikit-learn's probabilities
    probabilities = model.predict_proba(vectoriser.transform(CHECKS))
    data = {
        "format": 1,
        "about": ("What a question asks the candidate to do, learned from looptool's labelled corpus "
                  "by eval/train_asks.py; read by looptool.lint.ask_model."),
        "features": {"reads": "title. prompt", "token_pattern": TOKEN_PATTERN, "ngrams": list(NGRAMS),
                     "lowercase": True, "sublinear_tf": True, "norm": "l2", "min_df": MIN_DF},
        "model": {"kind": "multinomial logistic regression", "C": C, "class_weight": "balanced"},
        "trained_on": {"questions": len(texts), "excluded_splits": sorted(exclude),
                       "per_kind": {kind: kinds.count(kind) for kind in classes}},
        "classes": classes,
        "intercepts": [round(float(b), DIGITS) for b in model.intercept_],
        "terms": terms,
        "checks": [{"text": text, "probabilities": [round(float(p), DIGITS) for p in row]}
                   for text, row in zip(CHECKS, probabilities)],
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                        encoding="utf-8")
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({len(texts)} questions, {len(terms)} terms, {size / 1024:.0f} KiB); "
          f"excluded splits: {', '.join(sorted(exclude))}")
    assert all(math.isfinite(w) for _, (_, ws) in terms.items() for w in ws)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
