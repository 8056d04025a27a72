"""What a question asks and how it is framed, read once from its text.

Every content rule reads one :class:`Analysis` per question instead of
matching the text itself. The analysis holds evidence, not verdicts: which
sentences ask the candidate to design, implement, recall facts, work on data,
answer math items, talk about their own project, their career or a past
situation (``asks``), and, for a design prompt, whether it starts from an
artefact to build (``solution``) and whether it names people affected, a
situation going wrong or an outcome wanted (``framing``). Beside the cues, a
small model trained on the labelled corpus weighs the whole text
(``reading`` and ``vagueness``, see :mod:`looptool.lint.text_model`). Rules are policies over
that evidence and quote it in their messages.

The cues are data (``data/question_cues.yaml``), compiled once, and matched
by the one engine every catalogue uses (:mod:`looptool.lint.matching`). The analysis
is pure: it reads a :class:`~looptool.model.Question` and nothing else, and it
is memoised on the question, so however many rules ask, the text is read once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from functools import cache, cached_property, lru_cache

from looptool.bank.catalogues import bundled, compile_error
from looptool.lint import text_model
from looptool.lint.matching import Matcher, alternation, compile_pattern

ASK_KINDS = ("design", "implement", "solve", "recall", "math-items", "behavioural", "career",
             "present-own-work", "own-practice", "analyse-data")

# what each interview type promises the candidate will do; any one of these
# among the requests means the round is what it says
PROMISES = {
    # hands-on work on a dataset ("train a GAN on MNIST", "plot five samples") is written in code too
    "coding": frozenset({"implement", "solve", "analyse-data"}),
    # estimates and derivations ("size the fleet", "derive the acceptance rule") are design work
    "system-design": frozenset({"design", "solve", "math-items"}),
    "ml-system-design": frozenset({"design", "solve", "math-items"}),
    "math-quiz": frozenset({"math-items", "recall", "solve"}),
    "data-modeling": frozenset({"analyse-data"}),
    # the conversations are all about the candidate's own path and work
    "project-deep-dive": frozenset({"present-own-work", "behavioural"}),
    # seed 003's career chat (the path, the highlights, the next role) replaces "tell me about a
    # time ..." questions, which prepared stories pass: a past situation alone is a behavioural round's
    "career-chat": frozenset({"career", "own-practice"}),
    # how the candidate habitually works with people ("How do you balance stakeholders' requests?")
    # is about how they act, as a past situation is
    "behavioral": frozenset({"behavioural", "own-practice"}),
}

# the kinds of request that tell neither way in a type's round: a computation asked in a modelling
# round ("work out how much longer the northern route takes", "compute the share of late orders per
# courier") is most often done on the round's data, so only the rest of the text (or the model's
# reading of the whole) says whether the round is what it says
NEUTRAL = {
    "data-modeling": frozenset({"math-items"}),
}

# what a request of each kind is, in a message
ASK_WORDS = {
    "design": "design a system", "implement": "write code", "solve": "work a problem",
    "recall": "recall or explain known facts", "math-items": "answer math items",
    "behavioural": "describe a past situation", "career": "talk about their career",
    "present-own-work": "present their own project", "analyse-data": "work on a dataset",
    "own-practice": "say how they work with people and new things",
}

_BULLET = re.compile(r"^\s*(?:[-*\u2022]|\(?\d+[.)]|\(?[a-z][.)])\s+", re.I)
_SPLIT = re.compile(r"(?<=[.?!])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n\s*(?:[-*\u2022]|\d+[.)])\s+")
_NUMBERING = re.compile(r"\(?(?:\d+|[a-z])[.)]", re.I)
_CODE_LINE = re.compile(r"^(?: {4}|\t)")
_FENCED = re.compile(r"```.*?```|~~~.*?~~~", re.S)  # a fenced code block (the language and choices readings skip them)
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, bullets and numbering removed; indented code lines left out."""
    return list(_sentences(text)) if text else []


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[str, ...]:
    """Split once per text: several rules and parts of the analysis read the same fields."""
    prose = "\n".join(line for line in text.splitlines() if not _CODE_LINE.match(line))
    prose = prose.translate(_QUOTES)
    out = []
    for part in _SPLIT.split(prose):
        part = " ".join(_BULLET.sub("", part.strip()).split())
        if part and not _NUMBERING.fullmatch(part):
            out.append(part)
    return tuple(out)


@dataclass(frozen=True)
class _Cue:
    kind: str
    start: Matcher | None
    anywhere: Matcher | None
    unless: Matcher | None
    terms: frozenset

    def find(self, sentence: str) -> str | None:
        m = (self.start and self.start.match(sentence)) or (self.anywhere and self.anywhere.search(sentence))
        # the exemption is read only for a sentence that asks: most do not
        return m.group(0) if m and not (self.unless and self.unless.search(sentence)) else None


