from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Shared plumbing")

    def ready(self):
        from .display import install_fast_display

        install_fast_display()
