"""Readable names for the parts of a stored score breakdown (PersonaJob.score_details)."""

from django import template

register = template.Library()

LABELS = {
    "hard_skills": "Hard skills",
    "soft_skills": "Soft skills",
    "experience": "Experience",
    "role_title": "Role title",
    "logistics": "Logistics",
    "target_role": "Target role",
    "target_skills": "Target skills",
    "growth": "Growth",
    "days_open": "Days open",
    "reposts": "Reposts",
    "vagueness": "Vague description",
    "missing_fields": "Missing details",
    "seniority_mismatch": "Seniority mismatch",
}


@register.filter
def component_label(name: str) -> str:
    return LABELS.get(name, str(name).replace("_", " ").capitalize())


@register.filter
def percent(weight) -> int:
    try:
        return round(float(weight) * 100)
    except (TypeError, ValueError):
        return 0
