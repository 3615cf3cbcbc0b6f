"""`login_required` that also answers HTMX: a signed-out in-place action sends the whole page to sign in.

Django's decorator answers with a 302 that htmx would follow and swap the
login page into a section; an HX-Redirect makes the browser go there instead.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required as django_login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect


def login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    guarded = django_login_required(view)

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if getattr(request, "htmx", False) and not request.user.is_authenticated:
            page = request.htmx.current_url_abs_path or "/"
            return HttpResponseClientRedirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': page})}")
        return guarded(request, *args, **kwargs)

    return wrapped
