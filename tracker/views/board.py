"""The board (the landing page of tracking), the list, and saved views."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from tenancy.shortcuts import get_owned_or_404
from tracker import selectors, services
from tracker.filters import filters_from_saved, parse_filters
from tracker.forms import SaveViewForm
from tracker.models import Layout, Priority, SavedView, Sort, Status
from tracker.services.applications import QUICK_ACTIONS
from tracker.views.cards import with_card_urls

PAGE_SIZE = 50


def _saved_views(request: HttpRequest) -> list[SavedView]:
    return list(SavedView.objects.for_user(request.user).order_by("name"))


def _common(request: HttpRequest, layout: str, views: list[SavedView]) -> dict:
    filters, form = parse_filters(request.GET)
    prefs = services.settings_for(request.user)
    query = filters.as_query()
    return {
        "filters": filters,
        "filter_form": form,
        "prefs": prefs,
        "saved_views": views,
        "save_form": SaveViewForm(initial={"layout": layout, "query": query}),
        "query": query,
        "statuses": Status.choices,
        "priorities": Priority.choices,
        "sorts": Sort.choices,
        "quick_actions": [(key, label) for key, (label, _, _) in QUICK_ACTIONS.items()],
        "tag_suggestions": selectors.tag_suggestions(request.user, limit=12),
        "layout": layout,
        "here": request.get_full_path(),
        "csrf": get_token(request),  # a plain string: the lazy csrf_token costs per use on a 500-card board
    }


def _default_view_redirect(request: HttpRequest, views: list[SavedView]) -> HttpResponse | None:
    """On a bare visit, open the user's default saved view (if any) instead ("Clear" links add ?clear=1)."""
    if request.GET or request.htmx:
        return None
    default = next((view for view in views if view.is_default), None)
    return redirect(_view_url(default)) if default is not None else None


@login_required
@require_GET
@vary_on_headers("HX-Request")
def board(request: HttpRequest) -> HttpResponse:
    views = _saved_views(request)
    jump = _default_view_redirect(request, views)
    if jump is not None:
        return jump
    context = _common(request, Layout.BOARD, views)
    expand = request.GET.get("expand", "")  # a column key, or "all"
    limit = None if expand == "all" else selectors.BOARD_COLUMN_LIMIT
    context["columns"] = selectors.board(request.user, context["filters"], prefs=context["prefs"], limit=limit, expand=expand)
    for column in context["columns"]:
        with_card_urls(column.cards)
    context["total"] = sum(column.count for column in context["columns"])
    template = "tracker/board.html#board" if request.htmx else "tracker/board.html"
    return render(request, template, context)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def application_list(request: HttpRequest) -> HttpResponse:
    views = _saved_views(request)
    jump = _default_view_redirect(request, views)
    if jump is not None:
        return jump
    context = _common(request, Layout.LIST, views)
    queryset = selectors.filter_applications(request.user, context["filters"], prefs=context["prefs"])
    page = Paginator(queryset.only(*selectors.CARD_FIELDS), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = selectors.attach_tag_names(list(page.object_list), request.user)
    context.update({"page": page, "applications": with_card_urls(rows)})
    template = "tracker/list.html#results" if request.htmx else "tracker/list.html"
    return render(request, template, context)


def _view_url(view: SavedView) -> str:
    filters = filters_from_saved(view.search, view.filters, view.sort)
    name = "tracker:board" if view.layout == Layout.BOARD else "tracker:list"
    query = filters.as_query(view=str(view.pk))
    return f"{reverse(name)}?{query}"


@login_required
@require_GET
def view_apply(request: HttpRequest, pk: UUID) -> HttpResponse:
    view = get_owned_or_404(SavedView, request.user, pk=pk)
    return redirect(_view_url(view))


@login_required
@require_POST
def view_save(request: HttpRequest) -> HttpResponse:
    form = SaveViewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the view a name (80 characters at most).")
        return redirect("tracker:board")
    data = form.cleaned_data
    # With HTMX the filter bar's current fields come along (hx-include): the hidden query was
    # written when the page loaded and misses searches made since. Without JS they are the same.
    source = request.POST if "q" in request.POST else QueryDict(data["query"])
    filters, _ = parse_filters(source)
    try:
        view, created = services.save_view(
            request.user, name=data["name"], search=filters.q, filters=filters.as_dict(),
            sort=filters.sort or "activity", layout=data["layout"], is_default=data["is_default"],
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("tracker:board")
    messages.success(request, f"Saved the view “{view.name}”." if created else f"Updated the view “{view.name}”.")
    if request.htmx:
        return HttpResponseClientRedirect(_view_url(view))
    return redirect(_view_url(view))


@login_required
@require_POST
def view_delete(request: HttpRequest, pk: UUID) -> HttpResponse:
    view = get_owned_or_404(SavedView, request.user, pk=pk)
    name = view.name
    services.delete_view(view)
    messages.success(request, f"Deleted the view “{name}”.")
    return redirect("tracker:board")


@login_required
@require_POST
def view_default(request: HttpRequest, pk: UUID) -> HttpResponse:
    view = get_owned_or_404(SavedView, request.user, pk=pk)
    make_default = not view.is_default
    services.set_default_view(view, is_default=make_default)
    messages.success(request, f"“{view.name}” opens by default." if make_default else f"“{view.name}” no longer opens by default.")
    return redirect(_view_url(view))
