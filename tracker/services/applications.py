"""Writes on applications: start one, edit it, move it along the pipeline, plan its next action."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from jobpool import content_security
from jobpool import services as pool_intake
from jobpool.content_security import ContentSecurityViolation
from jobpool.intake import PostingInput
from jobpool.models import LinkStatus, PersonaJob
from jobpool.selectors import job_facts
from personas.models import Persona
from tracker import transitions
from tracker.models import Application, EventKind, Status
from tracker.services.search import refresh_search_text
from tracker.services.timeline import _json_safe, record_event

EDITABLE_FIELDS = (
    "company_name",
    "title",
    "location",
    "job_url",
    "applied_on",
    "priority",
    "source",
    "referral",
    "salary_currency",
    "salary_expected",
    "salary_offered",
    "is_pinned",
)
CHECKED_TEXT_FIELDS = ("company_name", "title", "location", "job_url", "source", "referral")


class AlreadyTracked(Exception):
    """The persona already has an application for this posting."""

    def __init__(self, application: Application | None) -> None:
        super().__init__("You already track an application for this job.")
        self.application = application


def _check_text(fields: dict[str, Any]) -> None:
    try:
        content_security.check_fields({k: v for k, v in fields.items() if isinstance(v, str) and v})
    except ContentSecurityViolation as violation:
        raise ValidationError({violation.field: "This text looks like instructions to an AI system and was refused."})


def _existing_for(link: PersonaJob) -> Application | None:
    return Application.objects.for_owner_id(link.owner_id).filter(persona_job=link).first()


def start_from_job(link: PersonaJob, *, priority: str = "", source: str = "", referral: str = "") -> Application:
    """Start an application from the caller's own job link (already resolved through their scope).

    The job's facts are frozen server-side from the pool (jobpool.selectors.job_facts).
    Raises AlreadyTracked when this persona already applied to this posting.
    Side effects, in one transaction: inserts the Application, sets the link's
    status to Applied, writes the `created` timeline event.
    """
    facts = _json_safe(job_facts(link.posting))
    try:
        with transaction.atomic():
            if _existing_for(link) is not None:
                raise AlreadyTracked(_existing_for(link))
            application = Application(
                owner_id=link.owner_id,
                persona_id=link.persona_id,
                persona_job=link,
                company_name=facts["company_name"][:200],
                title=facts["title"][:300],
                location=(facts.get("location") or "")[:300],
                job_url=(facts.get("apply_url") or facts.get("source_url") or "")[:2000],
                priority=priority or "normal",
                source=source or link.get_discovery_method_display(),
                referral=referral,
                job_snapshot=facts,
            )
            application.full_clean(exclude=["persona", "persona_job"])
            application.save()
            if link.status != LinkStatus.APPLIED:
                link.status = LinkStatus.APPLIED
                PersonaJob.objects.for_owner_id(link.owner_id).filter(pk=link.pk).update(status=LinkStatus.APPLIED)
            record_event(application, EventKind.CREATED, f"Applied to {application.title} at {application.company_name}")
            refresh_search_text(application)
    except IntegrityError:
        raise AlreadyTracked(_existing_for(link))
    return application


def create_from_scratch(
    user: Any,
    *,
    persona: Persona,
    company_name: str,
    title: str,
    job_url: str = "",
    location: str = "",
    description: str = "",
    **fields: Any,
) -> Application:
    """An application for a job found elsewhere. `persona` must already be the caller's (resolved by scope).

    With a pasted description the job goes through the pool's intake (content
    checks, dedup, quarantine) as a manual submission and the application starts
    from the resulting link; without one, the entered facts are the snapshot.
    Raises ValidationError (bad input, refused content, too many submissions) or AlreadyTracked.
    Side effects: possibly a pooled posting and a link (jobpool.dedup.ingest), then as start_from_job.
    """
    if persona.owner_id != user.pk:
        raise ValidationError({"persona": "Not found."})
    _check_text({"company_name": company_name, "title": title, "location": location, "job_url": job_url, **fields})
    description = (description or "").strip()
    if description:
        link = _ingest_manual_job(
            persona, company_name=company_name, title=title, job_url=job_url, location=location, description=description
        )
        application = start_from_job(link, priority=fields.get("priority", ""), source=fields.get("source", ""), referral=fields.get("referral", ""))
        extra = {k: v for k, v in fields.items() if k in EDITABLE_FIELDS and k not in ("priority", "source", "referral")}
        if extra:
            update_details(application, **extra)
        return application
    with transaction.atomic():
        application = Application(
            owner_id=persona.owner_id,
            persona=persona,
            company_name=company_name.strip(),
            title=title.strip(),
            location=location.strip(),
            job_url=job_url.strip(),
            job_snapshot={"company_name": company_name, "title": title, "location": location, "source_url": job_url},
            **{k: v for k, v in fields.items() if k in EDITABLE_FIELDS},
        )
        application.full_clean(exclude=["persona", "persona_job"])
        application.save()
        record_event(application, EventKind.CREATED, f"Applied to {application.title} at {application.company_name}")
        refresh_search_text(application)
    return application


def _ingest_manual_job(persona: Persona, **facts: str) -> PersonaJob:
    """The persona's link to the pasted job, through the pool's manual intake (jobpool.services)."""
    posting = PostingInput(
        source="manual",
        title=facts["title"],
        company_name=facts["company_name"],
        description_text=facts["description"],
        location=facts["location"],
        source_url=facts["job_url"],
        apply_url=facts["job_url"],
    )
    try:
        return pool_intake.add_manual_posting(persona.owner, persona=persona, posting=posting)
    except pool_intake.AlreadyTracked as exc:  # the persona already has this job: apply from that link
        return exc.link
    except pool_intake.SubmissionLimitReached as exc:
        raise ValidationError({"description": f"{exc} Or add this one without a description."})
    except ContentSecurityViolation:
        raise ValidationError({"description": "This text looks like instructions to an AI system and was refused."})


def update_details(application: Application, **changes: Any) -> Application:
    """Edit the application's own fields (not its status: see change_status).

    Side effects: saves the changed fields; one `details_updated` event listing
    {field: {from, to}} when anything changed.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in unknown})
    _check_text({k: v for k, v in changes.items() if k in CHECKED_TEXT_FIELDS})
    diff = {}
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
        old = getattr(application, name)
        if old != value:
            diff[name] = {"from": old, "to": value}
            setattr(application, name, value)
    if not diff:
        return application
    application.full_clean(exclude=["persona", "persona_job"])
    with transaction.atomic():
        application.save(update_fields=[*diff, "updated_at"])
        names = ", ".join(Application._meta.get_field(n).verbose_name for n in diff)
        record_event(application, EventKind.DETAILS_UPDATED, f"Edited {names}", data={"changes": diff})
        refresh_search_text(application)
    return application


