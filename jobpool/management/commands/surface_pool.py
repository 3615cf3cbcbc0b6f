"""manage.py surface_pool [--dry-run]: run the surfacing pass in this process, with a progress bar."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from jobpool.matching import surfacing


class Command(BaseCommand):
    help = (
        "Offer every pending pool posting (active, out of quarantine, not surfaced yet) to the onboarded "
        "personas it fits: keyword prescreen, vector similarity, full score, links at or above each persona's "
        "threshold. Safe to run repeatedly and alongside the Celery tasks."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only count the pending postings.")
        parser.add_argument("--chunk-size", type=int, default=None, help="Postings per chunk (default: settings).")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, dry_run: bool = False, chunk_size: int | None = None, no_progress: bool = False, **options) -> None:
        pending = surfacing.pending_count()
        if dry_run:
            self.stdout.write(f"{pending} postings pending; nothing written (dry run).")
            return
        limits = surfacing.Limits.from_settings()
        if chunk_size:
            limits = surfacing.Limits(**{**limits.__dict__, "chunk_size": chunk_size})
        with tqdm(total=pending, unit="posting", disable=no_progress or pending == 0, file=self.stderr) as bar:
            result = surfacing.run_pass(limits=limits, on_chunk=lambda chunk: bar.update(chunk.postings))
        self.stdout.write(
            f"Surfaced {result.postings} postings in {result.chunks} chunks: "
            f"{result.candidates} pairs scored, {result.links} links created."
        )
