"""The question-analysis layer: what a prompt asks for, and how a design prompt is framed."""

from __future__ import annotations

import pytest

from looptool.lint.analysis import analyse, choices, sentences
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
    ("What frustrates you?", "career"),
    ("What strengths do you think matter most for this position?", "career"),
    ("What is your greatest weakness?", "career"),
    ("Where are the stacks for a thread located in memory?", "recall"),
    ("Give the names of two signals that the kernel normally sends.", "recall"),
    ("Give example of filtering operators.", "recall"),
    ("Can you give me some examples of semantic HTML tags?", "recall"),
])
def test_each_kind_of_request_is_recognised(prompt, kind):
    assert kind in analyse(_question(prompt)).kinds()


@pytest.mark.parametrize("prompt,kinds", [
    # general practice, no system of its own: knowledge, not design
    ("How do you design for high availability?", {"recall"}),
    ("How would you refactor a legacy system?", {"recall"}),
    ("How should we deal with schema evolution?", {"recall"}),
    ("What is a contract-first API design?", {"recall"}),
    # a system of its own, or a problem in one: design work
    ("How would you design a URL shortener?", {"design", "solve"}),
    ("How would you design a system that books rides for 2 million riders?", {"design", "solve"}),
    ("How do you scale a chat service to 10 million users?", {"design", "solve"}),
])
def test_a_question_about_general_practice_asks_for_knowledge(prompt, kinds):
    assert analyse(_question(prompt)).kinds() == kinds


@pytest.mark.parametrize("prompt", [
    "Give me an example of a time you disagreed with your manager.",
    "Give an example of when you had to push back on a deadline.",
])
def test_an_example_from_the_candidate_s_past_is_not_recall(prompt):
    assert "recall" not in analyse(_question(prompt)).kinds()


@pytest.mark.parametrize("prompt,type_,kind,read", [
    # the candidate's next step is their career; a task's next step is not
    ("What would your next step be after this role?", "data-modeling", "career", True),
    ("What are you looking for in your next role?", "data-modeling", "career", True),
    ("The next step is to write a function called step_accept that proposes a new sample.", "data-modeling",
     "career", False),
    ("As a next step, plot the residuals.", "data-modeling", "career", False),
    # a request for code is the verb; a product or a person named after it asks for no code
    ("Write a function that merges two sorted lists.", "coding", "implement", True),
    ("Implement the parser for the config format.", "coding", "implement", True),
    ("To run the notebook, open it in your Codespace or in VS Code.", "coding", "implement", False),
    ("Which of our programmers owns the billing code?", "coding", "implement", False),
])
def test_a_word_asks_only_in_the_sense_that_asks(prompt, type_, kind, read):
    assert (kind in analyse(_question(prompt, type_)).kinds()) is read


@pytest.mark.parametrize("prompt,designs", [
    # what something is made for is a statement, not a request
    ("A write-ahead log is designed to survive a crash. Explain how replay works.", False),
    ("These drills are designed as a sequence; answer them in order.", False),
    # a request to design, in the passive or not
    ("The ledger should be designed so that no transfer is lost; design it.", True),
    ("Design the booking flow for 3,000 rooms.", True),
    # a job title is not a request, nor is a statement of how well something was made
    ("You are a Cloud Solution Architect at Contoso. Deploy the web app.", False),
    ("Each step is carefully designed and tested; follow them in order.", False),
    ("Architect the photo pipeline for 2 million uploads a day.", True),
    ("How would you architect the storage layer?", True),
    # the participle describes what someone already made, unless it is required or hypothetical
    ("PINTS is a Python package designed in the Department of Computer Science. Fit the model with it.", False),
    ("Walk us through a system you designed or improved.", False),
    ("The process must be designed so it can be restarted without duplicates.", True),
    ("Looking back, how would you have designed the queue?", True),
])
def test_what_a_thing_is_designed_for_is_not_a_request_to_design(prompt, designs):
    assert ("design" in analyse(_question(prompt)).kinds()) is designs


@pytest.mark.parametrize("prompt,given", [
    # material handed over with the question: read it to answer
    ("How many households in the survey eat two meals a day?", True),
    ("Are there any worrying biases in these embeddings?", True),
    ("Using the graph from the last question, estimate how much the rider saves.", True),
    ("Look at the plot you made. Which class does the model confuse most?", True),
    ("Does the tree you trained split on age first?", True),
    # a plot, a model or data named in general: knowledge
    ("What is a histogram for?", False),
    ("Why are decision trees said to have high variance?", False),
    ("What are the challenges of working with real chest X-ray data?", False),
    ("When would you plot residuals against fitted values?", False),
])
def test_a_question_about_the_material_it_hands_over(prompt, given):
    assert bool(analyse(_question(prompt, "data-modeling")).material) is given


