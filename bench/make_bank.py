"""Generate a synthetic question bank from the bundled questions.

    python bench/make_bank.py OUT_DIR --questions 2000 [--files 40] [--seed 1]

Each generated question is a bundled question with a new id, shuffled lists
and reworded text: about 40% of the words of the title, prompt and signal
are replaced by words drawn from the bank's own vocabulary, so generated
questions read like a bank of distinct questions (fewer than half of their
two-word runs are shared, below the near-duplicate threshold) while keeping
realistic lengths and words for the text rules. Spread over many files. The skill taxonomy, roles and loop
templates are copied alongside, so the result is a complete, valid bank.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
WORDS = ("careful", "rapid", "regional", "nightly", "shared", "legacy", "mobile", "batch", "streaming", "audited",
         "hourly", "tiered", "global", "internal", "partner", "seasonal", "secure", "edge", "archival", "bursty")


def _bundled_questions():
    from looptool.bank.loader import load_bytes  # keeps dates as strings, as the schema wants

    out = []
    for path in sorted((REPO / "loops" / "questions").glob("*.yaml")):
        out += load_bytes(path.read_bytes(), str(path)).documents[0].data["questions"]
    return out


REWORD = 0.4


def _reword(text, vocabulary, rng):
    return " ".join(w if rng.random() > REWORD else rng.choice(vocabulary) for w in text.split(" "))


def _vary(question, n, rng, vocabulary):
    q = dict(question)
    q["id"] = f"{question['id']}-{n}"
    tag = " ".join(rng.sample(WORDS, 3))
    q["title"] = f"{_reword(question['title'], vocabulary, rng)} ({tag} {n})"
    q["prompt"] = _reword(question["prompt"], vocabulary, rng)
    q["signal"] = f"{_reword(question['signal'], vocabulary, rng)} ({tag} {n})"
    q["skills"] = rng.sample(question["skills"], len(question["skills"]))
    return q


def generate(out: Path, questions: int, files: int, seed: int) -> None:
    rng = random.Random(seed)
    base = _bundled_questions()
    out.mkdir(parents=True, exist_ok=True)
    for name in ("skills.yaml", "roles.yaml"):
        shutil.copy(REPO / "loops" / name, out / name)
    (out / "levels").mkdir(exist_ok=True)
    shutil.copy(REPO / "loops" / "levels" / "loops.yaml", out / "levels" / "loops.yaml")
    vocabulary = sorted({w for q in base for w in q["prompt"].split() if w.isalpha()})
    generated = [_vary(base[i % len(base)], i, rng, vocabulary) for i in range(questions)]
    per_file = -(-questions // files)
    (out / "questions").mkdir(exist_ok=True)
    for f in range(files):
        chunk = generated[f * per_file:(f + 1) * per_file]
        if not chunk:
            break
        text = "# yaml-language-server: $schema=../../schemas/bank.schema.json\n" + yaml.safe_dump(
            {"questions": chunk}, sort_keys=False, allow_unicode=True, width=100)
        (out / "questions" / f"bank-{f:04d}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--files", type=int, default=0, help="default: one file per 50 questions")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.questions, args.files or max(1, args.questions // 50), args.seed)


if __name__ == "__main__":
    main()
