"""JUnit XML: one test case per linted file, its findings as the failure.

Findings at or above ``--fail-on`` fail the file's test case; those below it
are listed in the case's output, so the report agrees with the exit code.
Clean files are passing test cases, so a CI test view shows the whole bank.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from looptool.lint.findings import at_least

# characters XML 1.0 cannot hold at all, even escaped
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _line(f) -> str:
    return _text(f"{f.file}:{f.line}:{f.column}: {f.code} {f.name} {f.message}")


def build(result, options) -> ET.Element:
    fail_on = options.get("fail_on", "warning")
    by_file = defaultdict(list)
    for finding in result.findings:
        by_file[finding.file].append(finding)
    files = list(dict.fromkeys([*result.bank.files, *by_file]))
    suites = ET.Element("testsuites", name="looptool")
    suite = ET.SubElement(suites, "testsuite", name="looptool lint")
    failures = 0
    for file in files:
        case = ET.SubElement(suite, "testcase", classname="looptool.lint", name=_text(file), file=_text(file), time="0")
        failing = [f for f in by_file[file] if at_least(f.level, fail_on)]
        below = [f for f in by_file[file] if not at_least(f.level, fail_on)]
        if failing:
            failures += 1
            first = failing[0]
            more = f" (and {len(failing) - 1} more)" if len(failing) > 1 else ""
            failure = ET.SubElement(case, "failure", type=first.code,
                                    message=_text(f"{first.line}:{first.column}: {first.code} {first.name} {first.message}{more}"))
            failure.text = "\n".join(_line(f) for f in failing)
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f) for f in below)
    for element in (suites, suite):
        element.set("tests", str(len(files)))
        element.set("failures", str(failures))
        element.set("errors", "0")
        element.set("time", "0")
    suite.set("skipped", "0")
    return suites


def render(result, stream, options=None) -> None:
    tree = ET.ElementTree(build(result, options or {}))
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree.getroot(), encoding="unicode"))
    stream.write("\n")
