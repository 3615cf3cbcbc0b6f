"""Truly concurrent intake: threads on separate database connections ingest the same posting."""

import dataclasses
import threading

import pytest
from django.db import connection, connections

from jobpool.dedup import ingest
from jobpool.models import DiscoveryMethod, JobPosting, JobSighting, PersonaJob
from jobpool.tests.factories import posting_input
from personas.tests.factories import PersonaFactory

THREADS = 6

needs_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks on unique indexes need PostgreSQL")


def _race(inputs, personas, method):
    barrier = threading.Barrier(len(inputs))
    errors: list[BaseException] = []

    def work(data, persona):
        try:
            barrier.wait()
            ingest(data, persona=persona, method=method)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=pair) for pair in zip(inputs, personas, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_ingest_of_one_posting_ends_with_one_posting_and_every_persona_linked():
    personas = [PersonaFactory() for _ in range(THREADS)]
    data = posting_input()

    errors = _race([dataclasses.replace(data) for _ in personas], personas, DiscoveryMethod.SCOUTER)

    assert errors == []
    assert JobPosting.objects.count() == 1
    posting = JobPosting.objects.get()
    assert sorted(PersonaJob.unscoped.filter(posting=posting).values_list("persona_id", flat=True)) == sorted(p.pk for p in personas)


@needs_postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_manual_adds_without_external_id_are_settled_by_the_content_hash():
    personas = [PersonaFactory() for _ in range(THREADS)]
    data = posting_input(source="manual", external_id=None)

    errors = _race([dataclasses.replace(data) for _ in personas], personas, DiscoveryMethod.MANUAL)

    assert errors == []
    assert JobPosting.objects.count() == 1
    assert PersonaJob.unscoped.count() == THREADS
    assert JobSighting.objects.count() == 1  # one (posting, source, id, url) row, seen by everyone
