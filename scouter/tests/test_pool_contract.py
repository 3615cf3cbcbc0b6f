"""The pool accepts postings from every source the scouter can run (its source allow-list)."""

from __future__ import annotations

import pytest

from jobpool.models.pool import KNOWN_SOURCES
from scouter.sources.registry import LIVE_SOURCES

pytestmark = pytest.mark.smoke


def test_every_live_source_key_is_on_the_pools_allow_list():
    # Replay hands postings over under the live boards' keys, so every one of them must be accepted.
    assert sorted(set(LIVE_SOURCES) - set(KNOWN_SOURCES)) == []
