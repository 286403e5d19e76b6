"""`python -m alshome`: the same entry point as the `alshome` command."""

from alshome.cli import main

raise SystemExit(main())