def _join(patterns) -> Matcher | None:
    return compile_pattern(alternation(patterns)) if patterns else None


def _join_words(patterns) -> Matcher | None:
    """Like ``_join`` for patterns that start at a word: the gate in front lets re skip every position
    that is not the start of a word before trying the alternatives (about twice as fast)."""
    return compile_pattern(r"(?<!\w)(?=\w)(?:" + alternation(patterns) + ")") if patterns else None


# what may stand before a request's first word: "First, implement ...", "Part 2: design ...",
# a short heading with a colon: "Text generation: train a recurrent network on ...", and how the
# answer should come: "In your own words, explain ...", "Briefly, describe ..."
_OPENER = (r"^\W*(?:(?!(?:given|where|let|if|for|with|input|output|example)\b)[a-z][\w'/-]*(?: [\w'/-]+){0,4}:\s+)?"
           r"(?:(?:first|then|next|now|finally|also|afterwards|lastly|if so|if not|otherwise|optionally|"
           r"part \d+(?: \([^)]*\))?)\W+)?"
           r"(?:(?:in (?:your own|plain|simple|a few|one|two|three) (?:words?|sentences?|paragraphs?)|in (?:short|brief)|"
           r"briefly|concisely)\W+)?")


def _word_started(patterns) -> bool:
    return bool(patterns) and all(p.startswith((r"\b", "(")) and not p.startswith("(?<") for p in patterns)


@cache
def _cues() -> dict[str, _Cue]:
    try:
        return _compile_cues()
    except re.error as exc:
        raise compile_error(exc, ["question_cues"]) from None


def _compile_cues() -> dict[str, _Cue]:
    out = {}
    for entry in bundled("question_cues"):
        out[entry["kind"]] = _Cue(
            entry["kind"],
            _join([_OPENER + p for p in entry.get("start", ())]) if entry.get("start") else None,
            _join_words(entry.get("anywhere", ())) if _word_started(entry.get("anywhere", ())) else
            _join(entry.get("anywhere", ())), _join(entry.get("unless", ())),
            frozenset(t.lower() for t in entry.get("terms", ())),
        )
    return out


@dataclass(frozen=True)
class Evidence:
    """One sentence and the words in it that gave it away."""

    sentence: str
    cue: str

    def quote(self, width: int = 90) -> str:
        return f'"{clip(self.sentence, width)}"'


