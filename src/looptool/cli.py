"""The command line: a thin Typer layer over the library.

Each command parses its options, calls one library function and renders the
result. Errors in input become one clear line on stderr and exit code 2;
nothing ever prints a traceback.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import List, Optional

import typer

from looptool import __version__
from looptool.errors import UsageError, did_you_mean
from looptool.fsutil import refuse_inputs, write_atomic
from looptool.bank.resources import bundled_bank
from looptool.lint.findings import LEVELS, at_least
from looptool.reporters.common import one_line

app = typer.Typer(
    name="looptool",
    help="Plan structured, role-fitted interview loops and lint the question banks they draw from.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130
EXIT_CLOSED_OUTPUT = 141  # 128 + SIGPIPE: what a shell reports for a tool whose reader went away


class Fail(Exception):
    """A usage or input error to report in one line (exit 2)."""


def _version(value: bool):
    if value:
        typer.echo(f"looptool {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
):
    """Plan structured, role-fitted interview loops and lint the question banks they draw from."""


def parse_date(value: Optional[str], option: str = "--today") -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Fail(f"{option}: `{value}` is not a date (YYYY-MM-DD)") from None


def _default_paths(paths):
    if paths:
        return paths
    return [bundled_bank()]


@app.command()
def lint(
    paths: Optional[List[Path]] = typer.Argument(
        None, help="Files or folders to lint (default: the bundled bank).", show_default=False),
    select: List[str] = typer.Option([], "--select", help="Only these rules (code, name or prefix; comma-separated or repeated); replaces the configured selection."),
    ignore: List[str] = typer.Option([], "--ignore", help="Also skip these rules (code, name or prefix; comma-separated or repeated)."),
    today: Optional[str] = typer.Option(None, "--today", help="Date for staleness checks (YYYY-MM-DD; default: today)."),
    role: Optional[str] = typer.Option(None, "--role", help="Also check every question against this role."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Lowest level that makes the exit code 1: error, warning (default) or info."),
    statistics: bool = typer.Option(False, "--statistics", help="Also print a count per rule."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of discovering one."),
    output_format: Optional[str] = typer.Option(None, "--format", help="Report format: text, json, github, sarif, junit or markdown (default: github on GitHub Actions, else text)."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF", help="Only report findings on questions added or changed since this git ref; the whole bank is still checked."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help="Only report findings not recorded in this baseline file."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", metavar="FILE", help="Record today's findings in this baseline file and exit."),
    jobs: int = typer.Option(0, "--jobs", "-j", min=0, help="Worker processes for large banks (0: one per core; 1: no workers)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not reuse findings for unchanged files (see LOOPTOOL_CACHE_DIR)."),
):
    """Check question banks and loop templates for known interview failure modes.

    Prints each finding as path:line:col: CODE name message. Exit 0 clean,
    1 findings at or above --fail-on, 2 bad usage, configuration or unreadable input.

    Example: looptool lint loops/ --today 2026-11-24 --select LT1 --ignore stale-problem
    """
    # deferred for start-up (tests/test_startup.py): the linter loads YAML, JSON Schema and every rule
    from looptool.lint.linter import LintOptions
    from looptool.lint.linter import lint as run_lint
    from looptool.reporters import choose, get
    from looptool.review import ci

    if baseline and write_baseline:
        raise Fail("--baseline and --write-baseline do not go together")
    if changed_since is not None and write_baseline:
        raise Fail("--changed-since and --write-baseline do not go together (a baseline records every finding)")
    if changed_since is not None and not changed_since.strip():
        raise Fail("--changed-since: give a git ref, such as origin/main")
    try:
        output_format = choose(output_format)
    except ValueError as exc:
        raise Fail(str(exc)) from None
    paths = _default_paths(paths)
    settings = _settings(paths, config, {"fail-on": fail_on})
    options = LintOptions(today=parse_date(today), role=role, select=_selectors(select),
                          ignore=_selectors(ignore), settings=settings,
                          jobs=jobs, cache=not no_cache)
    if write_baseline:
        _refuse_inputs(write_baseline, "--write-baseline", paths, [settings.source])
    result = run_lint(paths, options)
    if write_baseline:
        typer.echo(ci.write_baseline(result, write_baseline), err=True)
        raise typer.Exit(EXIT_USAGE if result.unreadable else EXIT_CLEAN)
    result, notes = ci.narrow(result, paths, changed_since=changed_since, baseline=baseline,
                              relint=lambda base_paths: run_lint(base_paths, options))
    get(output_format)(result, sys.stdout, {"statistics": statistics, "fail_on": settings.fail_on, **notes})
    for note in notes.values():
        typer.echo(note.describe(), err=True)
    if result.unreadable:
        raise typer.Exit(EXIT_USAGE)
    if any(at_least(f.level, settings.fail_on) for f in result.findings):
        raise typer.Exit(EXIT_FINDINGS)


def _refuse_inputs(output: Path, option: str, bank_paths, others) -> None:
    # deferred for start-up: bank.load imports the YAML loader and JSON Schema
    from looptool.bank.load import discover

    refuse_inputs(output, [*discover(bank_paths), *others], option)


def _selectors(values: list[str]) -> list[str]:
    """`--select LT1,LT2 --select LT3` as ruff takes it: commas and repeats both list rules."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _settings(paths, config, overrides):
    # deferred for start-up: the configuration loads the rule registry and YAML
    from looptool.lint.config import ConfigError, load_settings
    if overrides.get("fail-on") not in (None, *LEVELS):
        raise Fail(f"--fail-on: expected one of {', '.join(LEVELS)}, not `{overrides['fail-on']}`"
                   + did_you_mean(overrides["fail-on"], LEVELS))
    try:
        return load_settings(paths, config, overrides)
    except ConfigError as exc:
        raise Fail(str(exc)) from None


