"""Where the app meets the computer: folders, private files, shipped resources, settings,
starting at log-in and a process that ends with its parent. Nothing here knows of
sessions, storage or the screens."""