def clip(text: str, width: int) -> str:
    """``text`` with whitespace normalised, cut to ``width`` characters with "..." when longer: how
    findings quote their evidence."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3].rstrip() + "..."


@dataclass
class Framing:
    """How a design prompt sets up its problem."""

    solution: Evidence | None = None  # the artefact named as the thing to build
    person: Evidence | None = None  # someone affected, in their situation
    situation: Evidence | None = None  # something going wrong, or a need not met
    outcome: Evidence | None = None  # an outcome wanted

    @property
    def need_first(self) -> bool:
        return bool(self.person or self.situation or self.outcome)


ML_SPECIFIC = {"ml-label": "what the label is", "ml-delay": "when the label arrives",
               "ml-cost": "what each kind of error costs, or where the threshold sits",
               "ml-data": "what data exists", "ml-decision": "the decision the model drives"}


@dataclass
class MlContent:
    """What a question says about its ML part, over every field an interviewer reads."""

    generic: list[str] = field(default_factory=list)  # distinct recipe words and model names, in order
    recipe: int = 0  # how many of ``generic`` are practices or metrics rather than model names
    specific: dict[str, Evidence] = field(default_factory=dict)  # ML_SPECIFIC kind -> first evidence


@dataclass
class Analysis:
    """Read lazily: each part is computed the first time a rule asks for it, then kept, so a part
    no rule needs for this question (the ML content of a coding question, the skills when no role
    is checked) costs nothing."""

    question: Any = field(repr=False)
    requests: list[str] = field(default_factory=list)  # the prompt's sentences
    _asked: dict[str, list[Evidence]] = field(default_factory=dict, repr=False)

    @property
    def asks(self) -> dict[str, list[Evidence]]:
        """Kind of request -> the prompt's sentences asking for it (every kind read)."""
        return {kind: found for kind in ASK_KINDS if (found := self.asked(kind))}

    def asked(self, kind: str) -> list[Evidence]:
        """The prompt's sentences asking for one kind of request, read on first use."""
        done = self._asked
        if kind not in done:
            cue = _cues()[kind]
            done[kind] = [Evidence(s, f.strip()) for s in self.requests if (f := cue.find(s))]
        return done[kind]

    @cached_property
    def framing(self) -> Framing:
        return _framing(self.question, self.requests, _cues())

    @cached_property
    def ml(self) -> MlContent:
        # when ml_specific was read and found nothing, the specific cues need not be read again
        return _ml(self.question, _cues(), specific=self.__dict__.get("ml_specific", True) is not None)

    @cached_property
    def ml_specific(self) -> Evidence | None:
        """The first evidence of what only this ML problem has (any ``ML_SPECIFIC`` kind), read only
        until found: whether there is any is what the rules ask first, and most ML designs have some."""
        return _ml_specific(self.question, _cues())

    @cached_property
    def skills(self) -> dict[str, Evidence]:
        """Skill id -> its first evidence in the text."""
        return _skills(self.question)

    @cached_property
    def choices(self) -> Choices | None:
        """The answers the prompt lists to pick from, when it is a multiple-choice item."""
        return choices(self.question.prompt)

    @cached_property
    def material(self) -> list[Evidence]:
        """The prompt's sentences about material handed over with the question (a plot or table it
        shows, the results of a run, the model the candidate fitted): answered by reading it."""
        return self.asked("given-material")

    @cached_property
    def closed(self) -> list[Evidence]:
        """The prompt's questions when every one of them is closed (answered yes or no, or by picking
        one of two: "Are NSGs stateful or stateless?"), else nothing."""
        asking = [s for s in self.requests if s.rstrip().endswith("?")]
        found = self.asked("closed-question")
        return found if asking and len(found) == len(asking) else []

    @cached_property
    def language(self) -> Language | None:
        """The language other than English the prompt's prose reads as, or None (read as English)."""
        return language(self.question.prompt)

    @cached_property
    def model_text(self) -> str:
        """What the trained models read of the question: its title and prompt, joined as in training."""
        return text_model.text_of(self.question.title, self.question.prompt)

    @cached_property
    def reading(self) -> text_model.Reading:
        """What the trained ask model reads the title and prompt as asking for (each kind's
        probability); the cues above recognise the wordings they list, the model weighs the whole
        text as the labelled corpus taught it."""
        return text_model.read(self.model_text)

    @cached_property
    def vagueness(self) -> text_model.Reading:
        """How likely the trained vague model reads the title and prompt as a vague design prompt."""
        return text_model.read(self.model_text, text_model.VAGUE)

    @cached_property
    def off_promise(self) -> text_model.Reading | None:
        """How likely the round model of the question's type reads it as asking for something that
        round does not promise; None for a type no round model reads (see ``text_model.ROUNDS``)."""
        name = text_model.ROUNDS.get(self.question.type)
        if name is None:
            return None
        return text_model.read(self.model_text, name)

    def off_round(self, above: float | None = None) -> bool:
        """Whether the round model of the question's type takes it off that round's promise: gives
        ``OFF_PROMISE`` more than ``above`` (``text_model.OFF_ROUND`` unless given). False for a type
        no round model reads."""
        off = self.off_promise
        limit = text_model.OFF_ROUND if above is None else above
        return off is not None and off.probabilities[text_model.OFF_PROMISE] > limit

    def kinds(self) -> set[str]:
        return {kind for kind, found in self.asks.items() if found}

    def asks_for(self, *kinds: str) -> bool:
        return any(self.asked(kind) for kind in kinds)


@dataclass(frozen=True)
class Language:
    """A prompt whose prose reads as another language: every cue and model here reads English."""

    code: str  # the `words-<code>` entry of the `question_cues` catalogue whose words it uses
    words: int  # how many of the prose's words are that language's common function words
    english: int  # how many are English's


# a prompt reads as another language only on this much evidence: a few words of it can be a quoted
# name or phrase ("the Zeitgeist of the team"), and the language must clearly outnumber English
MIN_FOREIGN_WORDS = 5
_SAMPLE = 600  # characters of prose read: a language shows in its first sentences, and long prompts stay cheap
_WORD = re.compile(r"[a-z\u00c0-\u024f]+")  # over lower-cased text: the Latin letters the word lists use


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    """Each common function word -> the languages whose list holds it; a word on English's list
    counts for English alone, whatever other list holds it too."""
    cues = _cues()
    english = cues["words-en"].terms if "words-en" in cues else frozenset()
    table: dict[str, tuple[str, ...]] = dict.fromkeys(english, ("en",))
    for kind, cue in sorted(cues.items()):
        if kind.startswith("words-") and kind != "words-en":
            for word in cue.terms - english:
                table[word] = (*table.get(word, ()), kind.removeprefix("words-"))
    return table


