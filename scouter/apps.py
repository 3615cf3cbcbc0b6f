from django.apps import AppConfig


class ScouterConfig(AppConfig):
    name = "scouter"
    verbose_name = "Scouter"
    default_auto_field = "django.db.models.BigAutoField"
