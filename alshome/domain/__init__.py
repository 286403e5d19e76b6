"""Pure-Python core: the program model, the session state machine and the fatigue rules.

Nothing here imports Qt, SQLAlchemy or reads the wall clock directly, so every rule is
testable in milliseconds (an import-linter contract in pyproject.toml enforces it).
"""