def language(prompt: str | None) -> Language | None:
    """The other language ``prompt``'s prose reads as (code blocks and indented code left out): one
    whose function words number at least ``MIN_FOREIGN_WORDS`` and at least twice English's, over its
    first ``_SAMPLE`` characters of prose; None when it reads as English, or too little is prose to tell."""
    if not prompt:
        return None
    # fences are taken out before the cut, so a code block that straddles it is not read as prose
    prose = "\n".join(line for line in _FENCED.sub(" ", prompt)[:2 * _SAMPLE].splitlines() if not _CODE_LINE.match(line))
    per_word = Counter(map(_function_words().get, _WORD.findall(prose[:_SAMPLE].lower())))
    counts: Counter = Counter()
    for codes, count in per_word.items():
        for code in codes or ():
            counts[code] += count
    ours = counts.pop("en", 0)
    if not counts:
        return None
    code, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return Language(code, count, ours) if count >= MIN_FOREIGN_WORDS and count >= 2 * ours else None


def unread(question) -> bool:
    """True when the question's prompt reads as another language, which the English cues and models
    cannot judge: the content rules pass it by, and `unread-language` says so."""
    return analyse(question).language is not None


def analyse(question) -> Analysis:
    """The analysis of ``question``, computed on first use and kept on the question."""
    cached = question.__dict__.get("_analysis")
    if cached is None:
        cached = question.__dict__["_analysis"] = _analyse(question)
    return cached


def _analyse(question) -> Analysis:
    return Analysis(question, sentences(question.prompt or ""))


@cache
def _skill_cues() -> tuple[tuple[str, Matcher], ...]:
    try:
        return _compile_skill_cues()
    except re.error as exc:
        raise compile_error(exc, ["skill_cues"]) from None


def _compile_skill_cues() -> tuple[tuple[str, Matcher], ...]:
    return tuple((entry["skill"], _join(entry.get("anywhere", ()))) for entry in bundled("skill_cues")
                 if entry.get("anywhere"))


def _skills(question) -> dict[str, Evidence]:
    """The skills the prompt, scenario and signal show the question tests, with the first evidence."""
    found: dict[str, Evidence] = {}
    scenario = question.scenario
    parts = [question.prompt, getattr(question, "signal", None)]
    if scenario:
        parts += [scenario.need, *(getattr(scenario, "constraints", None) or ())]
    said = [s for part in parts if part for s in sentences(str(part))]
    joined = "\n".join(said)
    # dozens of skill cues, most with few needles: one scan of the whole rules a cue out of every sentence
    cues = [(skill, pattern) for skill, pattern in _skill_cues() if not pattern.absent_from(joined)]
    for sentence in said:
        for skill, pattern in cues:
            if skill not in found and (m := pattern.search(sentence)):
                found[skill] = Evidence(sentence, m.group(0))
    return found


@dataclass(frozen=True)
class Choices:
    """A closed list of answers the prompt offers the candidate to pick from (a multiple-choice item)."""

    question: str  # the sentence that asks, just before the list
    count: int  # how many answers are listed
    first: str  # the first answer, as written
    stem: str  # the prompt without its listed answers: what the candidate is asked, answers aside
    # the stem without the question the answers answer either (answered by picking one): what else,
    # if anything, the prompt asks of the candidate
    unasked: str

    def quote(self, width: int = 70) -> str:
        return Evidence(self.question, "").quote(width)


