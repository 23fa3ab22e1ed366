from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and the benchmarks (development and tests only)."""

    name = "demo"
    verbose_name = "Demo"
