"""Measure the content rules on the labelled real-question corpus.

    python eval/run.py                   # the dev split (tune on this one only)
    python eval/run.py --split test      # the frozen test split: measure once, at the end
    python eval/run.py --split holdout20 # one held-out batch's split (session 5's `holdout`, or any
                                         # batch eval/splits.py lists), each measured once before it
                                         # was read or trained on (see eval/LABELLING.md)
    python eval/run.py --split all --set extra   # the seeds' examples and hard cases
    python eval/run.py --skills          # skill evidence on the dev split (any --split works the same)

It lints the corpus folders with the real CLI (``looptool lint --format
json``), matches each finding to its question by id, and compares, per
failure mode, the questions flagged with the questions labelled (see
eval/LABELLING.md). Precision and recall come with Wilson 95% intervals,
since the counts are small. ``--markdown`` prints the table the README uses.

``--skills`` measures the question-analysis layer's skill evidence instead:
per taxonomy skill, and over all skills (micro), the precision and recall of
the skills the analysis reads from each question's text against the labels'
``skills_evidenced``. Lint output does not carry the analysis, so this mode
imports ``looptool.bank`` (to load the folders) and ``looptool.lint.analysis``
(to read them) directly; only the chosen split's questions are analysed.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from splits import SPLITS  # noqa: E402  (eval/splits.py: the held-out batches)

SETS = {"corpus": HERE / "corpus", "extra": HERE / "extra"}
TODAY = "2026-12-06"

# failure mode (label) -> the rule whose finding answers it
MODES = {
    "vague-scenario": "vague-scenario",
    "mislabeled-interview": "mislabeled-interview",
    "ml-clothing": "ml-clothing",
    "rederive-from-scratch": "rederive-from-scratch",
    "stale-problem": "stale-problem",
    "low-signal-ml-coding": "low-signal-ml-coding",
}


def load_labels(root: Path) -> dict[str, dict]:
    labels = {}
    for path in sorted(root.glob("*/labels.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for qid, label in (data.get("questions") or {}).items():
            if qid in labels:
                sys.exit(f"{path}: question id {qid!r} is labelled twice")
            labels[qid] = {**label, "source": path.parent.name}
    return labels


def lint_report(files: list[str], *extra: str, env: dict | None = None) -> dict:
    """The JSON report of one run of the real CLI over the corpus's question files (its labels.yaml
    files are not banks). A question file that does not load cleanly (a syntax error, a control
    character, a schema violation) stops the measurement: its questions would be counted without
    ever being checked."""
    proc = subprocess.run(
        [sys.executable, "-m", "looptool", "lint", *files, "--format", "json", "--no-cache", "--today", TODAY,
         *extra],
        capture_output=True, text=True, check=False, env=env,
    )
    try:  # exit 1 only means findings; anything else, or no report, is a failure to run
        report = json.loads(proc.stdout) if proc.returncode in (0, 1) else None
    except ValueError:
        report = None
    if report is None:
        sys.exit(f"looptool lint failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    broken = [f for f in report["findings"] if f["code"] in _load_errors()]
    if broken:
        listed = "\n".join(f"  {f['file']}:{f['line']}: {f['code']} {f['message']}" for f in broken)
        sys.exit(f"the corpus does not load cleanly; mend these before measuring:\n{listed}")
    return report


def _load_errors() -> set[str]:
    """The codes of the errors that keep a question file, or part of it, from being checked: the
    registry's file-scope rules at error level (unreadable, syntax, encoding, schema ...)."""
    from looptool.lint import registry

    return {rule.code for rule in registry.catalogue() if rule.scope == "file" and rule.level == "error"}


def lint(root: Path) -> dict[str, list[dict]]:
    """Question id -> its findings, from one run of the real CLI over every folder's questions."""
    report = lint_report(sorted(str(p) for p in root.glob("*/questions.yaml")))
    found = defaultdict(list)
    for finding in report["findings"]:
        # stale-problem also reports an overdue review date: a date, not a superseded approach
        if finding.get("subject") and not str(finding.get("path", "")).endswith(".last_reviewed"):
            found[finding["subject"]].append(finding)
    return found


def wilson(hits: int, total: int) -> tuple[float, float]:
    """95% Wilson score interval of ``hits / total``."""
    if total == 0:
        return (0.0, 1.0)
    z = 1.96
    p = hits / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (max(0.0, centre - half), min(1.0, centre + half))


def _ratio(hits: int, total: int) -> str:
    if total == 0:
        return "n/a"
    low, high = wilson(hits, total)
    return f"{hits / total:.2f} ({low:.2f}-{high:.2f})"


def measure(labels: dict, found: dict, split: str) -> dict:
    chosen = {qid: lab for qid, lab in labels.items() if split == "all" or lab.get("split") == split}
    rows = {}
    for mode, rule in MODES.items():
        truth = {qid for qid, lab in chosen.items() if mode in (lab.get("findings") or [])}
        flagged = {qid for qid in chosen if any(f["name"] == rule for f in found.get(qid, []))}
        rows[mode] = {
            "labelled": len(truth), "flagged": len(flagged), "hits": len(truth & flagged),
            "missed": sorted(truth - flagged), "false": sorted(flagged - truth),
        }
    rules = set(MODES.values())
    clean = [qid for qid, lab in chosen.items() if not lab.get("findings")]
    alarmed = sorted(qid for qid in clean if any(f["name"] in rules for f in found.get(qid, [])))
    return {"split": split, "questions": len(chosen), "clean": len(clean), "clean_alarmed": alarmed,
            "modes": rows}


