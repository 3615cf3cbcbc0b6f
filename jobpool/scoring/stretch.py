"""Stretch score (reference §6.4): how far the job moves the persona toward where they want to go.

stretch = round(0.50 target role + 0.40 target skills + 0.10 growth); missing data gives the neutral 50.
Stretch appetite shapes the search profile (which jobs are looked for), not this score.
"""

from __future__ import annotations

from .prepared import PreparedJob, PreparedPersona, cosine
from .result import Component
from .titles import as_cosine, level_rank, lexical_similarity

WEIGHTS = {"target_role": 0.50, "target_skills": 0.40, "growth": 0.10}
NEUTRAL = 50.0
TARGET_ROLE_FLOOR = 30.0
TARGET_ROLE_SPAN = 35.0
# Target skills mentioned by the posting: 0, 1, 2, 3 or more.
TARGET_SKILL_SCORES = (20.0, 50.0, 75.0, 100.0)
GROWTH_UP, GROWTH_SAME, GROWTH_DOWN = 100.0, 70.0, 30.0


def target_role(persona: PreparedPersona, job: PreparedJob) -> Component:
    weight = WEIGHTS["target_role"]
    if not persona.target_roles or not job.title:
        return Component("target_role", "stretch", weight, NEUTRAL, "neutral", {"reason": "no target role or title"})
    if job.title in persona.target_roles:
        return Component("target_role", "stretch", weight, 100.0, "exact", {"matched_role": job.title})
    cos = cosine(persona.target_vector, job.title_vector)
    method = "embedding"
    inputs: dict = {}
    if cos is None:
        best, closest = max((lexical_similarity(role, job.title), role) for role in persona.target_roles)
        cos = as_cosine(best)
        method = "lexical"
        inputs.update(closest=closest, similarity=round(best, 4))
    inputs["cosine"] = round(cos, 4)
    value = max(0.0, TARGET_ROLE_FLOOR + (cos + 1.0) * TARGET_ROLE_SPAN)
    return Component("target_role", "stretch", weight, min(100.0, value), method, inputs)


def _mentions(job: PreparedJob, name: str, phrase: str) -> bool:
    return name in job.skill_names or phrase in job.text_index


def target_skills(persona: PreparedPersona, job: PreparedJob) -> Component:
    weight = WEIGHTS["target_skills"]
    if not persona.target_skills:
        return Component("target_skills", "stretch", weight, NEUTRAL, "neutral", {"reason": "no target skills set"})
    found = [display for name, phrase, display in persona.target_skills if _mentions(job, name, phrase)]
    value = TARGET_SKILL_SCORES[min(len(found), 3)]
    return Component("target_skills", "stretch", weight, value, "rules", {"mentioned": found})


def growth(persona: PreparedPersona, job: PreparedJob) -> Component:
    weight = WEIGHTS["growth"]
    current, offered = level_rank(persona.current_level), level_rank(job.level)
    inputs = {"current_level": persona.current_level, "job_level": job.level}
    if current is None or offered is None:
        return Component("growth", "stretch", weight, NEUTRAL, "neutral", inputs)
    value = GROWTH_UP if offered > current else GROWTH_SAME if offered == current else GROWTH_DOWN
    return Component("growth", "stretch", weight, value, "rules", inputs)


def stretch_components(persona: PreparedPersona, job: PreparedJob) -> tuple[Component, ...]:
    return (target_role(persona, job), target_skills(persona, job), growth(persona, job))
