"""German texts of the demo calendar, written for this project.

The past events keep the facts of the association's homepage (names, places and the
dates it gives); every sentence is new. Where the homepage gives no date, the date here is
a demo value and marked as such. Venues, streets, programme speakers, organisers of other
events and photographers are invented examples; addresses on the web are example.org.

The upcoming events are invented. Their days are offsets from the day the demo is loaded,
so the calendar never runs empty: `days` is (first, last) in days from today, `times` the
clock times in Berlin (None for an all-day event), and `this_month` moves the event
forward into the current month while the month has days left.
"""

import datetime
from decimal import Decimal

from .choices import EventFormat, EventStatus

INDEX = {
    "title": "Termine",
    "slug": "termine",
    "intro": (
        "Kongresse, Konferenzen und Netzwerktreffen der Metropolregion sowie ausgewählte "
        "Veranstaltungen unserer Partner in Sachsen, Sachsen-Anhalt und Thüringen. Filtern "
        "Sie nach Thema oder Arbeitsgruppe und abonnieren Sie den Kalender."
    ),
}

HOME_BLOCK = {"heading": "Nächste Termine", "count": 3, "topic": ""}
FEATURED_BLOCK = {"heading": "Termin vormerken", "text": ""}

# Invented example photographers.
PHOTOGRAPHERS = [
    "Clara Beispiel",
    "Moritz Muster",
    "Selin Exempel",
]

IMAGE_ALT = {
    "blue": "Gezeichnete Hügellandschaft in Blautönen (Symbolbild)",
    "teal": "Gezeichnete Hügellandschaft in Türkistönen (Symbolbild)",
    "gold": "Gezeichnete Hügellandschaft in warmen Goldtönen (Symbolbild)",
    "green": "Gezeichnete Hügellandschaft in Grüntönen (Symbolbild)",
    "rose": "Gezeichnete Hügellandschaft in Rosétönen (Symbolbild)",
    "slate": "Gezeichnete Hügellandschaft in Schiefergrau (Symbolbild)",
}


def _at(day, clock):
    """A day and a clock time ("2025-06-24", "10:00"), combined in Berlin by the builder."""
    return datetime.date.fromisoformat(day), datetime.time.fromisoformat(clock)


def _day(day):
    return datetime.date.fromisoformat(day)


def _item(start, end, title, speakers="", description="", day=None):
    return {
        "day": day,
        "start_time": start,
        "end_time": end,
        "title": title,
        "speakers": speakers,
        "description": description,
    }


# Downloads: key -> (document title, file name, heading in the PDF, paragraphs).
DOCUMENTS = {
    "programm-jahreskonferenz": (
        "Programm Jahreskonferenz 2025 (Demo)",
        "programm-jahreskonferenz-2025.pdf",
        "Jahreskonferenz 2025 in Zwickau – Programm",
        [
            "Dienstag, 24. Juni 2025, 10:00 bis 16:30 Uhr.",
            "09:30 Ankommen und Kaffee. 10:00 Begrüßung. 10:20 Session Energiewende. "
            "12:00 Mittagspause. 13:00 Session Automobilwirtschaft. 14:30 Session grüne "
            "Chemie. 16:00 Zusammenfassung und Ausblick.",
            "Dieses Dokument ist ein Beispiel der Demo-Inhalte. Alle genannten Personen und "
            "Orte sind erfunden.",
        ],
    ),
    "dokumentation-jahreskonferenz": (
        "Kurzdokumentation Jahreskonferenz 2025 (Demo)",
        "dokumentation-jahreskonferenz-2025.pdf",
        "Jahreskonferenz 2025 – Ergebnisse in Kürze",
        [
            "Energiewende: Netze und Speicher entscheiden, wie schnell Industrie und "
            "Gewerbe erneuerbaren Strom nutzen können.",
            "Automobilwirtschaft: Zulieferer brauchen Zeit und Kapital, um neue Produkte für "
            "elektrische Antriebe zu entwickeln; Kooperation über Landesgrenzen hilft dabei.",
            "Grüne Chemie: Biogene Rohstoffe und grüner Wasserstoff können fossile Ausgangsstoffe "
            "ersetzen, wenn Leitungen und Genehmigungen rechtzeitig kommen.",
            "Dieses Dokument ist ein Beispiel der Demo-Inhalte.",
        ],
    ),
    "programm-wasserstoffkongress": (
        "Programm 5. Mitteldeutscher Wasserstoffkongress (Demo)",
        "programm-wasserstoffkongress.pdf",
        "5. Mitteldeutscher Wasserstoffkongress – Programm",
        [
            "Eröffnung im Plenum, Projektschau der Wasserstoffregion Mitteldeutschland, "
            "Fachforen zu Erzeugung, Transport und Anwendung, Abschlussrunde.",
            "Eine Veranstaltung der Europäischen Metropolregion Mitteldeutschland und des "
            "HYPOS e. V. Dieses Dokument ist ein Beispiel der Demo-Inhalte.",
        ],
    ),
    "programmentwurf-fachkraeftedialog": (
        "Programmentwurf Fachkräftedialog (Demo)",
        "programmentwurf-fachkraeftedialog.pdf",
        "Fachkräftedialog – Programmentwurf",
        [
            "Impulse aus Betrieben und Hochschulen, drei Werkstattrunden zu Ausbildung, "
            "Zuwanderung und Bindung, Verabredungen für das kommende Jahr.",
            "Dieses Dokument ist ein Beispiel der Demo-Inhalte.",
        ],
    ),
}


