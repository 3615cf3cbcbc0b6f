"""Pages: the import and export page, the downloads, and the spreadsheet import (upload, preview, commit)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from exports import downloads, services
from exports.forms import CommitForm, ImportForm
from exports.models import ImportPreview
from exports.spreadsheet import SpreadsheetError
from tenancy.shortcuts import get_owned_or_404
from zentropy.core.ratelimits import limit


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "exports/index.html", {"form": ImportForm(user=request.user), "query": request.GET.urlencode()})


@login_required
@require_GET
def applications_csv(request: HttpRequest) -> StreamingHttpResponse:
    return downloads.download("applications.csv", request.user, request.GET)


@login_required
@require_GET
def applications_json(request: HttpRequest) -> StreamingHttpResponse:
    return downloads.download("applications.json", request.user, request.GET)


@login_required
@require_GET
def everything_json(request: HttpRequest) -> StreamingHttpResponse:
    limit(request, group="exports:all", key="user", rate="10/h")
    return downloads.download("all.json", request.user, request.GET)


@login_required
@require_POST
def import_upload(request: HttpRequest) -> HttpResponse:
    limit(request, group="exports:import", key="user", rate="30/h")
    form = ImportForm(request.POST, request.FILES, user=request.user)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            preview = services.create_import_preview(
                request.user,
                persona=form.cleaned_data["persona"],
                data=upload.read(),
                filename=upload.name,
                day_first=form.cleaned_data["day_first"],
            )
        except SpreadsheetError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("exports:import-preview", pk=preview.pk)
    return render(request, "exports/index.html", {"form": form}, status=400)


@login_required
@require_GET
def import_preview(request: HttpRequest, pk) -> HttpResponse:
    preview = get_owned_or_404(ImportPreview.objects.select_related("persona"), request.user, pk=pk)
    return render(request, "exports/preview.html", {"preview": preview, "form": CommitForm()})


@login_required
@require_POST
def import_commit(request: HttpRequest, pk) -> HttpResponse:
    preview = get_owned_or_404(ImportPreview.objects.select_related("persona"), request.user, pk=pk)
    form = CommitForm(request.POST)
    form.is_valid()
    try:
        done = services.commit_import(request.user, preview.pk, skip_invalid=form.cleaned_data.get("skip_invalid", False))
    except services.ImportUnavailable as exc:
        messages.error(request, str(exc))
        return redirect("exports:index")
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return render(request, "exports/preview.html", {"preview": preview, "form": form}, status=400)
    messages.success(request, f"Imported {done.imported} application{'s' if done.imported != 1 else ''} from {done.filename}.")
    return redirect("tracker:list")
