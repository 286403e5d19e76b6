"""Where the app meets the computer: folders, private files, shipped resources, settings and
starting at log-in. Nothing here knows of sessions, storage or the screens."""
