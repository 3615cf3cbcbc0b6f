from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights and the public demo board"
    default_auto_field = "django.db.models.BigAutoField"
