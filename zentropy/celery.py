"""The Celery app, wired as Celery's Django guide describes.

Request ids travel with tasks: a task enqueued while a request runs carries
that request's id in its headers, and the worker puts it back on its log lines.
"""

from __future__ import annotations

import os

from celery import Celery, Task, signals

from zentropy.schedules import CELERY_BEAT_SCHEDULE

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zentropy.settings")


class RequestIdTask(Task):
    """Copies the current request id into the task's headers when it is enqueued."""

    def apply_async(self, args=None, kwargs=None, **options):
        from zentropy.core.logging import request_id_var

        headers = dict(options.get("headers") or {})
        headers.setdefault("request_id", request_id_var.get())
        options["headers"] = headers
        return super().apply_async(args, kwargs, **options)


app = Celery("zentropy", task_cls=RequestIdTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = CELERY_BEAT_SCHEDULE  # every periodic task, declared once
app.autodiscover_tasks()


@signals.task_prerun.connect
def _restore_request_id(task=None, **_kwargs) -> None:
    from zentropy.core.logging import request_id_var

    if task is None:
        return
    request_id = getattr(task.request, "request_id", None) or (task.request.headers or {}).get("request_id")
    request_id_var.set(request_id if request_id and request_id != "-" else f"task-{task.request.id}")