@app.command("config")
def show_config(
    paths: Optional[List[Path]] = typer.Argument(None, help="The path the configuration is discovered from (default: here).",
                                                 show_default=False),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file instead of discovering one."),
):
    """Print the effective configuration and where each value comes from.

    Example: looptool config loops/
    """
    import json

    # deferred for start-up: the configuration loads the rule registry and YAML
    from looptool.lint.config import describe

    for path in paths or []:
        if not path.exists():
            raise Fail(f"{path}: no such file or folder")
    settings = _settings(list(paths or []) or [Path.cwd()], config, {})
    typer.echo(f"# config file: {settings.source or '(none found: defaults)'}")
    rows = [(key, json.dumps(value), origin or "") for key, value, origin in describe(settings)]
    width = max(len(key) + len(value) for key, value, _ in rows) + 3
    for key, value, origin in rows:
        typer.echo(f"{key} = {value}".ljust(width) + f"  # {origin}")


@app.command()
def rules(
    fmt: str = typer.Option("text", "--format", help="text (a table), json or markdown."),
):
    """List every rule: code, name, default level and what it checks.

    Example: looptool rules --format json
    """
    from rich.console import Console
    from rich.table import Table

    # deferred for start-up: the registry imports every rule module
    from looptool.lint import ruledocs
    from looptool.lint.registry import catalogue

    if fmt == "json":
        import json

        typer.echo(json.dumps(ruledocs.rules_json(), indent=2))
        return
    if fmt == "markdown":
        typer.echo(ruledocs.rule_table())
        return
    if fmt != "text":
        raise Fail(f"--format: expected text, json or markdown, not `{fmt}`")

    table = Table(title="looptool rules", show_lines=False)
    for column in ("code", "name", "level", "scope", "summary"):
        table.add_column(column)
    for rule in catalogue():
        table.add_row(rule.code, rule.name, rule.level, rule.scope, rule.summary)
    Console(soft_wrap=False).print(table)


@app.command()
def explain(rule: str = typer.Argument(..., help="A rule code (LT004) or name (duplicate-key).")):
    """Print a rule's full documentation.

    Example: looptool explain duplicate-key
    """
    from rich.console import Console
    from rich.markdown import Markdown

    # deferred for start-up: the registry imports every rule module
    from looptool.lint.registry import find
    from looptool.lint.ruledocs import rule_page

    found = find(rule)
    if found is None:
        raise Fail(f"unknown rule `{rule}` (see `looptool rules`)")
    Console().print(Markdown(rule_page(found)))


