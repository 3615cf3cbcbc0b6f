"""Factories for pool tests. Postings go in through the dedup service, as in production."""

from __future__ import annotations

import datetime
import itertools

import factory
from faker import Faker

from jobpool.intake import PostingInput
from jobpool.models import DiscoveryMethod, PersonaJob
from personas.tests.factories import PersonaFactory

_counter = itertools.count(1)
_faker = Faker()


def _distinct_paragraph(n: int) -> str:
    """About 150 words that differ from every other n, so default postings are distinct jobs."""
    _faker.seed_instance(n)
    return " ".join(_faker.paragraphs(nb=6))

DESCRIPTION = (
    "<p>We are looking for a {title} to join the {team} team at {company}. You will design, build and run "
    "services used by millions of people every day, and work closely with product and design.</p>"
    "<ul><li>Five or more years building backend systems in Python or Go</li>"
    "<li>Experience with PostgreSQL, Redis and message queues</li>"
    "<li>Comfort owning production systems, on-call included</li></ul>"
    "<p>{extra}</p><p>We offer a competitive salary, equity, generous leave and a learning budget.</p>"
)


def posting_input(**overrides) -> PostingInput:
    """A realistic PostingInput; every call is a distinct job unless the caller pins the varying fields."""
    n = next(_counter)
    title = overrides.pop("title", "Backend Engineer")
    company = overrides.pop("company_name", "Acme Analytics")
    team = overrides.pop("team", f"platform-{n}")
    extra = overrides.pop("extra", None) or _distinct_paragraph(n)
    values = dict(
        source="greenhouse",
        external_id=f"gh-{n}",
        title=title,
        company_name=company,
        description_html=DESCRIPTION.format(title=title, team=team, company=company, extra=extra),
        location="Berlin, Germany",
        source_url=f"https://boards.greenhouse.io/acme/jobs/{n}",
        posted_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
        skills=[],
    )
    values.update(overrides)
    return PostingInput(**values)


class PersonaJobFactory(factory.django.DjangoModelFactory):
    """A link to an existing posting (pass `posting=`); the owner comes from the persona."""

    class Meta:
        model = PersonaJob

    persona = factory.SubFactory(PersonaFactory)
    owner = factory.LazyAttribute(lambda o: o.persona.owner)
    discovery_method = DiscoveryMethod.SCOUTER
