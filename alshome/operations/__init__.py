"""Everything a front end asks of the saved data, with no Qt: the GUI, the command line and
the clinic sync call these functions and hold no orchestration of their own."""
