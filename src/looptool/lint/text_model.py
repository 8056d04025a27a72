"""Small text models trained on the labelled corpus: what a question asks, whether it is vague, and
whether it keeps its round's promise.

The cue catalogue (``data/question_cues.yaml``) recognises the wordings it
lists; real question banks word the same requests in many other ways. This
module reads small statistical models trained on looptool's labelled
corpus of real interview questions (``eval/train_models.py`` writes them to
``data/``), each a logistic regression over word and word-pair tf-idf
features of the question's title and prompt:

- ``ASKS`` (``ask_model.json``): for each kind of request the corpus labels
  (implement, design, recall, analyse-data, math-items, present-own-work,
  career, behavioural), how likely the text is to be asking for it;
- ``VAGUE`` (``vague_model.json``): for a design prompt, how likely it is to
  be vague (``vague`` against ``not-vague``);
- ``ROUNDS`` (``coding_round_model.json``, ``design_round_model.json``): for a
  question set in a coding round, or in a design round, how likely it is to
  ask for something that round does not promise (``off-promise`` against
  ``kept``), learned from that round's labelled questions alone.

Each reading also says which words weigh most towards a class, so a finding
can say why.

Scoring is plain Python over the stored weights (no scikit-learn at lint
time): tokens are runs of two or more word characters, lowercased; the
features are the tokens and each pair of neighbouring tokens; a feature's
weight is ``(1 + ln(count)) * idf``, the vector is scaled to unit length,
and the kinds' probabilities are the softmax of the weighted sums plus the
intercepts. The file records the probabilities scikit-learn gave a few
reference texts, and a test checks that this module reproduces them.
"""

from __future__ import annotations

import base64
import json
import math
import re
import sys
from array import array
from dataclasses import dataclass
from functools import cache

from looptool.bank.resources import data_path

ASKS = "ask_model"
VAGUE = "vague_model"
# question type -> the round model that reads questions of that type
ROUNDS = {"coding": "coding_round_model", "system-design": "design_round_model",
          "ml-system-design": "design_round_model"}
OFF_PROMISE = "off-promise"  # the round models' class for a question its round does not promise
# above this probability of OFF_PROMISE, a round model's reading takes a question off its round: the
# default at which mislabeled-interview reports it (when no sentence asks for the round's own work),
# and the point from which the design-quality judgements (ml-clothing, stale-problem's design-scoped
# topics) leave the question alone
OFF_ROUND = 0.70


@dataclass(frozen=True)
class Reading:
    """The model's reading of one text: each kind's probability, and the features it found."""

    probabilities: dict[str, float]
    features: dict[str, float]  # term -> its tf-idf weight in this text (unit length over all terms)
    model: str = ASKS  # which model read it

    def share(self, kinds) -> float:
        """How likely the text asks for any of ``kinds``."""
        return sum(self.probabilities.get(kind, 0.0) for kind in kinds)

    def likeliest(self) -> str:
        """The most likely kind, ties broken by name."""
        return max(sorted(self.probabilities), key=lambda k: self.probabilities[k])

    def strongest(self, kind: str, against=(), limit: int = 3) -> list[str]:
        """The terms in the text that weigh most towards ``kind`` rather than towards ``against``."""
        model = _model(self.model)
        column = model.column[kind]
        others = [model.column[k] for k in against if k in model.column]
        scored = []
        for term, value in self.features.items():
            weights = model.weights(term)
            pull = weights[column] - (max(weights[c] for c in others) if others else 0.0)
            if pull > 0:
                scored.append((-(value * pull), term))
        return [term for _, term in sorted(scored)[:limit]]


@dataclass(frozen=True)
class _Model:
    classes: tuple[str, ...]
    column: dict[str, int]
    intercepts: tuple[float, ...]
    index: dict[str, int]  # term -> its row
    idf: array  # per row, in millionths (``unpacked``)
    flat: array  # the weights in millionths, one row of len(classes) per term
    token: re.Pattern
    bigrams: bool

    def weights(self, term: str) -> list[float]:
        """The term's weight for each class."""
        width = len(self.classes)
        row = self.index[term] * width
        return [count / SCALE for count in self.flat[row:row + width]]


@cache
def _model(name: str = ASKS) -> _Model:
    # flat arrays rather than one object per term, and the numbers packed (see ``packed``): the file
    # is read on every cold run, and parsing half a million numbers written out took most of it
    with open(data_path(f"{name}.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    classes = tuple(data["classes"])
    low, high = data["features"]["ngrams"]
    terms = data["vocabulary"].split("\n")
    return _Model(classes, {k: i for i, k in enumerate(classes)}, tuple(data["intercepts"]),
                  dict(zip(terms, range(len(terms)))), unpacked(data["idf"]), unpacked(data["weights"]),
                  re.compile(data["features"]["token_pattern"]), bigrams=high >= 2 and low <= 1)


FORMAT = 2  # the model files' format: 2 packs ``idf`` and ``weights`` (``packed``)
DIGITS = 6  # eval/train_models.py rounds every trained number to this many decimals
SCALE = 10 ** DIGITS  # so packed numbers are whole millionths


def packed(values) -> str:
    """``values`` (each a whole number of millionths, as rounded to six decimals) as a model file
    stores a long list of numbers: the base64 text of each one's count of millionths, a
    little-endian 32-bit integer. The file loads in a few milliseconds instead of a tenth of a
    second, and ``count / SCALE`` is exactly the double its six decimals written out would parse to
    (both are the double nearest the same fraction)."""
    counts = array("i")
    for value in values:
        count = round(value * SCALE)
        if count / SCALE != value or not -2 ** 31 <= count < 2 ** 31:
            raise ValueError(f"{value!r} is not a whole number of millionths a 32-bit integer holds")
        counts.append(count)
    if sys.byteorder == "big":
        counts.byteswap()
    return base64.b64encode(counts.tobytes()).decode("ascii")


def unpacked(text: str) -> array:
    """The counts of millionths ``packed`` wrote (divide each by ``SCALE``)."""
    counts = array("i")
    counts.frombytes(base64.b64decode(text))
    if sys.byteorder == "big":
        counts.byteswap()
    return counts


def kinds(name: str = ASKS) -> tuple[str, ...]:
    """The classes a model tells apart."""
    return _model(name).classes


def text_of(title: str | None, prompt: str | None) -> str:
    """What the models read of a question (eval/train_models.py calls this too, so training and lint
    join the title and prompt alike)."""
    return f"{title or ''}. {prompt or ''}"


def read(text: str, name: str = ASKS) -> Reading:
    """A model's reading of ``text``."""
    model = _model(name)
    tokens = model.token.findall(text.lower())
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    if model.bigrams:
        for left, right in zip(tokens, tokens[1:]):
            pair = f"{left} {right}"
            counts[pair] = counts.get(pair, 0) + 1
    features = {}
    index, idf = model.index, model.idf
    for term, count in counts.items():
        row = index.get(term)
        if row is not None:
            features[term] = (1.0 + math.log(count)) * (idf[row] / SCALE)
    norm = math.sqrt(sum(v * v for v in features.values()))
    if norm:
        features = {term: value / norm for term, value in features.items()}
    scores = list(model.intercepts)
    width, flat = len(scores), model.flat
    for term, value in features.items():
        row = index[term] * width
        for k in range(width):
            scores[k] += value * (flat[row + k] / SCALE)
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return Reading({k: e / total for k, e in zip(model.classes, exps)}, features, name)