# one listed answer: "A: `42`", "- B. 4096", "(c) a stack", "**1.** ...", "2) git commit -m ..."
_CHOICE = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*)?\(?(?P<label>[A-Ea-e]|[1-9])(?:[.):]|\s*:)(?:\*\*)?\s+(?P<body>\S.*)$")
# an answer in a list without labels ("- SMTP"): only read when such a list closes the prompt
_BULLET_CHOICE = re.compile(r"^\s*(?P<mark>[-*+\u2022])\s+(?P<body>\S.*)$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_FENCE_MARK = re.compile(r"(?:```|~~~)\w*")
_CODE_ALONE = re.compile(r"^(?: {4}|\t)|^\s*`[^`]+`\s*$")  # an indented code line, or a line that is one code span
_LAST_SENTENCE = re.compile(r"(?<=[.!:?])\s+")
_PARAGRAPH = re.compile(r"\n\s*\n")
_CHOICE_LEAD = re.compile(r"\bwhich of\b|\b(?:output|result) of\b", re.I)
_WH = re.compile(r"\b(?:which|what)\b", re.I)
# a which- or what-question that ends with a colon, the list its answers ("Which command would
# result in the following output:"; not a heading such as "What you will build:"), or an
# instruction to pick from the list ("Select the true statement(s):", "Please select from the
# options below.") as opposed to a choice of task ("Choose one of the following projects")
_ASKS_TO_PICK = re.compile(
    r"^\W*(?:which|what)\b(?!\s+(?:you|we|i|they|he|she|it|one)\b)[^:]*:$|"
    r"\b(?:select|choose|pick|mark|tick|circle)\s+(?:(?:all|each|one|the|an?|any|only|of|those|which)\s+)*"
    r"(?:(?:true|false|correct|incorrect|right|wrong|best)\b|(?:answers?|options?|statements?|choices?|responses?)\b|"
    r"from (?:the|these) (?:options|answers|choices)\b)|\ball that apply\b", re.I)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
# an answer that is one line of code opening with a call or an index and closing with its bracket:
# "print(x)", "print(data.select_dtypes(float).sum())", "df[['a', 'b']].sum()"
_CALL_ALONE = re.compile(r"^[A-Za-z_][\w.:]*[(\[][^\n]*[)\]];?$")
# an answer that points at other answers ("Both 1 and 2", "All of the above", "Neither A nor C"): only a
# list of answers to pick from has one, so its other items are answers too, whatever their mood
_POINTS_AT_ANSWERS = re.compile(
    r"^\W*(?:both|all|none|neither|either|only)\b[^.?!]{0,20}?(?:\b(?:of )?(?:the )?(?:above|below)\b|"
    r"\bof (?:these|them|those|the (?:options|answers|choices))\b|\b(?:[A-E]|[1-9]),? (?:and|or|nor) (?:[A-E]|[1-9])\b)", re.I)
MAX_CHOICE = 160  # a listed answer longer than this (code aside) is a task or a part, not an answer


def choices(prompt: str | None) -> Choices | None:
    """The answers a multiple-choice prompt lists, or None.

    Only the prompt's first labelled list of two or more items is read. It counts when its items
    are labelled in sequence from the start (A, B, C ...; a, b, c ...; 1, 2, 3 ...), each item is
    short (code blocks aside) and none is itself a question or a request the cues read ("Describe
    the bug", "Fix it"; a quoted answer is not one; inline code counts as code, not words), and the
    text just before it (past any sample it shows) asks a question: it ends with a question mark,
    says "which of" or "the output of", is a which- or what-question ending with a colon ("Which
    command would print the following:"), or tells the candidate to pick from the list ("Select
    the true statement(s):"; "Choose one of the following projects" offers tasks, not answers).
    Three or more lettered answers count after any such question; otherwise two or more, and only
    after a which- or what-question or an instruction to pick, since numbered steps and parts are
    common in exercises.

    A list set inside a code block of its own ("```" around "A. print(x)", "B. ...") is read as the
    list it is (``_unfenced``). An answer that is one line of code opening with a call ("print(x)")
    is code, not a request; and when one answer points at the others ("Both 1 and 2", "All of the
    above"), the list is one of answers whatever the mood of the rest ("Add the folder to CPATH"),
    and a numbered one counts after any question.

    A line onto which the answers were folded ("Which is true? - A) ... - B) ... - C) ...", as a
    YAML folded block writes a list) is read as the lines it was written in (``_unfolded``).

    A list without labels ("- SMTP", "- HTTP", ...) is read the same way when no labelled list
    counts, and counts only with three or more items, just after a question or an instruction to
    pick, and when nothing follows it: the answers close the prompt. Bullets in the middle of a
    prompt are mostly requirements, notes or parts."""
    lines = _unfenced([part for line in (prompt or "").splitlines() for part in _unfolded(line)])
    return _choice_list(lines, labelled=True) or _choice_list(lines, labelled=False)


def _unfenced(lines: list[str]) -> list[str]:
    """The lines with the fences taken off any code block that holds nothing but a labelled list
    (two or more lines such as "A. print(x)"): a list of answers set as code to keep its layout is
    still a list of answers. Any other code block is left as it is."""
    marks = [at for at, line in enumerate(lines) if _FENCE.match(line)]
    dropped = set()
    for start, end in zip(marks[::2], marks[1::2]):
        inside = [line for line in lines[start + 1:end] if line.strip()]
        if len(inside) >= 2 and all(_CHOICE.match(line) for line in inside):
            dropped |= {start, end}
    return [line for at, line in enumerate(lines) if at not in dropped] if dropped else lines


# a label inside a line, after a space: " - A) ", " B. ", " 3) "
_INLINE_LABEL = re.compile(r"(?<![-*])\s(?=(?:[-*]\s+)?\(?(?:[A-Ea-e]|[1-9])[.)]\s+\S)")


def _unfolded(line: str) -> list[str]:
    """A line whose answers were folded onto it ("Which is true? - A) ... - B) ... - C) ...", as a
    YAML folded block writes them) as the lines it was written in: a question or a colon, then three
    or more labels in sequence from A, a or 1. Anything else is left as it is, and the lines it gives
    are read by the same rules as any other list."""
    cuts = [m.end() for m in _INLINE_LABEL.finditer(line)]
    parts = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)])]
    stem, items = parts[0], parts[1:]
    labels = [found["label"] for found in map(_CHOICE.match, items) if found]
    if len(items) < 3 or len(labels) != len(items) or not stem.rstrip().endswith(("?", ":")):
        return [line]
    in_sequence = labels[0] in _FIRST_LABELS and all(_next_label(a) == b for a, b in zip(labels, labels[1:]))
    return parts if in_sequence else [line]


