"""Passwords, pairing codes and device tokens: how each is made, kept and checked.

- A therapist's password and a pairing code are low in entropy, so each is kept as an
  Argon2id hash (RFC 9106's second recommendation, 64 MiB and 3 passes, argon2-cffi's
  default): slow to guess even from a stolen database.
- A pairing code is 8 characters from an alphabet of 31 without look-alikes (no 0/O,
  1/I/L), shown in two groups of four: few enough to type by switch. Its first group is
  the handle that finds it, its second the secret; wrong tries are counted against the
  handle, so a guesser gets 5 tries at one code's secret (31^4, nearly a million values)
  and must first hit one of as many handles. A guess at a handle no code of the last two
  days has costs the server no Argon2id check at all.
- A device token is 256 random bits; a fast SHA-256 of it is enough to keep (nothing can
  be guessed), and the hash is what the database is searched by.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
HANDLE_LENGTH = 4
TOKEN_BYTES = 32

_hasher = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)


def hash_secret(secret: str) -> str:
    """The Argon2id hash of a password or a pairing code."""
    return _hasher.hash(secret)


def secret_matches(stored_hash: str, secret: str) -> bool:
    try:
        return _hasher.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def needs_new_hash(stored_hash: str) -> bool:
    """Whether a hash was made with other parameters than today's (then hash again)."""
    return _hasher.check_needs_rehash(stored_hash)


def new_pairing_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def shown_code(code: str) -> str:
    """The code as shown and printed: ABCD-EFGH."""
    return f"{code[:HANDLE_LENGTH]}-{code[HANDLE_LENGTH:]}"


def typed_code(text: str) -> str | None:
    """The code someone typed, without spaces or dashes and in capitals; None if it
    cannot be a code at all."""
    code = "".join(character for character in text.upper() if character not in " -")
    if len(code) != CODE_LENGTH or not set(code) <= set(CODE_ALPHABET):
        return None
    return code


def code_handle(code: str) -> str:
    return code[:HANDLE_LENGTH]


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
