"""Resume import: upload → a draft kept in the session → the user reviews every field → save.

Nothing reaches the database until the review is confirmed. The draft lives
in the (server-side) session under one key, with the id of the persona it is
for, which is resolved through the user's scope again when confirmed.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from personas import onboarding, page_selectors, page_services
from personas.forms import ResumeUploadForm
from personas.models import Persona
from personas.resume_import import ResumeDraft, ResumeImportError, read_resume
from personas.review_forms import ReviewForms
from personas.views.auth import login_required
from personas.views.parts import apply_errors
from zentropy.core.ratelimits import limit

SESSION_KEY = "personas.resume_draft"
# Reading a PDF costs CPU; a person importing resumes needs a handful an hour, not hundreds.
UPLOAD_RATE = "30/h"


@login_required
@require_http_methods(["GET", "POST"])
def import_new(request: HttpRequest) -> HttpResponse:
    """Upload a resume to start a new persona from it."""
    return _upload(request, persona=None)


@login_required
@require_http_methods(["GET", "POST"])
def import_into(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Upload a resume to add its contents to an existing persona."""
    return _upload(request, persona=page_selectors.persona_for(request.user, pk))


def _upload(request: HttpRequest, *, persona: Persona | None) -> HttpResponse:
    if request.method == "POST":
        limit(request, group="personas.resume-import", key="user", rate=UPLOAD_RATE, method="POST")
    form = ResumeUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["resume"]
        try:
            draft = read_resume(upload, size=upload.size)
        except ResumeImportError as exc:
            form.add_error("resume", exc.message)
        else:
            request.session[SESSION_KEY] = {
                "persona": str(persona.pk) if persona else None,
                "filename": upload.name[:200],
                "draft": draft.to_dict(),
            }
            return redirect("personas:import-review")
    return render(request, "personas/import_upload.html", {"form": form, "persona": persona})


def _stored(request: HttpRequest) -> tuple[dict[str, Any] | None, Persona | None]:
    stored = request.session.get(SESSION_KEY)
    if not stored:
        return None, None
    if not stored.get("persona"):
        return stored, None
    try:
        return stored, page_selectors.persona_for(request.user, stored["persona"])
    except Http404:  # the persona was deleted meanwhile: the draft has nowhere to go
        request.session.pop(SESSION_KEY, None)
        return None, None


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request: HttpRequest) -> HttpResponse:
    stored, persona = _stored(request)
    if stored is None:
        messages.info(request, "There is no resume waiting for review. Upload one to start.")
        return redirect("personas:create")
    draft = ResumeDraft.from_dict(stored["draft"])
    forms = ReviewForms(draft, persona=persona, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and forms.is_valid():
        try:
            result = page_services.save_reviewed_import(request.user, forms.reviewed_import(), persona=persona)
        except ValidationError as exc:
            apply_errors(forms.contact, exc)
        else:
            del request.session[SESSION_KEY]
            messages.success(request, result.summary())
            if result.persona.is_onboarded:
                return redirect("personas:detail", pk=result.persona.pk)
            return redirect("personas:onboarding", pk=result.persona.pk)
    context = {
        "forms": forms,
        "persona": persona,
        "filename": stored.get("filename", ""),
        "draft_is_empty": draft.is_empty,
        "total_steps": onboarding.TOTAL_STEPS,
        "cancel_url": reverse("personas:detail", kwargs={"pk": persona.pk}) if persona else reverse("personas:create"),
    }
    return render(request, "personas/import_review.html", context)


@login_required
@require_POST
def import_discard(request: HttpRequest) -> HttpResponse:
    stored, persona = _stored(request)
    request.session.pop(SESSION_KEY, None)
    messages.info(request, "The imported resume was discarded; nothing was saved.")
    if persona is not None:
        return redirect("personas:detail", pk=persona.pk)
    return redirect("personas:create")
