"""The Qt user interface: screens render the session's state and forward input.

Nothing under here decides what comes next; the domain session does.
"""
