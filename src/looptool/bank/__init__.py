"""Reading a bank: files to model objects, with the problems met on the way.

Knows nothing of rule codes or the planner; see docs/architecture.md.
"""
