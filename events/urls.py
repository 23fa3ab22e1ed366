"""The member's registrations under /konto/anmeldungen/ (and /en/konto/anmeldungen/),
beside the membership app's account pages."""

from django.urls import path

from . import account

app_name = "events_account"

urlpatterns = [
    path("<int:pk>/stornieren/", account.cancel_registration, name="cancel_registration"),
]
