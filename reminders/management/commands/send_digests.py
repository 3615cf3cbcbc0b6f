"""manage.py send_digests [--dry-run]: run the digest pass now (what Celery beat does every 15 minutes)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from reminders import selectors, services


class Command(BaseCommand):
    help = "Send today's digest to every user whose local digest hour has passed and who has not had it yet."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count who is due; send nothing.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        now = timezone.now()
        due = selectors.users_due_for_digest(now=now)
        if dry_run:
            self.stdout.write(f"{len(due)} users are due a digest (dry run: nothing sent).")
            return
        outcomes: dict[str, int] = {}
        for user_id in due:
            outcome = services.send_digest(user_id, now=now) or "skipped"
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        summary = ", ".join(f"{count} {name}" for name, count in sorted(outcomes.items())) or "nothing to do"
        self.stdout.write(f"{len(due)} users due: {summary}.")
