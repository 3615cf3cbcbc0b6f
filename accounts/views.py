"""Account settings pages (allauth's own flows render through templates/account/)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/settings.html", {})
