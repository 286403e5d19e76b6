"""The clinic report drawn as a PDF (`pdf`, `document`), from the figures that
`alshome.operations.reports` gathers from the history.

The figures are pure Python, so the command line prints their JSON without loading Qt;
only the PDF needs Qt, for its own PDF writer and the history's charts.
"""
