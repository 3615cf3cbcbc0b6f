"""How the job pages are classified for the isolation walk (tenancy.isolation).

A job page is reached through the caller's own link: another user's link id is a 404.
"""

from __future__ import annotations

import uuid
from typing import Any

from tenancy.isolation import Fixture, registry


def _link(user: Any, *, status: str = "discovered"):
    from jobpool import services
    from jobpool.intake import PostingInput
    from jobpool.models import PersonaJob
    from personas.tests.factories import PersonaFactory

    title = f"Walk job {uuid.uuid4().hex[:10]}"
    text = f"{title}. Build and run payment services with Python and PostgreSQL for a small, kind team. " * 3
    posting = PostingInput(source="manual", title=title, company_name="Walkers", description_text=text)
    link = services.add_manual_posting(user, persona=PersonaFactory(owner=user), posting=posting)
    if status != "discovered":
        PersonaJob.objects.for_user(user).filter(pk=link.pk).update(status=status)
    return link


def _listed(status: str):
    return lambda user: Fixture({}, marker=_link(user, status=status).posting.title)


def _on_link(**payloads: Any):
    def build(user: Any) -> Fixture:
        link = _link(user)
        return Fixture({"pk": link.pk}, marker=link.posting.title, payloads=payloads)

    return build


def _add(user: Any) -> Fixture:
    from personas.tests.factories import PersonaFactory

    persona = PersonaFactory(owner=user, full_name=f"Walk persona {uuid.uuid4().hex[:10]}")
    payload = {"persona": str(persona.pk), "title": "Walk role", "company_name": "Walkers", "description": "Build services. " * 10, "work_model": "unknown"}
    return Fixture({}, marker=persona.full_name, payloads={"POST": payload})


def _bulk(user: Any) -> Fixture:
    return Fixture({}, payloads={"POST": {"ids": [str(_link(user).pk)], "action": "dismiss"}})


registry.owner("jobpool:feed", build=_listed("discovered"), lists=True)
registry.owner("jobpool:dismissed", build=_listed("dismissed"), lists=True)
registry.owner("jobpool:job-add", build=_add, lists=True)
registry.owner("jobpool:jobs-bulk", build=_bulk, lists=True)
registry.owner("jobpool:job-detail", build=_on_link())
registry.owner("jobpool:job-favorite", build=_on_link(POST={}))
registry.owner("jobpool:job-dismiss", build=_on_link(POST={}))
registry.owner("jobpool:job-report", build=_on_link(POST={"reason": "spam", "note": "walk"}))
registry.owner("jobpool:job-expire", build=_on_link(POST={}))


def _paste_confirm(user: Any) -> Fixture:
    from jobpool import services
    from personas.tests.factories import PersonaFactory

    title = f"Walk pasted {uuid.uuid4().hex[:10]}"
    token = services.preview_paste(user, persona=PersonaFactory(owner=user), text=f"{title}\nat Walkers · Lisbon\n\nBuild services. " * 2)
    payload = {"title": title, "company_name": "Walkers", "work_model": "unknown", "salary_period": "", "skills": ""}
    return Fixture({"token": token.pk}, marker=title, payloads={"POST": payload})


def _paste(user: Any) -> Fixture:
    fixture = _add(user)
    payload = {"persona": fixture.payloads["POST"]["persona"], "text": "Walk role\nat Walkers\n\nBuild services. " * 3}
    return Fixture({}, marker=fixture.marker, payloads={"POST": payload})


registry.owner("jobpool:job-paste", build=_paste, lists=True)
registry.owner("jobpool:job-paste-confirm", build=_paste_confirm)
