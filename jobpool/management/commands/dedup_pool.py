"""manage.py dedup_pool [--dry-run]: merge duplicate postings found after the fact."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from jobpool import lsh
from jobpool.maintenance import dedup_pool
from jobpool.models import JobPosting


class Command(BaseCommand):
    help = (
        "Re-run near-duplicate detection over the whole job pool: merge cross-posts into the older posting "
        "(links, sightings, skills, reports follow) and link reposts; remove band rows of deleted postings. "
        "Safe to run repeatedly."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Report what would change without writing.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, dry_run: bool = False, no_progress: bool = False, **options) -> None:
        total = JobPosting.objects.count()
        with tqdm(total=total, unit="posting", disable=no_progress or total == 0, file=self.stderr) as bar:
            stats = dedup_pool(dry_run=dry_run, progress=bar.update)
        summary = stats.summary(dry_run=dry_run)
        # Band rows have no foreign key: rows of postings deleted without lsh.delete_bands are removed here.
        orphans = 0 if dry_run else lsh.sweep_orphans()
        if orphans:
            summary += f"; orphan band rows removed {orphans}"
        self.stdout.write(summary)
