"""`alshome library`: the exercises a program can use."""

from __future__ import annotations

from argparse import Namespace

from alshome.platform.paths import Locations


def list_library(locations: Locations, options: Namespace) -> str:
    """The shipped exercise library; it reads no history, so no data folder is made."""
    from alshome.programs.library import library_json, library_table, stock_library

    library = stock_library()
    return library_json(library) if options.json else library_table(library)
