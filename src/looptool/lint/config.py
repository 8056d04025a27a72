"""Configuration: defaults < config file < command-line flags.

The config file is the first of ``.looptool.yaml``, ``looptool.toml`` or a
``pyproject.toml`` with a ``[tool.looptool]`` table, looked for in the linted
path's folder and then each parent (or given with ``--config``). Keys are
kebab-case, as in ruff::

    select = ["ALL"]                 # codes, names or code prefixes
    ignore = ["LT114"]
    fail-on = "warning"              # error | warning | info
    role = "ml-platform"             # lint against this role by default

    [rules.stale-problem]            # per rule: level and options
    level = "error"
    max-age-months = 6

    [per-path-ignores]               # shell-style globs relative to the config file
    "legacy/*.yaml" = ["stale-problem"]

    [schedule]                       # looptool plan: zone, hours, holidays, invitations
    timezone = "Europe/London"
    working-hours = "09:00-18:00"
    holidays = ["2026-12-25", "2026-12-28"]
    organizer = "recruiting@example.com"
    location = "https://meet.example.com/loop"

    [[catalogues.stale_topics]]      # extra entries for the data catalogues
    id = "user-user-cf"
    topic = "user-user collaborative filtering"
    since = "2018-01-01"
    superseded_by = "learned two-tower retrieval"
    why = "item embeddings replaced neighbourhood methods"
    all = ["user-user"]

Every key is checked: an unknown key, rule, option or level is a
:class:`ConfigError` naming the file and key (exit 2).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from looptool.bank.catalogues import available, extendable, first_problem
from looptool.bank.loader import load_bytes
from looptool.lint import registry
from looptool.lint.findings import LEVELS
from looptool.plan.zones import ZoneError, get_zone

CONFIG_NAMES = (".looptool.yaml", "looptool.toml", "pyproject.toml")
TOP_KEYS = {"select", "ignore", "fail-on", "role", "rules", "per-path-ignores", "catalogues", "schedule"}
SCHEDULE_KEYS = ("timezone", "working-hours", "holidays", "organizer", "location")


class ConfigError(Exception):
    """An invalid configuration: printed as one line, exit 2."""


@dataclass
class Settings:
    """The effective configuration, with where each value came from."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    role: str | None = None
    rule_levels: dict[str, str] = field(default_factory=dict)  # rule code -> level
    rule_options: dict[str, dict] = field(default_factory=dict)  # rule code -> options
    per_path_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    catalogues: dict[str, list] = field(default_factory=dict)
    schedule: dict = field(default_factory=dict)  # looptool plan's [schedule] keys, checked (see _schedule)
    root: Path | None = None  # folder of the config file (globs are relative to it)
    source: str | None = None  # the config file, if any
    origins: dict[str, str] = field(default_factory=dict)  # key -> "default" | file | "command line"

    def ignored_at(self, file: str) -> set[str]:
        """Rule codes ignored for a file by ``per-path-ignores``."""
        if not self.per_path_ignores:
            return set()

        absolute = Path(os.path.abspath(file))
        try:
            rel = absolute.relative_to(self.root).as_posix() if self.root else absolute.as_posix()
        except ValueError:
            rel = absolute.as_posix()
        out: set[str] = set()
        for pattern, selectors in self.per_path_ignores:
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*"):
                for selector in selectors:
                    out.update(rule.code for rule in registry.matching(selector))
        return out


