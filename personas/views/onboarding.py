"""The guided onboarding pages: one page per step, resumable, every step revisitable."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from personas import onboarding, page_selectors, page_services, services
from personas.forms import BasicsForm, ResumeUploadForm, TargetsForm, VoiceForm
from personas.models import Persona
from personas.views.auth import login_required
from personas.views.context import section_context
from personas.views.parts import apply_errors
from personas.views.registry import PAGE_ORDER

# Steps edited with a form on the persona's own fields (or its voice).
FORM_STEPS = {"basic-info": BasicsForm, "targets": TargetsForm, "voice": VoiceForm}
# Steps that list parts, with the sections they show.
LIST_STEPS = {
    "work-history": ["work-history"],
    "skills": ["skills"],
    "education": ["education", "certifications"],
    "stories": ["stories"],
    "dealbreakers": ["dealbreakers"],
}


def step_url(persona: Persona, step: onboarding.Step) -> str:
    return reverse("personas:onboarding-step", kwargs={"pk": persona.pk, "step": step.slug})


@login_required
@require_GET
def onboarding_resume(request: HttpRequest) -> HttpResponse:
    """The dashboard's "Continue onboarding": the latest unfinished persona's first unfinished step."""
    persona = page_selectors.latest_unfinished_persona(request.user)
    if persona is None:
        if page_selectors.has_finished_persona(request.user):
            return redirect("personas:list")
        return redirect("personas:create")
    return redirect("personas:onboarding", pk=persona.pk)


@login_required
@require_GET
def onboarding_start(request: HttpRequest, pk: UUID) -> HttpResponse:
    persona = page_selectors.persona_with_parts(request.user, pk)
    step = onboarding.first_unfinished(persona)
    if step is None:
        return redirect("personas:detail", pk=persona.pk)
    return redirect(step_url(persona, step))


@login_required
@require_http_methods(["GET", "POST"])
def onboarding_step(request: HttpRequest, pk: UUID, step: str) -> HttpResponse:
    persona = page_selectors.persona_with_parts(request.user, pk)
    current = onboarding.step_for_slug(step)
    if current is None or not onboarding.can_visit(persona, current):
        resume_at = onboarding.first_unfinished(persona) or onboarding.STEPS[-1]
        return redirect(step_url(persona, resume_at))
    form = None
    error = ""
    if current.slug in FORM_STEPS:
        instance = onboarding.voice_of(persona) if current.slug == "voice" else persona
        form = FORM_STEPS[current.slug](request.POST or None, instance=instance, prefix=current.slug)
    if request.method == "POST":
        if form is not None:
            if form.is_valid() and _save_form_step(persona, current, form):
                return _advance(request, persona, current)
        elif current.slug == "review":
            if not onboarding.unfinished_before_review(persona):
                services.complete_onboarding(persona)
                messages.success(request, f"“{persona.full_name}” is ready. Matching jobs will use it from now on.")
                return redirect("personas:detail", pk=persona.pk)
            error = "A few steps still need something before you can finish."
        else:
            missing = current.missing(persona)
            if missing is None:
                return _advance(request, persona, current)
            error = missing
    return render(request, "personas/onboarding_step.html", _context(request, persona, current, form, error))


def _save_form_step(persona: Persona, step: onboarding.Step, form) -> bool:
    try:
        if step.slug == "voice":
            services.set_voice(persona, **form.cleaned_data)
        else:
            services.update_persona(persona, **form.cleaned_data)
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    return True


def _advance(request: HttpRequest, persona: Persona, step: onboarding.Step) -> HttpResponse:
    upcoming = page_services.advance_onboarding(persona, step)
    if upcoming is None:
        return redirect("personas:detail", pk=persona.pk)
    return redirect(step_url(persona, upcoming))


def _context(request: HttpRequest, persona: Persona, step: onboarding.Step, form, error: str) -> dict:
    here = step_url(persona, step)
    readonly = step.slug == "review"
    slugs = PAGE_ORDER if readonly else LIST_STEPS.get(step.slug, [])
    previous = onboarding.previous_step(step)
    return {
        "persona": persona,
        "step": step,
        "form": form,
        "error": error,
        "progress": [
            {**vars(state), "url": step_url(persona, state.step)} for state in onboarding.progress(persona, step)
        ],
        "sections": [section_context(persona, slug, return_to=here, readonly=readonly) for slug in slugs],
        "problems": [
            {"step": s, "missing": m, "url": step_url(persona, s)}
            for s, m in onboarding.unfinished_before_review(persona)
        ]
        if readonly
        else [],
        "previous_url": step_url(persona, previous)
        if previous
        else reverse("personas:detail", kwargs={"pk": persona.pk}),
        "total_steps": onboarding.TOTAL_STEPS,
        "upload_form": ResumeUploadForm() if step.slug == "basic-info" else None,
        "here": here,
    }