@pytest.mark.parametrize("prompt,closed", [
    # every question answered by a yes, a no or one of two named options
    ("Are network security groups stateful or stateless?", 1),
    ("Have you used a service bus? Did it ever lose a message?", 2),
    ("Orders are kept for ten years. Can we keep them in the hot store?", 1),
    ("Shouldn't the cache sit in front of the database?", 1),
    ("Can't we keep the sessions in the load balancer?", 1),
    # an open question among them, or none at all
    ("Are you on call? How do you hand over between time zones?", 0),
    ("How would you shard the orders table?", 0),
    ("Design a news feed for 50 million daily readers.", 0),
    ("Is the cache stateful", 0),
    # a polite request is answered by doing it
    ("Can you count how many nodes in the graph have no edges?", 0),
    ("Could you sketch the flow of a login request?", 0),
    ("Can Redux be used without React?", 1),
])
def test_closed_questions_are_read_only_when_every_question_is_closed(prompt, closed):
    assert len(analyse(_question(prompt, "system-design")).closed) == closed


@pytest.mark.parametrize("prompt,qtype,recall", [
    ("Define overfitting.", "coding", True),
    ("Define the term idempotency in one sentence.", "coding", True),
    # a definition in code is a program to write
    ("Define a function that returns the mean of a list.", "coding", False),
    ("Define transforms for the training data and the test data below.", "coding", False),
    ("Define a weight initialisation function that draws from a normal distribution.", "coding", False),
    # a which-question asks for a fact, unless it asks the candidate's own choice: a decision
    ("Which protocol does DNS use for large responses?", "system-design", True),
    ("What metric is used for ranking quality?", "system-design", True),
    ("Which changes would you make so that shoppers in Asia see pages within 300 ms?", "system-design", False),
    ("What trade-offs should we accept for cheaper storage?", "system-design", False),
    # how to answer, said first, does not hide the request, and "your own words" are not the candidate's past
    ("In your own words, explain why batching requests raises a GPU's throughput.", "coding", True),
    ("In one sentence, describe what a write-ahead log is for.", "coding", True),
    ("Briefly, explain what a mutex protects.", "coding", True),
    ("In your own words, describe the outage your team handled last year.", "coding", False),
    # what shown code prints is read off it; what the candidate's own code should return is a choice
    ("What will be printed?\n\n```php\necho count([1, 2]);\n```", "coding", True),
    ("What does the following program print?\n\n```python\nprint(2 ** 3)\n```", "coding", True),
    ("Write down what you think will happen when you run:\n\n```r\nm * c(1, 0, -1)\n```", "coding", True),
    ("What would you return when the list is empty?", "coding", False),
    # a style, a mechanism or a family named with nothing after it is a concept to explain
    ("Layered architecture", "system-design", True),
    ("Linux booting process", "system-design", True),
    ("Types of processes", "system-design", True),
    ("Chat app for a hospital's night staff", "system-design", False),
    ("Design the architecture of a ride-hailing app.", "system-design", False),
    ("Kill the running process", "coding", False),
    # one operation of a named tool is a command to recall
    ("How to add a new plugin in Jenkins ?", "system-design", True),
])
def test_what_the_cues_read_as_a_request_to_recall(prompt, qtype, recall):
    assert ("recall" in analyse(_question(prompt, qtype)).kinds()) is recall


@pytest.mark.parametrize("prompt,code", [
    ("Erläutern Sie, wie ein Circuit Breaker funktioniert und wann er in einem verteilten System eingesetzt "
     "werden sollte. Welche Zustände gibt es?", "de"),
    ("Expliquez pourquoi un index accélère les lectures dans une base de données, et quel est son coût.", "fr"),
    ("¿Qué es una base de datos y para qué se usa? Explique con un ejemplo cómo se diseña una tabla.", "es"),
    # English, with a foreign phrase or foreign comments in code: English
    ("Tell me about a time the Zeitgeist of your team changed. What did you notice first, and what did you do?", None),
    ("Fix the function below.\n\n```python\n# Datum in der Form TT.MM.JJJJ oder JJJJ-MM-TT, das ist nicht "
     "immer so, und nicht mit einer Zeitzone\nreturn text.split('.')\n```", None),
    # a code block longer than the sample read, its comments in German: still code, not prose
    ("Fix the function below.\n\n```python\n" + "# das Datum ist nicht immer in der Form TT.MM.JJJJ, und nicht mit Zeitzone\n" * 30
     + "return text.split('.')\n```", None),
    # too little prose to tell
    ("Kafka und Spark", None),
])
def test_the_language_a_prompt_reads_as(prompt, code):
    found = analyse(_question(prompt)).language
    assert (found.code if found else None) == code


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


