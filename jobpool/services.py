"""Intake by users: manual add and the two-step paste ingest. Every path ends in jobpool.dedup.

The answer never reveals whether the pool already had the job: the same link
representation comes back either way, and only a job this persona already
tracks is a conflict.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from jobpool import dedup, normalize
from jobpool.content_security import check_fields
from jobpool.intake import PostingInput, SkillInput, prepare
from jobpool.models import DiscoveryMethod, IngestToken, JobSighting, PersonaJob
from jobpool.paste import parse_pasted

MANUAL_DAILY_LIMIT = 20
TOKEN_TTL = datetime.timedelta(minutes=15)
MAX_OPEN_TOKENS = 50
# The preview fields a user may change on confirm; anything else is refused.
EDITABLE_FIELDS = frozenset(
    {"title", "company_name", "location", "salary_min", "salary_max", "salary_currency", "salary_period",
     "work_model", "culture_text", "skills"}
)


class AlreadyTracked(Exception):
    """This persona already has the job; `link` is its link."""

    def __init__(self, link: PersonaJob) -> None:
        self.link = link
        super().__init__("You already track this job.")


class SubmissionLimitReached(Exception):
    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"You can add at most {MANUAL_DAILY_LIMIT} jobs yourself in 24 hours. Please try again later.")


class TokenInvalid(Exception):
    """Unknown, expired, used or another user's token (all look the same)."""


class IncompleteFacts(ValueError):
    """The confirmed posting lacks a title or a company; `fields` names them."""

    def __init__(self, fields: list[str]) -> None:
        self.fields = fields
        super().__init__("Add the missing facts: " + ", ".join(fields) + ".")


def _check_quota(user) -> None:
    since = timezone.now() - datetime.timedelta(hours=24)
    recent = PersonaJob.objects.for_user(user).manual_since(since)
    if recent.count() >= MANUAL_DAILY_LIMIT:
        oldest = recent.order_by("discovered_at").values_list("discovered_at", flat=True).first()
        raise SubmissionLimitReached(max(1, int((oldest + datetime.timedelta(hours=24) - timezone.now()).total_seconds())))


def add_manual_posting(user, *, persona, posting: PostingInput) -> PersonaJob:
    """Add a job by hand for `persona` (already resolved through the user's scope).

    Raises ContentSecurityViolation, SubmissionLimitReached (20 per 24 h, counted from the
    user's manual links), AlreadyTracked (this persona has the job).
    Side effects: as jobpool.dedup.ingest with method manual (a new posting starts quarantined).
    """
    prepared = prepare(posting)
    _check_quota(user)
    match = dedup.find_match(prepared)
    if match.posting is not None and match.decision != "repost":
        existing = PersonaJob.objects.for_user(user).filter(persona=persona, posting=match.posting).first()
        if existing is not None:
            raise AlreadyTracked(existing)
    result = dedup.ingest_prepared([prepared], persona=persona, method=DiscoveryMethod.MANUAL)[0]
    if not result.link_created:
        raise AlreadyTracked(result.link)
    return result.link


def preview_paste(user, *, persona, text: str, source_url: str = "") -> IngestToken:
    """Read a pasted posting into a preview and keep it for 15 minutes, for this user only.

    Raises ContentSecurityViolation, AlreadyTracked (the persona has a job at this URL).
    Side effects: an IngestToken; the user's expired or used tokens are deleted, at most 50 stay open.
    """
    check_fields({"text": text, "source_url": source_url})
    url_key = normalize.canonical_url(source_url)
    if url_key:
        mine = PersonaJob.objects.for_user(user).filter(persona=persona)
        posting_ids = JobSighting.objects.filter(url_key=url_key).values("posting_id")
        existing = mine.filter(posting_id__in=posting_ids).first()
        if existing is not None:
            raise AlreadyTracked(existing)
    now = timezone.now()
    tokens = IngestToken.objects.for_user(user)
    tokens.filter(expires_at__lte=now).delete()
    tokens.filter(used_at__isnull=False).delete()
    open_ids = list(tokens.order_by("-created_at").values_list("pk", flat=True)[MAX_OPEN_TOKENS - 1 :])
    if open_ids:
        tokens.filter(pk__in=open_ids).delete()
    return IngestToken.objects.create(
        owner=user, persona=persona, text=text, source_url=source_url, preview=parse_pasted(text).as_dict(),
        expires_at=now + TOKEN_TTL,
    )


