"""jobpool.bulk.build: the cheap instance constructor the intake uses must give what Model(**kwargs) gives."""

import uuid

import pytest
from django.utils import timezone

from jobpool import bulk
from jobpool.models import JobPosting, PersonaJob


@pytest.mark.smoke
def test_build_fills_defaults_like_the_model_constructor():
    now = timezone.now()
    values = dict(id=uuid.uuid4(), source_id=1, title="t", title_canonical="t", company_name="c", company_canonical="c",
                  description="d", description_text="d", content_hash="h", first_seen_at=now, last_verified_at=now)

    built, plain = bulk.build(JobPosting, **values), JobPosting(**values)

    for field in JobPosting._meta.concrete_fields:
        assert getattr(built, field.attname) == getattr(plain, field.attname), field.name
    assert built._state.adding is True


def test_build_gives_each_instance_its_own_mutable_defaults():
    first = bulk.build(PersonaJob, persona_id=1, owner_id=1, posting_id=uuid.uuid4(), discovery_method="scouter")
    second = bulk.build(PersonaJob, persona_id=1, owner_id=1, posting_id=uuid.uuid4(), discovery_method="scouter")

    first.score_details["x"] = 1
    assert second.score_details == {} and first.pk != second.pk


def test_build_refuses_an_unknown_field():
    with pytest.raises(TypeError, match="source"):
        bulk.build(JobPosting, source=object())
