"""`looptool --version` and `--help` import only what they need."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from looptool.cli import main
try:
    main([{arg!r}])
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'fastjsonschema', 'yaml')
               or m.startswith('looptool.lint.rules') or m in ('looptool.bank.load', 'looptool.lint.registry', 'looptool.lint.linter', 'looptool.plan.planner'))
print('HEAVY', heavy, file=sys.stderr)
"""


@pytest.mark.parametrize("arg", ["--version", "--help"])
def test_light_commands_do_not_load_the_linter(arg):
    run = subprocess.run([sys.executable, "-c", PROBE.format(arg=arg)], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in run.stderr, run.stderr[-500:]
