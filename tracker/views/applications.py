"""One application: start it, see it, edit it, move it, plan its next action, delete it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from jobpool.models import PersonaJob
from tenancy.shortcuts import get_owned_or_404
from tracker import selectors, services, transitions
from tracker.forms import DetailsForm, NewApplicationForm, NextActionForm, StatusForm
from tracker.models import Application
from tracker.services.applications import EDITABLE_FIELDS
from tracker.views.cards import card_context
from tracker.views.context import detail_context, render_detail


def apply_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_http_methods(["GET", "POST"])
def application_new(request: HttpRequest) -> HttpResponse:
    """An application for a job found elsewhere."""
    form = NewApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        tags = data.pop("tags")
        if not data.get("applied_on"):
            data.pop("applied_on")
        try:
            application = services.create_from_scratch(request.user, **data)
            if tags:
                services.set_tags(application, tags)
        except ValidationError as exc:
            apply_errors(form, exc)
        except services.AlreadyTracked as exc:
            messages.info(request, str(exc))
            return redirect("tracker:detail", pk=exc.application.pk)
        else:
            messages.success(request, f"Tracking {application.title} at {application.company_name}.")
            return redirect("tracker:detail", pk=application.pk)
    has_personas = form.fields["persona"].queryset.exists()
    return render(request, "tracker/new.html", {"form": form, "has_personas": has_personas})


@login_required
@require_POST
def application_start(request: HttpRequest) -> HttpResponse:
    """"Start application" from a job in the feed: POST persona_job=<your link's id>."""
    link = get_owned_or_404(PersonaJob.objects.select_related("posting"), request.user, pk=request.POST.get("persona_job", ""))
    try:
        application = services.start_from_job(link)
    except services.AlreadyTracked as exc:
        messages.info(request, str(exc))
        return redirect("tracker:detail", pk=exc.application.pk)
    messages.success(request, f"Tracking {application.title} at {application.company_name}: moved to Applied.")
    return redirect("tracker:detail", pk=application.pk)


@login_required
@require_http_methods(["GET"])
@vary_on_headers("HX-Request")
def application_detail(request: HttpRequest, pk: UUID) -> HttpResponse:
    application = selectors.application_detail(request.user, pk)
    return render_detail(request, application)


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: HttpRequest, pk: UUID) -> HttpResponse:
    application = selectors.application_detail(request.user, pk)
    initial = {name: getattr(application, name) for name in EDITABLE_FIELDS}
    form = DetailsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_details(application, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect("tracker:detail", pk=application.pk)
    return render(request, "tracker/edit.html", {"application": application, "form": form})


@login_required
@require_POST
@vary_on_headers("HX-Request")
def application_move(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Change the status (a board drop sends its column; forms send an exact status)."""
    application = selectors.application_detail(request.user, pk)
    form = StatusForm(request.POST)
    error = ""
    if not form.is_valid():
        error = "Choose where to move it."
    else:
        target = form.cleaned_data["status"] or transitions.DROP_STATUS[form.cleaned_data["column"]]
        same_column = form.cleaned_data["column"] and transitions.COLUMN_OF[application.status] == form.cleaned_data["column"]
        try:
            if not same_column:
                services.change_status(application, target)
        except transitions.InvalidTransition as exc:
            error = exc.message
    return _after_move(request, application, error)


def _after_move(request: HttpRequest, application: Application, error: str) -> HttpResponse:
    label = application.get_status_display()
    if _wants_json(request):
        if error:
            return JsonResponse({"ok": False, "message": error, "status": application.status}, status=422)
        prefs = services.settings_for(request.user)
        card = selectors.card_list(
            Application.objects.for_user(request.user)
            .with_follow_up(now=timezone.now(), quiet_days=prefs.follow_up_days)
            .filter(pk=application.pk),
            request.user,
        )[0]
        html = render_to_string("tracker/_card_alone.html", card_context(request, card), request=request)
        return JsonResponse({"ok": True, "message": f"Moved to {label}.", "status": application.status,
                             "column": transitions.COLUMN_OF[application.status], "card": html})
    if request.htmx:
        return render_detail(request, application, error=error, partial="detail-body", status=422 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"Moved to {label}.")
    return redirect(_safe_next(request, reverse("tracker:detail", kwargs={"pk": application.pk})))


@login_required
@require_POST
@vary_on_headers("HX-Request")
def application_reopen(request: HttpRequest, pk: UUID) -> HttpResponse:
    application = selectors.application_detail(request.user, pk)
    error = ""
    try:
        target = services.reopen(application)
    except transitions.InvalidTransition as exc:
        error = exc.message
    if request.htmx:
        return render_detail(request, application, error=error, partial="detail-body")
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"Reopened: back to {transitions.label(target)}.")
    return redirect("tracker:detail", pk=application.pk)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def application_next_action(request: HttpRequest, pk: UUID) -> HttpResponse:
    """Quick actions (`quick=follow_up_3d|remind_tomorrow`), a custom one (title + due), or `done`."""
    application = selectors.application_detail(request.user, pk)
    prefs = services.settings_for(request.user)
    form = None
    if request.POST.get("done"):
        services.complete_next_action(application)
        note = "Marked done."
    elif request.POST.get("quick"):
        try:
            services.apply_quick_action(application, request.POST["quick"])
        except ValidationError as exc:
            return HttpResponse(" ".join(exc.messages), status=400)
        note = f"Next: {application.next_action_title}, {timezone.localtime(application.next_action_at, prefs.zone):%a %d %b %H:%M}."
    else:
        form = NextActionForm(request.POST, time_zone=prefs.time_zone)
        note = ""
        if form.is_valid():
            try:
                services.set_next_action(application, title=form.cleaned_data["title"], due_at=form.cleaned_data["due_at"])
                note, form = f"Next: {application.next_action_title}.", None
            except ValidationError as exc:
                apply_errors(form, exc)
    if request.htmx and request.POST.get("from") == "board":
        return _card_response(request, application, prefs)
    if request.htmx or form is not None:
        return render_detail(request, application, next_form=form, partial="detail-body" if request.htmx else None)
    messages.success(request, note)
    return redirect(_safe_next(request, reverse("tracker:detail", kwargs={"pk": application.pk})))


def _card_response(request: HttpRequest, application: Application, prefs: Any) -> HttpResponse:
    card = selectors.card_list(
        Application.objects.for_user(request.user)
        .with_follow_up(now=timezone.now(), quiet_days=prefs.follow_up_days)
        .filter(pk=application.pk),
        request.user,
    )[0]
    return render(request, "tracker/_card_alone.html", card_context(request, card))


@login_required
@require_http_methods(["GET", "POST"])
def application_delete(request: HttpRequest, pk: UUID) -> HttpResponse:
    application = selectors.application_detail(request.user, pk)
    if request.method == "POST":
        name = str(application)
        services.delete_application(application)
        messages.success(request, f"Deleted the application for {name}.")
        return redirect("tracker:board")
    return render(request, "tracker/confirm_delete.html", {"application": application})


__all__ = ["detail_context"]
