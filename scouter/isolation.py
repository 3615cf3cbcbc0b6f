"""How the scouting pages are classified for the isolation walk (tenancy.isolation).

Every route with a persona or a run in the URL is owner-scoped: the fixture
builds a finished persona (and its scouting rows) for the given user, marked
by the persona's name, which the owner's page shows and an outsider's must
not. The source status page is about the job boards (shared), so it is a
signed-in "self" route that shows nobody's data.
"""

from __future__ import annotations

import uuid
from typing import Any

from personas import services as persona_services
from scouter import services
from scouter.models import ScoutRun
from tenancy.isolation import Fixture, registry


def _persona(user: Any):
    persona = persona_services.create_persona(
        user, full_name=f"Scout walk {uuid.uuid4().hex[:10]}", current_role="Data Engineer", target_roles=["Data Architect"]
    )
    persona_services.complete_onboarding(persona)
    services.ensure_persona_scouting(persona)
    return persona


def _searches_payload() -> dict[str, str]:
    data = {}
    for prefix in ("fit", "stretch"):
        data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-0-titles": "Data Engineer"})
    return data


def _persona_fixture(*, shows_persona: bool = True, **payloads: Any):
    def build(user: Any) -> Fixture:
        persona = _persona(user)
        return Fixture({"persona_pk": persona.pk}, marker=persona.full_name if shows_persona else None, payloads=payloads)

    return build


registry.owner("scouter:search-profile", build=_persona_fixture(POST=_searches_payload()))
registry.owner("scouter:search-profile-approve", build=_persona_fixture())
registry.owner("scouter:search-profile-regenerate", build=_persona_fixture())
registry.owner("scouter:source-preferences", build=_persona_fixture(POST={"enabled": ["replay"]}))
registry.owner("scouter:scout-now", build=_persona_fixture())


def _run_fixture(user: Any) -> Fixture:
    persona = _persona(user)
    run = ScoutRun.objects.for_user(user).create(owner=user, persona=persona, trigger="manual", status="done")
    return Fixture({"pk": run.pk}, marker=persona.full_name)


registry.owner("scouter:run-detail", build=_run_fixture)
registry.owner_self("scouter:source-status")
