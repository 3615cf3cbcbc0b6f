"""Sharding a stream for concurrent writers keeps every company (hence every same-content or near-duplicate match) in one shard."""

import dataclasses

import pytest

from jobpool.dedup import shard_by_company
from jobpool.intake import prepare
from jobpool.tests.factories import posting_input
from jobpool.tests.test_dedup import agency_copy


@pytest.mark.smoke
def test_shards_keep_each_company_together_and_in_stream_order():
    stream = []
    for n in range(12):
        base = posting_input(external_id=f"id-{n}", company_name=f"Company {n % 5}, Inc.")
        stream += [prepare(base), prepare(agency_copy(base, external_id=f"copy-{n}")),
                   prepare(dataclasses.replace(base, company_name=f"company {n % 5}"))]

    shards = shard_by_company(stream, 2)

    assert sorted(map(id, (p for shard in shards for p in shard))) == sorted(map(id, stream))
    home = {}
    for index, shard in enumerate(shards):
        for prepared in shard:
            assert home.setdefault(prepared.company_canonical, index) == index
        positions = [stream.index(p) for p in shard]
        assert positions == sorted(positions)
    assert len(home) == 5
