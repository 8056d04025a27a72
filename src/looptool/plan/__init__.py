"""Composing interview loops: pure functions from bank data to a Plan, and its views.

Never reads files or runs the linter; see docs/architecture.md.
"""