def confirm_paste(user, *, token_id, edits: dict[str, Any]) -> PersonaJob:
    """Turn a preview into a posting, with the user's edits (only EDITABLE_FIELDS; validated by the caller).

    Raises TokenInvalid, IncompleteFacts (token kept), ContentSecurityViolation, SubmissionLimitReached,
    AlreadyTracked. Side effects: the token is used up, then as add_manual_posting.
    """
    now = timezone.now()
    usable = IngestToken.objects.for_user(user).filter(pk=token_id, used_at__isnull=True, expires_at__gt=now)
    token = usable.select_related("persona").first()
    if token is None:
        raise TokenInvalid
    facts = {key: value for key, value in {**token.preview, **edits}.items() if key in EDITABLE_FIELDS}
    missing = [name for name in ("title", "company_name") if not str(facts.get(name) or "").strip()]
    if missing:
        raise IncompleteFacts(missing)
    with transaction.atomic():
        if usable.update(used_at=now) != 1:
            raise TokenInvalid  # used by a concurrent confirm
    skills = facts.pop("skills", None)
    posting = PostingInput(
        source="manual",
        description_text=token.text,
        raw_text=token.text,
        source_url=token.source_url,
        skills=[SkillInput(name=str(name)) for name in skills] if "skills" in edits and skills is not None else None,
        **facts,
    )
    return add_manual_posting(user, persona=token.persona, posting=posting)


# ---------------------------------------------------------------- a user's own links
# Moves a user may make; Applied is reached from the feed, left only through the tracker.
ALLOWED_MOVES = {
    ("discovered", "dismissed"),
    ("dismissed", "discovered"),
    ("discovered", "applied"),
    ("dismissed", "applied"),
}


class InvalidMove(ValueError):
    pass


def update_link(link: PersonaJob, *, status: str | None = None, is_favorite: bool | None = None) -> PersonaJob:
    """Change a link's status (allowed moves only; dismissing stamps dismissed_at) or favourite flag.

    Raises InvalidMove. Side effects: the link row.
    """
    fields = []
    if status is not None and status != link.status:
        if (link.status, status) not in ALLOWED_MOVES:
            raise InvalidMove(f"A job cannot move from {link.status} to {status}.")
        link.status = status
        link.dismissed_at = timezone.now() if status == "dismissed" else None
        fields += ["status", "dismissed_at"]
    if is_favorite is not None and is_favorite != link.is_favorite:
        link.is_favorite = is_favorite
        fields.append("is_favorite")
    if fields:
        link.save(update_fields=fields)
    return link


def bulk_dismiss(links: list[PersonaJob]) -> list[PersonaJob]:
    """Dismiss one user's discovered links (others are left as they are); returns the links dismissed. Side effects: those rows."""
    now = timezone.now()
    chosen = [link for link in links if link.status == "discovered"]
    for link in chosen:
        link.status, link.dismissed_at = "dismissed", now
    if chosen:
        PersonaJob.objects.for_owner_id(chosen[0].owner_id).bulk_update(chosen, ["status", "dismissed_at"])
    return chosen


def bulk_favorite(links: list[PersonaJob], *, is_favorite: bool) -> list[PersonaJob]:
    """Set the favourite flag on every link (all one user's). Side effects: those rows."""
    for link in links:
        link.is_favorite = is_favorite
    if links:
        PersonaJob.objects.for_owner_id(links[0].owner_id).bulk_update(links, ["is_favorite"])
    return links


def mark_expired(link: PersonaJob, *, note: str = "") -> PersonaJob:
    """The user says the job is no longer open: it leaves their opportunities and a moderator checks it for everyone.

    One user's word never closes a shared posting (that would let anyone withdraw jobs from others):
    it files an "expired" report, which holds the posting back from surfacing until a moderator
    confirms (reject closes it) or releases it. Side effects: the link dismissed, a JobReport,
    the posting held (jobpool.quarantine.report_posting).
    """
    from jobpool.models import ReportReason
    from jobpool.quarantine import report_posting

    with transaction.atomic():
        report_posting(user=link.owner, posting=link.posting, reason=ReportReason.EXPIRED, note=note or "Marked as no longer open")
        if link.status == "discovered":
            update_link(link, status="dismissed")
    return link
