"""The editor guide inside the Wagtail admin ("Hilfe"): short German pages on how the
portal's staff do their work, replacing the link to Wagtail's generic English guide."""
