"""The clinic's refusals, each one plain sentence for the person who can act on it.

A ClinicError is a DocumentError, so the command line ends with that sentence and status 2
as it does for any other input it refuses (`alshome.operations.failures`).
"""

from __future__ import annotations

from alshome.programs.document import DocumentError


class ClinicError(DocumentError):
    """Something a clinic's administrator or therapist asked for that cannot be done."""


class PairingRefused(ClinicError):
    """A pairing code that does not pair: wrong, expired, used or locked."""
