"""Tags on an application: the whole set replaced at once, additions and removals logged."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.models import Application, ApplicationTag, EventKind
from tracker.services.search import refresh_search_text
from tracker.services.timeline import record_event
from tracker.tagging import TooManyTags, normalize_tags


def set_tags(application: Application, tags: Iterable[str]) -> list[str]:
    """Replace the application's tags with `tags` (normalised). Returns the new set, sorted.

    Raises ValidationError past 50 tags. Side effects: inserts / deletes
    ApplicationTag rows; one `tags_updated` event {added, removed} when anything changed; search text.
    """
    try:
        wanted = normalize_tags(tags)
    except TooManyTags as exc:
        raise ValidationError({"tags": str(exc)})
    scoped = ApplicationTag.objects.for_owner_id(application.owner_id).filter(application=application)
    current = set(scoped.values_list("name", flat=True))
    added = sorted(set(wanted) - current)
    removed = sorted(current - set(wanted))
    if not added and not removed:
        return sorted(current)
    with transaction.atomic():
        if removed:
            scoped.filter(name__in=removed).delete()
        ApplicationTag.objects.bulk_create(
            [ApplicationTag(owner_id=application.owner_id, application=application, name=name) for name in added],
            ignore_conflicts=True,
        )
        words = [f"+{t}" for t in added] + [f"−{t}" for t in removed]
        record_event(application, EventKind.TAGS_UPDATED, "Tags " + " ".join(words), data={"added": added, "removed": removed})
        refresh_search_text(application)
    return sorted(wanted)


def add_tags(application: Application, tags: Iterable[str]) -> list[str]:
    """Add to the existing set. Side effects: as set_tags."""
    current = list(ApplicationTag.objects.for_owner_id(application.owner_id).filter(application=application).values_list("name", flat=True))
    return set_tags(application, [*current, *tags])


def remove_tag(application: Application, name: str) -> list[str]:
    """Side effects: as set_tags."""
    current = ApplicationTag.objects.for_owner_id(application.owner_id).filter(application=application).values_list("name", flat=True)
    return set_tags(application, [t for t in current if t != name])
