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


registry.owner("job-posting-list", build=_manual, methods=("POST",))
registry.owner("job-posting-ingest", build=_ingest, methods=("POST",))
registry.owner("job-posting-ingest-confirm", build=_confirm, methods=("POST",))