@app.command()
def diff(
    base: str = typer.Argument(..., help="Git ref to compare from, e.g. origin/main."),
    head: Optional[str] = typer.Argument(None, help="Git ref to compare to (default: the working tree).", show_default=False),
    bank: List[Path] = typer.Option([], "--bank", help="Bank files or folders (default: the bundled bank); repeatable."),
    output_format: str = typer.Option("text", "--format", help="text or markdown."),
):
    """Show what a change does to the bank: questions added, removed, retired or
    changed, and for every level × role whether a loop can still be planned and
    how its skill coverage moved.

    Example: looptool diff origin/main --bank loops/ --format markdown
    """
    # deferred for start-up: diff loads the bank (YAML, JSON Schema) and the planner
    from looptool.reporters.impact import RENDERERS, render
    from looptool.review.impact import between

    if output_format not in RENDERERS:
        raise Fail(f"--format: expected one of {', '.join(RENDERERS)}, not `{output_format}`"
                   + did_you_mean(output_format, RENDERERS))
    render(between(base, head, _default_paths(bank)), output_format, sys.stdout)


@app.command()
def plan(
    level: str = typer.Option(..., "--level", help="Candidate level: intern, junior, senior, staff, or an alias "
                                                   "(abbreviated, staff+, ...)."),
    role: Optional[str] = typer.Option(None, "--role", help="Role id or alias; questions must fit it and the "
                                                            "loop maximises its weighted skill coverage."),
    bank: List[Path] = typer.Option([], "--bank", help="Question bank files or folders (default: the bundled "
                                                       "bank); repeatable."),
    interviewers: Optional[Path] = typer.Option(None, "--interviewers", help="Interviewer pool file: assign a "
                                                                             "qualified lead (and trainees) to each interview."),
    seed: int = typer.Option(0, "--seed", help="Rotation seed: another seed picks other, equally good questions."),
    exclude: List[Path] = typer.Option([], "--exclude", help="Earlier plans (JSON output) or lists of question ids "
                                                             "to avoid; repeatable."),
    candidate: Optional[Path] = typer.Option(None, "--candidate", help="Candidate file (YAML): background, "
                                                                       "questions already seen, time zone, "
                                                                       "accommodations."),
    pin: List[str] = typer.Option([], "--pin", help="SLOT=QUESTION_ID: use this question for one interview "
                                                    "(its number in the loop, or a type the loop has once); "
                                                    "repeatable."),
    today: Optional[str] = typer.Option(None, "--today", help="Date for lint checks on the questions (YYYY-MM-DD)."),
    view: str = typer.Option("panel", "--view", help="panel (hiring manager), interviewer (kits) or candidate."),
    handle: Optional[str] = typer.Option(None, "--for", help="With --view interviewer: only this interviewer's kits."),
    output_format: str = typer.Option("text", "--format", help="text, markdown, json or ics."),
    start: str = typer.Option("09:30", "--start", help="Start of the first interview (HH:MM)."),
    break_minutes: Optional[int] = typer.Option(None, "--break", help="Minutes between interviews (default: "
                                                                      "the loop template's)."),
    lunch_after: Optional[int] = typer.Option(None, "--lunch-after", help="Take lunch once the day has run this "
                                                                          "many minutes (default: the template's)."),
    lunch: Optional[int] = typer.Option(None, "--lunch", help="Minutes of the lunch break (0: none)."),
    day: Optional[str] = typer.Option(None, "--date", help="Interview day (YYYY-MM-DD; default: the first working "
                                                           "day after --today, else after today; a weekend or "
                                                           "holiday is kept, with a warning)."),
    timezone: Optional[str] = typer.Option(None, "--timezone", help="The loop's IANA time zone, e.g. Europe/London "
                                                                    "(default: schedule.timezone in the config, "
                                                                    "else the system's)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically) "
                                                                      "instead of standard output."),
):
    """Compose a loop for a level and role, assign interviewers and print the agenda.

    Exit 0 with the agenda, 1 when a slot cannot be filled (the message names
    the slot and why), 2 on bad input.

    Example: looptool plan --level senior --role mlops --interviewers loops/interviewers.example.yaml
    """
    import os

    # deferred for start-up: planning loads the bank, the linter and the views
    from looptool.commands.plan import PlanRequest, run
    from looptool.plan.feasibility import PlanError

    request = PlanRequest(
        level=level, role=role, bank=bank, interviewers=interviewers, seed=seed, exclude=exclude,
        candidate=candidate, pins=pin,
        today=parse_date(today), day=parse_date(day, "--date"), timezone=timezone, start=start,
        break_minutes=break_minutes,
        lunch_after=lunch_after, lunch_minutes=lunch, view=view, handle=handle, fmt=output_format,
        color=output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
        width=_terminal_width() if output is None and (sys.stdout.isatty() or "COLUMNS" in os.environ) else None,
        output=output,
    )
    try:
        text = run(request, warn=lambda message: _say(f"warning: {message}"))
    except PlanError as exc:
        _say(str(exc))
        raise typer.Exit(EXIT_FINDINGS) from None
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise Fail(f"--output {output}: {exc.strerror or exc}") from None


