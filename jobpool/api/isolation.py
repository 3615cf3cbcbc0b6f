"""How the job-postings API routes are classified for the isolation walk (tenancy.isolation).

Each route takes the caller's persona (or ingest token) in the body: an
outsider sending the owner's id gets a 404 and nothing is written.
"""

from __future__ import annotations

import uuid
from typing import Any

from tenancy.isolation import Fixture, registry


def _persona(user: Any):
    from personas.tests.factories import PersonaFactory

    return PersonaFactory(owner=user)


def _text(title: str) -> str:
    return (
        f"{title}\nat Walkers Ltd · Lisbon\n\nWe are hiring an engineer to build and run our payment services. "
        "You will work with Python and PostgreSQL. Salary: €60,000 - €75,000 per year."
    )


def _manual(user: Any) -> Fixture:
    title = f"Walk engineer {uuid.uuid4().hex[:10]}"
    payload = {"persona": str(_persona(user).pk), "title": title, "company_name": "Walkers", "description": _text(title)}
    return Fixture({}, marker=title, payloads={"POST": payload})


def _ingest(user: Any) -> Fixture:
    title = f"Walk analyst {uuid.uuid4().hex[:10]}"
    return Fixture({}, marker=title, payloads={"POST": {"persona": str(_persona(user).pk), "raw_text": _text(title)}})


def _confirm(user: Any) -> Fixture:
    from jobpool import services

    title = f"Walk designer {uuid.uuid4().hex[:10]}"
    token = services.preview_paste(user, persona=_persona(user), text=_text(title))
    return Fixture({}, marker=title, payloads={"POST": {"token": str(token.pk)}})


def _linked(user: Any):
    """A pooled posting linked to a persona of `user`; returns the link."""
    from jobpool import services

    title = f"Walk engineer {uuid.uuid4().hex[:10]}"
    from jobpool.intake import PostingInput

    posting = PostingInput(source="manual", title=title, company_name="Walkers", description_text=_text(title))
    return services.add_manual_posting(user, persona=_persona(user), posting=posting)


def _listed(user: Any) -> Fixture:
    manual = _manual(user)
    link = _linked(user)
    return Fixture({}, marker=link.posting.title, payloads=manual.payloads, owner_sees_marker=True)


def _detail(user: Any) -> Fixture:
    link = _linked(user)
    return Fixture({"pk": link.pk}, marker=link.posting.title, payloads={"PATCH": {"is_favorite": True}})


def _report(user: Any) -> Fixture:
    link = _linked(user)
    note = f"walk note {uuid.uuid4().hex[:10]}"
    return Fixture({"pk": link.pk}, marker=note, payloads={"POST": {"reason": "spam", "note": note}})


def _bulk(user: Any) -> Fixture:
    # The answer echoes the ids it was sent (as not found, for an outsider), so no marker; nothing may change.
    return Fixture({}, payloads={"POST": {"ids": [str(_linked(user).pk)]}})


registry.owner("job-posting-list", build=_listed, lists=True)
registry.owner("job-posting-detail", build=_detail)
registry.owner("job-posting-report", build=_report)
registry.owner("job-posting-bulk-dismiss", build=_bulk, lists=True)
registry.owner("job-posting-bulk-favorite", build=_bulk, lists=True)
registry.owner("job-posting-ingest", build=_ingest, methods=("POST",))
registry.owner("job-posting-ingest-confirm", build=_confirm, methods=("POST",))
