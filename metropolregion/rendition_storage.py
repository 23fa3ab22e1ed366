"""Where renditions are stored: WAGTAILIMAGES_RENDITION_STORAGE names `rendition_storage`.

Wagtail calls it once, when the Rendition model is created, and binds the rendition field
to what it returns: here a lazy object that is the storage "renditions" of STORAGES when
there is one (object storage: settings/storage.py), else the default storage (MEDIA_ROOT).
It is looked up again whenever STORAGES changes (override_settings in tests), as Django's
own `default_storage` is.
"""

from django.conf import settings
from django.core.files.storage import default_storage, storages
from django.core.signals import setting_changed
from django.utils.functional import LazyObject, empty

RENDITIONS = "renditions"


class RenditionStorage(LazyObject):
    """The storage "renditions" of STORAGES, or the default storage without one."""

    def _setup(self):
        self._wrapped = storages[RENDITIONS] if RENDITIONS in settings.STORAGES else default_storage


_rendition_storage = RenditionStorage()


def rendition_storage():
    return _rendition_storage


def _forget(*, setting, **kwargs):
    if setting == "STORAGES":
        _rendition_storage._wrapped = empty


setting_changed.connect(_forget, dispatch_uid="metropolregion-rendition-storage")
