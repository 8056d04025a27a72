"""A bank under version control: git access, --changed-since, baselines, diff.

See docs/architecture.md.
"""
