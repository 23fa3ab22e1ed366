"""Every holder of personal data, in one registry (DSGVO): what has had its time is
deleted by one daily purge (`manage.py purge_personal_data`, run by the scheduler), and
one person is erased everywhere on request (`manage.py erase_person <address>`).

A holder registers itself once (in its AppConfig.ready) with its rule:
`register("registrations", label="Anmeldungen", purge=…, erase=…, find=…)`. The core
imports no app; the apps register into it. Holders run in the order they registered
(an app registers a holder that needs the address before the one that deletes it).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Holder:
    """`purge()` deletes or empties what is past its retention period, `erase(address)`
    the records of one person, `find(address)` counts what `erase` would change; each
    returns a number of records. `label` names the holder in the commands' output
    (German), `effect` what happens to its records ("anonymisiert", "gelöscht")."""

    key: str
    label: str
    effect: str
    purge: Callable[[], int]
    erase: Callable[[str], int]
    find: Callable[[str], int]


_holders: dict[str, Holder] = {}


def register(key, *, label, purge, erase, find, effect="gelöscht"):
    """Add a holder of personal data (again under the same key replaces it)."""
    _holders[key] = Holder(key, label, effect, purge, erase, find)


def holders():
    """The registered holders, in the order they registered."""
    return list(_holders.values())


def holder(key):
    return _holders[key]


def _each(action):
    """(holder, number or None, error or None) for every holder: one failing holder does
    not keep the others from their work."""
    results = []
    for each in holders():
        try:
            results.append((each, action(each), None))
        except Exception as error:
            logger.exception("Retention: %s failed", each.key)
            results.append((each, None, error))
    return results


def purge_all():
    """Run every holder's retention rule; (holder, number, error) for each."""
    return _each(lambda each: each.purge())


def erase_person(address, dry_run=False):
    """Erase the person with this address from every holder (with `dry_run`: only count
    what would be erased); (holder, number, error) for each."""
    address = (address or "").strip()
    if not address:
        raise ValueError("An address is needed to erase a person.")
    return _each(lambda each: each.find(address) if dry_run else each.erase(address))
