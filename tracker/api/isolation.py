"""Isolation-walk classifications for the tracker API (pages live in tracker/isolation.py)."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.utils import timezone

from tenancy.isolation import Fixture, registry


def _application(user: Any):
    from personas.tests.factories import PersonaFactory
    from tracker import services

    persona = PersonaFactory(owner=user, full_name=f"Walk persona {uuid.uuid4().hex[:8]}")
    return services.create_from_scratch(user, persona=persona, company_name="Walk Co", title=f"Walk role {uuid.uuid4().hex[:10]}")


def _applications(user: Any) -> Fixture:
    from personas.tests.factories import PersonaFactory

    application = _application(user)
    persona = PersonaFactory(owner=user)
    payload = {"persona": str(persona.pk), "company_name": "Walk Co", "title": "Walker"}
    return Fixture({}, marker=application.title, payloads={"POST": payload})


def _application_detail(user: Any) -> Fixture:
    application = _application(user)
    payload = {"priority": "high", "status": "interviewing"}
    return Fixture({"pk": application.pk}, marker=application.title, payloads={"PUT": payload, "PATCH": payload, "POST": {}})


registry.owner("application-list", build=_applications, lists=True)
registry.owner("application-tag-suggestions", build=lambda u: Fixture({}), lists=True)
registry.owner("application-detail", build=_application_detail)
registry.owner("application-reopen", build=lambda u: _reopenable(u))
registry.owner("application-tags", build=lambda u: _tags(u))
registry.owner("application-next-action", build=lambda u: _next_action(u))
registry.owner("application-next-action-done", build=lambda u: Fixture({"pk": _application(u).pk}))


def _reopenable(user: Any) -> Fixture:
    from tracker import services

    application = _application(user)
    services.change_status(application, "rejected")
    return Fixture({"pk": application.pk})


def _tags(user: Any) -> Fixture:
    from tracker import services

    application = _application(user)
    tag = f"walk-{uuid.uuid4().hex[:8]}"
    services.set_tags(application, [tag])
    return Fixture({"pk": application.pk}, marker=tag, payloads={"PUT": {"tags": ["walked"]}})


def _next_action(user: Any) -> Fixture:
    return Fixture({"pk": _application(user).pk}, payloads={"POST": {"quick": "remind_tomorrow"}})


def _timeline(detail: bool):
    def build(user: Any) -> Fixture:
        from tracker.models import TimelineEvent

        application = _application(user)
        event = TimelineEvent.objects.for_user(user).get(application=application)
        kwargs = {"application_pk": application.pk, **({"pk": event.pk} if detail else {})}
        # The message carries the application's unique title (an id would also appear in the 404 page's URL).
        return Fixture(kwargs, marker=event.message, payloads={"POST": {"message": "Walked"}})

    return build


registry.owner("application-timeline-list", build=_timeline(False))
registry.owner("application-timeline-detail", build=_timeline(True))


def _note(detail: bool):
    def build(user: Any) -> Fixture:
        from tracker import services

        application = _application(user)
        note = services.add_note(application, body=f"Walk note {uuid.uuid4().hex[:10]}")
        kwargs = {"application_pk": application.pk, **({"pk": note.pk} if detail else {})}
        payload = {"body": "Edited walk"}
        return Fixture(kwargs, marker=note.body, payloads={"POST": payload, "PUT": payload, "PATCH": payload})

    return build


registry.owner("application-note-list", build=_note(False))
registry.owner("application-note-detail", build=_note(True))


def _interview(detail: bool, *, ics: bool = False):
    def build(user: Any) -> Fixture:
        from tracker import services

        application = _application(user)
        interview = services.schedule_interview(
            application, scheduled_at=timezone.now() + datetime.timedelta(days=2), time_zone="Europe/Berlin",
            interviewer=f"Walk interviewer {uuid.uuid4().hex[:8]}",
        )
        kwargs = {"application_pk": application.pk, **({"pk": interview.pk} if detail else {})}
        payload = {"scheduled_at": "2026-12-01T10:00:00Z", "time_zone": "Europe/Berlin", "stage": "technical", "kind": "video"}
        return Fixture(kwargs, marker=interview.interviewer, payloads={"POST": payload, "PUT": payload, "PATCH": payload})

    return build


registry.owner("application-interview-list", build=_interview(False))
registry.owner("application-interview-detail", build=_interview(True))
registry.owner("application-interview-ics", build=_interview(True, ics=True))


def _all_interviews(user: Any) -> Fixture:
    return Fixture({}, marker=_interview(False)(user).marker)


registry.owner("interview-list", build=_all_interviews, lists=True)


def _views(detail: bool):
    def build(user: Any) -> Fixture:
        from tracker import services

        view, _ = services.save_view(user, name=f"Walk view {uuid.uuid4().hex[:8]}", search="walk")
        payload = {"name": "Walk renamed", "search": "walked"}
        return Fixture({"pk": view.pk} if detail else {}, marker=view.name, payloads={"POST": payload, "PUT": payload, "PATCH": payload})

    return build


registry.owner("saved-view-list", build=_views(False), lists=True)
registry.owner("saved-view-detail", build=_views(True))
