"""Magic-link pages: ask for a link, type the code, confirm the emailed link.

The emailed link only opens a confirmation page; its POST consumes the
token, so mail scanners that prefetch links can't burn it.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts import magic_links
from accounts.forms import MagicCodeForm, MagicLinkRequestForm
from accounts.limits import hit


def _no_referrer(response: HttpResponse) -> HttpResponse:
    # The token is in the URL: never leak it to another site.
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def request_link(request: HttpRequest) -> HttpResponse:
    form = MagicLinkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        magic_links.request_magic_link(request, email=form.cleaned_data["email"])
        return redirect("accounts:magic-link-sent")
    return render(request, "accounts/magic_link_request.html", {"form": form}, status=400 if form.errors else 200)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def enter_code(request: HttpRequest) -> HttpResponse:
    form = MagicCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link = magic_links.redeem_code(request, code=form.cleaned_data["code"])
        if link is not None:
            return magic_links.sign_in_with_link(request, link=link)
        form.add_error("code", "That code is wrong or has expired. Check the latest email or ask for a new link.")
    return render(request, "accounts/magic_link_sent.html", {"form": form}, status=400 if form.errors else 200)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def confirm_link(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        hit(request, group="magic-link-redeem-ip", key="ip", rate="30/h")
        link = magic_links.redeem_token(token=token)
        if link is not None:
            return _no_referrer(magic_links.sign_in_with_link(request, link=link))
        return _no_referrer(render(request, "accounts/magic_link_invalid.html", status=400))
    return _no_referrer(render(request, "accounts/magic_link_confirm.html", {"token": token}))
