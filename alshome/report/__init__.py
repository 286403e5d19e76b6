"""The clinic report: the figures of a date range (`figures`), as JSON or as a PDF (`pdf`).

`figures` is pure Python, so the command line prints JSON without loading Qt; only the
PDF needs Qt, for its own PDF writer and the history's charts.
"""