def find_config(start: Path) -> Path | None:
    """The nearest config file in ``start`` or its parents."""
    folder = start if start.is_dir() else start.parent
    folder = Path(os.path.abspath(folder))
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml configures looptool. One that does not parse is skipped, unless it
    mentions looptool: then its error is reported, since its settings would otherwise be dropped."""
    try:
        tool = _read_toml(path).get("tool", {})
        return isinstance(tool, dict) and "looptool" in tool
    except ConfigError:
        try:
            mentions = b"looptool" in path.read_bytes()
        except OSError:
            mentions = False
        if mentions:
            raise
        return False


def _read_toml(path: Path) -> dict:
    import tomllib

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def read_config_file(path: Path) -> dict:
    """The raw looptool table of a config file."""
    if path.suffix in (".yaml", ".yml"):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from None
        result = load_bytes(raw, str(path))
        if result.problems:
            problem = result.problems[0]
            raise ConfigError(f"{path}:{problem.line}:{problem.column}: {problem.message}")
        data = result.documents[0].data if result.documents else {}
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: the configuration must be a mapping")
        return data
    table = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = table.get("tool", {})
        table = tool.get("looptool", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: `tool.looptool` must be a table, not {table!r}")
    return table


def _as_list(value, key, where) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: `{key}` must be a list of rule codes or names")


def _check_selectors(selectors, key, where):

    for selector in selectors:
        if not registry.matching(selector):
            raise ConfigError(f"{where}: `{key}` names unknown rule `{selector}` (see `looptool rules`)")


def apply_table(settings: Settings, table: dict, where: str) -> None:
    """Merge one config table into ``settings``, validating every key."""

    for key in table:
        if key not in TOP_KEYS:
            import difflib

            hint = difflib.get_close_matches(str(key), sorted(TOP_KEYS), n=1)
            more = f"; did you mean `{hint[0]}`?" if hint else ""
            raise ConfigError(f"{where}: unknown key `{key}`{more}")
    for key in ("select", "ignore"):
        if key in table:
            values = _as_list(table[key], key, where)
            _check_selectors(values, key, where)
            setattr(settings, key, values)
            settings.origins[key] = where
    if "fail-on" in table:
        if table["fail-on"] not in LEVELS:
            raise ConfigError(f"{where}: `fail-on` must be one of {', '.join(LEVELS)}")
        settings.fail_on = table["fail-on"]
        settings.origins["fail-on"] = where
    if "role" in table:
        if not isinstance(table["role"], str):
            raise ConfigError(f"{where}: `role` must be a role id")
        settings.role = table["role"]
        settings.origins["role"] = where
    for name, body in _mapping(table, "rules", where).items():
        rule = registry.find(str(name))
        if rule is None:
            raise ConfigError(f"{where}: `rules.{name}` is not a rule (see `looptool rules`)")
        for option, value in _mapping(table["rules"], name, f"{where}: rules").items():
            if option == "level":
                if value not in LEVELS:
                    raise ConfigError(f"{where}: `rules.{name}.level` must be one of {', '.join(LEVELS)}")
                settings.rule_levels[rule.code] = value
            elif option in rule.options:
                default = rule.options[option]
                if default is not None and not _same_kind(default, value):
                    raise ConfigError(
                        f"{where}: `rules.{name}.{option}` must be {_kind_name(default)}, not {value!r}")
                problem = _out_of_range(value, default, rule.ranges.get(option))
                if problem:
                    raise ConfigError(f"{where}: `rules.{name}.{option}` {problem}, not {value!r}")
                settings.rule_options.setdefault(rule.code, {})[option] = value
            else:
                known = ", ".join(["level", *rule.options]) or "level"
                raise ConfigError(f"{where}: `rules.{name}` has no option `{option}` (options: {known})")
            settings.origins[f"rules.{rule.name}.{option}"] = where
    for pattern, selectors in _mapping(table, "per-path-ignores", where).items():
        values = _as_list(selectors, f"per-path-ignores.{pattern}", where)
        _check_selectors(values, f"per-path-ignores.{pattern}", where)
        settings.per_path_ignores.append((str(pattern), values))
        settings.origins[f"per-path-ignores.{pattern}"] = where
    for key, value in _mapping(table, "schedule", where).items():
        settings.schedule[key] = _schedule(str(key), value, where)
        settings.origins[f"schedule.{key}"] = where
    for name, entries in _mapping(table, "catalogues", where).items():
        if name not in extendable():
            what = ("is read by the question-analysis layer from the bundled data only and cannot be extended"
                    if name in available() else "is not a catalogue")
            raise ConfigError(f"{where}: `catalogues.{name}` {what} (catalogues you can extend: "
                              f"{', '.join(extendable())})")
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ConfigError(f"{where}: `catalogues.{name}` must be a list of entries (mappings)")
        # checked here, at load, against the catalogue's schema, so a bad entry or pattern is
        # named before any file is linted
        problem = first_problem(name, entries, patterns=True, labels=False)
        if problem:
            raise ConfigError(f"{where}: `catalogues.{name}` {problem}")
        settings.catalogues.setdefault(name, []).extend(entries)
        settings.origins[f"catalogues.{name}"] = where


def _schedule(key: str, value, where):
    """One ``[schedule]`` value, checked; holidays become dates."""
    at = f"{where}: `schedule.{key}`"
    if key not in SCHEDULE_KEYS:
        raise ConfigError(f"{where}: unknown key `schedule.{key}` (keys: {', '.join(SCHEDULE_KEYS)})")
    if key == "holidays":
        if not isinstance(value, list):
            raise ConfigError(f"{at} must be a list of dates (YYYY-MM-DD)")
        days = []
        for item in value:
            try:
                days.append(item if isinstance(item, dt.date) and not isinstance(item, dt.datetime)
                            else dt.date.fromisoformat(str(item)))
            except ValueError:
                raise ConfigError(f"{at}: `{item}` is not a date (YYYY-MM-DD)") from None
        return days
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{at} must be a non-empty string, not {value!r}")
    if key == "timezone":
        try:
            get_zone(value)
        except ZoneError as exc:
            raise ConfigError(f"{at}: {exc}") from None
    if key == "working-hours" and not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)",
                                                   value):
        raise ConfigError(f"{at} must be HH:MM-HH:MM (24-hour), not {value!r}")
    if key == "organizer" and not re.fullmatch(r"[^@\s]+@[^@\s]+", value):
        raise ConfigError(f"{at} must be an email address, not {value!r}")
    return value


def _out_of_range(value, default, bounds) -> str | None:
    """What is wrong with a numeric option's value (None: nothing)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return "must be a finite number"
    if isinstance(default, int) and not isinstance(default, bool) and not float(value).is_integer():
        return "must be a whole number"
    low, high = bounds or (None, None)
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            return f"must be between {low} and {high}"
        return f"must be at least {low}" if low is not None else f"must be at most {high}"
    return None


