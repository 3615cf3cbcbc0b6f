"""The sections of a persona page, shared by the persona page and onboarding.

Field sections edit the persona's own fields (or its voice); part sections
list ordered parts with add / edit / reorder / delete.
"""

from __future__ import annotations

from dataclasses import dataclass

from personas import forms


@dataclass(frozen=True)
class PartSection:
    kind: str  # personas.services kind
    slug: str  # URL segment and element id stem
    title: str
    singular: str
    form: type[forms.PartForm]
    empty: str
    hint: str = ""

    @property
    def item_template(self) -> str:
        return f"personas/_item_{self.kind}.html"

    @property
    def url_stem(self) -> str:
        return f"personas:{self.slug}"


@dataclass(frozen=True)
class FieldSection:
    slug: str
    title: str
    form: type
    hint: str = ""

    @property
    def template(self) -> str:
        return f"personas/_section_{self.slug}.html"


PART_SECTIONS: dict[str, PartSection] = {
    s.slug: s
    for s in (
        PartSection(
            "work_history", "work-history", "Work history", "role", forms.WorkHistoryForm,
            "No roles yet. Add your current or most recent job first.",
            "Each role needs at least one accomplishment.",
        ),
        PartSection(
            "skills", "skills", "Skills", "skill", forms.SkillForm,
            "No skills yet. Add the ones you would want a recruiter to search for.",
        ),
        PartSection(
            "education", "education", "Education", "education entry", forms.EducationForm,
            "No education listed. That is fine if none applies.",
        ),
        PartSection(
            "certifications", "certifications", "Certifications", "certification", forms.CertificationForm,
            "No certifications listed.",
        ),
        PartSection(
            "stories", "stories", "Achievement stories", "story", forms.StoryForm,
            "No stories yet. A good story has a situation, what you did, and a measurable result.",
        ),
        PartSection(
            "dealbreakers", "dealbreakers", "Dealbreakers", "dealbreaker", forms.DealbreakerForm,
            "No dealbreakers. Add one to hide jobs you would never take, or to require something.",
        ),
    )
}  # fmt: skip

# Bullets live inside the work history section; their routes use this entry.
BULLETS = PartSection(
    "bullets", "bullets", "Accomplishments", "accomplishment", forms.BulletForm, "No accomplishments yet."
)
ALL_PARTS: dict[str, PartSection] = {**PART_SECTIONS, BULLETS.slug: BULLETS}

FIELD_SECTIONS: dict[str, FieldSection] = {
    s.slug: s
    for s in (
        FieldSection("basics", "Basic info", forms.BasicsForm),
        FieldSection("targets", "Targets and growth", forms.TargetsForm),
        FieldSection("voice", "Voice", forms.VoiceForm),
    )
}

# Order on the persona page.
PAGE_ORDER = [
    "basics", "work-history", "skills", "education", "certifications", "stories", "dealbreakers", "targets", "voice",
]  # fmt: skip
