"""manage.py seed_demo_pool: a demo persona for the demo user and a replay scout, so a newcomer sees scored jobs."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from jobpool.models import PersonaJob
from personas import services as persona_services
from personas.models import Persona
from scouter import pipeline, services
from scouter.models import RunStatus, RunTrigger

DEMO_EMAIL = "demo@zentropy.local"
DEMO_PERSONA = "Jordan Rivera"


class Command(BaseCommand):
    help = (
        "Give the demo user (demo@zentropy.local, made by seed_demo) a finished persona and scout the recorded "
        "job-board payloads for it (replay), so the pool holds real postings and the persona scored matches. "
        "Safe to run again: nothing is duplicated, and the scout is skipped once the persona has matches."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--email", default=DEMO_EMAIL, help="the demo user's email")
        parser.add_argument("--rescout", action="store_true", help="scout again even if the persona has matches")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, email: str, rescout: bool = False, no_progress: bool = False, **options) -> None:
        user = get_user_model()._default_manager.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"no user {email}; run `manage.py seed_demo` first")
        persona, created = self._demo_persona(user)
        self.stdout.write(f"Demo persona {persona.full_name} {'created' if created else 'ready'}.")
        has_matches = PersonaJob.objects.for_user(user).filter(persona=persona, fit_score__isnull=False).exists()
        if has_matches and not rescout:
            self.stdout.write("Demo persona already has scored matches; scout skipped (--rescout to scout again).")
            return
        run, started = services.start_scout_run(persona, trigger=RunTrigger.COMMAND, enqueue=False)
        if not started:
            self.stdout.write(f"A run is already under way for the demo persona ({run.pk}).")
            return
        env = pipeline.source_env()
        env["SCOUTER_SOURCES"] = "replay"
        with tqdm(total=1, desc="Scouting recorded boards", unit="source", disable=no_progress, file=self.stderr) as bar:

            def progress(current) -> None:
                bar.total = max(current.sources_total, 1)
                bar.n = current.sources_done
                bar.set_postfix(found=current.found, new=current.new)
                bar.refresh()

            run = pipeline.execute_run(run, env=env, on_progress=progress)
        if run.status != RunStatus.DONE:
            raise CommandError(f"the demo scout failed: {run.error_message}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo pool ready: {run.found} postings found, {run.new} new, {run.already_pooled} already pooled, "
                f"{run.scored} scored for {persona.full_name}."
            )
        )

    @transaction.atomic
    def _demo_persona(self, user) -> tuple[Persona, bool]:
        existing = Persona.objects.for_user(user).filter(full_name=DEMO_PERSONA).first()
        if existing is not None:
            if not existing.is_onboarded:
                persona_services.complete_onboarding(existing)
            return existing, False
        persona = persona_services.create_persona(
            user,
            full_name=DEMO_PERSONA,
            email=user.email,
            home_city="New York",
            home_state="NY",
            home_country="United States",
            professional_summary="Backend engineer who builds data-heavy Python services and the teams around them.",
            current_role="Senior Software Engineer",
            current_company="Northwind Analytics",
            years_experience=8,
            target_roles=["Staff Engineer", "Engineering Manager"],
            target_skills=["Kubernetes", "Go", "Leadership"],
            remote_preference="no_preference",
            minimum_base_salary=120000,
            salary_currency="USD",
            stretch_appetite="medium",
            polling_frequency="daily",
            minimum_fit_threshold=50,
        )
        for name, years, proficiency in (
            ("Python", 8, "expert"), ("Django", 6, "expert"), ("PostgreSQL", 7, "expert"), ("AWS", 5, "proficient"),
            ("Docker", 5, "proficient"), ("JavaScript", 4, "familiar"), ("React", 2, "familiar"), ("SQL", 8, "expert"),
        ):
            persona_services.add_child(persona, "skills", name=name, years_used=years, proficiency=proficiency)
        for name in ("Communication", "Mentoring", "Problem Solving"):
            persona_services.add_child(persona, "skills", name=name, skill_type="soft", years_used=6)
        persona_services.add_child(
            persona, "work_history", company="Northwind Analytics", title="Senior Software Engineer",
            start_date=datetime.date(2021, 3, 1), is_current=True, location="New York, NY", work_model="hybrid",
            description="Leads the ingestion platform: Python services, PostgreSQL, AWS.",
        )
        persona_services.add_child(
            persona, "work_history", company="Brightline Health", title="Software Engineer",
            start_date=datetime.date(2017, 6, 1), end_date=datetime.date(2021, 2, 28), location="Boston, MA",
            work_model="onsite", description="Built patient-scheduling APIs in Django.",
        )
        persona_services.add_child(
            persona, "education", institution="Rutgers University", degree="B.S.", field_of_study="Computer Science",
            start_year=2013, end_year=2017,
        )
        persona_services.complete_onboarding(persona)
        return persona, True
