"""The permissions of the registration staff's views, by name (the admin views, the
edit page's counts panel and the menu item check the same ones)."""

VIEW = "events.view_registration"
