"""Everything a front end asks of the saved data, with no Qt: the app, the command line and
the self-test call these and hold no orchestration of their own (Anki's `operations` is
the model). A front end asks the person (a dialog, the terminal), makes one call here and
shows the result; every sequence of steps ("back up, then import"; "close, convert, open
again"; "let go of the history, then delete its files") lives in one module below.

- `history`: the app's long-lived `History` (opened once, closed only to restore, convert
  or delete it) and a command's short openings (`opened_history`, `saved_history`).
- `startup`: what the home window opens on, read quickly or the full way.
- `program_import`, `program_export`: a therapist's program file checked, then used
  (always after a backup), and the active program written out.
- `exchange`: the whole history exported, and an export merged in (after a backup).
- `fhir`: the history as a FHIR R4 bundle for a clinic's record system, made from the
  export's models (loads `fhir.resources`, so it is imported only when asked for).
- `backups`: listed, taken now, taken automatically when due, put back.
- `encryption`: a passphrase put on the history, taken off, and checked.
- `privacy`: deleting everything alshome keeps about the person.
- `reports`: the clinic report's figures, gathered from the history (drawn in
  `alshome.report`).
- `recovery`, `editor_pin`, `failures`: an unfinished session carried on, the editor's
  PIN, and the plain sentence for each failure a person can act on.

The clinic sync that comes next goes here too, as `operations/sync.py`: functions that
take a `History` (or a database URL and passphrase, for the command line), back it up
with `backups.backed_up_before_import` before merging what the clinic sent, and return
what changed; the app and a `cli/sync.py` command then only call it.
"""
