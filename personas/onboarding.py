"""The guided onboarding: its steps, what finishes each one, and where to resume.

`Persona.onboarding_step` records the furthest step the user has reached. A
step counts as finished when the user has moved past it *and* its rule still
holds (deleting the last role later re-opens "Work history"). Resuming goes
to the first unfinished step. Rules read the persona's prefetched parts, so
checking every step costs no extra queries on a page that already loaded them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from personas.models import OnboardingStep, Persona, RemotePreference, VoiceProfile


@dataclass(frozen=True)
class Step:
    value: str  # OnboardingStep value stored on the persona
    slug: str  # URL segment
    label: str
    intro: str
    # None when the step is finished; otherwise what is still missing, said to the user.
    missing: Callable[[Persona], str | None]
    optional: bool = False

    @property
    def number(self) -> int:
        return STEP_VALUES.index(self.value) + 1


def _basics_missing(p: Persona) -> str | None:
    if not p.full_name.strip() or not p.email:
        return "Add your name and an email address."
    return None


def _work_missing(p: Persona) -> str | None:
    roles = list(p.work_history.all())
    if not roles:
        return "Add at least one role."
    bare = [r for r in roles if not list(r.bullets.all())]
    if bare:
        names = ", ".join(f"{r.title} at {r.company}" for r in bare)
        return f"Add at least one accomplishment to each role (missing for {names})."
    return None


def _skills_missing(p: Persona) -> str | None:
    return None if list(p.skills.all()) else "Add at least one skill."


def _targets_missing(p: Persona) -> str | None:
    if not p.target_roles:
        return "Name at least one role you are aiming for."
    if not p.commutable_cities and p.remote_preference != RemotePreference.REMOTE_ONLY:
        return "Add a city you can commute to, or choose “Remote only”."
    return None


def _voice_missing(p: Persona) -> str | None:
    voice = voice_of(p)
    return None if voice is not None and voice.tone else "Describe your tone in a few words."


def voice_of(p: Persona) -> VoiceProfile | None:
    try:
        return p.voice
    except VoiceProfile.DoesNotExist:
        return None


def _nothing_missing(p: Persona) -> str | None:
    return None


def _review_missing(p: Persona) -> str | None:
    return None if p.is_onboarded else "Check everything and finish."


STEPS: tuple[Step, ...] = (
    Step(
        OnboardingStep.BASIC_INFO, "basic-info", "Basic info",
        "Who you are and how employers reach you.", _basics_missing,
    ),
    Step(
        OnboardingStep.WORK_HISTORY, "work-history", "Work history",
        "Your roles, newest first, each with at least one concrete accomplishment.", _work_missing,
    ),
    Step(OnboardingStep.SKILLS, "skills", "Skills", "What you can do, and how well.", _skills_missing),
    Step(
        OnboardingStep.EDUCATION, "education", "Education",
        "Degrees, courses and certifications. Skip this step if none apply.", _nothing_missing, optional=True,
    ),
    Step(
        OnboardingStep.STORIES, "stories", "Stories",
        "Short stories of things you achieved: situation, action, result. They feed your cover letters.",
        _nothing_missing, optional=True,
    ),
    Step(
        OnboardingStep.DEALBREAKERS, "dealbreakers", "Dealbreakers",
        "Jobs you never want to see, or things a job must have.", _nothing_missing, optional=True,
    ),
    Step(
        OnboardingStep.TARGETS, "targets", "Targets",
        "Where you want to go next: roles, places, pay and how far to stretch.", _targets_missing,
    ),
    Step(OnboardingStep.VOICE, "voice", "Voice", "How you write, so drafts sound like you.", _voice_missing),
    Step(OnboardingStep.REVIEW, "review", "Review", "Check everything, then finish.", _review_missing),
)  # fmt: skip
STEP_VALUES = [s.value for s in STEPS]
BY_SLUG = {s.slug: s for s in STEPS}
BY_VALUE = {s.value: s for s in STEPS}
TOTAL_STEPS = len(STEPS)


def step_for_slug(slug: str) -> Step | None:
    return BY_SLUG.get(slug)


def reached_index(persona: Persona) -> int:
    return STEP_VALUES.index(persona.onboarding_step) if persona.onboarding_step in BY_VALUE else 0


def is_finished(persona: Persona, step: Step) -> bool:
    """Moved past (or onboarding complete) and the step's rule holds."""
    passed = persona.is_onboarded or STEP_VALUES.index(step.value) < reached_index(persona)
    return passed and step.missing(persona) is None


def first_unfinished(persona: Persona) -> Step | None:
    """Where onboarding resumes; None once everything is finished."""
    for step in STEPS:
        if not is_finished(persona, step):
            return step
    return None


def next_step(step: Step) -> Step | None:
    index = STEP_VALUES.index(step.value)
    return STEPS[index + 1] if index + 1 < TOTAL_STEPS else None


def previous_step(step: Step) -> Step | None:
    index = STEP_VALUES.index(step.value)
    return STEPS[index - 1] if index > 0 else None


def can_visit(persona: Persona, step: Step) -> bool:
    """Steps up to the furthest one reached can be opened; later ones wait their turn."""
    return persona.is_onboarded or STEP_VALUES.index(step.value) <= reached_index(persona)


def unfinished_before_review(persona: Persona) -> list[tuple[Step, str]]:
    """Required steps whose rule does not hold yet, with what is missing (for the review page)."""
    problems = []
    for step in STEPS[:-1]:
        missing = step.missing(persona)
        if missing:
            problems.append((step, missing))
    return problems


@dataclass(frozen=True)
class StepState:
    step: Step
    is_done: bool
    is_current: bool
    is_reachable: bool


def progress(persona: Persona, current: Step | None) -> list[StepState]:
    """The progress bar: each step with done / current / reachable flags."""
    return [
        StepState(
            step=s,
            is_done=is_finished(persona, s),
            is_current=current is not None and s.value == current.value,
            is_reachable=can_visit(persona, s),
        )
        for s in STEPS
    ]
