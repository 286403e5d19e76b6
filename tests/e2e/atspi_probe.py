"""Read a running app the way a screen reader does: through AT-SPI, from another process.

Run by the system Python (`/usr/bin/python3`), which has the AT-SPI client library
(Debian: python3-gi and gir1.2-atspi-2.0); the project's venv is not needed and not used.
It finds the bus through DBUS_SESSION_BUS_ADDRESS, as a screen reader would.

    atspi_probe.py tree  --app NAME --until BUTTON
    atspi_probe.py press --app NAME --button BUTTON --until BUTTON

`tree` waits until the application NAME shows a push button named --until, then prints the
application's accessibility tree. `press` listens for announcements, presses the showing
push button --button through its Action interface (as a screen reader or switch software
does), waits until a push button named --until shows, and prints the tree and what was
announced. The output is one JSON object on stdout; the exit status is 0 when --until was
seen, 3 when the wait ran out (the JSON then holds what was seen last).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# AT-SPI 2.46 (Debian 12) marks get_action_name deprecated, yet its typelib binds that very
# name to the replacement C function, so there is nothing newer to call.
warnings.filterwarnings("ignore", r".*get_action_name is deprecated", DeprecationWarning)

POLL_S = 0.1
LISTENER_SETTLE_S = 0.3  # the app hears of a new event listener through the registry
ANNOUNCEMENT_GRACE_S = 0.5  # events queued behind the tree's answers still arrive
TIMED_OUT = 3
PRESS = "Press"
ANNOUNCEMENT = "object:announcement"
LIVE_POLITENESS = {1: "polite", 2: "assertive"}  # AtspiLive values of the event's detail1
REPORTED_STATES = {
    "showing": Atspi.StateType.SHOWING,
    "visible": Atspi.StateType.VISIBLE,
    "focusable": Atspi.StateType.FOCUSABLE,
    "focused": Atspi.StateType.FOCUSED,
    "enabled": Atspi.StateType.ENABLED,
}


def spin(seconds: float) -> None:
    """Let GLib deliver events (announcements) for `seconds`."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def find_application(name: str) -> Atspi.Accessible | None:
    desktop = Atspi.get_desktop(0)
    for index in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(index)
        if child is not None and child.get_name() == name:
            child.set_cache_mask(Atspi.Cache.NONE)  # read what the app shows now, not before
            return child
    return None


def describe(node: Atspi.Accessible, depth: int) -> dict:
    states = node.get_state_set()
    return {
        "depth": depth,
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "states": [label for label, state in REPORTED_STATES.items() if states.contains(state)],
        "actions": action_names(node),
        "extents": extents(node),
    }


def extents(node: Atspi.Accessible) -> list[int] | None:
    """Where the node is on the screen, [x, y, width, height], as a reader's review shows it."""
    if "Component" not in node.get_interfaces():
        return None
    box = node.get_extents(Atspi.CoordType.SCREEN)
    return [box.x, box.y, box.width, box.height]


def action_names(node: Atspi.Accessible) -> list[str]:
    """What the node's Action interface offers (a push button: Press), or nothing."""
    if "Action" not in node.get_interfaces():
        return []
    return [node.get_action_name(i) for i in range(node.get_n_actions())]


def walk(node: Atspi.Accessible, depth: int = 0) -> list[tuple[Atspi.Accessible, dict]]:
    """Every node under `node`, depth first, in the order a screen reader's review meets them."""
    found = [(node, describe(node, depth))]
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is not None:
            found += walk(child, depth + 1)
    return found


def showing_button(nodes: list[tuple[Atspi.Accessible, dict]], name: str):
    for node, facts in nodes:
        if (
            facts["role"] == "push button"
            and facts["name"] == name
            and "showing" in facts["states"]
        ):
            return node
    return None


def wait_for(app_name: str, button: str, timeout: float) -> tuple[list, bool]:
    """The application's nodes once a push button named `button` shows; ([], False) if never."""
    deadline = time.monotonic() + timeout
    nodes: list = []
    while True:
        try:
            app = find_application(app_name)
            nodes = walk(app) if app is not None else []
        except GLib.Error:  # the app is still building its tree, or is going away
            nodes = []
        if showing_button(nodes, button) is not None:
            return nodes, True
        if time.monotonic() >= deadline:
            return nodes, False
        spin(POLL_S)


def press(node: Atspi.Accessible) -> None:
    node.do_action(action_names(node).index(PRESS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("tree", "press"))
    parser.add_argument("--app", required=True, help="the application's accessible name")
    parser.add_argument("--button", help="press: the push button to press")
    parser.add_argument("--until", required=True, help="wait for this push button to show")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds for each wait")
    args = parser.parse_args()

    output: dict = {}
    seen = True
    if args.command == "press":
        announcements: list[dict] = []

        def on_announcement(event: Atspi.Event) -> None:
            announcements.append(
                {
                    "text": str(event.any_data or ""),
                    "politeness": LIVE_POLITENESS.get(event.detail1, str(event.detail1)),
                    "source": event.source.get_name() if event.source else "",
                }
            )

        listener = Atspi.EventListener.new(on_announcement)
        listener.register(ANNOUNCEMENT)
        spin(LISTENER_SETTLE_S)
        nodes, seen = wait_for(args.app, args.button, args.timeout)
        target = showing_button(nodes, args.button)
        if target is None:
            output["error"] = f"no showing push button named {args.button!r}"
            seen = False
        else:
            press(target)
            nodes, seen = wait_for(args.app, args.until, args.timeout)
            spin(ANNOUNCEMENT_GRACE_S)
        output["announcements"] = announcements
    else:
        nodes, seen = wait_for(args.app, args.until, args.timeout)

    output["application_found"] = bool(nodes)
    output["nodes"] = [facts for _, facts in nodes]
    json.dump(output, sys.stdout, ensure_ascii=False, indent=1)
    return 0 if seen else TIMED_OUT


if __name__ == "__main__":
    sys.exit(main())
