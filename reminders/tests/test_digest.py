"""The daily digest: local hours across time zones, once per local day, opt-out, nothing to say, the mail itself."""

from __future__ import annotations

import datetime
import smtplib
import zoneinfo

import pytest
import time_machine
from django.core import mail

from accounts.tests.factories import UserFactory
from personas.tests.factories import PersonaFactory
from reminders import selectors, services, tasks
from reminders.models import DigestLog, DigestOutcome
from tracker import services as tracker

UTC = datetime.UTC


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


def seeker(*, zone: str, hour: int = 8, opt_out: bool = False, email: str = ""):
    user = UserFactory(**({"email": email} if email else {}))
    services.update_tracker_settings(user, time_zone=zone, digest_hour=hour, digest_opt_out=opt_out)
    return user


def due_follow_up(user, *, company: str = "Acme", when: datetime.datetime) -> None:
    persona = PersonaFactory(owner=user)
    application = tracker.create_from_scratch(user, persona=persona, company_name=company, title="Backend Engineer")
    tracker.set_next_action(application, title="Email the recruiter", due_at=when)


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db
def test_send_due_digests_sends_at_each_users_local_hour():
    tokyo = seeker(zone="Asia/Tokyo", email="tokyo@example.com")
    la = seeker(zone="America/Los_Angeles", email="la@example.com")
    with time_machine.travel(at(2026, 3, 9, 12, 0), tick=False):
        due_follow_up(tokyo, when=at(2026, 3, 9, 13, 0))
        due_follow_up(la, when=at(2026, 3, 9, 13, 0))

    # 14:30 UTC: 23:30 in Tokyo (past 08:00), 07:30 in Los Angeles (not yet).
    with time_machine.travel(at(2026, 3, 10, 14, 30), tick=False):
        tasks.send_due_digests.delay()
    first = recipients()
    # 15:05 UTC: 08:05 in Los Angeles (PDT, UTC-7); Tokyo already had its 10 March digest.
    with time_machine.travel(at(2026, 3, 10, 15, 5), tick=False):
        tasks.send_due_digests.delay()
    second = recipients()
    # 23:05 UTC: 08:05 on 11 March in Tokyo: a new local day.
    with time_machine.travel(at(2026, 3, 10, 23, 5), tick=False):
        tasks.send_due_digests.delay()

    assert first == ["tokyo@example.com"]
    assert second == ["la@example.com", "tokyo@example.com"]
    assert recipients() == ["la@example.com", "tokyo@example.com", "tokyo@example.com"]
    days = DigestLog.objects.for_user(tokyo).order_by("local_date").values_list("local_date", "time_zone", "outcome")
    assert list(days) == [
        (datetime.date(2026, 3, 10), "Asia/Tokyo", "sent"),
        (datetime.date(2026, 3, 11), "Asia/Tokyo", "sent"),
    ]


@pytest.mark.django_db
def test_users_due_for_digest_leaves_out_those_before_their_hour_and_already_done():
    early = seeker(zone="Europe/Berlin", hour=7)
    late = seeker(zone="Europe/Berlin", hour=18)
    done = seeker(zone="Europe/Berlin", hour=7)
    DigestLog.objects.create(owner=done, local_date=datetime.date(2026, 6, 1), time_zone="Europe/Berlin")

    due = selectors.users_due_for_digest(now=at(2026, 6, 1, 6, 0))  # 08:00 in Berlin (CEST)

    assert due == [early.pk]
    assert late.pk not in due


@pytest.mark.smoke
@pytest.mark.django_db
def test_send_due_digests_twice_sends_once():
    user = seeker(zone="UTC")
    with time_machine.travel(at(2026, 5, 4, 9, 0), tick=False):
        due_follow_up(user, when=at(2026, 5, 4, 8, 0))
        tasks.send_due_digests.delay()
        tasks.send_due_digests.delay()
        services.send_digest(user.pk)

    assert len(mail.outbox) == 1
    assert DigestLog.objects.for_user(user).get().outcome == DigestOutcome.SENT


