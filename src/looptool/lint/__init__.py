"""Judging a bank: the rule registry and rules, the lint pipeline, configuration.

See docs/architecture.md.
"""
