"""Measure the content rules on sources the text models never saw, by folds of whole folders.

    python eval/unseen_sources.py                 # every measured question, 5 folds
    python eval/unseen_sources.py --split dev     # one split's questions only
    python eval/unseen_sources.py --details       # with the ids missed and flagged wrongly

``eval/run.py`` lints the corpus with the shipped models, which were trained
on most of it, so its figures on a trained-on split say how well the models
remember, not how they read a question from a new source. This script puts
each corpus folder (one source) in one of ``--folds`` folds, fixed by a hash
of the folder's name; for each fold it trains both text models on the other
folds' questions (with ``eval/train_models.py``'s settings), writes them into
a temporary copy of the package, and lints that fold's folders with the real
CLI of the copy. The findings of all folds are then measured together, as
``eval/run.py`` measures them.

The cue catalogues were written with most of the corpus in view, so these
figures are not blind: they are an honest reading of the trained models on
unseen sources, and the best estimate short of a new held-out batch. Splits
not yet measured (``--exclude``, by default the one ``eval/train_models.py``
leaves out) are neither trained on nor measured. Training needs scikit-learn
(``pip install -e '.[train]'``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as measuring  # noqa: E402  (eval/run.py: labels, measuring, the table)
import train_models as training  # noqa: E402

ROOT = HERE.parent
CORPUS = HERE / "corpus"


def fold_of(folder: str, folds: int) -> int:
    """The fold a corpus folder belongs to, fixed by its name alone."""
    return int(hashlib.sha256(folder.encode()).hexdigest()[:8], 16) % folds


def _package_copy(into: Path) -> Path:
    """A copy of the package and the files it reads beside it (schemas, bundled loops)."""
    for name in ("src", "schemas", "loops"):
        shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return into / "src"


def _train_into(data: Path, rows: list[tuple[dict, dict]], exclude: set[str]) -> None:
    models = training.train_all(rows, exclude, "eval/unseen_sources.py without this fold's folders")
    for name in training.untrained(models):
        print(f"{data}: no questions labelled both ways to train {name} on; the shipped one is kept",
              file=sys.stderr)
    for name, model in models.items():
        training.write(data / name, model, quiet=True)


def _lint_fold(fold: int, held_out: list[Path], everything: list[Path], exclude: set[str], scratch: Path) -> list[dict]:
    """Lint one fold's folders with models trained on every other folder."""
    mine = [f for f in everything if f in held_out]
    if not mine:
        return []
    src = _package_copy(scratch / f"fold{fold}")
    trained_on = training.load(exclude, [f for f in everything if f not in held_out])
    _train_into(src / "looptool" / "data", trained_on, exclude)
    files = [str(folder / "questions.yaml") for folder in mine]
    return measuring.lint_report(files, "--jobs", "1", env={**os.environ, "PYTHONPATH": str(src)})["findings"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5, help="how many folds of whole folders (default 5)")
    parser.add_argument("--split", default="all", help="measure one split's questions only (default: all)")
    parser.add_argument("--exclude", action="append", default=None,
                        help=f"a split neither trained on nor measured (repeatable; default: {training.UNMEASURED})")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the labelled corpus (default: eval/corpus)")
    parser.add_argument("--details", action="store_true", help="list the missed and false ids")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")
    exclude = set(args.exclude or [training.UNMEASURED])
    if args.split in exclude:
        parser.error(f"--split {args.split} is excluded: it has not been measured yet")
    everything = sorted(p.parent for p in args.corpus.glob("*/questions.yaml"))
    if not everything:
        parser.error(f"{args.corpus}: no corpus folders (*/questions.yaml) found")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        parser.error("training needs scikit-learn: pip install -e '.[train]'")
    by_fold = defaultdict(list)
    for folder in everything:
        by_fold[fold_of(folder.name, args.folds)].append(folder)
    with tempfile.TemporaryDirectory(prefix="looptool-unseen-") as scratch, ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(_lint_fold, k, by_fold[k], everything, exclude, Path(scratch)) for k in range(args.folds)]
        findings = [f for run in runs for f in run.result()]
    found = defaultdict(list)
    for finding in findings:
        if finding.get("subject") and not str(finding.get("path", "")).endswith(".last_reviewed"):
            found[finding["subject"]].append(finding)
    labels = {qid: lab for qid, lab in measuring.load_labels(args.corpus).items() if lab.get("split") not in exclude}
    result = measuring.measure(labels, found, args.split)
    result["folds"] = args.folds
    return measuring._report(result, args, measuring.table(result), result["modes"],
                             [f"  clean alarmed: {qid}" for qid in result["clean_alarmed"]])


if __name__ == "__main__":
    sys.exit(main())
