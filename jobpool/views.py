"""Job pages: the opportunities feed, dismissed jobs, a job's page, actions, manual add.

Every link is reached through the caller's scope (another user's job is a
404). HTMX requests get the re-rendered fragment; plain POSTs redirect back.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from jobpool import quarantine, selectors, services
from jobpool.content_security import ContentSecurityViolation
from jobpool.forms import FeedFilterForm, ManualPostingForm, PasteConfirmForm, PasteForm, ReportForm
from jobpool.intake import PostingInput
from jobpool.matching.explained import explain_links
from jobpool.models import IngestToken, PersonaJob
from tenancy.shortcuts import get_owned_or_404


def _links(request: HttpRequest):
    return PersonaJob.objects.for_user(request.user).select_related("posting", "persona")


def _feed(request: HttpRequest, *, status: str, template: str) -> HttpResponse:
    form = FeedFilterForm(request.GET or None, user=request.user)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.FeedFilters(
        persona=data.get("persona"), status=status, min_fit=data.get("min_fit"), favorites_only=bool(data.get("favorites")),
        work_model=data.get("work_model") or None, salary_disclosed=bool(data.get("salary_disclosed")),
        posted_within_days=data.get("posted_within"), search=data.get("q") or "",
        include_failed=bool(data.get("include_failed")), ordering="fit" if status == "discovered" else "newest",
    )
    links = list(selectors.feed_links(request.user, filters).select_related("persona")[:200])
    explain_links(links)
    context = {"form": form, "links": links, "status": status}
    return render(request, f"{template}#job-rows" if request.htmx else template, context)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def feed(request: HttpRequest) -> HttpResponse:
    return _feed(request, status="discovered", template="jobpool/feed.html")


@login_required
@require_GET
@vary_on_headers("HX-Request")
def dismissed(request: HttpRequest) -> HttpResponse:
    return _feed(request, status="dismissed", template="jobpool/dismissed.html")


@login_required
@require_GET
def job_detail(request: HttpRequest, pk) -> HttpResponse:
    link = get_owned_or_404(_links(request), request.user, pk=pk)
    explain_links([link])
    posting = link.posting
    context = {
        "link": link,
        "job": selectors.job_facts(posting),
        "history": selectors.repost_history(posting),
        "report_form": ReportForm(),
    }
    return render(request, "jobpool/job_detail.html", context)


def _after_action(request: HttpRequest, link: PersonaJob) -> HttpResponse:
    if request.htmx:
        explain_links([link])
        return render(request, "jobpool/_job_row.html", {"link": link})
    return redirect(request.POST.get("next") or reverse("jobpool:job-detail", kwargs={"pk": link.pk}))


@login_required
@require_POST
@vary_on_headers("HX-Request")
def job_favorite(request: HttpRequest, pk) -> HttpResponse:
    link = get_owned_or_404(_links(request), request.user, pk=pk)
    services.update_link(link, is_favorite=not link.is_favorite)
    return _after_action(request, link)


@login_required
@require_POST
@vary_on_headers("HX-Request")
def job_dismiss(request: HttpRequest, pk) -> HttpResponse:
    link = get_owned_or_404(_links(request), request.user, pk=pk)
    try:
        services.update_link(link, status="discovered" if link.status == "dismissed" else "dismissed")
    except services.InvalidMove as move:
        messages.error(request, str(move))
    return _after_action(request, link)


@login_required
@require_POST
def job_report(request: HttpRequest, pk) -> HttpResponse:
    link = get_owned_or_404(_links(request), request.user, pk=pk)
    form = ReportForm(request.POST)
    if form.is_valid():
        quarantine.report_posting(user=request.user, posting=link.posting, **form.cleaned_data)
        messages.success(request, "Thanks: the job is held until a moderator has looked at it.")
    else:
        messages.error(request, "Choose a reason for the report.")
    return redirect("jobpool:job-detail", pk=link.pk)


@login_required
@require_POST
def job_expire(request: HttpRequest, pk) -> HttpResponse:
    link = get_owned_or_404(_links(request), request.user, pk=pk)
    services.mark_expired(link)
    messages.success(request, "Marked as no longer open: it has left your opportunities, and a moderator will close it for everyone once confirmed.")
    return redirect("jobpool:job-detail", pk=link.pk)


@login_required
@require_POST
def jobs_bulk(request: HttpRequest) -> HttpResponse:
    """Dismiss or favourite the ticked jobs (ids that are not the caller's are ignored)."""
    links = list(_links(request).filter(pk__in=[i for i in request.POST.getlist("ids") if len(i) == 36]))
    if request.POST.get("action") == "dismiss":
        done = services.bulk_dismiss(links)
        messages.success(request, f"Dismissed {len(done)} job(s).")
    elif request.POST.get("action") == "favorite":
        services.bulk_favorite(links, is_favorite=True)
        messages.success(request, f"Added {len(links)} job(s) to favourites.")
    return redirect("jobpool:feed")


@login_required
@require_http_methods(["GET", "POST"])
def job_add(request: HttpRequest) -> HttpResponse:
    form = ManualPostingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        persona = data.pop("persona")
        posting = PostingInput(source="manual", description_text=data.pop("description"), **data)
        try:
            link = services.add_manual_posting(request.user, persona=persona, posting=posting)
        except ContentSecurityViolation as violation:
            form.add_error(None, str(violation))
        except services.SubmissionLimitReached as limit:
            form.add_error(None, str(limit))
        except services.AlreadyTracked as tracked:
            messages.info(request, "You already track this job.")
            return redirect("jobpool:job-detail", pk=tracked.link.pk)
        else:
            messages.success(request, "Job added. Other users won't see it until it has been checked.")
            return redirect("jobpool:job-detail", pk=link.pk)
    return render(request, "jobpool/job_add.html", {"form": form})


def _refusal(form, call):
    """Run an intake service; a refusal becomes a form error (or, for a job already tracked, its page)."""
    try:
        return call(), None
    except (ContentSecurityViolation, services.SubmissionLimitReached, services.IncompleteFacts) as refusal:
        form.add_error(None, str(refusal))
    except services.AlreadyTracked as tracked:
        return None, redirect("jobpool:job-detail", pk=tracked.link.pk)
    return None, None


@login_required
@require_http_methods(["GET", "POST"])
def job_paste(request: HttpRequest) -> HttpResponse:
    """Step 1 of adding a pasted posting: read it into a preview kept for 15 minutes."""
    form = PasteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        token, elsewhere = _refusal(
            form, lambda: services.preview_paste(request.user, persona=data["persona"], text=data["text"], source_url=data["source_url"])
        )
        if elsewhere is not None:
            messages.info(request, "You already track this job.")
            return elsewhere
        if token is not None:
            return redirect("jobpool:job-paste-confirm", token=token.pk)
    return render(request, "jobpool/job_paste.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def job_paste_confirm(request: HttpRequest, token) -> HttpResponse:
    """Step 2: check and edit the preview, then add the job (the token is single use)."""
    pending = get_owned_or_404(IngestToken.objects.for_user(request.user).filter(used_at__isnull=True), request.user, pk=token)
    preview = pending.preview
    initial = {**preview, "skills": ", ".join(preview.get("skills", []))}
    form = PasteConfirmForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        link, elsewhere = _refusal(form, lambda: services.confirm_paste(request.user, token_id=pending.pk, edits=form.cleaned_data))
        if elsewhere is not None:
            messages.info(request, "You already track this job.")
            return elsewhere
        if link is not None:
            messages.success(request, "Job added. Other users won't see it until it has been checked.")
            return redirect("jobpool:job-detail", pk=link.pk)
    return render(request, "jobpool/job_paste_confirm.html", {"form": form, "preview": preview, "token": pending})
