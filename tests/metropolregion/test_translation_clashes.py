"""Our German catalogue is looked up before Wagtail's (LOCALE_PATHS): a msgid without
context that Wagtail's admin also uses must not get another German word here, or the admin
changes its labels (it once showed "Stornieren" for Wagtail's "Abbrechen", "Nachrücken
lassen" on every "Move up" arrow). Words of our own with another meaning need a context
(`{% translate "Cancel" context "registration" %}`)."""

from pathlib import Path

import polib
import wagtail
from django.conf import settings

# Where our German differs from Wagtail's on purpose (same meaning, our house style).
ALLOWED = {
    "Account": "Konto",
    "Caption": "Bildunterschrift",
    "Type": "Art",
    "Submission date": "Eingangsdatum",
    "Previous": "Zurück",
    "Next": "Weiter",
    "Undo": "Zurücknehmen",
    "Filter": "Filtern",
    "required": "Pflichtfeld",
}


def test_no_context_free_msgid_changes_a_wagtail_admin_label():
    ours = polib.pofile(str(Path(settings.BASE_DIR) / "locale/de/LC_MESSAGES/django.po"))
    theirs = {}
    for po_path in Path(wagtail.__file__).parent.glob("**/locale/de/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po_path)):
            if entry.msgstr and not entry.msgctxt:
                theirs.setdefault(entry.msgid, entry.msgstr)
    clashes = {
        entry.msgid: (entry.msgstr, theirs[entry.msgid])
        for entry in ours
        if not entry.obsolete
        and not entry.msgctxt
        and entry.msgid in theirs
        and entry.msgstr
        and entry.msgstr != theirs[entry.msgid]
        and ALLOWED.get(entry.msgid) != entry.msgstr
    }
    assert not clashes, clashes
