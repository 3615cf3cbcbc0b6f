"""autorefresh.js in Chromium: it refreshes its element, and waits while the user is in a form control or the tab is hidden."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory

MARK = """() => { const el = document.getElementById("settings-form");
  el.setAttribute("data-autorefresh", "1"); el.setAttribute("data-stale", "1"); }"""
STALE = "() => document.getElementById('settings-form').hasAttribute('data-stale')"


@pytest.mark.e2e
def test_autorefresh_pauses_while_editing_and_while_hidden(page, live_server, transactional_db, password):
    user = UserFactory(password=password)
    url = live_server.url
    page.goto(url + reverse("account_login"))
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))
    page.goto(url + reverse("reminders:settings"))
    page.add_script_tag(url=url + "/static/js/autorefresh.js")

    # Focus in a form control: no refresh, however long it has been due.
    page.get_by_label("Time zone").focus()
    page.evaluate(MARK)
    page.wait_for_timeout(2500)
    still_stale_while_editing = page.evaluate(STALE)
    paused = page.evaluate("() => window.zentropyAutorefresh.paused()")

    # Focus gone: the section is replaced by a fresh copy from the server.
    page.evaluate("() => document.activeElement.blur()")
    page.wait_for_function("() => !document.getElementById('settings-form').hasAttribute('data-stale')", timeout=5000)

    # A hidden tab waits too; coming back refreshes at once.
    page.evaluate("() => Object.defineProperty(document, 'hidden', {configurable: true, get: () => true})")
    page.evaluate(MARK)
    page.wait_for_timeout(2500)
    still_stale_while_hidden = page.evaluate(STALE)
    page.evaluate("() => { Object.defineProperty(document, 'hidden', {configurable: true, get: () => false}); document.dispatchEvent(new Event('visibilitychange')); }")
    page.wait_for_function("() => !document.getElementById('settings-form').hasAttribute('data-stale')", timeout=3000)

    assert still_stale_while_editing and paused
    assert still_stale_while_hidden
