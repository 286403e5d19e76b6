"""Which network addresses stay on this computer: plain HTTP is allowed only to and from
those, by the clinic server (its clients) and by the app (the clinic it shares with)."""

from __future__ import annotations

import ipaddress


def is_loopback(host: str | None) -> bool:
    """`localhost` or a loopback IP address (127.0.0.0/8, ::1); a name is never trusted
    to be one, as a name server can answer anything."""
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
