from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "exports"
    verbose_name = "Import and export"
    default_auto_field = "django.db.models.BigAutoField"
