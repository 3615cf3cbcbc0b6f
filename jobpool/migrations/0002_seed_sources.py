"""Seed the job sources: the scouter's boards, plus manual add and the browser clipper."""

from django.db import migrations

SOURCES = [
    ("greenhouse", "Greenhouse", "api"),
    ("lever", "Lever", "api"),
    ("ashby", "Ashby", "api"),
    ("remoteok", "RemoteOK", "api"),
    ("remotive", "Remotive", "api"),
    ("themuse", "The Muse", "api"),
    ("adzuna", "Adzuna", "api"),
    ("usajobs", "USAJobs", "api"),
    ("rss", "RSS / Atom feed", "feed"),
    ("arbeitnow", "Arbeitnow", "api"),
    ("himalayas", "Himalayas", "api"),
    ("smartrecruiters", "SmartRecruiters", "api"),
    ("workable", "Workable", "api"),
    ("replay", "Recorded replay", "feed"),
    ("manual", "Manual", "manual"),
    ("clipper", "Browser clipper", "extension"),
]


def seed(apps, schema_editor):
    JobSource = apps.get_model("jobpool", "JobSource")
    for key, name, kind in SOURCES:
        JobSource.objects.update_or_create(key=key, defaults={"name": name, "kind": kind})


def unseed(apps, schema_editor):
    JobSource = apps.get_model("jobpool", "JobSource")
    JobSource.objects.filter(key__in=[key for key, _, _ in SOURCES], postings__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("jobpool", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
