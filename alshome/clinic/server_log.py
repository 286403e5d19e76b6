"""What the clinic server writes to its log: uvicorn's own lines (starting, stopping,
errors), the clinic's warnings, and a line for each refused request; not a line for
every request answered.

Every read or change of a patient's data is in the clinic's audit (`audit`), by whom and
what; an access line a request besides would say it again, with less, and under a burst
of uploads writing those lines cost about a fifth of the server's time. The requests
refused (a status of 400 or more: no token or a wrong one, a body refused, plain HTTP
from afar, a server error) are the ones an administrator looks for, and `RefusalLog`
writes them in uvicorn's own access-line format, the path without its query (where a
search could name a patient). A reverse proxy in front keeps its own full log.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

REFUSED = 400

log = logging.getLogger("alshome.clinic.refused")

Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]


class RefusalLog:
    """An ASGI middleware: a line for each response with a status of 400 or more."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def noted(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] >= REFUSED:
                host, port = scope.get("client") or ("-", 0)
                log.info(
                    '%s:%d - "%s %s HTTP/%s" %d',
                    host,
                    port,
                    scope["method"],
                    scope["path"],
                    scope["http_version"],
                    message["status"],
                )
            await send(message)

        await self.app(scope, receive, noted)


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration, with the clinic's own loggers on its error
    stream (uvicorn's access lines are turned off: `serve` passes access_log=False)."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["alshome"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
