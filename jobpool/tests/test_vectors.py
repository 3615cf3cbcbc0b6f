"""The embedding store: batched, cached by text hash, read back as matrices, nearest postings on both databases."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection

from jobpool.embeddings import cache_key
from jobpool.matching import vectors
from jobpool.models import JobPosting, JobVector, PersonaVector
from jobpool.tests.matching_factories import onboarded_persona, pooled_postings

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_embed_postings_stores_one_title_vector_per_posting_and_skips_unchanged_titles():
    postings = pooled_postings(2)
    ids = [p.pk for p in postings]

    first = vectors.embed_postings(ids)
    second = vectors.embed_postings(ids)

    rows = list(JobVector.objects.filter(posting_id__in=ids))
    model_id = vectors.provider().model_id
    assert (first, second) == (2, 0)
    assert {r.text_key for r in rows} == {cache_key(model_id, "Backend Engineer")}
    assert all(r.vector.shape == (384,) and abs(float(np.linalg.norm(r.vector)) - 1) < 1e-4 for r in rows)


def test_embed_postings_re_embeds_a_changed_title():
    [posting] = pooled_postings(1)
    vectors.embed_postings([posting.pk])

    JobPosting.objects.filter(pk=posting.pk).update(title="Pastry Chef")
    written = vectors.embed_postings([posting.pk])

    stored = vectors.job_vectors([posting.pk])[posting.pk]["title"]
    assert written == 1
    assert JobVector.objects.get(posting=posting).text_key == cache_key(vectors.provider().model_id, "Pastry Chef")
    assert float(stored @ vectors.provider().embed(["Pastry Chef"])[0]) > 0.999


def test_embed_personas_copies_the_owner_and_drops_a_vector_whose_text_is_gone():
    persona = onboarded_persona(current_role="Scrum Master", target_roles=["Agile Coach"])

    vectors.embed_personas([persona.pk])
    persona.target_roles = []
    persona.save(update_fields=["target_roles"])
    vectors.embed_personas([persona.pk])

    rows = list(PersonaVector.objects.for_user(persona.owner).filter(persona=persona))
    assert [(r.kind, r.owner_id) for r in rows] == [("title", persona.owner_id)]


def test_stack_aligns_rows_and_marks_missing_vectors():
    postings = pooled_postings(2)
    vectors.embed_postings([postings[0].pk])
    ids = [p.pk for p in postings]

    matrix, present = vectors.stack(ids, vectors.job_vectors(ids), "title")

    assert matrix.shape == (2, 384)
    assert present.tolist() == [True, False]
    assert not matrix[1].any()


@pytest.mark.smoke
def test_nearest_postings_ranks_titles_by_meaning():
    agile, chef = pooled_postings(1, title="Agile Coach") + pooled_postings(1, title="Pastry Chef")
    vectors.embed_postings([agile.pk, chef.pk])
    query = vectors.provider().embed(["Scrum Master"])[0]

    found = vectors.nearest_postings(query, 2)

    assert [pk for pk, _ in found] == [agile.pk, chef.pk]
    assert found[0][1] > found[1][1]


def test_nearest_postings_leaves_out_postings_that_are_not_surfaceable():
    [active, closed] = pooled_postings(2)
    vectors.embed_postings([active.pk, closed.pk])
    JobPosting.objects.filter(pk=closed.pk).update(is_active=False)

    found = vectors.nearest_postings(vectors.provider().embed(["Backend Engineer"])[0], 5)

    assert [pk for pk, _ in found] == [active.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the HNSW index exists on PostgreSQL only")
def test_job_vectors_have_an_hnsw_index_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'jobpool_jobvector_hnsw'")
        [(definition,)] = cursor.fetchall()

    assert "USING hnsw" in definition and "vector_cosine_ops" in definition