_FIRST_LABELS = "Aa1"  # a labelled list of answers starts at one of these


def _next_label(label: str) -> str:
    """The label after this one in a list of answers: B after A, b after a, 2 after 1."""
    return chr(ord(label) + 1)


def _item(line: str, labelled: bool) -> tuple[str, str] | None:
    """One listed answer: its label (A, a, 1 ...), or for a list without labels its bullet mark, and
    its text; a labelled line is never an item of a list without labels."""
    if labelled:
        found = _CHOICE.match(line)
        return (found["label"], found["body"]) if found else None
    found = None if _CHOICE.match(line) else _BULLET_CHOICE.match(line)
    return (found["mark"], found["body"]) if found else None


def _choice_list(lines: list[str], labelled: bool) -> Choices | None:
    # labels run in sequence (A, B, C ...); bullets repeat their mark
    following_key = _next_label if labelled else (lambda key: key)
    for at, line in enumerate(lines):
        first = _item(line, labelled)
        if not first or (first[0] not in _FIRST_LABELS if labelled else at and _BULLET_CHOICE.match(lines[at - 1])):
            continue
        key, body = first
        bodies, end, expected = [body], at, following_key(key)
        for offset, following in enumerate(lines[at + 1:], start=at + 1):
            item = _item(following, labelled)
            if item and item[0] == expected:
                bodies.append(item[1])
                expected = following_key(expected)
            elif following[:1] in " \t" or _FENCE.match(following) or bodies[-1].count("```") % 2:
                bodies[-1] += "\n" + following.strip()  # the item goes on (indented, or inside its code)
            elif following.strip():
                break
            end = offset
        # a list without labels counts only when it closes the prompt
        if len(bodies) < (2 if labelled else 3) or not (labelled or not "".join(lines[end + 1:]).strip()):
            continue
        # each answer's prose: code blocks out, and inline code (a file name, a command) as an empty
        # span, and so is an answer that is a call written without backticks ("println(x)")
        prose = [_CALL_ALONE.sub("``", _INLINE_CODE.sub("``", _FENCED.sub("", body)).strip()) for body in bodies]
        # sub-questions, parts or steps: each asks something of its own. Only the request cues count:
        # an answer that tells of a wait or a crash (what the framing cues read as a situation going
        # wrong) or names a model is still an answer to pick
        requests = [_cues()[kind] for kind in ASK_KINDS]
        pointed = any(_POINTS_AT_ANSWERS.match(p) for p in prose)
        if any(p.endswith("?") for p in prose) or max(map(len, prose)) > MAX_CHOICE or not pointed and any(
                cue.find(p) for p in prose if p[:1] not in "\"'`" for cue in requests):
            return None
        # the question before the list, past any sample it shows (a code block, a line of code alone)
        lead = "\n".join(ln for ln in _FENCED.sub(" ", "\n".join(lines[:at])).splitlines()
                         if not _CODE_ALONE.match(ln)).strip()
        asking = _LAST_SENTENCE.split(_PARAGRAPH.split(lead)[-1])[-1] if lead else ""
        picks = bool(_ASKS_TO_PICK.search(asking))
        if not (asking.endswith("?") or picks or labelled and _CHOICE_LEAD.search(asking)):
            return None
        if not labelled or (key in "Aa" and len(bodies) >= 3) or _WH.search(asking) or picks or pointed:
            stem = "\n".join(lines[:at] + lines[end + 1:])
            # the question as the stem writes it, whatever its line breaks
            written = re.compile(r"\s+".join(map(re.escape, asking.split())))
            return Choices(" ".join(asking.split()), len(bodies), " ".join(_FENCE_MARK.sub(" ", bodies[0]).split()),
                           stem, written.sub(" ", stem, count=1))
        return None
    return None


def _question_text(question) -> list[str]:
    """Every sentence the panel reads about the question: prompt, scenario, signal, rubric."""
    parts = [question.prompt, getattr(question, "signal", None)]
    scenario = question.scenario
    if scenario:
        parts += [scenario.need, *(getattr(scenario, "constraints", None) or ()),
                  *(getattr(scenario, "hooks", None) or ()), *(getattr(scenario, "tradeoffs", None) or ())]
    for band in getattr(question, "rubric", None) or ():
        parts += list(band.evidence)
    return [s for part in parts if part for s in sentences(str(part))]


