"""Rule documentation pages and the README rule table, generated from docstrings.

The docstring of each rule module is the single source; this module renders
it as ``docs/rules/<name>.md`` and as the table in README.md between the
``rules-table`` markers. Regenerate with ``python -m looptool.lint.ruledocs``;
a test fails when the committed pages are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from looptool.lint.registry import Rule, catalogue

START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def rule_page(rule: Rule) -> str:
    lines = [f"# {rule.code} `{rule.name}`", "", f"{rule.summary}", "",
             f"- Default level: **{rule.level}**", f"- Applies to: {rule.scope}"]
    if rule.options:
        lines.append("- Option defaults: " + ", ".join(f"`{k}` = `{json.dumps(v)}`" for k, v in rule.options.items()))
    if rule.ranges:
        lines.append("- Allowed values: " + ", ".join(f"`{k}` {_range(*bounds)}" for k, bounds in rule.ranges.items()))
    body = rule.doc.strip().split("\n", 1)[1].strip() if "\n" in rule.doc.strip() else ""
    lines += ["", body, ""]
    lines += ["Suppress one occurrence with a reason:", "", "```yaml",
              f"# looptool: ignore[{rule.name}] -- why this is deliberate", "```", ""]
    return "\n".join(lines)


def _range(low, high) -> str:
    if low is not None and high is not None:
        return f"from {low} to {high}"
    return f"at least {low}" if low is not None else f"at most {high}"


def rule_table(link_prefix: str = "docs/rules/") -> str:
    rows = ["| code | name | level | what it flags |", "|---|---|---|---|"]
    for rule in catalogue():
        rows.append(f"| {rule.code} | [{rule.name}]({link_prefix}{rule.name}.md) | {rule.level} | {rule.summary} |")
    return "\n".join(rows)


def rules_json() -> list[dict]:
    return [{"code": r.code, "name": r.name, "level": r.level, "scope": r.scope, "summary": r.summary,
             "options": r.options,
             "option_ranges": {k: list(v) for k, v in r.ranges.items()}, "docs": f"docs/rules/{r.name}.md"} for r in catalogue()]


def expected_files(root: Path) -> dict[Path, str]:
    """Every generated file and its content."""
    files = {root / "docs" / "rules" / f"{rule.name}.md": rule_page(rule) for rule in catalogue()}
    files[root / "docs" / "rules" / "README.md"] = "# Rules\n\n" + rule_table(link_prefix="") + "\n"
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    if START in text and END in text:
        before, rest = text.split(START, 1)
        _, after = rest.split(END, 1)
        files[readme] = f"{before}{START}\n{rule_table()}\n{END}{after}"
    return files


def write_all(root: Path) -> list[Path]:
    changed = []
    folder = root / "docs" / "rules"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = expected_files(root)
    for stale in folder.glob("*.md"):
        if stale not in wanted:
            stale.unlink()
            changed.append(stale)
    for path, content in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":  # python -m looptool.lint.ruledocs [ROOT]
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for path in write_all(root):
        print(f"wrote {path}")