def change_status(application: Application, target: str) -> bool:
    """Move the application to `target` through the state machine (tracker.transitions).

    Returns False when it already has that status (nothing logged).
    Raises transitions.InvalidTransition for a move the pipeline does not allow.
    Side effects: saves status (and archived_at / status_before_close), writes a
    `status_changed` event {from, to}.
    """
    target = (target or "").strip().lower()
    current = application.status
    transitions.check(current, target)
    if target == current:
        return False
    now = timezone.now()
    with transaction.atomic():
        if current in transitions.OPEN and target in transitions.CLOSED:
            application.status_before_close = current
        application.status = target
        application.archived_at = now if target == Status.ARCHIVED else None
        application.last_action_at = now
        application.save(update_fields=["status", "status_before_close", "archived_at", "last_action_at", "updated_at"])
        record_event(
            application,
            EventKind.STATUS_CHANGED,
            f"{transitions.label(current)} → {transitions.label(target)}",
            data={"from": current, "to": target},
            at=now,
        )
    return True


def reopen(application: Application) -> str:
    """Reopen a closed application: back to the status it had before it closed.

    Raises transitions.InvalidTransition when it is not closed.
    Side effects: saves status, clears archived_at, writes a `reopened` event {from, to}.
    """
    current = application.status
    target = transitions.reopen_target(current, application.status_before_close)
    with transaction.atomic():
        application.status = target
        application.archived_at = None
        application.status_before_close = ""
        application.save(update_fields=["status", "status_before_close", "archived_at", "updated_at"])
        record_event(
            application,
            EventKind.REOPENED,
            f"Reopened: {transitions.label(current)} → {transitions.label(target)}",
            data={"from": current, "to": target},
        )
    return target