def _kind_name(default) -> str:
    if isinstance(default, list) and default:
        return f"a list of {type(default[0]).__name__}"
    return type(default).__name__


def _same_kind(default, value) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    if isinstance(default, list) and isinstance(value, list):  # the items too: `[behavioural, 5]` is no list of names
        return not default or all(_same_kind(default[0], item) for item in value)
    return isinstance(value, type(default))


def _mapping(table, key, where) -> dict:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: `{key}` must be a table/mapping")
    return value


def load_settings(paths=(), config: Path | None = None, overrides: dict | None = None) -> Settings:
    """Defaults, then the discovered (or given) config file, then CLI overrides."""
    settings = Settings()
    for key in ("select", "ignore", "fail-on", "role"):
        settings.origins[key] = "default"
    if config is not None:
        if not Path(config).is_file():
            raise ConfigError(f"{config}: no such configuration file")
        path = Path(config)
    else:
        start = Path(paths[0]) if paths else Path.cwd()
        path = find_config(start)
    if path is not None:
        settings.source = str(path)
        settings.root = Path(os.path.abspath(path.parent))
        apply_table(settings, read_config_file(path), str(path))
    if overrides:
        apply_table(settings, {k: v for k, v in overrides.items() if v not in (None, [], ())}, "command line")
    return settings


def describe(settings: Settings) -> list[tuple[str, object, str]]:
    """(key, value, origin) rows for `looptool config`."""
    rows = [
        ("select", settings.select, settings.origins.get("select", "default")),
        ("ignore", settings.ignore, settings.origins.get("ignore", "default")),
        ("fail-on", settings.fail_on, settings.origins.get("fail-on", "default")),
        ("role", settings.role, settings.origins.get("role", "default")),
    ]

    for rule in registry.catalogue():
        level = settings.rule_levels.get(rule.code, rule.level)
        rows.append((f"rules.{rule.name}.level", level, settings.origins.get(f"rules.{rule.name}.level", "default")))
        for option, default in rule.options.items():
            value = settings.rule_options.get(rule.code, {}).get(option, default)
            rows.append((f"rules.{rule.name}.{option}", value,
                         settings.origins.get(f"rules.{rule.name}.{option}", "default")))
    for pattern, selectors in settings.per_path_ignores:
        rows.append((f"per-path-ignores.{pattern}", selectors, settings.origins.get(f"per-path-ignores.{pattern}")))
    for key, value in settings.schedule.items():
        shown = [d.isoformat() for d in value] if key == "holidays" else value
        rows.append((f"schedule.{key}", shown, settings.origins.get(f"schedule.{key}")))
    for name, entries in settings.catalogues.items():
        rows.append((f"catalogues.{name}", f"+{len(entries)} entries", settings.origins.get(f"catalogues.{name}")))
    return rows
