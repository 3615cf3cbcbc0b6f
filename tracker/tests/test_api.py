"""The tracker API: create from a link or from scratch, status moves (422), timeline (immutable, cursor), parts."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse

from jobpool.models import LinkStatus
from tracker import services
from tracker.ics import parse
from tracker.models import Application, TimelineEvent
from tracker.tests.factories import ApplicationFactory, InterviewFactory, make_link

pytestmark = pytest.mark.django_db

# Every signed-in request: session, user, and allauth's usersessions bookkeeping
# (savepoint, its row, the user again, the update, release) = 7.
REQUEST_QUERIES = 7


def post(client, url, body, method="post"):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_create_from_a_job_link_freezes_the_snapshot_server_side(user, persona, client_for):
    link = make_link(persona, title="Data Engineer", company_name="Pool Corp")

    response = post(client_for(user), reverse("application-list"), {"persona_job": str(link.pk), "title": "Forged", "tags": ["Urgent"]})

    body = response.json()
    link.refresh_from_db()
    assert response.status_code == 201
    assert (body["title"], body["company_name"], body["persona_job"], body["tags"]) == ("Data Engineer", "Pool Corp", str(link.pk), ["urgent"])
    assert body["job_snapshot"]["title"] == "Data Engineer"
    assert link.status == LinkStatus.APPLIED


def test_create_from_another_users_link_is_not_found(user, other_persona, client_for):
    link = make_link(other_persona)

    response = post(client_for(user), reverse("application-list"), {"persona_job": str(link.pk)})

    assert response.status_code == 400
    assert response.json()["error"]["details"]["persona_job"] == ["Not found."]
    assert Application.objects.for_user(user).count() == 0


def test_create_twice_from_the_same_link_is_409(user, persona, client_for):
    link = make_link(persona)
    client = client_for(user)
    first = post(client, reverse("application-list"), {"persona_job": str(link.pk)}).json()

    response = post(client, reverse("application-list"), {"persona_job": str(link.pk)})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "ALREADY_TRACKED"
    assert response.json()["error"]["details"]["application"] == [first["id"]]


@pytest.mark.smoke
def test_create_from_scratch_needs_persona_company_and_title(user, persona, client_for):
    client = client_for(user)

    missing = post(client, reverse("application-list"), {"company_name": "Initech"})
    made = post(client, reverse("application-list"), {"persona": str(persona.pk), "company_name": "Initech", "title": "SRE"})

    assert missing.status_code == 400
    assert set(missing.json()["error"]["details"]) >= {"persona", "title"}
    assert made.status_code == 201
    assert (made.json()["company_name"], made.json()["status"], made.json()["column"]) == ("Initech", "applied", "applied")


def test_create_from_scratch_with_another_users_persona_is_not_found(user, other_persona, client_for):
    response = post(client_for(user), reverse("application-list"), {"persona": str(other_persona.pk), "company_name": "X", "title": "Y"})

    assert response.status_code == 400
    assert response.json()["error"]["details"]["persona"] == ["Not found."]


@pytest.mark.smoke
def test_patch_an_invalid_status_move_is_422_invalid_transition(user, persona, client_for):
    application = ApplicationFactory(persona=persona, status="withdrawn")

    response = post(client_for(user), reverse("application-detail", kwargs={"pk": application.pk}), {"status": "offer"}, "patch")

    application.refresh_from_db()
    error = response.json()["error"]
    assert response.status_code == 422
    assert error["code"] == "INVALID_TRANSITION"
    assert "reopen" in error["message"]
    assert application.status == "withdrawn"


def test_patch_status_and_fields_logs_both(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")

    response = post(client_for(user), reverse("application-detail", kwargs={"pk": application.pk}), {"status": "recruiter_screen", "priority": "high"}, "patch")

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["priority"], response.json()["column"]) == ("recruiter_screen", "high", "interviewing")
    kinds = list(TimelineEvent.objects.for_user(user).filter(application=application).order_by("created_at", "id").values_list("kind", flat=True))
    assert kinds == ["created", "details_updated", "status_changed"]


def test_reopen_action(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")
    services.change_status(application, "interviewing")
    services.change_status(application, "rejected")

    response = client_for(user).post(reverse("application-reopen", kwargs={"pk": application.pk}))

    assert response.status_code == 200
    assert response.json()["status"] == "interviewing"


@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_timeline_events_cannot_be_changed_or_deleted(user, persona, client_for, method):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")
    event = TimelineEvent.objects.for_user(user).get(application=application)
    url = reverse("application-timeline-detail", kwargs={"application_pk": application.pk, "pk": event.pk})

    response = post(client_for(user), url, {"message": "rewritten"}, method)

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "METHOD_NOT_ALLOWED"
    assert TimelineEvent.objects.for_user(user).get(pk=event.pk).message == event.message


def test_timeline_post_adds_a_manual_event_and_cursor_pages_newest_first(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")
    client = client_for(user)
    url = reverse("application-timeline-list", kwargs={"application_pk": application.pk})
    for n in range(4):
        post(client, url, {"message": f"Step {n}"})

    first = client.get(url, {"limit": 3}).json()
    second = client.get(first["next"]).json()

    assert [e["message"] for e in first["results"]] == ["Step 3", "Step 2", "Step 1"]
    assert [e["message"] for e in second["results"]] == ["Step 0", "Applied to B at A"]
    assert second["next"] is None
    assert first["results"][0]["kind"] == "manual"


def test_notes_crud_through_the_api(user, persona, client_for):
    application = ApplicationFactory(persona=persona)
    client = client_for(user)
    url = reverse("application-note-list", kwargs={"application_pk": application.pk})

    created = post(client, url, {"body": "First call went well"}).json()
    detail = reverse("application-note-detail", kwargs={"application_pk": application.pk, "pk": created["id"]})
    edited = post(client, detail, {"body": "First call went very well"}, "patch").json()
    deleted = client.delete(detail)

    kinds = list(TimelineEvent.objects.for_user(user).filter(application=application).order_by("created_at", "id").values_list("kind", flat=True))
    assert edited["body"] == "First call went very well"
    assert deleted.status_code == 204
    assert kinds == ["note_added", "note_edited", "note_deleted"]
    assert client.get(url).json()["results"] == []


def test_tags_put_replaces_the_set_and_suggestions_are_the_users_own_by_frequency(user, persona, other_persona, client_for):
    first, second = ApplicationFactory(persona=persona), ApplicationFactory(persona=persona)
    services.set_tags(first, ["remote", "python"])
    services.set_tags(second, ["remote"])
    services.set_tags(ApplicationFactory(persona=other_persona), ["secret-tag", "secret-tag-2"])
    client = client_for(user)

    replaced = post(client, reverse("application-tags", kwargs={"pk": second.pk}), {"tags": [" Remote ", "Go"]}, "put").json()
    suggestions = client.get(reverse("application-tag-suggestions")).json()

    assert replaced == {"tags": ["go", "remote"]}
    assert suggestions == {"tags": ["remote", "go", "python"]}


def test_interview_create_and_its_ics_has_the_right_dtstart(user, persona, client_for):
    application = ApplicationFactory(persona=persona, company_name="Umbrella", title="Platform Lead")
    client = client_for(user)
    url = reverse("application-interview-list", kwargs={"application_pk": application.pk})

    created = post(client, url, {"scheduled_at": "2026-12-01T16:30:00+01:00", "time_zone": "Europe/Berlin", "stage": "technical", "kind": "video", "meeting_url": "https://meet.example/abc"})
    ics = client.get(reverse("application-interview-ics", kwargs={"application_pk": application.pk, "pk": created.json()["id"]}))

    events = parse(ics.content.decode())
    assert created.status_code == 201
    assert ics["Content-Type"].startswith("text/calendar")
    assert len(events) == 1
    assert events[0]["DTSTART"] == "20261201T153000Z"
    assert events[0]["DTEND"] == "20261201T163000Z"
    assert events[0]["SUMMARY"] == "Interview: Umbrella – Platform Lead"
    assert "Europe/Berlin" in events[0]["DESCRIPTION"]


def test_interview_with_an_unknown_time_zone_is_400(user, persona, client_for):
    application = ApplicationFactory(persona=persona)

    response = post(client_for(user), reverse("application-interview-list", kwargs={"application_pk": application.pk}), {"scheduled_at": "2026-12-01T16:30:00Z", "time_zone": "Mars/Olympus"})

    assert response.status_code == 400
    assert "time_zone" in response.json()["error"]["details"]


def test_all_interviews_upcoming_first_then_past_newest_first(user, persona, other_persona, client_for):
    from django.utils import timezone

    now = timezone.now()
    application = ApplicationFactory(persona=persona)
    soon = InterviewFactory(application=application, scheduled_at=now + datetime.timedelta(days=1))
    later = InterviewFactory(application=application, scheduled_at=now + datetime.timedelta(days=5))
    past = InterviewFactory(application=application, scheduled_at=now - datetime.timedelta(days=2))
    older = InterviewFactory(application=application, scheduled_at=now - datetime.timedelta(days=9))
    InterviewFactory(application=ApplicationFactory(persona=other_persona))

    body = client_for(user).get(reverse("interview-list")).json()

    assert [row["id"] for row in body["results"]] == [str(i.pk) for i in (soon, later, past, older)]
    assert body["results"][0]["company_name"] == application.company_name


def test_saved_views_overwrite_on_save_and_409_on_rename_clash(user, client_for):
    client = client_for(user)
    first = post(client, reverse("saved-view-list"), {"name": "Hot", "search": "python", "filters": {"status": ["applied"]}})
    again = post(client, reverse("saved-view-list"), {"name": "Hot", "search": "go", "filters": {"tag": ["Remote"]}})
    other = post(client, reverse("saved-view-list"), {"name": "Cold"}).json()

    clash = post(client, reverse("saved-view-detail", kwargs={"pk": other["id"]}), {"name": "Hot"}, "patch")
    bad = post(client, reverse("saved-view-list"), {"name": "Bad", "filters": {"status": ["nope"]}})

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert (again.json()["search"], again.json()["filters"]) == ("go", {"tag": ["remote"]})
    assert clash.status_code == 409
    assert bad.status_code == 400


def test_list_filters_search_and_sorts(user, persona, other_persona, client_for):
    hot = services.create_from_scratch(user, persona=persona, company_name="Acme Rockets", title="Propulsion Engineer")
    services.set_tags(hot, ["dream"])
    services.change_status(hot, "interviewing")
    cold = services.create_from_scratch(user, persona=persona, company_name="Boring Co", title="Accountant")
    services.add_note(cold, body="Recruiter said they love rockets too")
    services.create_from_scratch(other_persona.owner, persona=other_persona, company_name="Acme Rockets", title="Spy")
    client = client_for(user)
    url = reverse("application-list")

    def titles(**params):
        return [row["title"] for row in client.get(url, params).json()["results"]]

    assert titles(q="rocket", sort="company") == ["Propulsion Engineer", "Accountant"]
    assert titles(status="interviewing") == ["Propulsion Engineer"]
    assert titles(tag="dream") == ["Propulsion Engineer"]
    assert titles(q="love rock") == ["Accountant"]
    assert client.get(url, {"status": "bogus"}).status_code == 400


@pytest.mark.parametrize("n", [1, 3])
def test_application_list_query_count_is_constant(user, persona, client_for, django_assert_num_queries, n):
    for _ in range(n):
        services.set_tags(ApplicationFactory(persona=persona), ["a", "b"])
    client = client_for(user)
    client.get(reverse("application-list"))  # settle session bookkeeping and create the settings row

    # settings, count, page, tags (one query for every row's tags)
    with django_assert_num_queries(REQUEST_QUERIES + 4):
        response = client.get(reverse("application-list"))

    assert len(response.json()["results"]) == n


@pytest.mark.parametrize("n", [1, 3])
def test_nested_list_query_counts_are_constant(user, persona, client_for, django_assert_num_queries, n):
    application = ApplicationFactory(persona=persona)
    for i in range(n):
        services.add_note(application, body=f"note {i}")
        InterviewFactory(application=application)
    client = client_for(user)
    client.get(reverse("saved-view-list"))

    # the application (through the scope), then count + page (notes, interviews) or the page alone (cursor timeline)
    with django_assert_num_queries(REQUEST_QUERIES + 3):
        notes = client.get(reverse("application-note-list", kwargs={"application_pk": application.pk}))
    with django_assert_num_queries(REQUEST_QUERIES + 3):
        interviews = client.get(reverse("application-interview-list", kwargs={"application_pk": application.pk}))
    with django_assert_num_queries(REQUEST_QUERIES + 2):
        timeline = client.get(reverse("application-timeline-list", kwargs={"application_pk": application.pk}))

    assert (len(notes.json()["results"]), len(interviews.json()["results"]), len(timeline.json()["results"])) == (n, n, n)


@pytest.mark.parametrize("n", [1, 3])
def test_top_level_list_query_counts_are_constant(user, persona, client_for, django_assert_num_queries, n):
    for i in range(n):
        InterviewFactory(application=ApplicationFactory(persona=persona))
        services.save_view(user, name=f"View {i}")
    client = client_for(user)
    client.get(reverse("saved-view-list"))

    with django_assert_num_queries(REQUEST_QUERIES + 2):  # count, page (applications joined)
        interviews = client.get(reverse("interview-list"))
    with django_assert_num_queries(REQUEST_QUERIES + 2):
        views = client.get(reverse("saved-view-list"))
    with django_assert_num_queries(REQUEST_QUERIES + 1):
        suggestions = client.get(reverse("application-tag-suggestions"))

    assert (len(interviews.json()["results"]), len(views.json()["results"]), suggestions.json()) == (n, n, {"tags": []})


def test_openapi_schema_lists_every_tracker_route(user, client_for):
    response = client_for(user).get(reverse("api-schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")

    paths = json.loads(response.content)["paths"]
    for path in (
        "/api/v1/applications/", "/api/v1/applications/{id}/", "/api/v1/applications/{application_pk}/timeline/",
        "/api/v1/applications/{application_pk}/interviews/", "/api/v1/applications/{application_pk}/notes/",
        "/api/v1/applications/{id}/tags/", "/api/v1/interviews/", "/api/v1/saved-views/",
    ):
        assert path in paths, path
    assert set(paths["/api/v1/applications/{application_pk}/timeline/{id}/"]) == {"get"}
