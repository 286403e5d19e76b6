"""The clinic's address as the person types it: made whole, and never plain HTTP across
the network, where the pairing code and the token could be read on the way."""

from __future__ import annotations

import pytest

from alshome.operations.sync import SyncError, clinic_address
from alshome.platform.network import is_loopback


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        ("clinic.example", "https://clinic.example"),
        ("  https://clinic.example/ ", "https://clinic.example"),
        ("clinic.example:8470", "https://clinic.example:8470"),
        ("http://127.0.0.1:8470", "http://127.0.0.1:8470"),
        ("http://localhost:8470/", "http://localhost:8470"),
        ("http://[::1]:8470", "http://[::1]:8470"),
    ],
)
def test_an_address_is_made_whole(typed, address):
    assert clinic_address(typed) == address


@pytest.mark.parametrize(
    "typed",
    ["http://clinic.example", "http://192.168.1.20:8470", "ftp://clinic.example", "https://", ""],
)
def test_plain_http_across_the_network_is_refused_in_one_sentence(typed):
    with pytest.raises(SyncError) as refused:
        clinic_address(typed)
    assert str(refused.value).endswith("it must begin with https://.")


def test_only_this_computers_addresses_are_loopback():
    assert [is_loopback(host) for host in ("127.0.0.1", "127.8.0.1", "::1", "localhost")] == [
        True
    ] * 4
    assert not any(is_loopback(host) for host in ("10.0.0.1", "clinic.example", "", None))
