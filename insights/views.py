"""The insights page (signed in) and the public demo board (no sign-in, sample data only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from insights import demo, selectors
from insights.forms import InsightFilterForm


@login_required
@require_GET
def insights_page(request: HttpRequest) -> HttpResponse:
    form = InsightFilterForm(request.GET or None, user=request.user, today=timezone.localdate())
    filters = form.filters()
    data = selectors.insights(request.user, filters)
    return render(request, "insights/insights.html", {"form": form, "filters": filters, "data": data})


@require_GET
@cache_control(public=True, max_age=300)
def demo_board(request: HttpRequest) -> HttpResponse:
    """Read-only, built in memory: it never touches anyone's rows and needs no account."""
    return render(request, "insights/demo_board.html", {"columns": demo.demo_board()})
