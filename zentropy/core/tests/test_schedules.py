from zentropy.celery import app
from zentropy.schedules import CELERY_BEAT_SCHEDULE


def test_every_scheduled_task_is_a_registered_task():
    app.loader.import_default_modules()

    scheduled = {entry["task"] for entry in CELERY_BEAT_SCHEDULE.values()}

    assert sorted(scheduled - set(app.tasks)) == []
    assert app.conf.beat_schedule == CELERY_BEAT_SCHEDULE
