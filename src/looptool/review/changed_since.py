"""``looptool lint --changed-since REF``: report what a change is responsible for.

The whole bank is linted as usual, so cross-file checks see everything; then
only these findings are kept:

* findings about an item (question, loop, role, …) added or changed since
  REF, compared by id and content, not by line;
* findings about no item (syntax, encoding, empty file, …) in a file that
  changed;
* findings of bank-wide rules (scope loop, bank or pool, such as an
  unfillable slot) that did not exist at REF: the change caused them even
  when they sit elsewhere. When such a finding concerns a level × role that
  could be planned at REF and cannot now, the changed questions that could
  fill it at REF are named in its message.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from looptool.bank import model
from looptool.bank.load import empty_bank
from looptool.lint import registry as catalogue
from looptool.lint.linter import LintResult
from looptool.review import impact
from looptool.review.baseline import fingerprint
from looptool.review.gitrepo import at_ref, bank_top, repo_path, resolve

ALWAYS = frozenset({"LT000"})  # an unreadable file: the run cannot vouch for anything
CROSS_ITEM_SCOPES = frozenset({"loop", "bank", "pool"})
MAX_BLAMED = 5  # questions named in a blamed finding's message


@dataclass
class ChangedSince:
    ref: str
    commit: str
    items: int  # items added, changed or removed
    files: int  # files added or changed
    hidden: int  # findings not caused by the change

    def describe(self) -> str:
        return (f"Changed since {self.ref} ({self.commit[:10]}): {self.items} item(s) in {self.files} file(s); "
                f"{self.hidden} finding(s) elsewhere not shown.")

    def as_dict(self) -> dict:
        return {"ref": self.ref, "commit": self.commit, "items": self.items, "files": self.files,
                "hidden": self.hidden}


def _section(finding) -> str | None:
    return finding.path[0] if finding.path and finding.path[0] in model.SECTIONS else None


def _about_changed(finding, changed) -> bool:
    section = _section(finding)
    if section:
        return (section, finding.subject) in changed
    return any((s, finding.subject) in changed for s in model.SECTIONS)


def _scope(code: str) -> str | None:
    rule = catalogue.find(code)
    return rule.scope if rule else None


def _changed_files(head_files, base_files: dict[str, bytes], top: Path) -> set[str]:
    out = set()
    for shown in head_files:
        try:
            now = Path(shown).read_bytes()
        except OSError:
            now = None
        if now is None or base_files.get(repo_path(shown, top)) != now:
            out.add(shown)
    return out


def _blame(finding, culprits, head_outlooks) -> str:
    names = set()
    for key, ids in culprits.items():
        now = head_outlooks.get(key)
        extra = finding.extra or {}
        if (now and now.loop == finding.subject) or (extra.get("level"), extra.get("role")) == key:
            names.update(ids)
    if not names:
        return ""
    shown = sorted(names)
    more = f" and {len(shown) - MAX_BLAMED} more" if len(shown) > MAX_BLAMED else ""
    return f" (after changes to {', '.join(shown[:MAX_BLAMED])}{more})"


def narrow(result, ref: str, paths, relint):
    """The findings of ``result`` the change since ``ref`` is responsible for.

    ``relint(paths)`` lints other paths with the same options; it is run on the
    bank as it was at ``ref``. Returns (findings, ChangedSince).
    """
    top = bank_top(paths)
    commit = resolve(ref, top)
    with at_ref(commit, paths, top) as (base_paths, base_files):
        # none of the paths existed at ref: the change adds the bank, so all of it is new
        base = relint(base_paths) if base_paths else LintResult([], empty_bank())
    changed = impact.changed_keys(base.bank, result.bank)
    changed_files = _changed_files(result.bank.files, base_files, top)
    before = Counter(fingerprint(f) for f in base.findings if f.subject)
    culprits = impact.culprits(base.bank, result.bank, {qid for section, qid in changed if section == "questions"})
    head_outlooks = impact.outlooks(result.bank) if culprits else {}
    kept = []
    for finding in result.findings:
        if finding.code in ALWAYS or (finding.subject is None and finding.file in changed_files):
            kept.append(finding)
        elif finding.subject is not None and _about_changed(finding, changed):
            kept.append(finding)
        elif finding.subject is not None and _scope(finding.code) in CROSS_ITEM_SCOPES:
            key = fingerprint(finding)
            if before[key] > 0:
                before[key] -= 1
                continue
            blame = _blame(finding, culprits, head_outlooks)
            kept.append(dataclasses.replace(finding, message=finding.message + blame) if blame else finding)
    note = ChangedSince(ref, commit, len(changed), len(changed_files), len(result.findings) - len(kept))
    return kept, note
