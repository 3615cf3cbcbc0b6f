"""Ghost score (reference §5.5): how likely a posting is stale, fake or never meant to be filled.

A warning only: it never filters a job out. Five weighted signals, each 0-100:

| signal              | weight | score                                                              |
| days open           | 0.30   | ≤ 30 days → 0, 31-60 → 50, more than 60 → 100 (posted date, else first seen) |
| reposts             | 0.30   | 0 → 0, 1 → 30, 2 → 60, 3+ → 100                                    |
| vagueness           | 0.20   | the LLM's 0-100 rating when given, else `rule_based_vagueness`     |
| missing fields      | 0.10   | salary, deadline, location: 0 / 33 / 67 / 100 for 0-3 missing       |
| seniority mismatch  | 0.10   | 100 when the minimum years sit more than 2 outside the level's range |
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from .bands import ghost_band
from .inputs import JobFacts
from .text import fold, listing

WEIGHTS = {"days_open": 0.30, "reposts": 0.30, "vagueness": 0.20, "missing_fields": 0.10, "seniority_mismatch": 0.10}
REPOST_SCORES = (0, 30, 60, 100)
MISSING_FIELD_SCORES = (0, 33, 67, 100)
# Expected years of experience per seniority: (low, high); None means open-ended.
EXPECTED_YEARS = {"entry": (0, 2), "mid": (2, 5), "senior": (5, None), "lead": (7, None), "executive": (10, None)}
MISMATCH_TOLERANCE_YEARS = 2
# The explanation warns about a posting at or above this ghost score.
GHOST_WARNING_THRESHOLD = 60

_FILLER_PHRASES = (
    "fast-paced",
    "fast paced",
    "rockstar",
    "rock star",
    "ninja",
    "guru",
    "self-starter",
    "self starter",
    "wear many hats",
    "other duties as assigned",
    "competitive salary",
    "competitive compensation",
    "competitive pay",
    "dynamic environment",
    "dynamic team",
    "work hard play hard",
    "like a family",
    "synergy",
    "go-getter",
    "hit the ground running",
    "various tasks",
    "various duties",
    "exciting opportunity",
    "unlimited earning",
    "immediate start",
    "no experience necessary",
)
_DUTY_CUES = re.compile(
    r"\b(you will|you'll|responsibilities|responsible for|what you'll do|what you will do|duties|in this role|your role)\b"
)
_CONCRETE_NUMBER = re.compile(r"(\$|€|£)\s?\d|\b\d+\+?\s*(years?|yrs|%|percent|k\b)")


@dataclass(frozen=True, slots=True)
class GhostSignal:
    name: str
    weight: float
    score: int
    detail: str


@dataclass(frozen=True, slots=True)
class GhostResult:
    score: int
    band: str
    signals: tuple[GhostSignal, ...]

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "band": self.band,
            "signals": [
                {"name": s.name, "weight": s.weight, "score": s.score, "detail": s.detail} for s in self.signals
            ],
        }


def days_open_score(days: int | None) -> int:
    if days is None or days <= 30:
        return 0
    if days <= 60:
        return 50
    return 100


def repost_score(repost_count: int) -> int:
    return REPOST_SCORES[min(max(repost_count, 0), 3)]


def missing_fields_score(missing: int) -> int:
    return MISSING_FIELD_SCORES[min(max(missing, 0), 3)]


def seniority_mismatch_score(seniority: str, years_min: float | None) -> int:
    expected = EXPECTED_YEARS.get(fold(seniority))
    if expected is None or years_min is None:
        return 0
    low, high = expected
    if years_min < low - MISMATCH_TOLERANCE_YEARS:
        return 100
    if high is not None and years_min > high + MISMATCH_TOLERANCE_YEARS:
        return 100
    return 0


def rule_based_vagueness(description: str, skill_count: int) -> int:
    """0 (specific) to 100 (vague): short text, no named skills, no duties and filler phrases add up."""
    text = fold(description)
    words = len(text.split())
    score = 40 if words < 60 else 25 if words < 150 else 10 if words < 300 else 0
    score += 25 if skill_count == 0 else 10 if skill_count < 3 else 0
    if not _DUTY_CUES.search(text):
        score += 15
    if not _CONCRETE_NUMBER.search(text):
        score += 5
    fillers = sum(1 for phrase in _FILLER_PHRASES if phrase in text)
    score += min(30, 8 * fillers)
    return min(100, score)


def _as_utc(moment: datetime | date) -> datetime:
    """Aware UTC datetime; naive values and plain dates are read as UTC."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time.min)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def compute_ghost(job: JobFacts, *, now: datetime | None = None) -> GhostResult:
    """The ghost score of one posting, with every signal that went into it."""
    now = _as_utc(now or datetime.now(UTC))
    opened = job.posted_at or job.first_seen_at
    days = None if opened is None else (now - _as_utc(opened)).days
    skill_count = len(job.required_skills) + len(job.preferred_skills)
    vagueness = job.vagueness if job.vagueness is not None else rule_based_vagueness(job.description_text, skill_count)
    missing = [
        name
        for name, absent in (
            ("salary", job.salary_min is None and job.salary_max is None),
            ("deadline", job.application_deadline is None),
            ("location", not job.location.is_known and job.work_model != "remote"),
        )
        if absent
    ]
    signals = (
        GhostSignal(
            "days_open",
            WEIGHTS["days_open"],
            days_open_score(days),
            "posting date unknown" if days is None else f"open {days} days",
        ),
        GhostSignal(
            "reposts", WEIGHTS["reposts"], repost_score(job.repost_count), f"reposted {job.repost_count} times"
        ),
        GhostSignal(
            "vagueness",
            WEIGHTS["vagueness"],
            int(min(100, max(0, vagueness))),
            "rated by the language model" if job.vagueness is not None else "rule-based measure",
        ),
        GhostSignal(
            "missing_fields",
            WEIGHTS["missing_fields"],
            missing_fields_score(len(missing)),
            "missing " + listing(missing) if missing else "salary, deadline and location given",
        ),
        GhostSignal(
            "seniority_mismatch",
            WEIGHTS["seniority_mismatch"],
            seniority_mismatch_score(job.seniority, job.years_min),
            f"{job.seniority or 'unknown'} level asking {'unknown' if job.years_min is None else f'{job.years_min:g}'} years",
        ),
    )
    score = round(sum(signal.score * signal.weight for signal in signals))
    return GhostResult(score=score, band=ghost_band(score), signals=signals)
