"""The topics of the editor guide, in reading order.

The guide is German-only by design: its readers are the association's staff, who work in
the German admin, and its text quotes the German labels of the admin. Titles and summaries
are therefore German text, not gettext msgids (only the menu label "Help" is translated).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str  # the topic's address under /admin/hilfe/ and its template guide/<slug>.html
    title: str
    summary: str  # one sentence for the table of contents
    audience: str  # the groups the topic is written for

    @property
    def template_name(self):
        return f"guide/{self.slug}.html"


TOPICS = (
    Topic(
        "ueberblick",
        "Überblick und Rollen",
        "Was wo im Admin steht und wer was darf.",
        "alle",
    ),
    Topic(
        "startseite",
        "Startseite aus Blöcken bauen",
        "Welche Blöcke es gibt, wofür sie da sind und wie man sie anordnet.",
        "Redaktion",
    ),
    Topic(
        "news",
        "News und Pressemitteilungen",
        "Meldungen schreiben, Pressemitteilungen zur Freigabe einreichen.",
        "Redaktion, Freigabe",
    ),
    Topic(
        "veranstaltungen",
        "Veranstaltungen mit Anmeldung",
        "Termine anlegen, die Anmeldung einstellen, Listen, CSV und Einlass.",
        "Redaktion, Anmeldungen",
    ),
    Topic(
        "terminkalender",
        "Serien, Partnerkalender und gemeldete Termine",
        "Wiederkehrende Termine, Kalender von Partnern importieren, Meldungen prüfen.",
        "Redaktion",
    ),
    Topic(
        "galerien",
        "Galerien und Bildnachweise",
        "Bilder hochladen mit Fotograf, Lizenz und Nutzungsrecht; Galerien anlegen.",
        "Redaktion",
    ),
    Topic(
        "veroeffentlichen",
        "Veröffentlichen planen und Freigabe",
        "Zeitplan, Freigeben und Ablehnen, frühere Versionen vergleichen und zurückholen.",
        "Redaktion, Freigabe",
    ),
    Topic(
        "arbeitsgruppen",
        "Arbeitsgruppen",
        "Seiten der Arbeitsgruppen und wie Projekte, Termine und News dort erscheinen.",
        "Redaktion",
    ),
    Topic(
        "mitglieder",
        "Mitglieder",
        "Mitgliedsorganisationen und Mitgliedskonten pflegen.",
        "Mitgliederverwaltung, Administration",
    ),
    Topic(
        "barrierefreiheit",
        "Barrierefreiheit beim Schreiben",
        "Alternativtexte, Überschriften, Linktexte und Leichte Sprache.",
        "alle, die Inhalte schreiben",
    ),
)

BY_SLUG = {topic.slug: topic for topic in TOPICS}


def neighbours(topic):
    """The topics before and after `topic` in reading order (None at either end)."""
    position = TOPICS.index(topic)
    previous = TOPICS[position - 1] if position > 0 else None
    following = TOPICS[position + 1] if position + 1 < len(TOPICS) else None
    return previous, following
