"""looptool: plan structured interview loops and lint the question banks they draw from."""

__version__ = "0.1.0"
