"""What the clinic server writes to its log: uvicorn's own lines, the refused requests,
and the clinic's warnings; not a line for every request that succeeded.

Every read or change of a patient's data is in the clinic's audit (`audit`), by whom
and what; a line per request besides would say it again, with less, and under a burst
of uploads writing it cost about a fifth of the server's time. The requests refused
(a status of 400 or more: no token or a wrong one, a body refused, plain HTTP from
afar, a server error) are the ones an administrator looks for, and they are kept, in
uvicorn's own access-line format. A reverse proxy in front keeps its own full log.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from uvicorn.config import LOGGING_CONFIG

REFUSED = 400


class RefusalsOnly(logging.Filter):
    """Let through uvicorn's access lines of refused requests only."""

    def filter(self, record: logging.LogRecord) -> bool:
        arguments = record.args
        status = arguments[-1] if isinstance(arguments, tuple) and arguments else REFUSED
        return not isinstance(status, int) or status >= REFUSED


def log_config() -> dict[str, Any]:
    """uvicorn's logging configuration, its access lines filtered to the refusals, and
    the clinic's own loggers on its error stream."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["filters"] = {"refusals": {"()": RefusalsOnly}}
    config["handlers"]["access"]["filters"] = ["refusals"]
    config["loggers"]["alshome"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