@pytest.mark.django_db
def test_send_digest_never_for_opted_out_user():
    user = seeker(zone="UTC", opt_out=True)
    with time_machine.travel(at(2026, 5, 4, 9, 0), tick=False):
        due_follow_up(user, when=at(2026, 5, 4, 8, 0))
        assert selectors.users_due_for_digest(now=at(2026, 5, 4, 9, 0)) == []
        outcome = services.send_digest(user.pk)

    assert outcome is None
    assert mail.outbox == []
    assert not DigestLog.objects.for_user(user).exists()


@pytest.mark.django_db
def test_send_digest_with_nothing_to_say_sends_nothing_and_settles_the_day():
    user = seeker(zone="UTC")
    with time_machine.travel(at(2026, 5, 4, 9, 0), tick=False):
        persona = PersonaFactory(owner=user)
        tracker.create_from_scratch(user, persona=persona, company_name="Quiet Co", title="Engineer")  # active today
        outcome = services.send_digest(user.pk)
        again = selectors.users_due_for_digest(now=at(2026, 5, 4, 9, 30))

    assert outcome == DigestOutcome.NOTHING
    assert mail.outbox == []
    assert again == []


@pytest.mark.django_db
def test_send_digest_failure_releases_the_day_for_a_retry(monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    user = seeker(zone="UTC")
    original = EmailBackend.send_messages

    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("connection lost")

    with time_machine.travel(at(2026, 5, 4, 9, 0), tick=False):
        due_follow_up(user, when=at(2026, 5, 4, 8, 0))
        monkeypatch.setattr(EmailBackend, "send_messages", refuse)
        with pytest.raises(smtplib.SMTPServerDisconnected):
            services.send_digest(user.pk)
        released = not DigestLog.objects.for_user(user).exists()
        monkeypatch.setattr(EmailBackend, "send_messages", original)
        outcome = services.send_digest(user.pk)

    assert released
    assert outcome == DigestOutcome.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_digest_log_allows_one_row_per_user_and_local_day():
    from django.db import IntegrityError

    user = UserFactory()
    DigestLog.objects.create(owner=user, local_date=datetime.date(2026, 5, 4), time_zone="UTC")

    with pytest.raises(IntegrityError):
        DigestLog.objects.create(owner=user, local_date=datetime.date(2026, 5, 4), time_zone="Asia/Tokyo")


@pytest.mark.django_db
def test_digest_mail_lists_follow_ups_and_interviews_in_local_time_with_unsubscribe_headers():
    user = seeker(zone="Asia/Tokyo", email="ada@example.com")
    with time_machine.travel(at(2026, 5, 4, 0, 0), tick=False):  # 09:00 in Tokyo
        due_follow_up(user, company="Follow Co", when=at(2026, 5, 3, 23, 30))
        persona = PersonaFactory(owner=user)
        application = tracker.create_from_scratch(user, persona=persona, company_name="Interview Co", title="Data Engineer")
        tracker.schedule_interview(application, scheduled_at=at(2026, 5, 5, 1, 0), time_zone="Europe/London")
        tracker.schedule_interview(application, scheduled_at=at(2026, 5, 20, 1, 0), time_zone="Europe/London")  # too far
        services.send_digest(user.pk)

    message = mail.outbox[0]
    html = message.alternatives[0][0]
    prefs = tracker.settings_for(user)
    assert message.subject == "[Zentropy Scout] Your job search today: 1 follow-up and 1 interview"
    assert message.extra_headers["List-Unsubscribe"] == f"<{selectors.unsubscribe_url(prefs)}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Email the recruiter: overdue since Mon 04 May, 08:30" in message.body
    assert "Tue 05 May, 10:00 (Asia/Tokyo) · Recruiter screen, video · 02:00 in Europe/London" in message.body
    assert "Interview Co" in html and "Follow Co" in html
    assert "Wed 20 May" not in message.body


@pytest.mark.django_db
def test_build_digest_counts_only_the_users_own_rows(user, other_user):
    services.update_tracker_settings(user, time_zone="UTC")
    with time_machine.travel(at(2026, 5, 4, 9, 0), tick=False):
        due_follow_up(user, company="Mine Co", when=at(2026, 5, 4, 8, 0))
        due_follow_up(other_user, company="Theirs Co", when=at(2026, 5, 4, 8, 0))
        digest = selectors.build_digest(user, tracker.settings_for(user), now=at(2026, 5, 4, 9, 0))

    assert [item.company for item in digest.follow_ups] == ["Mine Co"]
    assert digest.follow_up_total == 1


@pytest.mark.django_db
def test_build_digest_includes_next_actions_due_later_today_in_local_time():
    user = seeker(zone="America/Los_Angeles")
    now = datetime.datetime(2026, 7, 1, 8, 0, tzinfo=zoneinfo.ZoneInfo("America/Los_Angeles"))
    with time_machine.travel(now, tick=False):
        due_follow_up(user, company="Tonight Co", when=now.replace(hour=22))
        due_follow_up(user, company="Tomorrow Co", when=now + datetime.timedelta(days=1))
        digest = selectors.build_digest(user, tracker.settings_for(user), now=now)

    assert [item.company for item in digest.follow_ups] == ["Tonight Co"]


@pytest.mark.django_db
def test_build_digest_takes_a_constant_number_of_queries(django_assert_num_queries):
    user = seeker(zone="UTC")
    with time_machine.travel(at(2026, 5, 4, 9, 0), tick=False):
        for n in range(3):
            due_follow_up(user, company=f"Co {n}", when=at(2026, 5, 4, 8, 0))
        prefs = tracker.settings_for(user)
        with django_assert_num_queries(4):
            digest = selectors.build_digest(user, prefs, now=at(2026, 5, 4, 9, 0))

    assert digest.follow_up_total == 3


@pytest.mark.django_db
def test_send_digests_command_dry_run_sends_nothing_then_sends():
    from io import StringIO

    from django.core.management import call_command

    user = seeker(zone="UTC")
    with time_machine.travel(at(2026, 5, 4, 9, 0), tick=False):
        due_follow_up(user, when=at(2026, 5, 4, 8, 0))
        dry, real = StringIO(), StringIO()
        call_command("send_digests", "--dry-run", stdout=dry)
        sent_in_dry_run = len(mail.outbox)
        call_command("send_digests", stdout=real)

    assert (dry.getvalue().strip(), sent_in_dry_run) == ("1 users are due a digest (dry run: nothing sent).", 0)
    assert real.getvalue().strip() == "1 users due: 1 sent."
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_users_due_for_digest_include_users_without_settings_and_skip_deactivated_ones():
    fresh = UserFactory()  # never opened the settings: the defaults, 08:00 UTC
    gone = seeker(zone="UTC")
    with time_machine.travel(at(2026, 5, 4, 7, 0), tick=False):
        tracker.create_from_scratch(fresh, persona=PersonaFactory(owner=fresh), company_name="Fresh Co", title="Engineer")
        due_follow_up(gone, when=at(2026, 5, 4, 6, 0))
    gone.is_active = False
    gone.save(update_fields=["is_active"])

    before_eight = selectors.users_due_for_digest(now=at(2026, 5, 4, 7, 59))
    after_eight = selectors.users_due_for_digest(now=at(2026, 5, 4, 8, 0))

    assert before_eight == []
    assert after_eight == [fresh.pk]


def test_digest_pass_is_scheduled_every_fifteen_minutes():
    from celery.schedules import crontab

    from zentropy.celery import app
    from zentropy.schedules import CELERY_BEAT_SCHEDULE

    entry = CELERY_BEAT_SCHEDULE["reminders-send-due-digests"]

    assert entry == {"task": "reminders.send_due_digests", "schedule": crontab(minute="*/15")}
    assert "reminders.send_due_digests" in app.tasks and "reminders.send_digest" in app.tasks