@pytest.mark.parametrize("prompt,need_first", [
    # a verb of getting things wrong is a situation going wrong, whatever the verb
    ("Our in-car voice assistant misrecognises commands on the motorway. Design the recogniser.", True),
    ("The warehouse scanner misreads damaged labels. Design the pipeline that reads them.", True),
    # a compound adjective qualifies the data; it tells of nothing going wrong
    ("Design a churn prediction platform; explain how you handle late-arriving data.", False),
    ("Design a mission planning service for a drone fleet.", False),
])
def test_what_counts_as_a_situation_going_wrong(prompt, need_first):
    assert analyse(_question(prompt, "ml-system-design")).framing.need_first is need_first


def test_the_analysis_is_computed_once_per_question():
    question = _question("What is sharding?")
    assert analyse(question) is analyse(question)


@pytest.mark.parametrize("prompt,count,asking", [
    ("What's the output?\n\n```js\nconsole.log(typeof null)\n```\n\n- A: `\"null\"`\n- B: `\"object\"`\n- C: `\"undefined\"`",
     3, "What's the output?"),
    ("Which of the following commit messages fits best\n1. \"Changes\"\n2. \"Use lime instead of lemon\"", 2,
     "Which of the following commit messages fits best"),
    ("What is the output of the last command in\n```bash\n$ cat notes.md\n```\n1. ```output\nhello\n```\n"
     "2. ```output\nError\n```", 2, "What is the output of the last command in"),
    ("Which command prints this?\n\n`alpha.txt   beta.txt`\n\n1. `ls *a.txt`\n2. `ls ?.txt`", 2,
     "Which command prints this?"),  # past the sample output it shows
    ("Pick one.\n(a) a stack\n(b) a queue\n(c) a heap", None, None),  # not a question
    ("Which is faster?\na) a stack\nb) a queue", 2, "Which is faster?"),
    ("Is it faster?\na) yes\nb) no", None, None),  # two letters after a yes/no question: too few to be sure
    ("What breaks?\n1. Describe the bug.\n2. Fix it and add a test that fails before the fix and passes "
     "after it, covering the empty input, a single element and a list with repeated values in it.", None, None),
    ("Answer these:\nA. What is a mutex?\nB. What is a semaphore?\nC. When is each used?", None, None),
    ("Which of the following is true?\n\nB: first\nC: second", None, None),  # not labelled from the start
    # answers without labels: three or more, after a question, closing the prompt
    ("Which protocol carries mail between servers?\n\n- HTTP\n- SMTP\n- FTP\n", 3,
     "Which protocol carries mail between servers?"),
    ("Which protocol carries mail?\n- HTTP\n- SMTP", None, None),  # two: too few without labels
    ("Which protocol carries mail?\n- HTTP\n- SMTP\n- FTP\n\nSay why you picked it.", None, None),  # more follows
    ("Keep in mind:\n- HTTP\n- SMTP\n- FTP", None, None),  # not a question
    ("Context:\n- one\n- two\n\nWhich is right?\n* yes\n* no\n* maybe", 3, "Which is right?"),  # the last list
    # a which-question that ends with a colon, and an instruction to pick from the list, ask as a question does
    ("Which command would print the following output:\n\n```output\nof\n```\n\n1. `grep of a.txt`\n2. `grep -w of a.txt`",
     2, "Which command would print the following output:"),
    ("Select the true statement(s):\n\n- Injection is on the list.\n- Buffer overflows are on the list.\n"
     "- Misconfiguration is on the list.", 3, "Select the true statement(s):"),
    ("After these commands, select the answer that matches `out.csv`:\n\n1. The first three lines of `in.csv`\n"
     "2. The last two lines of `in.csv`", 2, "After these commands, select the answer that matches `out.csv`:"),
    ("Choose one of the following projects:\n1. A chess engine\n2. A text editor", None, None),  # a choice of task
    ("What you will build:\n1. A parser\n2. An evaluator", None, None),  # a what-clause heading, not a question
    # inline code is not prose: a long command among the answers keeps the list a list of answers
    ("What does this loop print?\n\n1. It prints `" + "a.pdb, " * 30 + "` and stops.\n2. Nothing.", 2,
     "What does this loop print?"),
])
def test_a_list_of_answers_to_pick_from(prompt, count, asking):
    found = choices(prompt)
    assert (found and (found.count, found.question)) == (count and (count, asking))


@pytest.mark.parametrize("prompt,stem", [
    ("Which of these runs on a login node?\n\n1. `make`\n2. `srun simulate`\n\nWhy?", "Which of these runs on a login node?\n\nWhy?"),
    ("Which is it?\n- red\n- green\n- blue", "Which is it?"),
])
def test_the_stem_is_the_prompt_without_its_listed_answers(prompt, stem):
    assert choices(prompt).stem == stem


