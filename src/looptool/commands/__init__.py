"""The command layer: reads files, decides what blocks what, calls the libraries.

See docs/architecture.md.
"""