def set_next_action(application: Application, *, title: str, due_at: datetime.datetime) -> Application:
    """Plan the next action (a follow-up, a reminder). Counts as an action taken now.

    Side effects: saves next_action_title / next_action_at / last_action_at; a `next_action_set` event.
    """
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Say what to do."})
    if timezone.is_naive(due_at):
        raise ValidationError({"due_at": "Give a time with its time zone."})
    _check_text({"title": title})
    now = timezone.now()
    with transaction.atomic():
        application.next_action_title = title[:200]
        application.next_action_at = due_at
        application.last_action_at = now
        application.save(update_fields=["next_action_title", "next_action_at", "last_action_at", "updated_at"])
        record_event(
            application,
            EventKind.NEXT_ACTION_SET,
            f"Next: {application.next_action_title}",
            data={"title": application.next_action_title, "due_at": due_at},
            at=now,
        )
    return application


QUICK_ACTIONS = {
    # key: (label on the button, title of the action, how far ahead)
    "follow_up_3d": ("Follow up in 3 days", "Follow up", datetime.timedelta(days=3)),
    "remind_tomorrow": ("Remind me tomorrow", "Reminder", datetime.timedelta(days=1)),
}


def apply_quick_action(application: Application, key: str) -> Application:
    """One of QUICK_ACTIONS. Side effects: as set_next_action."""
    if key not in QUICK_ACTIONS:
        raise ValidationError({"action": "Unknown quick action."})
    _, title, ahead = QUICK_ACTIONS[key]
    return set_next_action(application, title=title, due_at=timezone.now() + ahead)


def complete_next_action(application: Application) -> bool:
    """Mark the next action done. Returns False when there was none.

    Side effects: clears next_action_*, sets last_action_at; a `next_action_done` event.
    """
    if not application.next_action_title and application.next_action_at is None:
        return False
    now = timezone.now()
    title = application.next_action_title
    with transaction.atomic():
        application.next_action_title = ""
        application.next_action_at = None
        application.last_action_at = now
        application.save(update_fields=["next_action_title", "next_action_at", "last_action_at", "updated_at"])
        record_event(application, EventKind.NEXT_ACTION_DONE, f"Done: {title or 'next action'}", data={"title": title}, at=now)
    return True


def delete_application(application: Application) -> None:
    """Delete the application with its timeline, interviews, notes and tags. The job link stays.

    Side effects: deletes those rows (the timeline goes with its application only).
    """
    application.delete()


def note_expired_jobs(*, now: datetime.datetime | None = None) -> int:
    """System pass: log `job_expired` once on every open application whose pooled posting expired.

    Returns how many were logged. Side effects: one event per such application; sets job_expired_noted_at.
    """
    now = now or timezone.now()
    # Reason: a system pass over every user's applications (run by Celery beat / a command).
    candidates = (
        Application.unscoped.all()
        .open()
        .filter(job_expired_noted_at__isnull=True, persona_job__posting__expired_at__isnull=False)
        .select_related("persona_job__posting")
    )
    count = 0
    for application in candidates.iterator(chunk_size=500):
        expired_at = application.persona_job.posting.expired_at
        with transaction.atomic():
            application.job_expired_noted_at = now
            application.save(update_fields=["job_expired_noted_at"])
            record_event(
                application,
                EventKind.JOB_EXPIRED,
                "The job posting was taken down",
                data={"expired_at": expired_at},
                bump_activity=False,
            )
        count += 1
    return count
