"""Which network addresses stay on this computer: plain HTTP is allowed only to and from
those, by the clinic server (its clients) and by the app (the clinic it shares with)."""

from __future__ import annotations

import functools
import ipaddress


@functools.lru_cache(maxsize=1024)
def is_loopback(host: str | None) -> bool:
    """`localhost` or a loopback IP address (127.0.0.0/8, ::1); a name is never trusted
    to be one, as a name server can answer anything. Remembered: the clinic server asks
    it of every request's client, mostly the same few addresses."""
    if host is None:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
