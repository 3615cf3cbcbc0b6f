"""The board and list carry the user's auto-refresh interval for static/js/autorefresh.js (off by default)."""

import pytest
from django.urls import reverse

from tracker import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("route", "element"), [("tracker:board", 'id="board"'), ("tracker:list", 'id="results"')])
def test_pages_carry_the_refresh_interval_and_load_the_script(user, client_for, route, element):
    prefs = services.settings_for(user)
    prefs.auto_refresh_seconds = 45
    prefs.save()

    html = client_for(user).get(reverse(route)).content.decode()

    tag = html[html.index(element) : html.index(">", html.index(element))]
    assert 'data-autorefresh="45"' in tag
    assert f'data-autorefresh-url="{reverse(route)}"' in tag
    assert "js/autorefresh.js" in html


def test_refresh_is_off_until_the_user_sets_an_interval(user, client_for):
    html = client_for(user).get(reverse("tracker:board")).content.decode()

    assert "data-autorefresh=" not in html