def evidenced(root: Path, chosen) -> dict[str, set[str]]:
    """Question id -> the skills the analysis reads from its text, for the ``chosen`` ids only."""
    from looptool.bank.load import load_bank
    from looptool.lint.analysis import analyse

    folders = sorted(p.parent for p in root.glob("*/questions.yaml"))
    bank, problems = load_bank(folders)
    broken = [p for p in problems if p.rule in ("syntax-error", "unreadable-file", "encoding-error")]
    if broken:
        sys.exit(f"{broken[0].file}: cannot be read ({broken[0].message})")
    wanted = set(chosen)
    out = {q.id: set(analyse(q).skills) for q in bank.questions if q.id in wanted}
    if wanted - set(out):
        sys.exit(f"labelled but not in any questions.yaml: {', '.join(sorted(wanted - set(out)))}")
    return out


def catalogued() -> set[str]:
    """The skills the ``skill_cues`` catalogue has cues for."""
    from looptool.bank.catalogues import bundled

    return {entry["skill"] for entry in bundled("skill_cues") if entry.get("anywhere")}


def measure_skills(labels: dict, found: dict[str, set[str]], split: str, listed: set[str]) -> dict:
    """Per skill and over all of them, how the evidence read agrees with ``skills_evidenced``."""
    chosen = {qid: lab for qid, lab in labels.items() if split == "all" or lab.get("split") == split}
    truth = {qid: set(lab.get("skills_evidenced") or []) for qid, lab in chosen.items()}
    skills = sorted(set().union(*truth.values(), *(found.get(q, set()) for q in chosen)))
    rows = {}
    for skill in skills:
        labelled = {qid for qid, want in truth.items() if skill in want}
        read = {qid for qid in chosen if skill in found.get(qid, set())}
        rows[skill] = {"catalogued": skill in listed, "labelled": len(labelled), "found": len(read),
                       "hits": len(labelled & read), "missed": sorted(labelled - read),
                       "false": sorted(read - labelled)}

    def micro(names):
        picked = [rows[name] for name in names]
        return {key: sum(row[key] for row in picked) for key in ("labelled", "found", "hits")}

    return {"split": split, "questions": len(chosen), "skills": rows,
            "overall": micro(skills), "overall_catalogued": micro([s for s in skills if s in listed])}


def skills_table(result: dict) -> str:
    lines = [
        f"Split `{result['split']}`: {result['questions']} questions; skill evidence against `skills_evidenced`.",
        "",
        "| skill | catalogued | labelled | found | precision (95% CI) | recall (95% CI) |",
        "|---|---|---|---|---|---|",
    ]
    rows = [(name, row) for name, row in result["skills"].items()]
    rows += [("all skills (micro)", {**result["overall"], "catalogued": None}),
             ("catalogued skills (micro)", {**result["overall_catalogued"], "catalogued": True})]
    for name, row in rows:
        mark = {True: "yes", False: "no", None: ""}[row["catalogued"]]
        lines.append(f"| {name} | {mark} | {row['labelled']} | {row['found']} | "
                     f"{_ratio(row['hits'], row['found'])} | {_ratio(row['hits'], row['labelled'])} |")
    return "\n".join(lines)


def table(result: dict) -> str:
    lines = [
        f"Split `{result['split']}`: {result['questions']} questions, {result['clean']} clean.",
        "",
        "| failure mode | labelled | flagged | precision (95% CI) | recall (95% CI) |",
        "|---|---|---|---|---|",
    ]
    for mode, row in result["modes"].items():
        lines.append(f"| {mode} | {row['labelled']} | {row['flagged']} | "
                     f"{_ratio(row['hits'], row['flagged'])} | {_ratio(row['hits'], row['labelled'])} |")
    alarmed = len(result["clean_alarmed"])
    lines += ["", f"Clean questions with a failure-mode finding: {alarmed} of {result['clean']} "
                  f"({_ratio(alarmed, result['clean'])})."]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--set", choices=sorted(SETS), default="corpus")
    parser.add_argument("--details", action="store_true", help="list the missed and false ids")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--skills", action="store_true",
                        help="measure the analysis' skill evidence against `skills_evidenced` instead")
    args = parser.parse_args(argv)
    root = SETS[args.set]
    labels = load_labels(root)
    if args.skills:
        chosen = [qid for qid, lab in labels.items() if args.split == "all" or lab.get("split") == args.split]
        result = measure_skills(labels, evidenced(root, chosen), args.split, catalogued())
        return _report(result, args, skills_table(result), result["skills"], [])
    result = measure(labels, lint(root), args.split)
    return _report(result, args, table(result), result["modes"],
                   [f"  clean alarmed: {qid}" for qid in result["clean_alarmed"]])


def _report(result: dict, args, shown: str, rows: dict, more: list[str]) -> int:
    """Print the figures (as JSON, or the table and, with --details, the ids behind them)."""
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(shown)
    if args.details:
        for name, row in rows.items():
            for kind in ("missed", "false"):
                for qid in row[kind]:
                    print(f"  {name} {kind}: {qid}")
        for line in more:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
