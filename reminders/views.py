"""Pages: tracker settings (with the calendar feed), the digest's unsubscribe link, the calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from reminders import selectors, services
from reminders.feed import render_calendar
from reminders.forms import TrackerSettingsForm
from tracker.services import settings_for
from zentropy.core.ratelimits import limit


def _settings_context(request: HttpRequest, form: TrackerSettingsForm, *, new_feed_token: str = "") -> dict:
    return {
        "form": form,
        "feed": selectors.active_feed_token(request.user),
        "new_feed_url": selectors.feed_url(new_feed_token) if new_feed_token else "",
    }


@login_required
@never_cache
@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def tracker_settings(request: HttpRequest) -> HttpResponse:
    prefs = settings_for(request.user)
    initial = {name: getattr(prefs, name) for name in services.SETTINGS_FIELDS} | {"theme": request.user.theme}
    form = TrackerSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_tracker_settings(request.user, **form.cleaned_data)
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, "Settings saved.")
            if not request.htmx:
                return redirect("reminders:settings")
            form = TrackerSettingsForm(initial=form.cleaned_data)
    template = "reminders/settings.html#settings-form" if request.htmx else "reminders/settings.html"
    return render(request, template, _settings_context(request, form))


@login_required
@never_cache
@require_POST
def feed_rotate(request: HttpRequest) -> HttpResponse:
    """A new feed URL (the old one stops working). It is shown in this response only: never stored readable."""
    token = services.rotate_feed_token(request.user)
    context = _settings_context(request, TrackerSettingsForm(), new_feed_token=token)
    template = "reminders/settings.html#calendar-feed" if request.htmx else "reminders/settings.html"
    if not request.htmx:
        prefs = settings_for(request.user)
        initial = {name: getattr(prefs, name) for name in services.SETTINGS_FIELDS} | {"theme": request.user.theme}
        context["form"] = TrackerSettingsForm(initial=initial)
    return render(request, template, context)


@login_required
@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    services.revoke_feed_token(request.user)
    if request.htmx:
        return render(request, "reminders/settings.html#calendar-feed", _settings_context(request, TrackerSettingsForm()))
    messages.success(request, "The calendar feed is off; its URL no longer works.")
    return redirect("reminders:settings")


@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without cookies or tokens
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a confirm page (link scanners only ever GET). POST: unsubscribe, from that page or a mail client."""
    limit(request, group="reminders:unsubscribe", key="ip", rate="30/m")
    prefs = selectors.settings_for_unsubscribe_token(token)
    if prefs is None:
        raise Http404("Unknown unsubscribe link.")
    done = False
    if request.method == "POST":
        services.unsubscribe_digest(prefs)
        done = True
    return render(request, "reminders/unsubscribe.html", {"token": token, "done": done or prefs.digest_opt_out})


@never_cache
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The personal calendar (interviews and next actions); the secret in the URL is the only credential."""
    limit(request, group="reminders:calendar-feed", key="ip", rate="60/m")
    found = selectors.feed_token_for(token)
    if found is None:
        raise Http404("Unknown calendar feed.")
    now = timezone.now()
    services.note_feed_fetch(found, now=now)
    body = render_calendar(selectors.feed_events(found.owner, now=now), name="Zentropy Scout: interviews and next actions", stamp=now)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="zentropy-scout.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