# -- past events: the facts of the association's homepage --

PAST_EVENTS = [
    {
        "slug": "5-mitteldeutscher-wasserstoffkongress",
        "title": "5. Mitteldeutscher Wasserstoffkongress",
        # Demo value: the homepage gives no date; the galleries demo uses the same day.
        # The place (Leipzig) and the venue are demo values too.
        "start": _at("2025-09-16", "09:30"),
        "end": _at("2025-09-16", "17:00"),
        "all_day": False,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.IN_PERSON,
        "venue": "Kongresshaus am Auwald",
        "street": "Beispielallee 1",
        "postcode": "04109",
        "city": "Leipzig",
        "teaser": (
            "Zum fünften Mal zeigte die Wasserstoffregion Mitteldeutschland, woran sie "
            "arbeitet. Die Metropolregion und der HYPOS e. V. luden gemeinsam ein: Unternehmen, "
            "Forschung, Politik und Verwaltung aus drei Ländern an einem Ort."
        ),
        "tags": ["Wasserstoff", "Innovation"],
        "group": "wasserstoff-und-energie",
        "image": ("blue", 5101, 0),
        "body": [
            (
                "Ein Kongress, zwei Gastgeber",
                "<p>Die Europäische Metropolregion Mitteldeutschland und der HYPOS e. V. "
                "richten den Kongress gemeinsam aus. Er bündelt, was in Sachsen, "
                "Sachsen-Anhalt und Thüringen rund um grünen Wasserstoff entsteht – von der "
                "Elektrolyse über Leitungen und Speicher bis zur Anwendung in Chemie, "
                "Verkehr und Energieversorgung.</p>",
            ),
        ],
        "programme": [
            _item(
                "09:30", "10:15", "Eröffnung im Plenum", "Dr. Katrin Beispiel, Beispiel Energie AG"
            ),
            _item(
                "10:30",
                "12:30",
                "Projektschau der Wasserstoffregion",
                description="Vorhaben aus allen drei Ländern stellen sich an Ständen und in "
                "Kurzvorträgen vor.",
            ),
            _item("13:30", "15:30", "Fachforen: Erzeugung, Transport, Anwendung"),
            _item(
                "16:00",
                "17:00",
                "Abschlussrunde: Was die Region jetzt braucht",
                "Prof. Dr. Jan Skizze, Institut Beispielstadt\n"
                "Sabine Exempel, Landkreis Musterland",
            ),
        ],
        "documents": [("programm-wasserstoffkongress", "Kongressprogramm (PDF)")],
        "registration_url": "",
        "report": [
            (
                "Wasserstoff zum Anfassen",
                "<p>Rund um das Plenum zeigten Projekte aus der ganzen Region, wie weit sie "
                "gekommen sind: Elektrolyseure im Testbetrieb, erste Abschnitte eines "
                "Leitungsnetzes und Pläne für Tankstellen an Logistikstandorten.</p>",
            ),
            (
                "Vernetzung über Ländergrenzen",
                "<p>In den Fachforen saßen Betreiber, Anwender und Genehmigungsbehörden an "
                "einem Tisch. Mehrere Teilnehmende verabredeten gemeinsame Anträge – ein "
                "Ergebnis, das die Arbeitsgruppe Wasserstoff und Energie weiter begleitet.</p>",
            ),
        ],
    },
    {
        "slug": "jahreskonferenz-2025-zwickau",
        "title": "Jahreskonferenz 2025 in Zwickau",
        # Date and town from the homepage; the times and the venue are demo values.
        "start": _at("2025-06-24", "10:00"),
        "end": _at("2025-06-24", "16:30"),
        "all_day": False,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.IN_PERSON,
        "venue": "Tagungszentrum am Schwanenteich",
        "street": "Musterstraße 12",
        "postcode": "08056",
        "city": "Zwickau",
        "teaser": (
            "Energiewende, Automobilwirtschaft und grüne Chemie: Drei Schlüsselbranchen der "
            "Region standen im Mittelpunkt unserer Jahreskonferenz – mit Impulsen, "
            "Gesprächsrunden und vielen Fragen aus dem Publikum."
        ),
        "tags": ["Strukturwandel", "Mobilität", "Innovation"],
        "group": "strukturwandel-im-revier",
        "image": ("slate", 5102, 1),
        "body": [
            (
                "Drei Branchen, ein Tag",
                "<p>Die Konferenz widmete jeder Branche eine eigene Session. Auf einen "
                "kurzen Impuls folgte jeweils eine Gesprächsrunde mit Stimmen aus "
                "Unternehmen, Wissenschaft und Verwaltung.</p>",
            ),
        ],
        "programme": [
            _item("09:30", "10:00", "Ankommen, Anmeldung und Kaffee"),
            _item(
                "10:00",
                "10:20",
                "Begrüßung",
                "Dr. Hanna Beispiel, Vorstandsvorsitzende (Beispielperson)",
            ),
            _item(
                "10:20",
                "12:00",
                "Session 1: Energiewende",
                "Tobias Muster, Beispiel Netze GmbH\nDr. Aylin Probe, Hochschule Musterstadt",
                "Wie kommen Netze, Speicher und erneuerbarer Strom schnell genug zu den "
                "Betrieben der Region?",
            ),
            _item("12:00", "13:00", "Mittagspause"),
            _item(
                "13:00",
                "14:20",
                "Session 2: Automobilwirtschaft",
                "Markus Vorlage, Musterwerke Zwickau GmbH\n"
                "Julia Entwurf, Zulieferverbund Beispielland",
                "Vom Verbrenner zum elektrischen Antrieb: was Zulieferer jetzt brauchen.",
            ),
            _item(
                "14:30",
                "15:50",
                "Session 3: Grüne Chemie",
                "Dr. Felix Exempel, Chemiepark Musterhausen\n"
                "Prof. Dr. Nora Skizze, Institut Beispielstadt",
                "Biogene Rohstoffe und grüner Wasserstoff als Grundlage der Chemie von morgen.",
            ),
            _item("16:00", "16:30", "Zusammenfassung und Ausblick"),
        ],
        "documents": [
            ("programm-jahreskonferenz", "Programm (PDF)"),
            ("dokumentation-jahreskonferenz", "Ergebnisse in Kürze (PDF)"),
        ],
        "registration_url": "",
        "report": [
            (
                "Wandel mit vielen Gesichtern",
                "<p>Über den Tag wurde deutlich, wie eng die drei Branchen verbunden sind: "
                "Die Fabrik braucht erneuerbaren Strom, die Batterie braucht Chemie, und die "
                "Chemie braucht Wasserstoff. Wer eine Branche stärkt, hilft den anderen mit.</p>",
            ),
            (
                "Was wir mitnehmen",
                "<p>Die Teilnehmenden wünschten sich schnellere Genehmigungen, verlässliche "
                "Förderung und mehr Austausch zwischen Betrieben über Landesgrenzen hinweg. "
                "Die Arbeitsgruppen greifen diese Punkte im kommenden Jahr auf.</p>",
            ),
        ],
    },
    {
        "slug": "14-ostdeutsches-energieforum",
        "title": "14. Ostdeutsches Energieforum",
        # Days and town from the homepage; the times, venue and organiser are demo values.
        "start": _at("2025-09-23", "09:00"),
        "end": _at("2025-09-24", "15:00"),
        "all_day": False,
        "own": False,
        "organiser": ("Beispiel Konferenzen GmbH", "https://example.org/energieforum"),
        "format": EventFormat.IN_PERSON,
        "venue": "Messehaus am Park",
        "street": "Beispielweg 7",
        "postcode": "04356",
        "city": "Leipzig",
        "teaser": (
            "Zwei Tage Energiepolitik in Leipzig: Politik, Wissenschaft, Energiewirtschaft, "
            "Verwaltung und ostdeutscher Mittelstand fragen, ob die Energiewende Tempo braucht "
            "oder eine Korrektur. Mitglieder der Metropolregion erhalten ermäßigte Tickets."
        ),
        "tags": ["Wasserstoff", "Strukturwandel"],
        "group": "wasserstoff-und-energie",
        "image": ("gold", 5103, 2),
        "body": [
            (
                "Worum es geht",
                "<p>Das Forum fragt, welche Kurskorrekturen Energiewende und Wirtschaft jetzt "
                "brauchen – und ob eher beschleunigt oder gebremst werden sollte. Auf dem "
                "Podium und in Foren diskutieren Entscheiderinnen und Entscheider aus ganz "
                "Ostdeutschland.</p>",
            ),
            (
                "Vergünstigung für Mitglieder",
                "<p>Wer in einer Mitgliedsorganisation der Europäischen Metropolregion "
                "Mitteldeutschland arbeitet, bekommt bei der Anmeldung einen ermäßigten "
                "Ticketpreis. Den Code dafür verschickt die Geschäftsstelle auf Anfrage.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "https://example.org/anmeldung/energieforum",
        "report": [],
    },
    {
        "slug": "mint-monat-september-mitteldeutschland",
        "title": "MINT-Monat September Mitteldeutschland",
        # The homepage names September 2025; organiser and online offers are demo values.
        "start": _day("2025-09-01"),
        "end": _day("2025-09-30"),
        "all_day": True,
        "own": False,
        "organiser": ("MINT-Netzwerke der Region (Beispiel)", "https://example.org/mint-monat"),
        "format": EventFormat.HYBRID,
        "venue": "",
        "street": "",
        "postcode": "",
        "city": "Region Mitteldeutschland",
        "online_url": "https://example.org/mint-monat/online",
        "teaser": (
            "Vier Wochen Mathematik, Informatik, Naturwissenschaften und Technik zum "
            "Mitmachen: Schulen, Hochschulen, Betriebe und Vereine in der ganzen Region öffnen "
            "ihre Labore, Werkstätten und Hörsäle für junge Leute."
        ),
        "tags": ["Fachkräfte", "Innovation"],
        "group": "fachkraefte-und-bildung",
        "image": None,
        "body": [
            (
                "Ausprobieren erwünscht",
                "<p>Ob Programmierkurs, Experiment im Schülerlabor oder Blick in eine "
                "Werkhalle: Die Angebote richten sich an Kinder, Jugendliche und alle, die "
                "einen technischen Beruf kennenlernen möchten. Viele Termine gibt es auch "
                "online.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
        "report": [],
    },
    {
        "slug": "mint-in-mitteldeutschland-halle",
        "title": "Auftakt „MINT in Mitteldeutschland“",
        # Day and town from the homepage; the times and the venue are demo values.
        "start": _at("2025-09-02", "10:00"),
        "end": _at("2025-09-02", "15:00"),
        "all_day": False,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.IN_PERSON,
        "venue": "Forum am Saaleufer",
        "street": "Musterweg 3",
        "postcode": "06108",
        "city": "Halle (Saale)",
        "teaser": (
            "Mit einem Aktionstag in Halle (Saale) begann der MINT-Monat: Mitmachstationen, "
            "kurze Vorträge und Gespräche zwischen Schülerinnen, Schülern, Betrieben und "
            "Hochschulen."
        ),
        "tags": ["Fachkräfte", "Innovation"],
        "group": "fachkraefte-und-bildung",
        "image": ("teal", 5104, 0),
        "body": [
            (
                "Der Startschuss für vier Wochen MINT",
                "<p>Der Auftakt stellt die Angebote des Monats vor und bringt diejenigen "
                "zusammen, die sie möglich machen: Lehrkräfte, Ausbildungsbetriebe, "
                "Hochschulen und Initiativen aus der Region.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
        "report": [
            (
                "Voller Saal, volle Stationen",
                "<p>Schulklassen aus Halle und dem Umland löteten, programmierten kleine "
                "Roboter und mikroskopierten Pflanzenfasern. Betriebe aus der Region "
                "berichteten, welche Ausbildungsberufe sie anbieten.</p>",
            ),
            (
                "Wie es weitergeht",
                "<p>Die Arbeitsgruppe Fachkräfte und Bildung wertet die Rückmeldungen aus "
                "und plant mit den Partnern die nächste Ausgabe.</p>",
            ),
        ],
    },
    {
        "slug": "expo-real-2024",
        "title": "Mitteldeutscher Gemeinschaftsstand auf der EXPO REAL 2024",
        # Demo value aligned with the gallery of the stand (7 October 2024, first day).
        "start": _day("2024-10-07"),
        "end": _day("2024-10-09"),
        "all_day": True,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.IN_PERSON,
        "venue": "Messegelände",
        "street": "",
        "postcode": "",
        "city": "München",
        "teaser": (
            "Drei Messetage, ein gemeinsamer Stand: Städte, Landkreise und Unternehmen aus "
            "Mitteldeutschland zeigten Investorinnen und Investoren ihre Flächen und Projekte."
        ),
        "tags": ["Strukturwandel", "Innovation"],
        "group": "standortmarketing-und-internationalisierung",
        "image": ("green", 5105, 1),
        "body": [
            (
                "Die Region auf der Immobilienmesse",
                "<p>Seit 2014 organisiert die Metropolregion den gemeinsamen Auftritt der "
                "Region auf der EXPO REAL. Partner aus drei Ländern teilen sich Stand, "
                "Podium und Gesprächsräume.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
        "report": [
            (
                "Viele Gespräche, neue Kontakte",
                "<p>Am Stand stellten die Partner Gewerbeflächen, Quartiersprojekte und "
                "Ansiedlungen vor. Auf dem Podium ging es um die Frage, wie das Revier nach "
                "der Kohle neue Arbeitsplätze gewinnt.</p>",
            ),
        ],
    },
    {
        "slug": "12-geraer-hoehler-biennale",
        "title": "12. Geraer Höhler-Biennale",
        # Demo values: the homepage gives no dates; organiser invented.
        "start": _day("2025-08-30"),
        "end": _day("2025-09-28"),
        "all_day": True,
        "own": False,
        "organiser": ("Kulturverein Beispiel Gera e. V.", "https://example.org/hoehler-biennale"),
        "format": EventFormat.IN_PERSON,
        "venue": "Geraer Höhler",
        "street": "",
        "postcode": "07545",
        "city": "Gera",
        "teaser": (
            "Kunst unter der Altstadt: Künstlerinnen und Künstler bespielen die historischen "
            "Bierkeller von Gera mit Installationen, Licht und Klang."
        ),
        "tags": [],
        "group": None,
        "image": None,
        "body": [
            (
                "Ausstellung in den Kellern",
                "<p>Die Höhler sind in den Fels gehauene Gänge unter Geras Altstadt. Alle "
                "zwei Jahre werden sie zum Ausstellungsraum; Führungen verbinden die "
                "einzelnen Stationen.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
        "report": [],
    },
    {
        "slug": "interkulturelle-wochen-leipzig-2025",
        "title": "Interkulturelle Wochen Leipzig 2025",
        # Demo values: the homepage gives no dates; organiser invented.
        "start": _day("2025-09-12"),
        "end": _day("2025-10-05"),
        "all_day": True,
        "own": False,
        "organiser": (
            "Netzwerk Interkulturelle Wochen (Beispiel)",
            "https://example.org/interkulturelle-wochen",
        ),
        "format": EventFormat.IN_PERSON,
        "venue": "",
        "street": "",
        "postcode": "",
        "city": "Leipzig",
        "teaser": (
            "Mehr als drei Wochen Begegnung: Vereine, Initiativen und Einrichtungen laden in "
            "ganz Leipzig zu Festen, Lesungen, Workshops und Gesprächen ein."
        ),
        "tags": [],
        "group": None,
        "image": None,
        "body": [
            (
                "Programm in der ganzen Stadt",
                "<p>Die Veranstaltungen finden in Stadtteilzentren, Bibliotheken, Kirchen und "
                "auf öffentlichen Plätzen statt. Die meisten sind kostenlos.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
        "report": [],
    },
    {
        "slug": "18-ausbildungsmesse-delitzsch",
        "title": "18. Ausbildungsmesse „Ausbildung – Gut für die Region“ in Delitzsch",
        # Demo values: the homepage gives no date; times, venue and organiser invented.
        "start": _at("2025-09-13", "09:00"),
        "end": _at("2025-09-13", "13:00"),
        "all_day": False,
        "own": False,
        "organiser": (
            "Wirtschaftsforum Nordsachsen (Beispiel)",
            "https://example.org/ausbildungsmesse",
        ),
        "format": EventFormat.IN_PERSON,
        "venue": "Sporthalle am Beispielpark",
        "street": "Parkstraße 5",
        "postcode": "04509",
        "city": "Delitzsch",
        "teaser": (
            "Betriebe, Behörden und Schulen aus Nordsachsen stellen Ausbildungsberufe und "
            "duale Studiengänge vor – mit Gesprächen am Stand und Bewerbungsmappen-Check."
        ),
        "tags": ["Fachkräfte"],
        "group": None,
        "image": None,
        "body": [
            (
                "Für wen die Messe ist",
                "<p>Die Messe richtet sich an Schülerinnen und Schüler der Abschlussklassen, "
                "ihre Eltern und an alle, die einen Neustart suchen. Der Eintritt ist frei.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
        "report": [],
    },
]


# -- upcoming events: invented, dated relative to the day the demo is loaded --

UPCOMING_EVENTS = [
    {
        "slug": "netzwerktreffen-wasserstoff-mittelstand",
        "title": "Netzwerktreffen Wasserstoff: Elektrolyse für den Mittelstand",
        "days": (5, 5),
        "this_month": True,
        "times": ("10:00", "16:30"),
        "status": EventStatus.SCHEDULED,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.IN_PERSON,
        "venue": "Technologiezentrum Beispielpark",
        "street": "Chemiestraße 4",
        "postcode": "06766",
        "city": "Bitterfeld-Wolfen",
        "online_url": "",
        "teaser": (
            "Wie kommt ein mittelständischer Betrieb zu eigenem grünem Wasserstoff? "
            "Anwender, Anlagenbauer und Förderberatung berichten aus der Praxis – mit "
            "Besichtigung einer Versuchsanlage."
        ),
        "tags": ["Wasserstoff", "Innovation"],
        "group": "wasserstoff-und-energie",
        "image": ("blue", 5201, 0),
        "body": [
            (
                "Aus der Praxis für die Praxis",
                "<p>Drei Betriebe aus der Region zeigen, wie sie Elektrolyseure planen, "
                "finanzieren und betreiben. Danach ist Zeit für Fragen und für Gespräche "
                "an Thementischen.</p>",
            ),
        ],
        "programme": [
            _item("10:00", "10:15", "Begrüßung", "Dr. Katrin Beispiel, Beispiel Energie AG"),
            _item(
                "10:15",
                "12:00",
                "Drei Betriebe, drei Wege zum Elektrolyseur",
                "Lars Muster, Musterguss GmbH\nDilara Probe, Beispiel Glaswerke\n"
                "Thomas Vorlage, Stadtwerke Musterstadt",
            ),
            _item("12:00", "13:00", "Mittagsimbiss"),
            _item("13:00", "14:30", "Thementische: Förderung, Genehmigung, Betrieb"),
            _item("14:45", "16:30", "Besichtigung der Versuchsanlage"),
        ],
        "documents": [],
        "registration_url": "",
    },
    {
        "slug": "online-sprechstunde-foerderung-revier",
        "title": "Online-Sprechstunde: Fördergeld für Ideen aus dem Revier",
        "days": (12, 12),
        "this_month": True,
        "times": ("14:00", "15:30"),
        "status": EventStatus.SCHEDULED,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.ONLINE,
        "venue": "",
        "street": "",
        "postcode": "",
        "city": "",
        "online_url": "https://example.org/online/sprechstunde-revier",
        "teaser": (
            "Sie haben eine Projektidee für den Strukturwandel und suchen die passende "
            "Förderung? In der Sprechstunde beantworten Fachleute Ihre Fragen – kostenlos für "
            "Mitglieder, nach Anmeldung mit dem Mitgliedszugang."
        ),
        "tags": ["Strukturwandel"],
        "group": "strukturwandel-im-revier",
        "image": None,
        "body": [
            (
                "So läuft die Sprechstunde",
                "<p>Nach einem kurzen Überblick über die wichtigsten Programme gehen wir auf "
                "Ihre Fragen ein. Sie können sie vorab per E-Mail an "
                "revier@example.org schicken oder live im Chat stellen.</p>",
            ),
            (
                "Für Mitglieder, mit Anmeldung",
                "<p>Die Sprechstunde ist ein Angebot für unsere Mitglieder; die Plätze sind "
                "begrenzt. Melden Sie sich mit Ihrem Mitgliedszugang über das Formular an. "
                "Den Link zur Teilnahme erhalten Sie mit der Bestätigung Ihrer Anmeldung.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
    },
    {
        "slug": "fachkraeftedialog-mitteldeutschland",
        "title": "Fachkräftedialog: Ausbilden, gewinnen, halten",
        "days": (20, 20),
        "this_month": False,
        "times": ("10:00", "15:00"),
        "status": EventStatus.SCHEDULED,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.HYBRID,
        "venue": "Forum am Saaleufer",
        "street": "Musterweg 3",
        "postcode": "06108",
        "city": "Halle (Saale)",
        "online_url": "https://example.org/online/fachkraeftedialog",
        "teaser": (
            "Betriebe, Hochschulen, Kammern und Arbeitsagenturen suchen gemeinsam nach Wegen, "
            "Fachkräfte für die Region zu gewinnen und zu halten. Vor Ort in Halle oder "
            "online dabei."
        ),
        "tags": ["Fachkräfte"],
        "group": "fachkraefte-und-bildung",
        "image": ("rose", 5203, 2),
        "body": [
            (
                "Drei Werkstattrunden",
                "<p>Nach zwei kurzen Impulsen arbeiten die Teilnehmenden in drei Runden zu "
                "Ausbildung, Zuwanderung und Mitarbeiterbindung. Die Ergebnisse fließen in das "
                "Arbeitsprogramm der Arbeitsgruppe Fachkräfte und Bildung ein.</p>",
            ),
            (
                "Anmeldung",
                "<p>Die Plätze vor Ort sind begrenzt: Bitte melden Sie sich über das "
                "Anmeldeformular an. Online können Sie ohne Anmeldung teilnehmen; den Link "
                "finden Sie auf dieser Seite unter „Wo“.</p>",
            ),
        ],
        "programme": [
            _item("10:00", "10:45", "Impulse", "Prof. Dr. Eva Probe, Hochschule Musterstadt"),
            _item("11:00", "12:30", "Werkstattrunden: Ausbildung, Zuwanderung, Bindung"),
            _item("12:30", "13:30", "Mittagspause"),
            _item("13:30", "15:00", "Ergebnisse und Verabredungen"),
        ],
        "documents": [("programmentwurf-fachkraeftedialog", "Programmentwurf (PDF)")],
        "registration_url": "https://example.org/anmeldung/fachkraeftedialog",
    },
    {
        "slug": "investorenabend-standort-mitteldeutschland",
        "title": "Investorenabend: Standort Mitteldeutschland",
        "days": (28, 28),
        "this_month": False,
        "times": ("18:00", "21:00"),
        "status": EventStatus.SCHEDULED,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.IN_PERSON,
        "venue": "Haus der Wirtschaft am Markt",
        "street": "Beispielmarkt 2",
        "postcode": "04109",
        "city": "Leipzig",
        "online_url": "",
        "teaser": (
            "Städte und Landkreise stellen Gewerbeflächen und Ansiedlungsprojekte vor; danach "
            "ist Zeit für Gespräche mit Projektentwicklern und Finanzierern."
        ),
        "tags": ["Strukturwandel", "Innovation"],
        "group": "standortmarketing-und-internationalisierung",
        "image": None,
        "body": [
            (
                "Flächen, Projekte, Ansprechpartner",
                "<p>Kurze Präsentationen aus sechs Kommunen, anschließend Gespräche an "
                "Stehtischen. Die Veranstaltung bereitet den gemeinsamen Messeauftritt der "
                "Region vor.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
    },
    {
        "slug": "gruendungstage-mitteldeutschland",
        "title": "Gründungstage Mitteldeutschland",
        "days": (35, 37),
        "this_month": False,
        "times": None,
        "status": EventStatus.SCHEDULED,
        "own": False,
        "organiser": (
            "Gründungsnetzwerk Beispielstadt e. V.",
            "https://example.org/gruendungstage",
        ),
        "format": EventFormat.IN_PERSON,
        "venue": "Campus Beispielstadt",
        "street": "Am Beispielcampus 1",
        "postcode": "07743",
        "city": "Jena",
        "online_url": "",
        "teaser": (
            "Drei Tage für Gründerinnen, Gründer und alle, die es werden wollen: Pitches, "
            "Workshops, Sprechstunden mit Business Angels und ein Marktplatz der "
            "Unterstützungsangebote."
        ),
        "tags": ["Startups", "Innovation"],
        "group": "wissenschaft-und-innovation",
        "image": ("gold", 5205, 1),
        "body": [
            (
                "Von der Idee zum Unternehmen",
                "<p>An jedem Tag steht eine Phase der Gründung im Mittelpunkt: Idee prüfen, "
                "Team und Geld finden, wachsen. Die Teilnahme ist kostenlos, für die "
                "Workshops bitten die Veranstalter um Anmeldung.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "https://example.org/anmeldung/gruendungstage",
    },
    {
        "slug": "radverkehrsforum-halle-leipzig",
        "title": "Radverkehrsforum Halle–Leipzig",
        "days": (48, 48),
        "this_month": False,
        "times": ("13:00", "17:00"),
        "status": EventStatus.POSTPONED,
        "own": True,
        "organiser": ("", ""),
        "format": EventFormat.IN_PERSON,
        "venue": "Ratssaal im Rathaus",
        "street": "Rathausplatz 1",
        "postcode": "04435",
        "city": "Schkeuditz",
        "online_url": "",
        "teaser": (
            "Wie weit ist der Radschnellweg zwischen Halle und Leipzig, und was haben "
            "Pendlerinnen und Pendler davon? Das Forum wird verschoben; der neue Termin folgt "
            "an dieser Stelle."
        ),
        "tags": ["Mobilität"],
        "group": "mobilitaet-und-logistik",
        "image": None,
        "body": [
            (
                "Neuer Termin folgt",
                "<p>Weil wichtige Planungsergebnisse später vorliegen als erwartet, "
                "verschieben wir das Forum. Wer sich schon angemeldet hat, erhält den neuen "
                "Termin per E-Mail.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
    },
    {
        "slug": "biooekonomie-werkstatt-reststoffe",
        "title": "Bioökonomie-Werkstatt: Reststoffe als Rohstoff",
        "days": (70, 70),
        "this_month": False,
        "times": ("09:30", "15:00"),
        "status": EventStatus.SCHEDULED,
        "own": False,
        "organiser": (
            "Bioökonomie-Netzwerk Beispielland e. V.",
            "https://example.org/biooekonomie",
        ),
        "format": EventFormat.IN_PERSON,
        "venue": "Besucherzentrum am Chemiestandort",
        "street": "Werkstraße 10",
        "postcode": "06237",
        "city": "Leuna",
        "online_url": "",
        "teaser": (
            "Stroh, Holzreste, Klärschlamm: Forschung und Industrie zeigen, wie aus "
            "Reststoffen Chemikalien und Materialien werden – und was es braucht, damit daraus "
            "ein Geschäft wird."
        ),
        "tags": ["Bioökonomie", "Innovation"],
        "group": None,
        "image": ("green", 5207, 2),
        "body": [
            (
                "Wertschöpfung aus der Region",
                "<p>Die Werkstatt verbindet Kurzvorträge mit Rundgängen durch Technikum und "
                "Pilotanlagen. Sie richtet sich an Unternehmen, Kommunen und Forschende.</p>",
            ),
        ],
        "programme": [],
        "documents": [],
        "registration_url": "",
    },
]


# Registration on this website for some upcoming events (the others have none or an
# external link): a free event, one with a member price, one for members only.
REGISTRATION_DEFAULTS = {
    "registration_opens": None,
    "registration_closes": None,
    "capacity": None,
    "waiting_list": True,
    "members_first": False,
    "audience": "alle",
    "price": None,
    "member_price": None,
    "ask_notes": False,
    "ask_dietary_needs": False,
    "ask_accessibility_needs": True,
}
REGISTRATION = {
    "netzwerktreffen-wasserstoff-mittelstand": {
        "capacity": 40,
        "ask_dietary_needs": True,
    },
    "investorenabend-standort-mitteldeutschland": {
        "capacity": 60,
        "price": Decimal("95.00"),
        "member_price": Decimal("65.00"),
        "members_first": True,
        "ask_dietary_needs": True,
        "ask_notes": True,
    },
    "online-sprechstunde-foerderung-revier": {
        "capacity": 25,
        "audience": "mitglieder",
        "ask_notes": True,
        "ask_accessibility_needs": False,
    },
}

# Example registrations (invented persons, example.org), so that the staff list, the
# export and the check-in have something to show. No mails are sent for them.
REGISTRATIONS = {
    "netzwerktreffen-wasserstoff-mittelstand": [
        ("Jana Beispiel", "jana.beispiel@example.org", "Beispiel Chemie AG"),
        ("Tobias Muster", "tobias.muster@example.org", "Musterwerke GmbH"),
        ("Aylin Probe", "aylin.probe@example.org", "Hochschule Musterstadt"),
        ("Konrad Exempel", "konrad.exempel@example.org", "Stadtwerke Beispielstadt"),
        ("Mira Platzhalter", "mira.platzhalter@example.org", "Landkreis Musterland"),
    ],
    "investorenabend-standort-mitteldeutschland": [
        ("Paul Vorlage", "paul.vorlage@example.org", "Beispiel Invest GmbH"),
        ("Lea Skizze", "lea.skizze@example.org", "Musterbank AG"),
    ],
}
