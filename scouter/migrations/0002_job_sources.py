"""Every scouter source key has a pool JobSource row (the pool seeded most; We Work Remotely was missing)."""

from django.db import migrations

SOURCES = [("weworkremotely", "We Work Remotely", "feed")]


def seed(apps, schema_editor):
    JobSource = apps.get_model("jobpool", "JobSource")
    for key, name, kind in SOURCES:
        JobSource.objects.get_or_create(key=key, defaults={"name": name, "kind": kind})


class Migration(migrations.Migration):
    dependencies = [("scouter", "0001_initial"), ("jobpool", "0002_seed_sources")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
