from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Reminders, calendar feed and tracker settings"
    default_auto_field = "django.db.models.BigAutoField"
