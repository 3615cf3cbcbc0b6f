import pytest
from django.test import RequestFactory

from zentropy.core.ratelimits import RateLimited, limit

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
@pytest.mark.parametrize("method", ["get", "post"])
def test_limit_counts_every_method_by_default_and_reports_the_wait(method):
    request = getattr(RequestFactory(), method)("/anything", REMOTE_ADDR="10.0.0.9")

    limit(request, group="t", key="ip", rate="2/m")
    limit(request, group="t", key="ip", rate="2/m")
    with pytest.raises(RateLimited) as raised:
        limit(request, group="t", key="ip", rate="2/m")

    assert 1 <= raised.value.retry_after <= 60


def test_limit_keys_are_separate_per_literal_value():
    request = RequestFactory().post("/anything")

    limit(request, group="t", key="value:a@example.com", rate="1/h")
    limit(request, group="t", key="value:b@example.com", rate="1/h")
    with pytest.raises(RateLimited):
        limit(request, group="t", key="value:a@example.com", rate="1/h")
