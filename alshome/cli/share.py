"""`alshome share ...`: share this history with the patient's clinic, or stop.

`join URL CODE` pairs with the clinic by the one-time code the therapist gave; from then
on every record saved is waiting to be sent, the history before joining included. `now`
sends everything waiting and says how much, `status` says with whom and since when, and
`stop` revokes the token at the clinic and forgets it. All of it goes through
`alshome.operations.sync`, as the app's own sharing does.
"""

from __future__ import annotations

import socket
from argparse import Namespace
from typing import Any

from alshome.cli.passphrase import asked_passphrase
from alshome.platform.paths import Locations

ACTION = "ACTION"


def add_share_commands(commands: Any, *, strict: bool) -> None:
    """The `share` group, on the `alshome` command's subparsers (see `parser.build_parser`)."""
    required = {"required": strict}
    one = None if strict else "?"
    share = commands.add_parser("share", help="share this history with your clinic")
    actions = share.add_subparsers(dest="action", metavar=ACTION, **required)
    join = actions.add_parser("join", help="start sharing, with the code your clinic gave you")
    join.add_argument("url", metavar="URL", nargs=one, help="the clinic's address")
    join.add_argument("code", metavar="CODE", nargs=one, help="the one-time pairing code")
    actions.add_parser("now", help="send everything waiting now")
    actions.add_parser("status", help="with whom the history is shared, and since when")
    actions.add_parser("stop", help="stop sharing: the clinic's token is revoked and forgotten")


def share_command(locations: Locations, options: Namespace) -> str:
    from alshome.domain.clock import SystemClock
    from alshome.operations import sync
    from alshome.operations.history import opened_history, saved_history

    clock = SystemClock()
    passphrase = asked_passphrase(locations)
    if options.action == "join":
        with opened_history(locations.database_url, passphrase) as repository:
            sharing = sync.join(
                repository.engine, options.url, options.code, socket.gethostname(), clock.wall()
            )
            waiting = sync.status(repository.engine)
        count = 0 if waiting is None else waiting.waiting
        return (
            f"Sharing with {sharing.clinic_url}; {_records(count)} waiting to be sent "
            "(`alshome share now` sends them)."
        )
    with saved_history(locations.database_url, passphrase) as repository:
        engine = repository.engine
        if options.action == "now":
            sent = sync.send_pending(engine, clock.wall)
            offered = sync.take_program(engine)
            words = f"Sent {_records(sent.records)} to the clinic."
            return f"{words} The clinic has a new program for you." if offered else words
        if options.action == "stop":
            told = sync.stop(engine)
            if told:
                return "Stopped sharing; the clinic no longer accepts this device."
            return (
                "Stopped sharing here; the clinic could not be told, so ask it to revoke "
                "this device."
            )
        state = sync.status(engine)
    if state is None:
        return "Not shared with a clinic."
    since = "nothing sent yet" if state.sent_at is None else f"last sent {state.sent_at:%c}"
    return (
        f"Shared with {state.clinic_url}: "
        f"{'up to date' if not state.waiting else f'{_records(state.waiting)} waiting'}; "
        f"{since}."
    )


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"
