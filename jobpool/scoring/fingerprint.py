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
from typing import Any

from .inputs import JobFacts, PersonaProfile
from .result import SCORING_VERSION

# Vectors are rounded so float noise from re-embedding identical text does not mark scores stale.
VECTOR_DECIMALS = 5


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "tolist"):  # numpy arrays
        return _plain(value.tolist())
    if isinstance(value, float):
        return round(value, VECTOR_DECIMALS)
    if isinstance(value, str | int | bool) or value is None:
        return value
    return str(value)  # Decimal and other scalars


def _digest(kind: str, facts: Any) -> str:
    payload = json.dumps({"kind": kind, "version": SCORING_VERSION, "facts": _plain(facts)}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def persona_fingerprint(persona: PersonaProfile) -> str:
    return _digest("persona", persona)


def job_fingerprint(job: JobFacts) -> str:
    return _digest("job", job)
