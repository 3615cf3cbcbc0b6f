"""Factories for scouting rows, and an onboarded persona built through the persona services."""

from __future__ import annotations

import datetime
from typing import Any

import factory

from personas import services as persona_services
from personas.models import Persona
from personas.tests.factories import PersonaFactory
from scouter.models import ScoutRun, SourceHealth


def onboarded_persona(user: Any, **fields: Any) -> Persona:
    """A finished persona of a backend engineer (skills, a current role, targets), owned by `user`."""
    values = {
        "full_name": "Riley Backend",
        "email": "riley@example.com",
        "current_role": "Backend Engineer",
        "years_experience": 6,
        "target_roles": ["Staff Engineer"],
        "target_skills": ["Kubernetes"],
        "remote_preference": "no_preference",
        "stretch_appetite": "medium",
        "polling_frequency": "daily",
        "minimum_fit_threshold": 0,
    }
    values.update(fields)
    persona = persona_services.create_persona(user, **values)
    for name, years in (("Python", 6), ("Django", 5), ("PostgreSQL", 5), ("AWS", 3)):
        persona_services.add_child(persona, "skills", name=name, years_used=years, proficiency="expert")
    persona_services.add_child(persona, "skills", name="Communication", skill_type="soft", years_used=6)
    persona_services.add_child(
        persona,
        "work_history",
        company="Acme",
        title="Backend Engineer",
        start_date=datetime.date(2020, 1, 1),
        is_current=True,
    )
    return persona_services.complete_onboarding(persona)


class ScoutRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoutRun

    persona = factory.SubFactory(PersonaFactory)
    owner = factory.LazyAttribute(lambda o: o.persona.owner)
    trigger = "manual"


class SourceHealthFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceHealth
        django_get_or_create = ("source_key",)

    source_key = "remoteok"
