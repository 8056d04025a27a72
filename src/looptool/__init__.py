"""looptool: plan structured interview loops and lint the question banks they draw from."""

# The one place the version is written (pyproject reads it from here). Main
# carries the next release with ".dev0"; see docs/releasing.md.
__version__ = "0.1.0.dev0"
