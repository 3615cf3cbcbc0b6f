"""Fingerprints of what the scorer reads, so callers can tell when stored scores are stale.

A persona's fingerprint changes when any fact `score()` reads changes (skills, targets,
preferences, dealbreakers, vectors) or when the rules do (`SCORING_VERSION`); a job's changes
with its facts. Rescoring compares them with the fingerprints stored next to the scores.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from functools import cache
from typing import Any

from .inputs import JobFacts, PersonaProfile
from .result import SCORING_VERSION

# Vectors are rounded so float noise from re-embedding identical text does not mark scores stale.
VECTOR_DECIMALS = 5


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    # Plain scalars first: the surfacing pass takes thousands of fingerprints. (A repr of the facts
    # would be cheaper still but is not stable: a TextChoices member and its str value differ there.)
    if value is None or (type(value) is str) or (type(value) is int) or (type(value) is bool):
        return value
    if isinstance(value, float):
        return round(value, VECTOR_DECIMALS)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        return _plain(value.tolist())
    if isinstance(value, str | int | bool):
        return value
    return str(value)  # Decimal and other scalars


def _digest(kind: str, facts: Any) -> str:
    payload = json.dumps({"kind": kind, "version": SCORING_VERSION, "facts": _plain(facts)}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def persona_fingerprint(persona: PersonaProfile) -> str:
    return _digest("persona", persona)


def job_fingerprint(job: JobFacts) -> str:
    return _digest("job", job)
