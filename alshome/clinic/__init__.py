"""The clinic server: a clinic's own server that patients' apps share their history with.

Qt-free (an import-linter contract keeps it so) and installed only with the `clinic`
extra (`pip install alshome[clinic]`): FastAPI, uvicorn and argon2-cffi are imported by
the modules that need them, never by the app. `models` holds the tables, `schema` opens a
clinic database and migrates it with the clinic's own Alembic history, `credentials`
makes and checks passwords, pairing codes and device tokens, `accounts` pairs devices,
`records` stores what a device uploads and gives a patient's history back in the app's
export format, `audit` records every read or change of a patient's data, and `api` is
the web app (`create_app`). The therapists' dashboard on the same app: `dashboard` (its
routes and templates), `logins` (sessions, CSRF tokens, the login rate limit), `figures`
(a patient's figures and flags from the clinic's tables), `roster` (the patients page's,
for all patients at once) and `charts` (SVG charts).
"""
