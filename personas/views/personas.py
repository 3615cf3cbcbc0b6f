"""The personas list, a new persona, one persona's page, and deleting a persona."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from personas import onboarding, page_selectors, services
from personas.forms import BasicsForm, ResumeUploadForm
from personas.models import OnboardingStep
from personas.views.auth import login_required
from personas.views.context import section_context
from personas.views.parts import apply_errors
from personas.views.registry import PAGE_ORDER


@login_required
@require_GET
def persona_list(request: HttpRequest) -> HttpResponse:
    personas = list(page_selectors.personas_for(request.user))
    return render(request, "personas/list.html", {"personas": personas, "total_steps": onboarding.TOTAL_STEPS})


@login_required
@require_http_methods(["GET", "POST"])
def persona_create(request: HttpRequest) -> HttpResponse:
    """Onboarding step 1 for a new persona: import a resume, or type the basics."""
    form = BasicsForm(request.POST or None, prefix="basics")
    if request.method == "POST" and form.is_valid():
        try:
            persona = services.create_persona(request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            services.set_onboarding_step(persona, OnboardingStep.WORK_HISTORY)
            nxt = onboarding.BY_VALUE[OnboardingStep.WORK_HISTORY]
            return redirect("personas:onboarding-step", pk=persona.pk, step=nxt.slug)
    step = onboarding.STEPS[0]
    context = {
        "form": form,
        "upload_form": ResumeUploadForm(),
        "step": step,
        "progress": [{"step": s, "is_current": s is step} for s in onboarding.STEPS],
        "total_steps": onboarding.TOTAL_STEPS,
        "is_first_persona": not page_selectors.personas_for(request.user).exists(),
    }
    return render(request, "personas/new.html", context)


@login_required
@require_GET
def persona_detail(request: HttpRequest, pk: UUID) -> HttpResponse:
    persona = page_selectors.persona_with_parts(request.user, pk)
    here = reverse("personas:detail", kwargs={"pk": persona.pk})
    sections = [section_context(persona, slug, return_to=f"{here}#section-{slug}") for slug in PAGE_ORDER]
    resume_at = None if persona.is_onboarded else onboarding.first_unfinished(persona)
    context = {
        "persona": persona,
        "sections": sections,
        "resume_at": resume_at,
        "total_steps": onboarding.TOTAL_STEPS,
    }
    return render(request, "personas/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def persona_delete(request: HttpRequest, pk: UUID) -> HttpResponse:
    persona = page_selectors.persona_for(request.user, pk)
    if request.method == "POST":
        name = persona.full_name
        services.delete_persona(persona)
        messages.success(request, f"Deleted the persona “{name}” and everything in it.")
        return redirect("personas:list")
    context = {
        "persona": persona,
        "obj": persona,
        "spec": {"singular": "persona"},
        "warnings": ["Its work history, skills, education, stories, dealbreakers and voice are deleted with it."],
        "cancel_url": reverse("personas:detail", kwargs={"pk": persona.pk}),
        "action": request.get_full_path(),
    }
    return render(request, "personas/confirm_delete.html", context)
