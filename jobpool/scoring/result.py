"""What `score()` returns, and its JSON form for `PersonaJob.score_details`."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .ghost import GhostResult

if TYPE_CHECKING:
    from .prepared import PreparedJob, PreparedPersona

# Bumped whenever a rule changes, so stored details can be told apart from fresh ones.
SCORING_VERSION = 1


def round_half_up(value: float) -> int:
    """Round .5 up (Python's round() rounds half to even, which would make 92.5 → 92)."""
    return math.floor(round(value, 9) + 0.5)


@dataclass(frozen=True, slots=True)
class Component:
    """One part of the fit or stretch score: its 0-100 score, its weight, and what it was computed from."""

    name: str
    group: str
    weight: float
    score: float
    method: str
    inputs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not math.isfinite(self.score) or not 0.0 <= self.score <= 100.0:
            raise ValueError(f"component {self.name} scored {self.score!r}, outside 0-100")

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 1),
            "weight": self.weight,
            "method": self.method,
            "inputs": self.inputs,
        }


@dataclass(frozen=True, slots=True)
class Explanation:
    """Plain sentences, built by rules (no language model)."""

    strengths: tuple[str, ...]
    gaps: tuple[str, ...]
    stretch: tuple[str, ...]
    warnings: tuple[str, ...]
    dealbreakers: tuple[str, ...]

    def as_dict(self) -> dict[str, list[str]]:
        return {
            "strengths": list(self.strengths),
            "gaps": list(self.gaps),
            "stretch": list(self.stretch),
            "warnings": list(self.warnings),
            "dealbreakers": list(self.dealbreakers),
        }


@dataclass(frozen=True)
class ScoreResult:
    passed_dealbreakers: bool
    failed_dealbreakers: tuple[str, ...]
    failed_checks: tuple[str, ...]
    warnings: tuple[str, ...]
    fit_score: int
    stretch_score: int
    fit_band: str
    stretch_band: str
    is_growth_role: bool
    components: dict[str, Component]
    ghost: GhostResult
    persona: PreparedPersona = field(repr=False, compare=False)
    job: PreparedJob = field(repr=False, compare=False)

    @property
    def stored_scores(self) -> tuple[int | None, int | None]:
        """(fit, stretch) as a PersonaJob stores them: both None when a dealbreaker failed (reference §6.1)."""
        if not self.passed_dealbreakers:
            return None, None
        return self.fit_score, self.stretch_score

    @cached_property
    def explanation(self) -> Explanation:
        # Built on first use: batch callers that only compare scores never pay for the sentences.
        from .explain import explain

        return explain(self)

    def as_dict(self) -> dict[str, Any]:
        components = self.components.values()
        return {
            "version": SCORING_VERSION,
            "passed_dealbreakers": self.passed_dealbreakers,
            "failed_dealbreakers": list(self.failed_dealbreakers),
            "failed_checks": list(self.failed_checks),
            "warnings": list(self.warnings),
            "fit": {
                "score": self.fit_score,
                "band": self.fit_band,
                "components": {c.name: c.as_dict() for c in components if c.group == "fit"},
            },
            "stretch": {
                "score": self.stretch_score,
                "band": self.stretch_band,
                "components": {c.name: c.as_dict() for c in components if c.group == "stretch"},
            },
            "is_growth_role": self.is_growth_role,
            "ghost": self.ghost.as_dict(),
            "explanation": self.explanation.as_dict(),
        }