def _terminal_width() -> int:
    """The terminal's width (``COLUMNS`` first, as ``shutil`` reads it), kept between 72 and 160
    columns so the agenda stays readable; files and pipes get the text view's fixed width unless
    ``COLUMNS`` is set, so their output is stable."""
    import shutil

    return min(max(shutil.get_terminal_size().columns, 72), 160)


def _say(message: str) -> None:
    """One line on stderr, whatever the message quotes from a file."""
    print(f"looptool: {one_line(message)}", file=sys.stderr)


def _interrupted():
    print("looptool: interrupted", file=sys.stderr)
    sys.exit(EXIT_INTERRUPTED)


class OutputFailed(Exception):
    """Standard output could not be written: its reader went away or its device failed."""

    def __init__(self, error: OSError):
        super().__init__(error.strerror or str(error))
        self.error = error


class _Stdout:
    """Standard output, with a failed write told apart from every other OSError a command may meet."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputFailed(exc) from None

    def flush(self):
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(exc) from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _output_failed(exc: OutputFailed) -> None:
    """A closed pipe (``looptool lint | head``) ends quietly with 141 whatever the findings, in every
    command alike; any other failed write (a full disk, /dev/full) is a one-line error, exit 2."""
    import errno
    import os

    try:  # nothing more can reach the reader, and Python's own flush at exit must not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    if exc.error.errno == errno.EPIPE:
        sys.exit(EXIT_CLOSED_OUTPUT)
    _say(f"error: cannot write the output: {exc}")
    sys.exit(EXIT_USAGE)


def main(argv=None) -> None:
    """Entry point: run the app, turning every failure into a one-line message."""
    real_stdout = sys.stdout
    sys.stdout = _Stdout(real_stdout)
    try:
        _main(argv)
    except OutputFailed as exc:
        _output_failed(exc)
    finally:
        sys.stdout = real_stdout


def _main(argv) -> None:
    try:
        # without standalone mode click returns a command's exit code instead of exiting
        code = app(args=argv, prog_name="looptool", standalone_mode=False)
        sys.stdout.flush()  # a write error shows here, before the exit code is decided
    except typer.Exit as stop:
        sys.stdout.flush()
        sys.exit(stop.exit_code)
    except (Fail, UsageError) as exc:
        _say(f"error: {exc}")
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        _interrupted()
    except (SystemExit, OutputFailed):
        raise
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        # by class name: typer may raise its own vendored copy of click's exceptions
        kinds = {cls.__name__ for cls in type(exc).__mro__}
        if "ClickException" in kinds:
            exc.show()
            sys.exit(EXIT_USAGE)
        if "Abort" in kinds:
            sys.exit(EXIT_INTERRUPTED)
        _say(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_USAGE)
    if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C in a command into this code, silently
        _interrupted()
    sys.exit(code if isinstance(code, int) else EXIT_CLEAN)
