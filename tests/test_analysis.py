"""The question-analysis layer: what a prompt asks for, and how a design prompt is framed."""

from __future__ import annotations

import pytest

from looptool.lint.analysis import analyse, sentences
from looptool.bank.model import Question


def _question(prompt: str, type_: str = "system-design") -> Question:
    return Question(id="q", title="t", type=type_, levels=["senior"], skills=["algorithms"], stage="probe",
                    duration_minutes=45, prompt=prompt, signal="s")


@pytest.mark.parametrize("prompt,kind", [
    ("What is sharding?", "recall"),
    ("What's cache invalidation and how does it work?", "recall"),
    ("First, implement reservoir sampling for a stream of unknown length.", "implement"),
    ("Tell me about a time you disagreed with your manager.", "behavioural"),
    ("Why do you want to work for us?", "career"),
    ("Walk me through a project you led end to end.", "present-own-work"),
    ("Here is a month of anonymised delivery data. Find out what is off in the north region.", "analyse-data"),
    ("What is the probability that two dice sum to 7?", "math-items"),
    ("Design a URL shortener.", "design"),
])
def test_each_kind_of_request_is_recognised(prompt, kind):
    assert kind in analyse(_question(prompt)).kinds()


def test_a_question_about_the_candidates_own_past_is_not_recall():
    analysis = analyse(_question("What is the most constructive feedback you have received in your career?"))
    assert "recall" not in analysis.kinds()


@pytest.mark.parametrize("prompt,need_first", [
    ("Our bank's customers are being scammed, and they are losing their life savings. "
     "Find a way to prevent this from happening.", True),
    ("Build a Slack bot for a volunteer-run help channel that automatically @tags people who might be "
     "able to answer a question.", True),
    ("Design a fraud detection system for a banking application.", False),
    ("Automatically route JIRA tickets to the right subteam.", False),
])
def test_the_seed_scenarios_are_framed_as_the_seed_says(prompt, need_first):
    """Seed 003's good scenarios start from people and a need; its bad ones only name the artefact."""
    framing = analyse(_question(prompt, "ml-system-design")).framing
    assert framing.need_first is need_first
    if not need_first:
        assert framing.solution is not None


def test_the_analysis_is_computed_once_per_question():
    question = _question("What is sharding?")
    assert analyse(question) is analyse(question)


def test_sentences_drop_numbering_and_indented_code():
    text = "1. Design a cache.\n2. Explain eviction.\n\n    def get(k): pass\n"
    assert sentences(text) == ["Design a cache.", "Explain eviction."]
