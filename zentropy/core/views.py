"""Project-wide pages: health, dashboard, theme, and error handlers."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from jobpool.matching import request_rescore_for_user
from personas.page_selectors import onboarding_prompt
from scouter.selectors import dashboard_scouting
from zentropy.core.api.errors import envelope
from zentropy.core.health import run_checks


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith(("/api/", "/_allauth/")) or "application/json" in request.headers.get("Accept", "")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, checks = run_checks()
    return JsonResponse({"status": "ok" if healthy else "degraded", "checks": checks}, status=200 if healthy else 503)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {"onboarding": onboarding_prompt(request.user), "scouting": dashboard_scouting(request.user)}
    if request.GET.get("rescored", "").isdigit():
        context["rescore_requested"] = int(request.GET["rescored"])
    return render(request, "core/dashboard.html", context)


@login_required
@require_POST
def rescore_matches(request: HttpRequest) -> HttpResponse:
    """Recompute the scores of the user's matches in the background (and offer them the pool again)."""
    requested = request_rescore_for_user(request.user)
    if request.htmx:
        return render(request, "core/dashboard.html#rescore-card", {"rescore_requested": requested})
    return redirect(f"{reverse('core:dashboard')}?rescored={requested}")


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/landing.html")


@require_POST
def set_theme(request: HttpRequest) -> HttpResponse:
    """Remember the theme: on the account when signed in, in a cookie otherwise."""
    theme = request.POST.get("theme", "system")
    if theme not in {"system", "light", "dark"}:
        theme = "system"
    if request.user.is_authenticated:
        request.user.theme = theme
        request.user.save(update_fields=["theme"])
    next_url = request.POST.get("next") or "/"
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = "/"
    response = HttpResponse(status=204) if request.htmx else redirect(next_url)
    response.set_cookie("theme", theme, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


def ratelimited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    retry_after = str(getattr(exception, "retry_after", 60))
    if _wants_json(request):
        response = JsonResponse(envelope(429, "Too many requests. Please wait and try again."), status=429)
    else:
        response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = retry_after
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(envelope(404, "Not found."), status=404)
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(envelope(500, "Something went wrong on our side."), status=500)
    return render(request, "500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(envelope(403, "CSRF check failed. Reload the page and try again.", "CSRF_FAILED"), status=403)
    return render(request, "403_csrf.html", status=403)
