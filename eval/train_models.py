"""Train looptool's text models from the labelled corpus.

    pip install -e '.[train]'          # scikit-learn, for training only
    python eval/train_models.py        # writes src/looptool/data/{ask,vague,coding_round,design_round}_model.json

- The ask model: what a question asks the candidate to do. Each corpus
  question's label says it (``asks`` in eval/LABELLING.md: implement, design,
  recall, analyse-data, math-items, present-own-work, career, behavioural).
  ``mislabeled-interview`` compares it with what the question's type promises,
  so the type is deliberately not a feature.
- The vague model: whether a design prompt is vague (solution-first, with no
  one affected, nothing going wrong and no outcome wanted). It learns from the
  design prompts the labellers gave a ``framing``, labelled ``vague-scenario``
  or not; ``vague-scenario`` reads it.
- The round models, one for coding rounds and one for design rounds
  (``system-design`` and ``ml-system-design``): whether a question set in
  such a round asks for something the round does not promise. Each learns
  from the corpus questions of its round's types only, labelled
  ``mislabeled-interview`` or not, so it weighs what takes a question off
  that round's promise (a how-to in a coding round, a quiz in a design
  round), which the ask model, learning what questions ask in general,
  splits between kinds. ``mislabeled-interview`` reads them.

Each is a logistic regression on word and word-pair tf-idf features of the
question's title and prompt, written as plain data: the vocabulary with each
term's idf and per-class weights, the intercepts, and a few reference texts
(our own) with the probabilities scikit-learn gave them. looptool reads the
files with :mod:`looptool.lint.text_model` in pure Python (no scikit-learn at
lint time), and a test checks that it reproduces those probabilities.

Held-out splits that have not been measured yet are never trained on:
``--exclude`` names them (by default ``UNMEASURED``, the newest batch). The
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

from looptool.fsutil import write_atomic
from looptool.lint.text_model import DIGITS, FORMAT, OFF_PROMISE, packed, text_of as join_title_and_prompt
from looptool.lint.text_model import ROUNDS as ROUND_OF_TYPE

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "src" / "looptool" / "data"

# the vectoriser's settings, which looptool.lint.text_model reproduces
TOKEN_PATTERN = r"(?u)\b\w\w+\b"
NGRAMS = (1, 2)
MIN_DF = 2
C = 4.0
# the newest held-out batch, pinned before its folders existed and not measured yet: neither this
# script nor eval/unseen_sources.py trains on it unless told otherwise (see eval/splits.py)
sys.path.insert(0, str(HERE))
from splits import UNMEASURED  # noqa: E402


# looptool's own reference texts: each file records scikit-learn's probabilities for them, and a
# test checks that looptool.lint.text_model reproduces them from the weights alone
ASK_CHECKS = [
    "Sharding. What is sharding, and how does it differ from replication?",
    "Rate limiter. Write a function that allows at most n calls per rolling minute; give its complexity.",
    "Ticket routing. Support agents spend hours sending tickets to the right team. Design something that helps.",
    "Churn data. Here is a CSV of last year's subscriptions: explore it and fit a model that predicts churn.",
    "Dice. What is the expected number of rolls of a fair die until the first six?",
    "Your project. Walk us through a system you built: what was hard, and what would you change?",
    "Next role. Why are you looking for a new job, and where do you want to be in three years?",
    "Conflict. Tell me about a time you disagreed with your manager. What did you do?",
]
VAGUE_CHECKS = [
    "Chat service. Design a chat service.",
    "Late buses. Riders at our stops cannot tell when the next bus comes and give up on the service. "
    "Find a way to fix that.",
    "Search. Build a search engine for our online shop.",
    "Flaky deploys. One deploy in ten fails halfway and leaves servers on two versions. "
    "How would you design the rollout so this stops?",
]


# the round models: for the rounds whose type promises work of the candidate's own (code, a design),
# whether a question set in one asks for something else. The ask model learns what questions ask in
# general; these learn, from the labelled rounds of one kind only, what takes a question off that
# round's promise (a how-to in a coding round, a quiz in a design round). File -> the types it reads,
# from the mapping looptool reads them by.
ROUNDS = {f"{name}.json": tuple(kind for kind, model in ROUND_OF_TYPE.items() if model == name)
          for name in dict.fromkeys(ROUND_OF_TYPE.values())}
OFF, KEPT = OFF_PROMISE, "kept"  # the round models' classes
ROUND_CHECKS = {
    "coding_round_model.json": [
        "Reverse words. Write a function that reverses the order of the words in a sentence.",
        "Closures. What is a closure, and when would you use one?",
        "Merge intervals. Given a list of intervals, merge the overlapping ones and return the result.",
        "Git. How do you undo the last commit without losing its changes?",
    ],
    "design_round_model.json": [
        "Photo sharing. Design a photo-sharing service for 10 million daily users; sketch the storage and the feed.",
        "CAP. What is the CAP theorem?",
        "Late buses. Riders cannot tell when the next bus comes. Design a way to fix that.",
        "Load balancers. What is the difference between a layer 4 and a layer 7 load balancer?",
    ],
}


def text_of(question: dict) -> str:
    """What a model reads of a question: the same join looptool makes at lint time."""
    return join_title_and_prompt(question.get("title"), question.get("prompt"))


def load(exclude: set[str], folders: list[Path] | None = None) -> list[tuple[dict, dict]]:
    """(question, label) for every question of the corpus folders (by default all of them) outside
    the excluded splits."""
    if folders is None:
        folders = [p.parent for p in (HERE / "corpus").glob("*/labels.yaml")]
    rows = []
    for folder in sorted(folders):
        labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))["questions"]
        bank = yaml.safe_load((folder / "questions.yaml").read_text(encoding="utf-8"))
        rows += [(q, labels[q["id"]]) for q in bank["questions"] if labels[q["id"]]["split"] not in exclude]
    return rows


def train(texts: list[str], targets: list[str], checks: list[str], about: str, exclude: set[str]) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=NGRAMS, min_df=MIN_DF,
                                 sublinear_tf=True, lowercase=True)
    features = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    model.fit(features, targets)
    classes = [str(c) for c in model.classes_]
    # a binary model has one row of weights (for the second class); stored as two, the first the
    # negation of half and the second half, the softmax gives the same probabilities
    coef = model.coef_ if len(classes) > 2 else [-model.coef_[0] / 2, model.coef_[0] / 2]
    intercepts = model.intercept_ if len(classes) > 2 else [-model.intercept_[0] / 2, model.intercept_[0] / 2]
    idf = vectoriser.idf_
    vocabulary = sorted(vectoriser.vocabulary_.items())
    weights = [round(float(coef[k][column]), DIGITS) for _, column in vocabulary for k in range(len(classes))]
    probabilities = model.predict_proba(vectoriser.transform(checks))
    return {
        "format": FORMAT,
        "about": about,
        "features": {"reads": "title. prompt", "token_pattern": TOKEN_PATTERN, "ngrams": list(NGRAMS),
                     "lowercase": True, "sublinear_tf": True, "norm": "l2", "min_df": MIN_DF},
        "model": {"kind": "logistic regression", "C": C, "class_weight": "balanced"},
        "trained_on": {"questions": len(texts), "excluded_splits": sorted(exclude),
                       "per_class": {kind: targets.count(kind) for kind in classes}},
        "classes": classes,
        "intercepts": [round(float(b), DIGITS) for b in intercepts],
        # flat arrays (a newline-joined vocabulary, one idf per term, one row of weights per term)
        # load several times faster than one object per term; the numbers are packed (text_model.packed)
        "vocabulary": "\n".join(term for term, _ in vocabulary),
        "idf": [round(float(idf[column]), DIGITS) for _, column in vocabulary],
        "weights": weights,
        "checks": [{"text": text, "probabilities": [round(float(p), DIGITS) for p in row]}
                   for text, row in zip(checks, probabilities)],
    }


def train_all(rows: list[tuple[dict, dict]], exclude: set[str], made_by: str = "eval/train_models.py") -> dict:
    """File name -> model, for every model trained on ``rows``. The vague model and each round model
    need questions labelled both ways; without them it is left out (the caller keeps the model it has)."""
    models = {"ask_model.json": train(
        [text_of(q) for q, _ in rows], [label["asks"] for _, label in rows], ASK_CHECKS,
        f"What a question asks the candidate to do, learned from looptool's labelled corpus by {made_by}; "
        "read by looptool.lint.text_model.", exclude)}
    designs = [(q, label) for q, label in rows if label.get("framing")]
    targets = ["vague" if "vague-scenario" in (label.get("findings") or []) else "not-vague" for _, label in designs]
    if len(set(targets)) == 2:
        models["vague_model.json"] = train(
            [text_of(q) for q, _ in designs], targets, VAGUE_CHECKS,
            f"Whether a design prompt is vague, learned from looptool's labelled corpus by {made_by}; read by "
            "looptool.lint.text_model.", exclude)
    for name, types in ROUNDS.items():
        rounds = [(q, label) for q, label in rows if q.get("type") in types]
        targets = [OFF if "mislabeled-interview" in (label.get("findings") or []) else KEPT for _, label in rounds]
        if len(set(targets)) == 2:
            models[name] = train(
                [text_of(q) for q, _ in rounds], targets, ROUND_CHECKS[name],
                f"Whether a question set in a {' or '.join(types)} round asks for something that round does not "
                f"promise, learned from looptool's labelled corpus by {made_by}; read by looptool.lint.text_model.",
                exclude)
    return models


def untrained(models: dict) -> list[str]:
    """The model files ``train_all`` left out (no questions labelled both ways to learn from)."""
    return [name for name in ("vague_model.json", *ROUNDS) if name not in models]


def write(path: Path, data: dict, quiet: bool = False) -> None:
    if not all(math.isfinite(w) for w in data["weights"] + data["idf"]):
        print(f"{path}: training gave a weight that is not a finite number; nothing written", file=sys.stderr)
        raise SystemExit(2)
    try:
        stored = {**data, "idf": packed(data["idf"]), "weights": packed(data["weights"])}
    except ValueError as exc:  # a weight too large for the file's 32-bit counts
        print(f"{path}: {exc}; nothing written", file=sys.stderr)
        raise SystemExit(2) from None
    try:
        write_atomic(path, json.dumps(stored, ensure_ascii=False, separators=(",", ":")) + "\n")
    except OSError as exc:
        print(f"{path}: cannot write the model ({exc})", file=sys.stderr)
        raise SystemExit(2) from None
    if quiet:
        return
    print(f"wrote {path} ({data['trained_on']['questions']} questions, {len(data['idf'])} terms, "
          f"{path.stat().st_size / 1024:.0f} KiB); excluded splits: {', '.join(data['trained_on']['excluded_splits'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--exclude", action="append", default=None,
                        help=f"a split never to train on (repeatable; default: {UNMEASURED})")
    parser.add_argument("--out", type=Path, default=DATA, help="the folder to write the models to")
    args = parser.parse_args(argv)
    exclude = set(args.exclude or [UNMEASURED])
    if not args.out.is_dir():
        parser.error(f"{args.out}: not a folder to write the models to")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        parser.error("training needs scikit-learn: pip install -e '.[train]'")
    models = train_all(load(exclude), exclude)
    for name in untrained(models):
        print(f"no questions labelled both ways for {name}: it is not retrained", file=sys.stderr)
    for name, model in models.items():
        write(args.out / name, model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
