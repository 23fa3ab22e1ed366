"""Partner calendars: ICS feeds of other organisers imported into the region's calendar
(issue 17). Models in `models.py`, the guarded download in `fetch.py`, reading a feed in
`parse.py`, the rules that write event pages in `importer.py`, the admin in
`wagtail_hooks.py`/`views.py`."""
