"""The insights page, the public demo board and the landing page."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from personas.tests.factories import PersonaFactory
from tracker import services as tracker


@pytest.mark.smoke
@pytest.mark.django_db
def test_insights_page_passes_its_figures_as_json_data_not_script(client_for, user):
    persona = PersonaFactory(owner=user, full_name="Ada")
    tracker.create_from_scratch(user, persona=persona, company_name="Acme", title="Engineer")

    response = client_for(user).get(reverse("insights:index"))

    body = response.content.decode()
    data = response.context["data"]
    assert data["funnel"]["total"] == 1
    assert '<script id="insights-data" type="application/json">' in body
    assert json.loads(body.split('<script id="insights-data" type="application/json">')[1].split("</script>")[0]) == json.loads(json.dumps(data))
    assert "vendor/chartjs/chart.umd.js" in body and "js/insights.js" in body
    assert "<script>" not in body  # nothing inline (CSP)


@pytest.mark.django_db
def test_insights_page_ignores_another_users_persona_in_the_filter(client_for, user, other_user):
    theirs = PersonaFactory(owner=other_user, full_name="Otto")
    tracker.create_from_scratch(other_user, persona=theirs, company_name="Theirs", title="Engineer")

    response = client_for(user).get(reverse("insights:index"), {"persona": theirs.pk})

    assert response.context["data"]["funnel"]["total"] == 0
    assert "Otto" not in response.content.decode()
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.django_db
def test_insights_page_refuses_a_backwards_range(client_for, user):
    response = client_for(user).get(reverse("insights:index"), {"start": "2026-05-01", "end": "2026-04-01"})

    assert "This date is before the start." in response.content.decode()


@pytest.mark.smoke
@pytest.mark.django_db
def test_demo_board_is_public_read_only_and_touches_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("insights:demo-board"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Northwind Analytics" in body and "Fjord Robotics" in body
    assert "<form" not in body.split('<main')[1].split("</main>")[0]  # no write controls on the board
    assert 'id="demo-orbital"' in body


@pytest.mark.django_db
def test_demo_board_columns_follow_the_tracker_columns():
    from insights.demo import demo_board

    columns = demo_board()

    assert [(c.key, [card.key for card in c.cards]) for c in columns] == [
        ("applied", ["northwind", "lumen"]),
        ("interviewing", ["orbital", "pinecrest"]),
        ("offer", ["fjord"]),
        ("closed", ["quarry"]),
    ]
    assert [card.key for c in columns for card in c.cards if card.needs_follow_up] == ["northwind", "lumen"]


@pytest.mark.smoke
@pytest.mark.django_db
def test_home_shows_the_landing_page_to_visitors_and_the_dashboard_to_users(client, client_for, user):
    visitor = client.get("/")
    member = client_for(user).get("/")

    assert visitor.status_code == 200
    assert "Find the jobs that fit you" in visitor.content.decode()
    assert reverse("insights:demo-board") in visitor.content.decode()
    assert member.url == reverse("core:dashboard")
