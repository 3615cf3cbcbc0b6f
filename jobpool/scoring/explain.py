"""Rule-based explanations (reference §6.5): strengths, gaps, stretch notes and warnings as plain sentences.

Thresholds: a strength when hard skills ≥ 80 or experience ≥ 90 (or the title matches);
a gap when hard skills < 50 or experience < 60, and also when required skills are missing
while hard skills are below 80; stretch notes when target skills ≥ 75, target role ≥ 80 or
the job is a level up; warnings are the dealbreaker warnings, a missing salary and a ghost
score of 60 or more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import workmodel
from .ghost import GHOST_WARNING_THRESHOLD
from .result import Explanation
from .text import listing

if TYPE_CHECKING:
    from .result import Component, ScoreResult

HARD_STRENGTH, HARD_GAP = 80.0, 50.0
EXPERIENCE_STRENGTH, EXPERIENCE_GAP = 90.0, 60.0
TARGET_SKILLS_NOTE, TARGET_ROLE_NOTE = 75.0, 80.0
LOGISTICS_GAP = 70.0
TITLE_CLOSE = 90.0
_MODEL_WORDS = {"remote": "remote", "hybrid": "hybrid", "onsite": "on-site"}
_LEVEL_WORDS = {
    "junior": "junior",
    "mid": "mid-level",
    "senior": "senior",
    "lead": "lead",
    "director": "director",
    "vp": "vice-president",
    "c_level": "executive",
}


def _years(value: float) -> str:
    number = f"{value:g}"
    return f"{number} year" if number == "1" else f"{number} years"


def _asked_years(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g}–{high:g} years"
    if low is not None:
        return f"{low:g}+ years"
    return f"at most {_years(high)}"


def _hard_skill_sentences(component: Component, strengths: list[str], gaps: list[str]) -> None:
    if component.method == "neutral":
        return
    required = component.inputs.get("required")
    preferred = component.inputs.get("preferred")
    if component.score >= HARD_STRENGTH:
        if required:
            total = len(required["matched"]) + len(required["missing"])
            strengths.append(
                f"You have {len(required['matched'])} of the {total} required skills: {listing(required['matched'])}."
            )
        elif preferred and preferred["matched"]:
            strengths.append(f"You have these skills the posting would like: {listing(preferred['matched'])}.")
    if required and required["missing"] and component.score < HARD_STRENGTH:
        gaps.append(f"Missing required skills: {listing(required['missing'])}.")
    elif component.score < HARD_GAP and preferred and preferred["missing"]:
        gaps.append(f"Missing skills the posting would like: {listing(preferred['missing'])}.")
    for short in (required or {}).get("short_on_years", []):
        gaps.append(
            f"The posting asks for {_years(short['years_requested'])} of {short['skill']}; "
            f"your profile shows about {_years(short['years_claimed'])}."
        )


def _experience_sentences(component: Component, strengths: list[str], gaps: list[str]) -> None:
    if component.method == "neutral":
        return
    years, low, high = component.inputs["years"], component.inputs["years_min"], component.inputs["years_max"]
    asked = _asked_years(low, high)
    if component.score >= EXPERIENCE_STRENGTH:
        strengths.append(f"Your {_years(years)} of experience fit the {asked} asked for.")
    elif component.score < EXPERIENCE_GAP:
        gaps.append(f"The role asks for {asked} of experience; you have {_years(years)}.")
    elif low is not None and years < low:
        gaps.append(f"You are {_years(low - years)} short of the {asked} asked for.")


def _logistics_sentence(result: ScoreResult, logistics: Component) -> str:
    model = result.job.work_model
    described = (
        "does not say how the work is done (counted as on-site)" if model == "unknown" else f"is {_MODEL_WORDS[model]}"
    )
    # Being outside the persona's cities is a failed dealbreaker with its own reason.
    wanted = workmodel.LABELS.get(logistics.inputs["remote_preference"], "")
    return f"The job {described}; you prefer {wanted}."


def explain(result: ScoreResult) -> Explanation:
    parts = result.components
    strengths: list[str] = []
    gaps: list[str] = []
    stretch: list[str] = []

    _hard_skill_sentences(parts["hard_skills"], strengths, gaps)
    _experience_sentences(parts["experience"], strengths, gaps)
    title = parts["role_title"]
    if title.method == "exact":
        strengths.append(f"The title matches your own: {result.job.facts.title.strip()}.")
    elif title.method == "lexical" and title.score >= TITLE_CLOSE:
        yours = result.persona.title_display.get(title.inputs["closest"], title.inputs["closest"])
        strengths.append(f"The title is close to your own: {yours}.")
    soft = parts["soft_skills"]
    if soft.method == "lexical" and soft.inputs["matched"]:
        strengths.append(f"Soft skills the posting values that you have: {listing(soft.inputs['matched'])}.")
    logistics = parts["logistics"]
    if logistics.score < LOGISTICS_GAP:
        gaps.append(_logistics_sentence(result, logistics))

    skills = parts["target_skills"]
    if skills.score >= TARGET_SKILLS_NOTE:
        stretch.append(f"It uses your target skills: {listing(skills.inputs['mentioned'])}.")
    role = parts["target_role"]
    if role.method == "exact":
        stretch.append(f"It is one of your target roles: {result.job.facts.title.strip()}.")
    elif role.score >= TARGET_ROLE_NOTE and role.method == "lexical":
        stretch.append(f"It is close to your target role “{role.inputs['closest']}”.")
    elif role.score >= TARGET_ROLE_NOTE:
        stretch.append("It is close to your target roles.")
    growth = parts["growth"]
    if growth.score == 100.0:
        current, offered = growth.inputs["current_level"], growth.inputs["job_level"]
        stretch.append(f"It is a step up, from {_LEVEL_WORDS[current]} to {_LEVEL_WORDS[offered]}.")

    return Explanation(
        strengths=tuple(strengths),
        gaps=tuple(gaps),
        stretch=tuple(stretch),
        warnings=result.warnings,
        dealbreakers=result.failed_dealbreakers,
    )


def score_warnings(dealbreaker_warnings: tuple[str, ...], result_job, ghost) -> tuple[str, ...]:
    """Dealbreaker warnings, then a missing salary, then a likely ghost job."""
    warnings = list(dealbreaker_warnings)
    undisclosed = result_job.annual_salary_min is None and result_job.annual_salary_max is None
    if undisclosed and not any(w.startswith("The salary is not disclosed") for w in warnings):
        warnings.append("The posting does not give a salary.")
    if ghost.score >= GHOST_WARNING_THRESHOLD:
        evidence = [s.detail for s in ghost.signals if s.score > 0 and s.name != "vagueness"]
        vague = any(s.name == "vagueness" and s.score >= 50 for s in ghost.signals)
        if vague:
            evidence.append("the description is vague")
        suffix = f": {listing(evidence)}" if evidence else ""
        warnings.append(f"This posting may be a ghost job (ghost score {ghost.score}, {ghost.band}){suffix}.")
    return tuple(warnings)
