"""manage.py rescore [--persona ID] [--force] [--dry-run]: recompute stale link scores, with a progress bar."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from jobpool.matching import scoring_service
from personas.models import Persona


class Command(BaseCommand):
    help = (
        "Recompute the fit and stretch scores of links whose persona or posting changed since they were "
        "scored (every link with --force), for one persona or every persona."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--persona", help="One persona's id (default: every persona).")
        parser.add_argument("--force", action="store_true", help="Rescore every link, stale or not.")
        parser.add_argument("--dry-run", action="store_true", help="Only count the personas that would be rescored.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, persona=None, force=False, dry_run=False, no_progress=False, **options) -> None:
        # Reason: an operator command over every user's personas.
        personas = Persona.unscoped.order_by("pk")
        if persona:
            personas = personas.filter(pk=persona)
            if not personas.exists():
                raise CommandError(f"No persona {persona}.")
        ids = list(personas.values_list("pk", flat=True))
        if dry_run:
            self.stdout.write(f"{len(ids)} personas would be checked; nothing written (dry run).")
            return
        written = 0
        for persona_id in tqdm(ids, unit="persona", disable=no_progress or not ids, file=self.stderr):
            written += scoring_service.rescore_persona(persona_id, force=force)
        self.stdout.write(f"Checked {len(ids)} personas: {written} links rescored.")
