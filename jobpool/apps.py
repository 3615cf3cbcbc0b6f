from django.apps import AppConfig


class JobpoolConfig(AppConfig):
    name = "jobpool"
    verbose_name = "Job pool"
    default_auto_field = "django.db.models.BigAutoField"
