"""Exceptions the command line turns into one-line messages (exit 2), and the "did you mean"
hint those messages share.

Kept free of module-level imports so that ``looptool --version`` and ``--help`` stay fast.
"""


class UsageError(Exception):
    """Bad command-line input: the CLI prints it and exits 2."""


def did_you_mean(given: str, names, then: str = "") -> str:
    """`` (did you mean `staff`?)`` for a near miss of ``given`` among ``names``, else nothing;
    ``then`` follows either way (difflib, as the configuration's keys use it)."""
    import difflib  # small, but --version never needs it

    hint = difflib.get_close_matches(str(given).strip().lower(), [str(n) for n in names], n=1)
    return f" (did you mean `{hint[0]}`?){then}" if hint else then
