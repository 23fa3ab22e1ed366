from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestimonialsConfig(AppConfig):
    name = "testimonials"
    verbose_name = _("Testimonials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # A testimonial shows only in the testimonials block: a change re-renders that block,
        # not every fragment (metropolregion.fragments).
        from metropolregion import fragments

        fragments.track("testimonials.testimonial", "testimonials.testimonial")
