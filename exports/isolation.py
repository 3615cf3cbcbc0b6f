"""How the import and export pages are classified for the isolation walk (tenancy.isolation)."""

from __future__ import annotations

import io
import uuid
from typing import Any

from exports import services
from personas import services as personas
from tenancy.isolation import Fixture, registry
from tracker import services as tracker


def _marker(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:10]}"


class _CsvUpload(io.BytesIO):
    """An upload the walk can send several times (the test client reads it without rewinding)."""

    name = "walk.csv"

    def read(self, *args: Any) -> bytes:
        self.seek(0)
        return super().read(*args)


def _persona_listed(user: Any) -> Fixture:
    return Fixture({}, marker=personas.create_persona(user, full_name=_marker("Walk persona")).full_name)


def _application_listed(user: Any) -> Fixture:
    persona = personas.create_persona(user, full_name="Walk Persona")
    company = _marker("Walk Co")
    tracker.create_from_scratch(user, persona=persona, company_name=company, title="Walk Engineer")
    return Fixture({}, marker=company)


def _upload(user: Any) -> Fixture:
    persona = personas.create_persona(user, full_name="Walk Persona")
    body = _CsvUpload(b"Company,Position\nWalk Upload Co,Engineer\n")
    return Fixture({}, payloads={"POST": {"persona": str(persona.pk), "file": body, "day_first": "0"}})


def _preview(user: Any) -> Fixture:
    persona = personas.create_persona(user, full_name="Walk Persona")
    company = _marker("Walk Import Co")
    preview = services.create_import_preview(
        user, persona=persona, data=f"Company,Position\n{company},Engineer\n".encode(), filename="walk.csv"
    )
    return Fixture({"pk": preview.pk}, marker=company, payloads={"POST": {"skip_invalid": "on"}})


registry.owner("exports:index", build=_persona_listed, lists=True)
for name in ("exports:applications-csv", "exports:applications-json", "exports:all-json"):
    registry.owner(name, build=_application_listed, lists=True)
registry.owner("exports:import-upload", build=_upload, lists=True, methods=("POST",))
registry.owner("exports:import-preview", build=_preview)
registry.owner("exports:import-commit", build=_preview, methods=("POST",))
