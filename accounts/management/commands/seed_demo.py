"""Create (or refresh) the verified demo account of the embedded default."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User

DEMO_EMAIL = "demo@zentropy.local"
DEMO_PASSWORD = "scout-the-demo-42"


class Command(BaseCommand):
    help = "Create the verified demo user (and its demo data) and print how to sign in. Safe to run again."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            user, created = User.objects.get_or_create(email=DEMO_EMAIL, defaults={"name": "Demo Seeker"})
            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
            )
        self.stdout.write(self.style.SUCCESS(f"Demo account {'created' if created else 'ready'}."))
        self.stdout.write(f"  email:    {DEMO_EMAIL}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