def test_sentences_drop_numbering_and_indented_code():
    text = "1. Design a cache.\n2. Explain eviction.\n\n    def get(k): pass\n"
    assert sentences(text) == ["Design a cache.", "Explain eviction."]


# -- the rubric-evidence classifier, item by item ----------------------------------------
# (from the former tests/test_precision_structure.py) Wording written after the rule, in
# styles the case files do not use.

VERDICTS = [
    "Answers confidently", "A well-rounded response", "Demonstrated a firm grasp of concurrency",
    "Showed limited insight", "Generally competent", "Not strong enough for the level",
    "Lacks the depth we expect from a senior", "Strong fundamentals in statistics and probability",
    "Average coding ability", "Appears to understand the system well", "Seems comfortable with SQL",
    "Surface-level knowledge", "Good enough", "Exemplary", "Understands trade-offs", "Below average",
    "Struggles to communicate", "Incomplete answer", "Clear thinker", "Not much depth",
    "Solid on the basics, weak on scaling", "Good awareness of security concerns", "Lacks practical experience",
    "Has a strong background in ML", "Would be a great addition to the team", "Significant gaps in knowledge",
]
OBSERVATIONS = [
    "Answers the capacity question with a number and a unit", "Weak: guesses the complexity without tracing a loop",
    "Struggles until given the hint about sorting, then finishes in ten minutes",
    "Strong opinions about frameworks, but cannot say how their own service was deployed",
    "Understanding shown by predicting which query will be slow before running EXPLAIN",
    "Weak on estimates: says storage is small without computing it",
    "Knows the on-call rota existed but not what alerts fired during the incident",
    "Poor variable names, but the algorithm passes every example",
    "Great question about whether deletions must propagate to backups",
    "Limited to the happy path; never tries a malformed line", "Heap of size k", "Correct but slow solution",
    "Red flag: blames teammates for the outage", "Needs hints on the data structure", "Good tests for ties and empty input",
    "Understanding: restates the problem with the constraints in their own words",
    "Weak test coverage: only the example input", "Mentions the cold-start problem for new items",
    "Good questions: who pays for a false positive, and who can override",
    "Competent: implements the parser, but the error messages give no position",
]


def test_rubric_evidence_items():
    from looptool.bank.catalogues import bundled
    from looptool.lint.rules.rubric_evidence import _vocabulary, is_verdict

    vocab = _vocabulary(tuple((e["kind"], tuple(e["terms"])) for e in bundled("vague_evidence")))
    assert [v for v in VERDICTS if not is_verdict(v, vocab)] == []
    assert [o for o in OBSERVATIONS if is_verdict(o, vocab)] == []


def test_the_first_specific_ml_evidence_is_what_the_full_ml_reading_finds_first():
    from looptool.bank.load import load_bank
    from looptool.bank.resources import bundled_bank
    from looptool.lint.analysis import _analyse

    bank, _ = load_bank([bundled_bank()])
    designs = [q for q in bank.questions if q.type == "ml-system-design"]
    assert designs
    for question in designs:
        full = _analyse(question).ml  # read alone: every kind, every sentence
        quick = _analyse(question)
        first = quick.ml_specific
        assert (first is None) == (not full.specific), question.id
        if first is not None:
            assert first.sentence in {e.sentence for e in full.specific.values()}, question.id
        else:  # nothing specific: the full reading after it skips those cues and finds the same words
            assert quick.ml.generic == full.generic and quick.ml.recipe == full.recipe and not quick.ml.specific
    recital = analyse(_question("Design a fraud model. Use a neural network and tune the hyperparameters.",
                                "ml-system-design"))
    assert recital.ml_specific is None and recital.ml.generic
    labelled = analyse(_question("Design a fraud model. Chargebacks arrive weeks later and are the label.",
                                 "ml-system-design"))
    assert labelled.ml_specific is not None


@pytest.mark.parametrize("prompt,count", [
    # answers folded onto the question's line by a YAML folded block are read as the list they were
    ("Which of these Python containers keeps insertion order? - A) set - B) dict - C) frozenset", 3),
    ("Which is faster for membership tests? a) a list b) a set c) a tuple d) a string", 4),
    # an answer that is one call is code, not a request to print or to count
    ("Which call gives a string's length? 1. len(s) 2. s.length() 3. size(s)", 3),
    # numbered steps folded the same way ask for work; two labels, or no question before them, are no list
    ("Steps: 1. Write a loader for the config file. 2. Add a test for a missing key. 3. Make it pass.", None),
    ("Pick one: A) red B) green", None),
    ("Version 1. 2 users. 3 days.", None),
])
def test_answers_folded_onto_one_line(prompt, count):
    found = choices(prompt)
    assert (found.count if found else None) == count
