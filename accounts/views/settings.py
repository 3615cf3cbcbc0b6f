"""The account settings hub and the pages it links to that allauth doesn't have."""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from allauth.account.internal.flows.logout import logout
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from accounts import selectors, services
from accounts.forms import DeleteAccountForm, NameForm


def _hub_context(request: HttpRequest, name_form: NameForm | None = None) -> dict:
    return {
        "overview": selectors.account_overview(request.user),
        "name_form": name_form or NameForm(initial={"name": request.user.name}),
    }


@login_required
@require_http_methods(["GET"])
def settings_page(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/settings.html", _hub_context(request))


@login_required
@require_POST
@vary_on_headers("HX-Request")
def update_name(request: HttpRequest) -> HttpResponse:
    form = NameForm(request.POST)
    if form.is_valid():
        services.update_name(user=request.user, name=form.cleaned_data["name"])
        if not request.htmx:
            messages.success(request, "Your name was saved.")
            return redirect("accounts:settings")
        form = None
    template = "accounts/settings.html#name-card" if request.htmx else "accounts/settings.html"
    status = 200 if form is None or request.htmx else 400
    return render(request, template, {**_hub_context(request, form), "name_saved": form is None}, status=status)


@login_required
@require_POST
def end_session(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.user_session(request.user, session_id)
    if session is None:
        raise Http404
    if session.session_key == request.session.session_key:
        logout(request)
        return redirect("account_login")
    services.end_session(session=session)
    messages.success(request, "That session was signed out.")
    return redirect("usersessions_list")


@login_required
@reauthentication_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user=user)
        messages.success(request, "Your account and everything in it were deleted.")
        return redirect("account_login")
    return render(request, "accounts/delete.html", {"form": form}, status=400 if form.errors else 200)
