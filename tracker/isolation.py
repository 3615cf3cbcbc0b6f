"""How the tracker's pages are classified for the isolation walk (tenancy.isolation).

Every page is owner-scoped. Routes with an application (and a part) in the URL
build them for the given user, with a marker the owner's page shows and an
outsider's must not; routes without an object are "self" routes (lists).
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.utils import timezone

from tenancy.isolation import Fixture, registry


def _marker(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:10]}"


def _application(user: Any, **fields: Any):
    from personas.tests.factories import PersonaFactory
    from tracker import services

    persona = PersonaFactory(owner=user, full_name=_marker("Walk persona"))
    return services.create_from_scratch(user, persona=persona, company_name="Walk Co", title=_marker("Walk role"), **fields)


# ------------------------------------------------------------------ no object in the URL
def _listed(user: Any) -> Fixture:
    return Fixture({}, marker=_application(user).title)


registry.owner("tracker:board", build=_listed, lists=True)
registry.owner("tracker:list", build=_listed, lists=True)


def _new_form(user: Any) -> Fixture:
    from personas.tests.factories import PersonaFactory

    persona = PersonaFactory(owner=user, full_name=_marker("Walk persona"))
    payload = {"persona": str(persona.pk), "company_name": "Walk Co", "title": "Walker", "priority": "normal"}
    # The form lists the user's personas: an outsider's form must not.
    return Fixture({}, marker=persona.full_name, payloads={"POST": payload}, owner_sees_marker=True)


registry.owner("tracker:application-new", build=_new_form, lists=True)


def _start(user: Any) -> Fixture:
    from personas.tests.factories import PersonaFactory
    from tracker.tests.factories import make_link

    link = make_link(PersonaFactory(owner=user))
    # The link id travels in the body: an outsider posting it gets a 404 (resolved through their scope).
    return Fixture({}, payloads={"POST": {"persona_job": str(link.pk)}})


registry.owner("tracker:application-start", build=_start, methods=("POST",))


def _save_view(user: Any) -> Fixture:
    return Fixture({}, payloads={"POST": {"name": "Walk view", "layout": "list", "query": "q=walk"}})


registry.owner("tracker:view-save", build=_save_view, lists=True, methods=("POST",))


# ------------------------------------------------------------------ a saved view in the URL
def _view(user: Any) -> Fixture:
    from tracker import services

    view, _ = services.save_view(user, name=_marker("Walk view"), search="walk")
    return Fixture({"pk": view.pk}, marker=view.name)


registry.owner("tracker:view-apply", build=lambda u: Fixture(_view(u).kwargs), methods=("GET",))
registry.owner("tracker:view-default", build=lambda u: Fixture(_view(u).kwargs), methods=("POST",))
registry.owner("tracker:view-delete", build=lambda u: Fixture(_view(u).kwargs), methods=("POST",))


# ------------------------------------------------------------------ an application in the URL
def _app_fixture(*, shows: bool = True, payload: dict | None = None, **fields: Any):
    def build(user: Any) -> Fixture:
        application = _application(user, **fields)
        return Fixture(
            {"pk": application.pk},
            marker=application.title if shows else None,
            payloads={"POST": payload} if payload else {},
        )

    return build


registry.owner("tracker:detail", build=_app_fixture(), methods=("GET",))
registry.owner("tracker:timeline", build=_app_fixture(), methods=("GET",))
registry.owner(
    "tracker:edit",
    build=_app_fixture(payload={"company_name": "Walk Co", "title": "Renamed", "applied_on": "2026-01-05", "priority": "high"}),
    methods=("GET", "POST"),
)
registry.owner("tracker:move", build=_app_fixture(shows=False, payload={"status": "interviewing"}), methods=("POST",))
registry.owner("tracker:reopen", build=_app_fixture(shows=False), methods=("POST",))
registry.owner("tracker:next-action", build=_app_fixture(shows=False, payload={"quick": "follow_up_3d"}), methods=("POST",))
registry.owner("tracker:delete", build=_app_fixture(), methods=("GET", "POST"))
registry.owner("tracker:tags", build=_app_fixture(shows=False, payload={"add": "walked"}), methods=("POST",))
registry.owner("tracker:note-add", build=_app_fixture(shows=False, payload={"body": "A walk note"}), methods=("POST",))
registry.owner("tracker:event-add", build=_app_fixture(shows=False, payload={"message": "Walked in"}), methods=("POST",))
registry.owner("tracker:interview-new", build=_app_fixture(payload={
    "scheduled_at": "2026-12-01T10:00", "time_zone": "Europe/Berlin", "duration_minutes": "45", "stage": "technical",
    "kind": "video", "status": "scheduled",
}), methods=("GET", "POST"))


# ------------------------------------------------------------------ a note or an interview in the URL
def _note_fixture(user: Any) -> Fixture:
    from tracker import services

    application = _application(user)
    note = services.add_note(application, body=_marker("Walk note"))
    return Fixture({"pk": application.pk, "note_pk": note.pk}, marker=note.body, payloads={"POST": {f"note-{note.pk}-body": "Edited"}})


registry.owner("tracker:note-edit", build=_note_fixture, methods=("GET", "POST"))
registry.owner("tracker:note-delete", build=_note_fixture, methods=("POST",))


def _interview_fixture(user: Any) -> Fixture:
    from tracker import services

    application = _application(user)
    interview = services.schedule_interview(
        application, scheduled_at=timezone.now() + datetime.timedelta(days=3), time_zone="Europe/Berlin",
        interviewer=_marker("Walk interviewer"),
    )
    payload = {
        "scheduled_at": "2026-12-01T10:00", "time_zone": "Europe/Berlin", "duration_minutes": "45", "stage": "technical",
        "kind": "video", "status": "scheduled", "interviewer": "Edited",
    }
    return Fixture({"pk": application.pk, "interview_pk": interview.pk}, marker=interview.interviewer, payloads={"POST": payload})


registry.owner("tracker:interview-edit", build=_interview_fixture, methods=("GET", "POST"))
registry.owner("tracker:interview-cancel", build=_interview_fixture, methods=("POST",))
registry.owner("tracker:interview-ics", build=_interview_fixture, methods=("GET",))