def _ml(question, cues, specific: bool = True) -> MlContent:
    content = MlContent()
    for sentence in _question_text(question):
        for kind in ("ml-generic", "ml-models"):
            for m in cues[kind].anywhere.finditer(sentence):
                word = m.group(0).lower()
                if word not in content.generic:
                    content.generic.append(word)
                    content.recipe += kind == "ml-generic"
        for kind in ML_SPECIFIC if specific else ():
            if kind not in content.specific and (found := cues[kind].find(sentence)):
                content.specific[kind] = Evidence(sentence, found.strip())
    return content


def _ml_specific(question, cues) -> Evidence | None:
    for sentence in _question_text(question):
        for kind in ML_SPECIFIC:
            if found := cues[kind].find(sentence):
                return Evidence(sentence, found.strip())
    return None


# an artefact after a build verb: "Design a URL shortener", "Build Dropbox"
_SOLUTION = re.compile(
    r"^\W*(?:(?:please|now|first|then),? )?"
    # "How would you build a system to ...", "Describe how you would implement ..."
    r"(?:(?:how (?:would|will|could) you|how to|(?:describe|explain) how you would|"
    r"walk (?:me|us) through how you would) )?"
    # "make our feature cheaper" asks to improve what exists, not to build an artefact
    r"(?:design|architect|build|create|develop|implement|improve|"
    r"make(?![^,.;:?!]*\b(?:cheaper|faster|safer|smaller|quicker|better|more\s+\w+|less\s+\w+)\b))\w*\s+"
    r"(?:(?:a|an|the|our|your|its)\s+)?(?!(?:for|to|with|how|what|it|this|that)\b)"
    r"(?P<np>[\w\"'(][^,.;:?!]*?)(?=\s+(?:that|which|who|so|to|where|when|using|with|so that|in order|and then|for|in|at|on|of|across|within)\b|[,.;:?!]|$)",
    re.I,
)
# an automated task named as the solution: "Automatically route tickets to ...", or a task asked for
# an approach with nothing around it: "What would be your approach to ranking search results?"
_TASK = re.compile(r"^\W*(?:automatically|auto-?)\s+\w+|^\W*(?:what (?:would be|is|'s) your approach (?:to|for)|"
                   r"how (?:would|will|do|should) you approach)\s+[^,.;:?!]+", re.I)
_PERSON_AFTER = re.compile(
    r"(?:'s?\b)?\s*(?:-(?:run|led|owned|driven|staffed|facing)\b|\s+(?:who|that|are|is|were|was|have|has|had|"
    r"can|could|cannot|can't|would|will|should|do|does|did|don't|doesn't|often|sometimes|keep|get|gets|"
    r"lose|spend|spends|wait|waits|struggle|complain|report|say|ask|asks|rely|depend|use|find)\b)",
    re.I,
)
# a possessor before the person ("the bank's customers"); an audience count ("for 50 million
# users") sizes the design and names no one in a situation
_PERSON_BEFORE = re.compile(r"(?:'s|\bwhose)\s+$", re.I)


def _framing(question, said: list[str], cues) -> Framing:
    scenario = question.scenario
    text_sentences = list(said)
    if scenario and scenario.need:
        text_sentences += sentences(scenario.need)
    framing = Framing()
    for sentence in said:
        m = _SOLUTION.match(sentence) or _TASK.match(sentence)
        if m and not re.match(r"^\W*find a way\b", sentence, re.I):
            framing.solution = Evidence(sentence, m.group(0).strip())
            break
    if framing.solution is None and said and bare_name(question.prompt or ""):
        framing.solution = Evidence(said[0], said[0].strip())
    if not (scenario and scenario.need) and bare_name(question.prompt or ""):
        return framing  # only a name: no one in it, nothing going wrong, no outcome
    for sentence in text_sentences:
        rest = _outside_artefact(sentence)
        framing.person = framing.person or _person(rest, sentence, cues["person"].terms)
        for kind in ("situation", "outcome"):
            if getattr(framing, kind) is None and (found := cues[kind].find(rest)):
                setattr(framing, kind, Evidence(sentence, found.strip()))
    return framing


