"""Where lint time goes, per phase: read, parse, position map, schema, each rule, report.

    python bench/profile.py [BANK_DIR] [--questions 2000]

Phases are timed by calling the library's own pieces in the order lint runs
them. "parse" is libyaml's event stream alone; "load" is the loader's single
pass that builds values and the position map from those events, so
"position map + values" is their difference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def profile(bank_dir: Path) -> list[tuple[str, float]]:
    import yaml

    from looptool.bank import load as bank_mod
    from looptool.bank.loader import decode, load_text
    from looptool.lint import registry, suppressions
    from looptool.lint.linter import Context, LintResult, _subjects, selected_rules
    from looptool.reporters import get

    timings: dict[str, float] = defaultdict(float)
    clock = time.perf_counter

    t = clock()
    files = bank_mod.discover([bank_dir])
    raw = {path: bank_mod.read_file(path)[0] for path in files}
    timings["read"] += clock() - t

    t = clock()
    texts = {path: decode(data)[0] for path, data in raw.items()}
    timings["decode"] += clock() - t

    from yaml._yaml import CParser

    t = clock()
    for text in texts.values():
        parser = CParser(text)
        while not isinstance(parser.get_event(), yaml.StreamEndEvent):
            pass
    timings["parse (libyaml events)"] += clock() - t

    t = clock()
    loaded = {path: load_text(text, str(path)) for path, text in texts.items()}
    timings["load (events -> values + position map)"] += clock() - t
    timings["position map + values"] = timings["load (events -> values + position map)"] - timings[
        "parse (libyaml events)"]

    t = clock()
    result_bank = bank_mod.Bank()
    collector = bank_mod._Collector()
    for path, result in loaded.items():
        for document in result.documents:
            bank_mod._load_document(document, result_bank, collector, several=False)
    bank_mod._apply_fallbacks(result_bank)
    timings["schema + model"] += clock() - t

    ctx = Context(bank=result_bank, today=dt.date(2026, 11, 24))
    codes = selected_rules(["ALL"], [])
    findings = []
    for rule in registry.catalogue():
        if rule.check is None:
            continue
        t = clock()
        ctx.options = dict(rule.options)
        for subject in _subjects(rule, result_bank):
            findings.extend(rule.check(subject, ctx))
        timings[f"rule {rule.code} {rule.name}"] += clock() - t

    t = clock()
    suppressions.apply([], result_bank.suppressions, codes)
    get("text")(LintResult([], result_bank), io.StringIO(), {})
    timings["report"] += clock() - t
    return sorted(timings.items(), key=lambda kv: -kv[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bank", nargs="?", type=Path)
    parser.add_argument("--questions", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bank_dir = args.bank
        if bank_dir is None:
            sys.path.insert(0, str(REPO / "bench"))
            from make_bank import generate

            bank_dir = Path(tmp) / "bank"
            generate(bank_dir, args.questions, max(1, args.questions // 50), seed=1)
        rows = profile(bank_dir)
    total = sum(v for k, v in rows if k != "position map + values" and not k.startswith("parse"))
    print(f"{'phase':<52} {'seconds':>8} {'share':>6}")
    for name, seconds in rows:
        print(f"{name:<52} {seconds:8.3f} {seconds / total:6.1%}")
    print(f"{'total (read, decode, load, schema, rules, report)':<52} {total:8.3f}")


if __name__ == "__main__":
    main()
