"""Exercise illustrations: a pose per exercise, drawn by the project in one style.

`pose` holds the pure geometry (no Qt), so its rules are tested without a display;
`alshome.ui.figure` paints what it returns.
"""
