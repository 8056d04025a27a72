"""The held-out batches of the labelled corpus, in the order they were pinned (see eval/LABELLING.md).

Each batch's folders carry ``session: <batch>`` in their labels, and the ids of
a batch are split by a salted hash (``holdout<batch>:<id>``): two thirds to
the batch's held-out split ``holdout<batch>``, the rest to ``dev``. A batch is
pinned here (and its salt pinned in ``tests/test_eval_corpus.py``) before any
of its folders exist. ``eval/run.py`` measures any of these splits,
``eval/train_models.py`` and ``eval/unseen_sources.py`` never train on
``UNMEASURED``, the newest one, unless told otherwise.
"""

BATCHES = ("6", "6b", "6c", "6d", "7", "7b", "7c", "7d", "8", "8b", "8c", "9", "9b", "10", "11",
           "11b", "12", "12b", "12c", "12d", "13", "13b", "13c", "14", "14b", "14c", "15", "15b",
           "15c", "16", "16b", "17", "17b", "17c", "18", "18b", "18c", "18d", "19", "19b", "19c",
           "19d", "20", "20b", "20c", "20d", "21", "21b", "21c", "21d", "21e", "21f", "22", "22b",
           "22c", "22d", "22e", "22f", "22g", "23", "23b", "23c", "24", "24b", "24c")

HELD_OUT = tuple(f"holdout{batch}" for batch in BATCHES)
# what eval/run.py's --split takes: dev, the first test split, session 5's holdout, each batch's
# held-out split in order, and all of them
SPLITS = ("dev", "test", "holdout", *HELD_OUT, "all")
# the newest batch, pinned before its folders existed and not measured yet
UNMEASURED = HELD_OUT[-1]
