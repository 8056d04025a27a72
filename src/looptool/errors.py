"""Exceptions the command line turns into one-line messages (exit 2).

Kept free of imports so that ``looptool --version`` and ``--help`` stay fast.
"""


class UsageError(Exception):
    """Bad command-line input: the CLI prints it and exits 2."""
