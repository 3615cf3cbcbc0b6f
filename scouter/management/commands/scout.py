"""manage.py scout [--persona ID] [--source NAME]: scout now from the shell, with a progress bar."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from personas.models import Persona
from scouter import pipeline, services
from scouter.models import RunStatus, RunTrigger
from scouter.sources.registry import source_classes


class Command(BaseCommand):
    help = (
        "Scout job sources for one persona (--persona) or every onboarded persona, synchronously, "
        "with a progress bar and a summary line. --source limits the run to one source key."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--persona", help="the persona's id (default: every onboarded persona)")
        parser.add_argument("--source", help="one source key, e.g. replay or greenhouse (default: SCOUTER_SOURCES)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar (logs, CI)")

    def handle(self, *args, persona=None, source=None, no_progress=False, **options) -> None:
        if source and source not in source_classes():
            raise CommandError(f"unknown source {source!r}; known: {', '.join(sorted(source_classes()))}")
        personas = self._personas(persona)
        env = pipeline.source_env()
        if source:
            env["SCOUTER_SOURCES"] = source
        totals = {"runs": 0, "failed": 0, "found": 0, "new": 0, "already_pooled": 0, "errors": 0, "scored": 0}
        for item in personas:
            run, created = services.start_scout_run(item, trigger=RunTrigger.COMMAND, enqueue=False)
            if not created:
                self.stderr.write(f"{item.full_name}: a run is already under way ({run.pk}); skipped")
                continue
            with tqdm(total=1, desc=item.full_name[:30], unit="source", disable=no_progress, file=self.stderr) as bar:

                def progress(current, bar=bar) -> None:
                    bar.total = max(current.sources_total, 1)
                    bar.n = current.sources_done
                    bar.set_postfix(found=current.found, new=current.new, pooled=current.already_pooled, errors=current.errors)
                    bar.refresh()

                run = pipeline.execute_run(run, env=env, on_progress=progress)
            totals["runs"] += 1
            totals["failed"] += run.status == RunStatus.FAILED
            for name in ("found", "new", "already_pooled", "errors", "scored"):
                totals[name] += getattr(run, name)
            if run.status == RunStatus.FAILED:
                self.stderr.write(f"{item.full_name}: failed: {run.error_message}")
        self.stdout.write(
            f"Scouted {totals['runs']} persona{'s' if totals['runs'] != 1 else ''}: {totals['found']} found, "
            f"{totals['new']} new, {totals['already_pooled']} already pooled, {totals['scored']} scored, "
            f"{totals['errors']} source errors, {totals['failed']} failed runs."
        )

    def _personas(self, persona_id: str | None) -> list[Persona]:
        # Reason: an operator's command works across users.
        queryset = Persona.unscoped.order_by("created_at")
        if persona_id:
            try:
                return [queryset.get(pk=persona_id)]
            except (Persona.DoesNotExist, ValidationError, ValueError) as exc:
                raise CommandError(f"no persona with id {persona_id!r}") from exc
        return list(queryset.filter(onboarding_completed_at__isnull=False))
