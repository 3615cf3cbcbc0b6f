"""Recorded answers of the breached-password range API (api.pwnedpasswords.com/range/{prefix}).

The files under tests/fixtures/recorded/ are real response bodies of the
padded range API; lines are SUFFIX:COUNT, padding lines have count 0.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

RECORDED = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "recorded"


@cache
def clean_range_response() -> str:
    return (RECORDED / "pwned_range_padded.txt").read_text()


def range_response_with(password: str, count: int = 42) -> str:
    """The recorded body with the given password's suffix added, as a breached one."""
    suffix = hashlib.sha1(password.encode()).hexdigest().upper()[5:]
    return clean_range_response() + f"\r\n{suffix}:{count}"
