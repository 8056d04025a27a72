"""The README's commands stay true."""

from __future__ import annotations

import re

from conftest import REPO


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    test_command = next(b for b in blocks if b.strip().endswith("pytest"))
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci


def _lower_bounds() -> dict[str, str]:
    """``name -> version`` of every ``>=`` bound in pyproject's dependencies and test extra."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["test"]
    bounds = {}
    for spec in specs:
        name, _, version = spec.partition(">=")
        assert version, f"{spec!r} has no lower bound; every dependency declares the oldest tested version"
        bounds[name.strip().lower()] = version.strip()
    return bounds


def test_the_oldest_dependency_pins_are_the_declared_lower_bounds():
    """constraints/oldest.txt is what `.ci/oldest` tests; it must pin exactly pyproject's lower bounds."""
    pins = {}
    for line in (REPO / "constraints" / "oldest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[name.strip().lower()] = version.strip()
    assert pins == _lower_bounds()


def test_ci_also_runs_the_oldest_dependency_suite():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "bash .ci/oldest" in ci and "bash .ci/oldest" in readme


def test_the_readme_configuration_example_loads_as_written(tmp_path):
    """Pasted into a pyproject.toml, every setting in the README's example takes effect."""
    from looptool.lint.config import load_settings

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = next(b for b in re.findall(r"```toml\n(.*?)```", readme, flags=re.S) if "[tool.looptool]" in b)
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    settings = load_settings([tmp_path])
    assert settings.role == "ml-platform" and settings.fail_on == "warning"
    assert settings.ignored_at(str(tmp_path / "archive" / "old.yaml")) >= {"LT101"}
    assert [e["id"] for e in settings.catalogues["stale_topics"]] == ["user-user-cf"]
    assert settings.schedule["timezone"] == "Europe/London" and len(settings.schedule["holidays"]) == 2
