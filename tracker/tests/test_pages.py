"""Tracker pages: board, list, application page, moves (drop, keyboard form), quick actions, saved views."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tracker import services
from tracker.ics import parse
from tracker.models import Application, SavedView, TimelineEvent
from tracker.tests.factories import ApplicationFactory, make_link

pytestmark = pytest.mark.django_db

REQUEST_QUERIES = 7  # session, user, allauth usersessions bookkeeping (see test_api)
HTMX = {"HTTP_HX_REQUEST": "true"}


def make_board(persona, per_column: int) -> None:
    for status in ("applied", "interviewing", "offer", "rejected"):
        for _ in range(per_column):
            application = ApplicationFactory(persona=persona, status=status)
            services.set_tags(application, ["remote", "python"])


@pytest.mark.parametrize("per_column", [1, 3])
def test_board_query_count_is_constant(user, persona, client_for, django_assert_num_queries, per_column):
    make_board(persona, per_column)
    client = client_for(user)
    client.get(reverse("tracker:board"))  # settle session bookkeeping and create the settings row

    # settings, saved views, tag suggestions, applications, their tags
    with django_assert_num_queries(REQUEST_QUERIES + 5):
        response = client.get(reverse("tracker:board"))

    body = response.content.decode()
    assert body.count('data-card data-id="') == 4 * per_column
    assert body.count('<li class="badge">remote</li>') == 4 * per_column


@pytest.mark.smoke
def test_board_puts_cards_in_their_status_group_columns(user, persona, client_for):
    for status in ("applied", "recruiter_screen", "onsite", "offer", "withdrawn"):
        ApplicationFactory(persona=persona, status=status, title=f"Job {status}")

    response = client_for(user).get(reverse("tracker:board"))

    columns = response.context["columns"]
    assert [(c.key, sorted(a.title for a in c.cards)) for c in columns] == [
        ("applied", ["Job applied"]),
        ("interviewing", ["Job onsite", "Job recruiter_screen"]),
        ("offer", ["Job offer"]),
        ("closed", ["Job withdrawn"]),
    ]


def test_board_shows_only_the_users_applications(user, persona, other_persona, client_for):
    ApplicationFactory(persona=persona, title="Mine")
    ApplicationFactory(persona=other_persona, title="Theirs")

    body = client_for(user).get(reverse("tracker:board")).content.decode()

    assert "Mine" in body and "Theirs" not in body


def test_board_htmx_request_gets_the_board_fragment(user, persona, client_for):
    ApplicationFactory(persona=persona, title="Fragment job")

    response = client_for(user).get(reverse("tracker:board"), {"q": "fragment"}, **HTMX)

    body = response.content.decode()
    assert body.lstrip().startswith('<section id="board"')
    assert "Fragment job" in body and "<html" not in body


def test_follow_up_badge_when_next_action_due_or_quiet_for_the_threshold(user, persona, client_for):
    now = timezone.now()
    due = ApplicationFactory(persona=persona, next_action_title="Call", next_action_at=now - datetime.timedelta(hours=1))
    quiet = ApplicationFactory(persona=persona, last_activity_at=now - datetime.timedelta(days=8))
    fresh = ApplicationFactory(persona=persona, last_activity_at=now - datetime.timedelta(days=2))
    closed = ApplicationFactory(persona=persona, status="rejected", last_activity_at=now - datetime.timedelta(days=30))

    response = client_for(user).get(reverse("tracker:board"))

    flags = {a.pk: a.needs_follow_up for c in response.context["columns"] for a in c.cards}
    assert flags == {due.pk: True, quiet.pk: True, fresh.pk: False, closed.pk: False}


def test_follow_up_threshold_comes_from_the_users_setting(user, persona, client_for):
    prefs = services.settings_for(user)
    prefs.follow_up_days = 3
    prefs.save()
    application = ApplicationFactory(persona=persona, last_activity_at=timezone.now() - datetime.timedelta(days=4))

    response = client_for(user).get(reverse("tracker:list"), {"follow_up": "1"})

    assert [a.pk for a in response.context["applications"]] == [application.pk]


def test_hide_inactive_setting_filters_server_side_and_can_be_overridden(user, persona, client_for):
    prefs = services.settings_for(user)
    prefs.hide_inactive_after_days = 30
    prefs.save()
    ApplicationFactory(persona=persona, title="Stale", last_activity_at=timezone.now() - datetime.timedelta(days=40))
    ApplicationFactory(persona=persona, title="Live")
    client = client_for(user)

    hidden = [a.title for a in client.get(reverse("tracker:list")).context["applications"]]
    shown = sorted(a.title for a in client.get(reverse("tracker:list"), {"include_inactive": "1"}).context["applications"])

    assert (hidden, shown) == (["Live"], ["Live", "Stale"])


def test_drop_on_a_column_moves_through_the_state_machine_and_answers_json(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="Drop Co", title="Dropper")

    response = client_for(user).post(reverse("tracker:move", kwargs={"pk": application.pk}), {"column": "interviewing"}, HTTP_ACCEPT="application/json")

    application.refresh_from_db()
    body = response.json()
    assert (response.status_code, body["ok"], body["column"], application.status) == (200, True, "interviewing", "interviewing")
    assert f'id="app-{application.pk}"' in body["card"]


def test_a_refused_drop_is_422_with_a_message_and_changes_nothing(user, persona, client_for):
    application = ApplicationFactory(persona=persona, status="rejected")

    response = client_for(user).post(reverse("tracker:move", kwargs={"pk": application.pk}), {"column": "offer"}, HTTP_ACCEPT="application/json")

    application.refresh_from_db()
    assert response.status_code == 422
    assert response.json() == {"ok": False, "message": "Rejected is a closed status: reopen the application before moving it to Offer.", "status": "rejected"}
    assert application.status == "rejected"


def test_move_form_without_javascript_redirects_back_with_a_message(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")
    board = reverse("tracker:board")

    response = client_for(user).post(reverse("tracker:move", kwargs={"pk": application.pk}), {"column": "offer", "next": board}, follow=True)

    application.refresh_from_db()
    assert response.redirect_chain[-1][0] == board
    assert application.status == "offer"
    assert "Moved to Offer." in response.content.decode()


def test_quick_action_from_the_board_returns_the_card(user, persona, client_for):
    application = ApplicationFactory(persona=persona)

    response = client_for(user).post(
        reverse("tracker:next-action", kwargs={"pk": application.pk}), {"quick": "remind_tomorrow", "from": "board"}, **HTMX
    )

    application.refresh_from_db()
    body = response.content.decode()
    assert body.lstrip().startswith(f'<li class="tcard" id="app-{application.pk}"')
    assert "→ Reminder" in body
    assert application.next_action_title == "Reminder"


def test_application_page_shows_timeline_interviews_notes_and_tags(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="Show Co", title="Shower")
    services.add_note(application, body="Bring the portfolio")
    services.set_tags(application, ["design"])
    services.schedule_interview(application, scheduled_at=timezone.now() + datetime.timedelta(days=1), time_zone="America/New_York", interviewer="Pat")

    body = client_for(user).get(reverse("tracker:detail", kwargs={"pk": application.pk})).content.decode()

    for text in ("Shower", "Bring the portfolio", "design", "With Pat", "America/New_York", "Applied to Shower at Show Co", "Add to calendar (.ics)"):
        assert text in body, text


def test_htmx_note_add_returns_the_page_body_with_the_new_note_and_event(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")

    response = client_for(user).post(reverse("tracker:note-add", kwargs={"pk": application.pk}), {"body": "Sent thank-you email"}, **HTMX)

    body = response.content.decode()
    assert body.lstrip().startswith('<div id="detail-body"')
    assert body.count("Sent thank-you email") == 2  # the note and its timeline event


def test_page_status_change_refused_shows_the_reason(user, persona, client_for):
    application = ApplicationFactory(persona=persona, status="accepted")

    response = client_for(user).post(reverse("tracker:move", kwargs={"pk": application.pk}), {"status": "applied"}, **HTMX)

    assert response.status_code == 422
    assert "reopen the application" in response.content.decode()


def test_new_application_form_creates_and_redirects(user, persona, client_for):
    response = client_for(user).post(
        reverse("tracker:application-new"),
        {"persona": persona.pk, "company_name": "Formy", "title": "Form Filler", "priority": "high", "tags": "Remote, Python"},
    )

    application = Application.objects.for_user(user).get()
    assert response.url == reverse("tracker:detail", kwargs={"pk": application.pk})
    assert (application.priority, sorted(t.name for t in application.tags.all())) == ("high", ["python", "remote"])


def test_new_application_form_lists_only_the_users_personas(user, persona, other_persona, client_for):
    body = client_for(user).get(reverse("tracker:application-new")).content.decode()

    assert "Ada Applicant" in body and "Otto Outsider" not in body


def test_start_from_a_job_link_page_post(user, persona, other_persona, client_for):
    link = make_link(persona, title="Started Role")
    foreign = make_link(other_persona)
    client = client_for(user)

    response = client.post(reverse("tracker:application-start"), {"persona_job": link.pk})
    refused = client.post(reverse("tracker:application-start"), {"persona_job": foreign.pk})

    application = Application.objects.for_user(user).get()
    assert response.url == reverse("tracker:detail", kwargs={"pk": application.pk})
    assert application.title == "Started Role"
    assert refused.status_code == 404


def test_interview_page_form_and_ics_download(user, persona, client_for):
    application = ApplicationFactory(persona=persona)
    client = client_for(user)

    client.post(
        reverse("tracker:interview-new", kwargs={"pk": application.pk}),
        {"scheduled_at": "2026-07-01T09:00", "time_zone": "America/New_York", "duration_minutes": "30", "stage": "recruiter_screen", "kind": "phone", "status": "scheduled"},
    )
    interview = application.interviews.get()
    ics = client.get(reverse("tracker:interview-ics", kwargs={"pk": application.pk, "interview_pk": interview.pk}))

    assert parse(ics.content.decode())[0]["DTSTART"] == "20260701T130000Z"  # 09:00 EDT
    assert 'filename="interview-2026-07-01.ics"' in ics["Content-Disposition"]


def test_timeline_older_events_page(user, persona, client_for):
    application = services.create_from_scratch(user, persona=persona, company_name="A", title="B")
    for n in range(25):
        services.add_manual_event(application, message=f"Event {n:02d}")
    client = client_for(user)
    first = client.get(reverse("tracker:detail", kwargs={"pk": application.pk})).context
    last = first["events"][-1]

    response = client.get(
        reverse("tracker:timeline", kwargs={"pk": application.pk}), {"before_at": last.created_at.isoformat(), "before_id": str(last.pk)}, **HTMX
    )

    body = response.content.decode()
    assert len(first["events"]) == 20 and first["has_more_events"]
    assert "Event 04" in body and "Applied to B at A" in body and "Event 05" not in body


def test_saved_view_save_apply_and_default(user, persona, client_for):
    ApplicationFactory(persona=persona, title="Remote one", priority="high")
    ApplicationFactory(persona=persona, title="Other one", priority="low")
    client = client_for(user)

    saved = client.post(reverse("tracker:view-save"), {"name": "Hot", "layout": "list", "query": "priority=high&sort=company", "is_default": "on"})
    view = SavedView.objects.for_user(user).get()
    landing = client.get(reverse("tracker:list"))
    applied = client.get(landing.url)

    assert saved.status_code == 302
    assert (view.filters, view.sort, view.layout, view.is_default) == ({"priority": ["high"]}, "company", "list", True)
    assert landing.url.startswith(reverse("tracker:list") + "?")
    assert [a.title for a in applied.context["applications"]] == ["Remote one"]


def test_two_users_side_by_side_each_see_and_change_only_their_own(user, other_user, persona, other_persona, client_for):
    mine = services.create_from_scratch(user, persona=persona, company_name="Mine Co", title="Mine")
    theirs = services.create_from_scratch(other_user, persona=other_persona, company_name="Theirs Co", title="Theirs")
    me, them = client_for(user), client_for(other_user)

    me.post(reverse("tracker:move", kwargs={"pk": mine.pk}), {"column": "interviewing"})
    them.post(reverse("tracker:move", kwargs={"pk": theirs.pk}), {"column": "offer"})
    cross = me.post(reverse("tracker:move", kwargs={"pk": theirs.pk}), {"column": "closed"})

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.status, theirs.status, cross.status_code) == ("interviewing", "offer", 404)
    assert [e.message for e in TimelineEvent.objects.for_user(user).order_by("created_at")] == ["Applied to Mine at Mine Co", "Applied → Interviewing"]
    assert "Theirs" not in me.get(reverse("tracker:list")).content.decode()


def test_a_long_column_shows_its_first_cards_and_expands_on_request(user, persona, client_for, settings):
    from tracker import selectors

    for _ in range(selectors.BOARD_COLUMN_LIMIT + 2):
        ApplicationFactory(persona=persona, status="applied")
    client = client_for(user)

    served = client.get(reverse("tracker:board"))
    expanded = client.get(reverse("tracker:board"), {"expand": "applied"})

    applied = served.context["columns"][0]
    assert (applied.count, len(applied.cards), applied.more) == (selectors.BOARD_COLUMN_LIMIT + 2, selectors.BOARD_COLUMN_LIMIT, 2)
    assert "Show 2 more" in served.content.decode()
    assert len(expanded.context["columns"][0].cards) == selectors.BOARD_COLUMN_LIMIT + 2


def test_saving_a_view_with_htmx_uses_the_filter_bar_as_it_is_now(user, client_for):
    response = client_for(user).post(
        reverse("tracker:view-save"),
        {"name": "Now", "layout": "board", "query": "", "q": "dragon", "status": ["offer"], "sort": ""},
        **HTMX,
    )

    view = SavedView.objects.for_user(user).get()
    assert (view.search, view.filters, view.layout) == ("dragon", {"status": ["offer"]}, "board")
    assert response["HX-Redirect"].startswith(reverse("tracker:board") + "?")


def test_times_show_in_the_users_zone_and_interviews_in_their_own(user, persona, client_for):
    prefs = services.settings_for(user)
    prefs.time_zone = "America/New_York"
    prefs.save()
    application = ApplicationFactory(persona=persona, next_action_title="Call", next_action_at=datetime.datetime(2026, 7, 1, 16, 0, tzinfo=datetime.UTC))
    services.schedule_interview(application, scheduled_at=datetime.datetime(2026, 7, 2, 8, 0, tzinfo=datetime.UTC), time_zone="Asia/Tokyo")

    body = client_for(user).get(reverse("tracker:detail", kwargs={"pk": application.pk})).content.decode()

    assert "Wednesday 1 July, 12:00" in body  # 16:00 UTC in New York (EDT)
    assert "Thursday 2 July 2026, 17:00" in body  # 08:00 UTC in Tokyo
