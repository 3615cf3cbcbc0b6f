"""Timeline immutability and the one-application-per-link constraint."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from tracker import services
from tracker.models import Application, ImmutableEventError, TimelineEvent
from tracker.tests.factories import make_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(user, persona):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")
    return TimelineEvent.objects.for_user(user).get(application=application)


@pytest.mark.smoke
def test_a_saved_event_refuses_to_be_saved_again(event):
    event.message = "rewritten"

    with pytest.raises(ImmutableEventError):
        event.save()


@pytest.mark.smoke
def test_an_event_refuses_delete(event, user):
    with pytest.raises(ImmutableEventError):
        event.delete()

    assert TimelineEvent.objects.for_user(user).filter(pk=event.pk).exists()


def test_bulk_update_and_delete_of_events_are_refused(event, user):
    with pytest.raises(ImmutableEventError):
        TimelineEvent.objects.for_user(user).update(message="x")
    with pytest.raises(ImmutableEventError):
        TimelineEvent.objects.for_user(user).delete()

    event.refresh_from_db()
    assert event.message == "Applied to B at A"


def test_deleting_the_application_still_removes_its_events(event, user):
    services.delete_application(event.application)

    assert not TimelineEvent.objects.for_user(user).exists()


def test_unscoped_reads_of_tracker_rows_refuse_to_run():
    from tenancy.exceptions import UnscopedQueryError

    with pytest.raises(UnscopedQueryError):
        list(Application.objects.all())


def test_the_database_refuses_a_second_application_for_the_same_link(persona):
    link = make_link(persona)
    services.start_from_job(link)

    with pytest.raises(IntegrityError):
        Application.objects.create(owner=persona.owner, persona=persona, persona_job=link, company_name="X", title="Y")
