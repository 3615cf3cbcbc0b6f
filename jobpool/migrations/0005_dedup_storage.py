# Storage for fast bulk intake (docs/decisions/041-dedup-storage.md):
# - the LSH band rows move to a table whose only index is its primary key (key, posting): no surrogate id,
#   no foreign key check and no posting index per row (existing rows are copied, both ways);
# - JobPosting, JobSighting and JobSkill lose the indexes no query needs (the constraints stay);
# - the long text columns of JobPosting are TOAST-compressed with lz4 on PostgreSQL (when the server has it).

import django.db.models.deletion
from django.db import DatabaseError, migrations, models, transaction

LZ4_COLUMNS = ("description", "description_text", "requirements", "culture_text", "raw_text")


def _set_compression(schema_editor, method: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    columns = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in LZ4_COLUMNS)
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(f"ALTER TABLE jobpool_jobposting {columns}")
    except DatabaseError:
        pass  # a server built without lz4 keeps pglz: slower inserts, same behaviour


def use_lz4(apps, schema_editor):
    _set_compression(schema_editor, "lz4")


def use_default_compression(apps, schema_editor):
    _set_compression(schema_editor, "default")


def copy_bands_forward(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO jobpool_lsh_band (key, posting_id) SELECT DISTINCT key, posting_id FROM jobpool_minhash_band"
    )


def copy_bands_back(apps, schema_editor):
    # The old table has a foreign key: rows of postings deleted meanwhile are not carried back.
    schema_editor.execute(
        "INSERT INTO jobpool_minhash_band (key, posting_id) SELECT b.key, b.posting_id FROM jobpool_lsh_band b "
        "WHERE EXISTS (SELECT 1 FROM jobpool_jobposting p WHERE p.id = b.posting_id)"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('jobpool', '0004_matching'),
    ]

    operations = [
        # ---- band rows: a new table, rows copied, the old table dropped (a primary key cannot become composite)
        migrations.RenameModel('MinHashBand', 'LegacyMinHashBand'),
        migrations.CreateModel(
            name='MinHashBand',
            fields=[
                ('pk', models.CompositePrimaryKey('key', 'posting', blank=True, editable=False, primary_key=True, serialize=False)),
                ('key', models.BigIntegerField()),
                ('posting', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='jobpool.jobposting')),
            ],
            options={
                'db_table': 'jobpool_lsh_band',
            },
        ),
        migrations.RunPython(copy_bands_forward, copy_bands_back, elidable=False),
        migrations.DeleteModel(name='LegacyMinHashBand'),
        # ---- indexes no query needs
        migrations.RemoveIndex(
            model_name='jobposting',
            name='jobpool_posting_hash_idx',
        ),
        migrations.RemoveIndex(
            model_name='jobposting',
            name='jobpool_posting_company_idx',
        ),
        migrations.RemoveIndex(
            model_name='jobposting',
            name='jobpool_posting_surface_idx',
        ),
        migrations.AlterField(
            model_name='jobposting',
            name='previous_posting',
            field=models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reposts', to='jobpool.jobposting'),
        ),
        migrations.AlterField(
            model_name='jobposting',
            name='source',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='postings', to='jobpool.jobsource'),
        ),
        migrations.AlterField(
            model_name='jobsighting',
            name='posting',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='sightings', to='jobpool.jobposting'),
        ),
        migrations.AlterField(
            model_name='jobsighting',
            name='source',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='jobpool.jobsource'),
        ),
        migrations.AlterField(
            model_name='jobsighting',
            name='url_key',
            field=models.CharField(blank=True, help_text='normalize.canonical_url(url)', max_length=500),
        ),
        migrations.AlterField(
            model_name='jobskill',
            name='posting',
            field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='skills', to='jobpool.jobposting'),
        ),
        migrations.AddIndex(
            model_name='jobposting',
            index=models.Index(condition=models.Q(('quarantine_status', 'clear'), _negated=True), fields=['quarantine_status'], name='jobpool_posting_moderation_idx'),
        ),
        migrations.AddIndex(
            model_name='jobposting',
            index=models.Index(condition=models.Q(('previous_posting__isnull', False)), fields=['previous_posting'], name='jobpool_posting_repost_idx'),
        ),
        migrations.AddIndex(
            model_name='jobsighting',
            index=models.Index(fields=['url_key'], name='jobpool_sighting_url_idx'),
        ),
        # ---- TOAST compression of the long texts (PostgreSQL; new values only, old rows stay as they are)
        migrations.RunPython(use_lz4, use_default_compression, elidable=False),
    ]
