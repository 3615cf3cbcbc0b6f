"""Scouting pages: Scout now and its live progress, search profiles, source preferences, source status."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from jobpool.matching.explained import explain_links
from scouter import selectors, services
from scouter.forms import SearchFormSet, board_tokens_from, initial_rows
from zentropy.core.ratelimits import ratelimited_view

SCOUT_NOW_RATE = "20/h"


# ------------------------------------------------------------------ Scout now and runs
@login_required
@require_POST
@ratelimited_view(group="scouter.scout-now", key="user", rate=SCOUT_NOW_RATE)
def scout_now(request: HttpRequest, persona_pk) -> HttpResponse:
    """Start (or join) a run for the persona; HTMX gets the progress fragment, others the run page."""
    persona = selectors.persona_for(request.user, persona_pk)
    run, _created = services.start_scout_run(persona)
    if request.htmx:
        run.refresh_from_db()
        return render(request, "scouter/run_detail.html#run-progress", {"run": run})
    return redirect("scouter:run-detail", pk=run.pk)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def run_detail(request: HttpRequest, pk) -> HttpResponse:
    run = selectors.run_for(request.user, pk)
    context = {"run": run}
    if request.htmx:
        return render(request, "scouter/run_detail.html#run-progress", context)
    matches = selectors.best_matches(request.user, run.persona) if run.is_finished else []
    explain_links(matches)  # the best matches may include links the surfacing pass made
    context.update(matches=matches, opportunities_url=selectors.opportunities_url(run.persona))
    return render(request, "scouter/run_detail.html", context)


# ------------------------------------------------------------------ search profile
@login_required
@require_http_methods(["GET", "POST"])
def search_profile(request: HttpRequest, persona_pk) -> HttpResponse:
    persona = selectors.persona_for(request.user, persona_pk)
    profile = services.ensure_persona_scouting(persona)
    if request.method == "POST":
        fit = SearchFormSet(request.POST, prefix="fit")
        stretch = SearchFormSet(request.POST, prefix="stretch")
        if fit.is_valid() and stretch.is_valid():
            services.update_search_profile(
                profile,
                fit_searches=[f.as_search() for f in fit.forms],
                stretch_searches=[f.as_search() for f in stretch.forms],
            )
            messages.success(request, "Searches saved and approved.")
            return redirect("scouter:search-profile", persona_pk=persona.pk)
    else:
        fit = SearchFormSet(prefix="fit", initial=initial_rows(profile.fit_searches))
        stretch = SearchFormSet(prefix="stretch", initial=initial_rows(profile.stretch_searches))
    context = {"persona": persona, "profile": profile, "fit_formset": fit, "stretch_formset": stretch}
    return render(request, "scouter/search_profile.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def search_profile_approve(request: HttpRequest, persona_pk) -> HttpResponse:
    persona = selectors.persona_for(request.user, persona_pk)
    services.approve_search_profile(services.ensure_persona_scouting(persona))
    messages.success(request, "Searches approved.")
    return redirect("scouter:search-profile", persona_pk=persona.pk)


@login_required
@require_POST
def search_profile_regenerate(request: HttpRequest, persona_pk) -> HttpResponse:
    persona = selectors.persona_for(request.user, persona_pk)
    services.regenerate_search_profile(services.ensure_persona_scouting(persona))
    messages.success(request, "Searches derived again from your persona. Review and approve them.")
    return redirect("scouter:search-profile", persona_pk=persona.pk)


# ------------------------------------------------------------------ sources
@login_required
@require_http_methods(["GET", "POST"])
def source_preferences(request: HttpRequest, persona_pk) -> HttpResponse:
    persona = selectors.persona_for(request.user, persona_pk)
    services.ensure_persona_scouting(persona)
    if request.method == "POST":
        keys = [row.key for row in selectors.source_preference_rows(request.user, persona)]
        services.set_source_preferences(
            persona, enabled=set(request.POST.getlist("enabled")), board_tokens=board_tokens_from(request.POST, keys)
        )
        messages.success(request, "Sources saved.")
        return redirect("scouter:source-preferences", persona_pk=persona.pk)
    rows = selectors.source_preference_rows(request.user, persona)
    return render(request, "scouter/source_preferences.html", {"persona": persona, "rows": rows})


@login_required
@require_GET
def source_status(request: HttpRequest) -> HttpResponse:
    """How each job source has been doing; staff also see error messages and every counter."""
    context = {"rows": selectors.source_status_rows(), "full": request.user.is_staff}
    if request.user.is_staff:
        context["admin_url"] = reverse("admin:scouter_sourcehealth_changelist")
    return render(request, "scouter/source_status.html", context)