# a heading in title case, up to nine words ("AWS Pipeline Auto Scaling for Variable Volume")
_TITLE_WORDS = r"(?-i:[A-Z0-9][\w'()/&+#-]*(?:\s+(?:[A-Z0-9(][\w'(),/&+#-]*|(?:for|of|and|or|with|to|in|on|at|by|the|a|an)\b)){0,8})"
# a line that is only a name: no question, no request ("TinyURL", "Achievement System", "- Real-time")
_NAME_LINE = re.compile(
    r"^\W*(?!(?:what|why|how|when|which|who|where|is|are|do|does|can|could|would|should|explain|describe|"
    r"define|list|compare|write|implement|tell|talk|walk|share|outline|summari[sz]e|give|name|discuss|find|given|"
    r"you|we|our|your|the|a|an|please|"
    r"let|design|build|create|make|develop|architect|scale)\b)(?![^\n]*\b(?:vs|versus)\b)"
    r"(?:[\w\"'()/&+#-]+(?:\s+[\w\"'(),/&+#-]+){0,5}|_TITLE)\W*$".replace("_TITLE", _TITLE_WORDS), re.I)
# a line of examples under a name ("Examples: Messenger, WhatsApp Web, Slack")
_EXAMPLES_LINE = re.compile(r"^\W*(?:examples?|e\.g\.|such as|like)\s*:?\s*[\w .'&+-]+(?:,\s*[\w .'&+-]+)*\W*$", re.I)
# an abbreviation inside a name ("Chat App (e.g. Messenger)"), which ends no sentence
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|vs)\.", re.I)


# a topic line rather than an artefact: a subject that is no system of its own, placed on a named
# platform or tool ("Accurate time in Android", "Query optimisation in SQLite"), or the options for
# something ("Options for network optimisation")
_TOPIC_LINE = re.compile(r"^(?![^\n]*\b(?i:system|service|app|application|platform|pipeline|engine|site|website|tool|bot|"
                         r"feed|store|backend|network|cache|queue|database)s?\s+(?:in|on)\b)[^\n]*\b(?:in|on)\s+(?:an?\s+)?"
                         r"(?:[A-Z][\w+#.-]*|(?i:mobile\s+apps?))\b(?![^\n]*\(e\.g\.)"
                         r"|^\W*(?i:options|ways|techniques|best\s+practices|tips)\s+(?:for|to)\b")


def bare_name(prompt: str) -> bool:
    """A prompt that is only the name of something, on a line or a few short bullet lines: in a
    design round, the barest way to name an artefact to build. A topic placed on a named platform
    ("Firebase Remote Config in Android") names something to explain, not to build."""
    lines = [line for line in prompt.splitlines() if line.strip() and not _EXAMPLES_LINE.match(line)]
    plain = _ABBREVIATION.sub(" ", "\n".join(lines))
    return 1 <= len(lines) <= 4 and not re.search(r"[.?!]\W*\S", plain) and "?" not in plain \
        and all(_NAME_LINE.match(line) and not _TOPIC_LINE.search(line) for line in plain.splitlines())


def _outside_artefact(sentence: str) -> str:
    """The sentence without the artefact a build verb names ("a fraud detection system")."""
    m = _SOLUTION.match(sentence)
    return sentence[m.end():] if m else sentence


# what may stand before a sentence's subject: "Our", "Night", "Electric-van", "The bank's"
_SUBJECT_LEAD = re.compile(r"\W*(?:(?:the|our|your|their|its|many|most|some|all|[\w]+-[\w-]+|[A-Z]\w*|\w+'s)\s+){0,3}")
_WISH = re.compile(r"\s+(?:want|wants|need|needs|would like|expect|expects|should be able|deserve)\b", re.I)
# a plural occupation ("dermatologists", "growers", "librarians") heading a sentence
_OCCUPATION = re.compile(r"[a-z]{3,}(?:ists|ians|ers|ors)")


# a requirement line saying what the artefact does for people ("Allow users to upload snippets",
# "Match riders to nearby drivers"): a feature of the solution, not people in their situation
_FEATURE = re.compile(r"^\W*(?:allow|let|lets|enable|support|match|send|store|display|show|provide|notify|track|"
                      r"recommend|deliver|handle|manage|generate|sync|route|assign|connect|serve)\b", re.I)


def _person(rest: str, sentence: str, terms: frozenset) -> Evidence | None:
    """People named in their situation: the subject of a sentence ("Dermatologists at our service
    reach ..."), or followed by what they do or suffer, owning something, or running something."""
    if _FEATURE.match(sentence):
        return None
    for m in re.finditer(r"[A-Za-z]+", rest):
        word = m.group(0).lower()
        subject = rest is sentence and _SUBJECT_LEAD.fullmatch(rest[: m.start()]) is not None
        if word not in terms and not (subject and _OCCUPATION.fullmatch(word)):
            continue
        if _WISH.match(rest, m.end()):
            continue  # "users want recommendations" restates the product; it names no situation
        if subject or _PERSON_AFTER.match(rest, m.end()) or _PERSON_BEFORE.search(rest[: m.start()]):
            return Evidence(sentence, m.group(0))
    return None
