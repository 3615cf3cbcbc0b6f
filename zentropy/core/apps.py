from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zentropy.core"
    label = "core"
    verbose_name = "Core"
