"""The band table has no foreign key and no index by posting (docs/decisions/041): rows must still follow their posting."""

import dataclasses
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jobpool import lsh
from jobpool.dedup import find_match, ingest
from jobpool.intake import prepare
from jobpool.models import JobPosting, MinHashBand
from jobpool.tests.factories import posting_input
from jobpool.tests.test_dedup import agency_copy
from jobpool.tests.test_dedup_pool_command import _slipped_in_duplicate
from personas.tests.factories import PersonaFactory


def _keys(posting) -> set[int]:
    return set(MinHashBand.objects.filter(posting_id=posting.pk).values_list("key", flat=True))


@pytest.mark.django_db
@pytest.mark.smoke
def test_band_keys_recomputed_from_the_stored_text_are_the_ones_stored():
    posting = ingest(posting_input()).posting
    posting.refresh_from_db()

    assert _keys(posting) == set(lsh.stored_keys(posting.description_text, posting.company_canonical))


@pytest.mark.django_db
def test_delete_bands_removes_only_that_postings_rows():
    first = ingest(posting_input()).posting
    second = ingest(posting_input(external_id="other", title="Data Engineer", description_html="<p>Other work entirely.</p>")).posting

    assert lsh.delete_bands([first.pk]) == 20

    assert _keys(first) == set() and len(_keys(second)) == 20


@pytest.mark.django_db
def test_dedup_pool_merge_leaves_no_band_rows_of_the_deleted_duplicate():
    keep, dup = _slipped_in_duplicate(PersonaFactory(), PersonaFactory())
    assert len(_keys(dup)) == 20

    call_command("dedup_pool", "--no-progress", stdout=io.StringIO())

    assert not JobPosting.objects.filter(pk=dup.pk).exists()
    assert MinHashBand.objects.filter(posting_id=dup.pk).count() == 0
    assert len(_keys(keep)) == 20


@pytest.mark.django_db
def test_a_posting_deleted_elsewhere_leaves_rows_that_match_nothing_and_dedup_pool_sweeps_them():
    data = posting_input()
    gone = ingest(data).posting
    JobPosting.objects.filter(pk=gone.pk).delete()  # e.g. an operator in the admin: no foreign key stops or cascades it
    assert MinHashBand.objects.filter(posting_id=gone.pk).count() == 20

    match = find_match(prepare(agency_copy(data)))  # its band keys still point at the deleted posting
    assert (match.decision, match.posting) == ("created", None)

    out = io.StringIO()
    call_command("dedup_pool", "--no-progress", stdout=out)
    assert out.getvalue().strip().endswith("; orphan band rows removed 20")
    assert MinHashBand.objects.count() == 0


@pytest.mark.django_db
def test_a_new_text_rekeys_without_leaving_the_old_keys():
    data = posting_input()
    posting = ingest(data).posting
    before = _keys(posting)

    ingest(dataclasses.replace(data, description_html="<p>A rewritten description about stream processing at scale.</p>"))

    posting.refresh_from_db()
    after = _keys(posting)
    assert after == set(lsh.stored_keys(posting.description_text, posting.company_canonical))
    assert len(after) == 20 and after != before  # the old keys went, not only new ones came


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # leaves the seeded rows as other tests expect
def test_migration_0005_copies_band_rows_both_ways():
    executor = MigrationExecutor(connection)
    old, new = [("jobpool", "0004_matching")], [("jobpool", "0005_dedup_storage")]
    try:
        executor.migrate(old)
        apps = executor.loader.project_state(old).apps
        source = apps.get_model("jobpool", "JobSource").objects.get(key="greenhouse")
        posting = apps.get_model("jobpool", "JobPosting").objects.create(
            source=source, title="t", title_canonical="t", company_name="c", company_canonical="c", description="d",
            description_text="d", content_hash="h",
        )
        apps.get_model("jobpool", "MinHashBand").objects.bulk_create(
            [apps.get_model("jobpool", "MinHashBand")(key=key, posting=posting) for key in (1, 2, 3)]
        )

        executor = MigrationExecutor(connection)
        executor.migrate(new)
        assert set(MinHashBand.objects.filter(posting_id=posting.pk).values_list("key", flat=True)) == {1, 2, 3}

        executor = MigrationExecutor(connection)
        executor.migrate(old)
        apps = executor.loader.project_state(old).apps
        assert sorted(apps.get_model("jobpool", "MinHashBand").objects.values_list("key", flat=True)) == [1, 2, 3]
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_find_match_prepares_its_statement_once_per_connection_and_survives_a_rollback():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are the PostgreSQL path")
    from django.db import transaction

    data = posting_input()
    posting = ingest(data).posting
    first = find_match(prepare(dataclasses.replace(data)))
    try:
        with transaction.atomic():
            find_match(prepare(agency_copy(data)))
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    again = find_match(prepare(agency_copy(data)))

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name = %s", [lsh._IDENTIFY_STATEMENT])
        assert cursor.fetchone()[0] == 1
    assert (first.decision, first.posting) == ("same_source_id", posting)
    assert (again.decision, again.posting) == ("cross_post", posting)


@pytest.mark.django_db
@pytest.mark.smoke
def test_seeing_a_posting_again_moves_last_seen_at_on_its_one_sighting_even_twice_in_one_transaction():
    from django.db import transaction

    from jobpool.dedup import ingest_many
    from jobpool.models import JobSighting

    data = posting_input()
    ingest(data)
    first = JobSighting.objects.get()

    with transaction.atomic():  # two batches in one transaction: the upsert's staging rows must not linger
        ingest_many([dataclasses.replace(data)])
        ingest_many([dataclasses.replace(data), agency_copy(data)])

    again = JobSighting.objects.get(pk=first.pk)
    assert JobSighting.objects.filter(posting_id=first.posting_id, external_id=data.external_id).count() == 1
    assert again.last_seen_at > first.last_seen_at and again.seen_at == first.seen_at
    assert set(JobSighting.objects.values_list("decision", flat=True)) == {"created", "cross_post"}
