"""Text from files, made safe to print: control characters written as escapes.

A question title or an interviewer name can hold ESC sequences, NUL, CR or
LF; printed raw they would drive the reader's terminal or forge lines of a
report, a Markdown table or a calendar. Kept free of imports so every layer
can use it.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL and the Unicode line and paragraph separators: escaped when printed
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# what no text value should hold at all (lint reports it): the controls, except tab and line feed
UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` with each control character not in ``keep`` written as its escape (``\\x1b``, ``\\n``)."""
    return CONTROLS.sub(lambda found: found.group() if found.group() in keep else repr(found.group())[1:-1], text)
