"""Enqueueing matching work once the current transaction commits (never before: the rows must be visible)."""

from __future__ import annotations

from django.db import transaction


def request_surfacing() -> None:
    """Enqueue a surfacing pass after commit (callers: the scouter after a run).

    Side effects: one `jobpool.surface_pool` task on commit. Duplicate requests are harmless:
    the pass only takes postings that are still pending.
    """
    from jobpool.matching import tasks

    transaction.on_commit(lambda: tasks.surface_pool.delay())


def request_rescore(persona_id) -> None:
    """Enqueue rescoring and surfacing for one persona after commit (callers: persona changes, the dashboard).

    Side effects: one `jobpool.rescore_persona` task on commit. Lower apps (personas) that cannot
    import jobpool send the task by name instead: `current_app.send_task("jobpool.rescore_persona",
    kwargs={"persona_id": str(persona.pk)})` inside `transaction.on_commit`.
    """
    from jobpool.matching import tasks

    persona_id = str(persona_id)
    transaction.on_commit(lambda: tasks.rescore_persona.delay(persona_id=persona_id))


def request_rescore_for_user(user) -> int:
    """Enqueue rescoring and surfacing for each of the user's onboarded personas; returns how many.

    Side effects: one `jobpool.rescore_persona` task per persona, after commit.
    """
    from personas.models import Persona

    ids = list(
        Persona.objects.for_user(user).filter(onboarding_completed_at__isnull=False).values_list("pk", flat=True)
    )
    for persona_id in ids:
        request_rescore(persona_id)
    return len(ids)
