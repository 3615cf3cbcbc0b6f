"""Factories for tracker tests. Each row copies its owner from its parent, as the services do.

These make rows directly (no timeline events); tests of behaviour go through tracker.services.
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from jobpool.models import JobPosting
from jobpool.tests.factories import PersonaJobFactory, posting_input
from personas.tests.factories import PersonaFactory
from tracker.models import Application, ApplicationTag, Interview, Note, SavedView


def make_link(persona, **posting_overrides):
    """A real pooled posting (through the dedup service) and the persona's link to it."""
    from jobpool.dedup import ingest

    result = ingest(posting_input(**posting_overrides), persona=persona)
    return result.link


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    persona = factory.SubFactory(PersonaFactory)
    owner = factory.LazyAttribute(lambda o: o.persona.owner)
    company_name = factory.Faker("company")
    title = factory.Sequence(lambda n: f"Backend Engineer {n}")
    location = "Berlin, Germany"
    job_url = factory.Sequence(lambda n: f"https://jobs.example.com/{n}")
    search_text = factory.LazyAttribute(lambda o: f"{o.company_name}\n{o.title}\n{o.location}")


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.LazyAttribute(lambda o: o.application.owner)
    body = factory.Sequence(lambda n: f"Talked to the recruiter, round {n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationTag

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.LazyAttribute(lambda o: o.application.owner)
    name = factory.Sequence(lambda n: f"tag-{n}")


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    application = factory.SubFactory(ApplicationFactory)
    owner = factory.LazyAttribute(lambda o: o.application.owner)
    scheduled_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    time_zone = "Europe/Berlin"
    interviewer = "Dana Recruiter"


class SavedViewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedView

    name = factory.Sequence(lambda n: f"View {n}")


__all__ = [
    "ApplicationFactory",
    "InterviewFactory",
    "JobPosting",
    "NoteFactory",
    "PersonaFactory",
    "PersonaJobFactory",
    "SavedViewFactory",
    "TagFactory",
    "make_link",
]
