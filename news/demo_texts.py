"""German demo news, written for this project. The first three keep the facts of the news on
the association's homepage in new sentences; the others are invented but plausible. Every
person named here (press contact, photographers) is an invented example."""

import datetime

INDEX = {
    "title": "News und Presse",
    "slug": "news",
    "intro": (
        "Was in der Metropolregion Mitteldeutschland passiert: Nachrichten aus Projekten und "
        "Arbeitsgruppen und die Pressemitteilungen des Vereins."
    ),
}

PRESS_CONTACT = {
    "name": "Erika Beispiel",
    "role": "Presse- und Öffentlichkeitsarbeit (Beispielperson)",
    "phone": "+49 341 000000-12",
    "email": "presse@example.org",
    "note": "Montag bis Freitag von 9 bis 16 Uhr; Anfragen per E-Mail beantworten wir am selben Tag.",
}

# Invented example photographers.
PHOTOGRAPHERS = [
    "Lena Musterfrau (Beispiel)",
    "Jonas Exempel (Beispiel)",
    "Mia Probst (Beispiel)",
]


def _d(text):
    return datetime.date.fromisoformat(text)


# Each item: slug, title, date, kind, tags, teaser, sections [(heading, html)],
# image (palette, seed) or None, photographer index, working group key or None.
NEWS = [
    {
        "slug": "staatssekretaer-ude-besucht-revierpionier-projekte",
        "title": "Strukturwandel zum Anfassen: Staatssekretär Ude besucht REVIERPIONIER-Projekte",
        "date": _d("2025-09-08"),
        "kind": "nachricht",
        "tags": ["Strukturwandel"],
        "teaser": (
            "Rund 450 Ideen hat der Wettbewerb REVIERPIONIER in drei Jahren ausgezeichnet. "
            "Dr. Jürgen Ude, Staatssekretär für Strukturwandel in Sachsen-Anhalt, hat sich "
            "einige davon vor Ort zeigen lassen."
        ),
        "sections": [
            (
                "Mit Preisträgerinnen und Preisträgern im Gespräch",
                "<p>Zusammen mit Mitarbeitenden der Stabsstelle für Strukturwandel war der "
                "Staatssekretär für Strukturwandel und industrielle Großprojekte einen Tag lang "
                "im Revier unterwegs. An jeder Station erzählten die Menschen hinter den "
                "Projekten, wie aus einer Idee ein Angebot für ihren Ort geworden ist.</p>",
            ),
            (
                "Ein Wettbewerb für Ideen aus dem Revier",
                "<p>REVIERPIONIER unterstützt Vorhaben zu Engagement, Kindern und Jugendlichen, "
                "Nachhaltigkeit und Klimaschutz. Für die Preise steht jedes Jahr insgesamt eine "
                "Million Euro bereit.</p>",
            ),
        ],
        "image": ("gold", 301),
        "photographer": 0,
        "group": "strukturwandel",
    },
    {
        "slug": "14-ostdeutsches-energieforum-leipzig",
        "title": "14. Ostdeutsches Energieforum: Wie geht es weiter mit der Energiewende?",
        "date": _d("2025-09-03"),
        "kind": "nachricht",
        "tags": ["Wasserstoff", "Strukturwandel"],
        "teaser": (
            "Am 23. und 24. September 2025 trifft sich in Leipzig, wer in Politik, Wissenschaft, "
            "Verwaltung, Energiewirtschaft und ostdeutschem Mittelstand Verantwortung trägt. "
            "Mitglieder der Metropolregion erhalten ermäßigte Tickets."
        ),
        "sections": [
            (
                "Die Leitfrage",
                "<p>Soll die Energiewende an Tempo gewinnen, oder wird sie ein Stück weit "
                "zurückgedreht? Und was müssen Energieversorgung und Wirtschaft jetzt ändern? "
                "Um diese Frage kreisen zwei Tage mit Vorträgen und Diskussionen.</p>",
            ),
            (
                "Vorteil für Mitglieder",
                "<p>Wer für ein Mitglied der Europäischen Metropolregion Mitteldeutschland "
                "arbeitet, bekommt bei der Anmeldung einen Nachlass auf den Ticketpreis.</p>",
            ),
        ],
        "image": ("blue", 302),
        "photographer": 1,
        "group": "energie",
    },
    {
        "slug": "mint-monat-september-2025",
        "title": "MINT-Monat September: Mitteldeutschland macht Lust auf Technik",
        "date": _d("2025-08-27"),
        "kind": "nachricht",
        "tags": ["Fachkräfte", "Innovation"],
        "teaser": (
            "Im September 2025 geht es in der ganzen Region um Mathematik, Informatik, "
            "Naturwissenschaften und Technik. Den Auftakt macht am 2. September die "
            "Veranstaltung „MINT in Mitteldeutschland“ in Halle (Saale)."
        ),
        "sections": [
            (
                "Ausprobieren statt zuschauen",
                "<p>Vier Wochen lang öffnen Schulen, Hochschulen, Unternehmen und Vereine ihre "
                "Türen zum Mitmachen. Wer experimentiert, programmiert oder eine Werkhalle von "
                "innen sieht, entdeckt vielleicht den eigenen Beruf.</p>",
            ),
            (
                "Fachkräfte von morgen",
                "<p>Der Aktionsmonat soll junge Menschen früh für technische Berufe begeistern – "
                "für die Arbeit, die in der Region in den kommenden Jahren gebraucht wird.</p>",
            ),
        ],
        "image": ("teal", 303),
        "photographer": 2,
        "group": "fachkraefte",
    },
    {
        "slug": "mitteldeutschland-monitor-neue-befragungsrunde",
        "title": "Mitteldeutschland-Monitor: neue Befragungsrunde gestartet",
        "date": _d("2025-07-15"),
        "kind": "pressemitteilung",
        "tags": ["Strukturwandel"],
        "teaser": (
            "Wie sehen die Menschen im Mitteldeutschen Revier den Wandel ihrer Region? Die "
            "repräsentative Online-Befragung fragt wieder nach – die Ergebnisse erscheinen im "
            "Herbst."
        ),
        "sections": [
            (
                "Stimmungsbild aus dem Revier",
                "<p>Der Monitor fragt nach Erwartungen, Sorgen und Hoffnungen rund um Arbeit, "
                "Wohnen und Umwelt. Weil dieselben Fragen regelmäßig gestellt werden, zeigt er, "
                "wie sich die Stimmung über die Jahre verändert.</p>",
            ),
        ],
        "image": None,
        "group": "strukturwandel",
    },
    {
        "slug": "jahreskonferenz-2025-zwickau",
        "title": "Jahreskonferenz 2025 in Zwickau: drei Schlüsselbranchen im Wandel",
        "date": _d("2025-06-25"),
        "kind": "pressemitteilung",
        "tags": ["Strukturwandel", "Mobilität", "Bioökonomie"],
        "teaser": (
            "Energiewende, Automobilwirtschaft und grüne Chemie: Auf der Jahreskonferenz am "
            "24. Juni 2025 in Zwickau ging es um Herausforderungen und Chancen für Unternehmen, "
            "Region und Politik."
        ),
        "sections": [
            (
                "Drei Sessions, viele Perspektiven",
                "<p>Impulsvorträge und Gesprächsrunden beleuchteten jede der drei Branchen "
                "einzeln. Deutlich wurde, wie eng sie zusammenhängen: Energie für die Fabrik, "
                "Chemie für die Batterie, Fahrzeuge für den Transport.</p>",
            ),
        ],
        "image": ("slate", 305),
        "photographer": 1,
        "group": None,
    },
    {
        "slug": "5-mitteldeutscher-wasserstoffkongress-anmeldung",
        "title": "5. Mitteldeutscher Wasserstoffkongress: Anmeldung geöffnet",
        "date": _d("2025-06-05"),
        "kind": "nachricht",
        "tags": ["Wasserstoff"],
        "teaser": (
            "Gemeinsam mit dem HYPOS e. V. zeigt die Metropolregion, was die Wasserstoffregion "
            "Mitteldeutschland zu bieten hat. Ab sofort kann man sich anmelden."
        ),
        "sections": [
            (
                "Wasserstoffwirtschaft trifft Verwaltung",
                "<p>Der Kongress bringt Unternehmen, Forschung, Politik und Verwaltung an einen "
                "Tisch und stellt Projekte aus allen drei Ländern vor – von der Elektrolyse bis "
                "zur Pipeline.</p>",
            ),
        ],
        "image": ("blue", 306),
        "photographer": 0,
        "group": "energie",
    },
    {
        "slug": "iq-innovationspreis-bewerbungsphase",
        "title": "IQ Innovationspreis Mitteldeutschland: Bewerbungsphase beginnt",
        "date": _d("2025-05-20"),
        "kind": "pressemitteilung",
        "tags": ["Innovation", "Startups"],
        "teaser": (
            "Neue Produkte, Verfahren und Dienstleistungen aus der Region gesucht: Der "
            "Clusterwettbewerb nimmt ab heute Bewerbungen entgegen."
        ),
        "sections": [
            (
                "Wer mitmachen kann",
                "<p>Angesprochen sind Unternehmen, Gründerteams und Forschungseinrichtungen, die "
                "eine Innovation bereits umgesetzt haben oder kurz davor stehen.</p>",
            ),
        ],
        "image": None,
        "group": "innovation",
    },
    {
        "slug": "radschnellweg-halle-leipzig-naechste-phase",
        "title": "Radschnellweg Halle–Leipzig: Planung geht in die nächste Phase",
        "date": _d("2025-04-29"),
        "kind": "nachricht",
        "tags": ["Mobilität"],
        "teaser": (
            "Schnell, sicher und ohne Stau zwischen zwei Großstädten pendeln: Die Partner des "
            "Radschnellwegs haben sich auf die nächsten Planungsschritte verständigt."
        ),
        "sections": [
            (
                "Ein Weg für Pendlerinnen und Pendler",
                "<p>Breite Fahrspuren, wenige Kreuzungen und eine durchgehende Beleuchtung "
                "sollen das Rad zu einer echten Alternative für den Arbeitsweg machen.</p>",
            ),
        ],
        "image": ("green", 308),
        "photographer": 2,
        "group": "mobilitaet",
    },
    {
        "slug": "business-angels-treffen-gruenderteams",
        "title": "Business Angels treffen Gründerteams aus der Region",
        "date": _d("2025-04-10"),
        "kind": "nachricht",
        "tags": ["Startups", "Innovation"],
        "teaser": (
            "Kapital und Erfahrung für junge Unternehmen: Beim Frühjahrstreffen stellten sechs "
            "Teams ihre Geschäftsideen privaten Investorinnen und Investoren vor."
        ),
        "sections": [
            (
                "Fünf Minuten für eine Idee",
                "<p>Jedes Team hatte fünf Minuten für seinen Vortrag und danach Zeit für Fragen. "
                "Die Themen reichten von Sensorik für Landwirte bis zu Software für Pflegedienste."
                "</p>",
            ),
        ],
        "image": None,
        "group": "innovation",
    },
    {
        "slug": "spot-on-fachdialog-solarstandort",
        "title": "Solarstandort Ostdeutschland: SPOT ON lädt zum Fachdialog",
        "date": _d("2025-03-18"),
        "kind": "pressemitteilung",
        "tags": ["Solarwirtschaft", "Innovation"],
        "teaser": (
            "Wie bleibt die Solarindustrie in der Region wettbewerbsfähig? Das länderübergreifende "
            "Cluster bringt Hersteller, Forschung und Politik ins Gespräch."
        ),
        "sections": [
            (
                "Von der Zelle bis zum Modul",
                "<p>Im Mittelpunkt stehen Lieferketten, Fachkräfte und neue Technologien für "
                "die Fertigung. Das Cluster will Ostdeutschland als Solarstandort stärken.</p>",
            ),
        ],
        "image": ("gold", 310),
        "photographer": 1,
        "group": "energie",
    },
    {
        "slug": "handreichung-fachkraefte-kleine-betriebe",
        "title": "Fachkräfte gewinnen: Handreichung für kleine Betriebe erschienen",
        "date": _d("2025-03-04"),
        "kind": "nachricht",
        "tags": ["Fachkräfte"],
        "teaser": (
            "Wie finden Betriebe mit wenigen Beschäftigten Auszubildende und Fachleute? Eine "
            "Arbeitsgruppe hat erprobte Wege auf zwanzig Seiten zusammengefasst."
        ),
        "sections": [
            (
                "Aus der Praxis für die Praxis",
                "<p>Die Beispiele stammen aus Mitgliedsunternehmen: Kooperationen mit Schulen, "
                "Angebote für Rückkehrerinnen und Rückkehrer und Hilfe beim Ankommen für "
                "Fachkräfte aus dem Ausland.</p>",
            ),
        ],
        "image": None,
        "group": "fachkraefte",
    },
    {
        "slug": "biooekonomie-reststoffe-als-rohstoff",
        "title": "Bioökonomieregion: Reststoffe aus der Landwirtschaft als Rohstoff",
        "date": _d("2025-02-12"),
        "kind": "nachricht",
        "tags": ["Bioökonomie", "Innovation"],
        "teaser": (
            "Stroh, Holzreste und Nebenprodukte der Lebensmittelindustrie können fossile "
            "Rohstoffe ersetzen. Ein Workshop zeigte, wie das in der Region gelingen kann."
        ),
        "sections": [
            (
                "Kreisläufe schließen",
                "<p>Landwirtschaft, Chemie und Forschung sitzen in Mitteldeutschland nah "
                "beieinander. Das macht kurze Wege für nachwachsende Rohstoffe möglich.</p>",
            ),
        ],
        "image": ("green", 312),
        "photographer": 2,
        "group": None,
    },
    {
        "slug": "neue-mitglieder-2025",
        "title": "Drei neue Mitglieder verstärken die Metropolregion",
        "date": _d("2025-01-28"),
        "kind": "pressemitteilung",
        "tags": ["Innovation"],
        "teaser": (
            "Zum Jahresbeginn sind ein Softwarehaus, eine Hochschule für angewandte "
            "Wissenschaften und ein Landkreis dem Verein beigetreten."
        ),
        "sections": [
            (
                "Ein Netzwerk, das wächst",
                "<p>Mit den neuen Mitgliedern sind Wirtschaft, Wissenschaft und Kommunen noch "
                "breiter im Verein vertreten. Alle drei wollen sich in Arbeitsgruppen "
                "einbringen.</p>",
            ),
        ],
        "image": None,
        "group": None,
    },
    {
        "slug": "ccus-initiative-netzwerktreffen",
        "title": "CCUS-Initiative Ostdeutschland: Netzwerk berät über CO₂-Infrastruktur",
        "date": _d("2025-01-14"),
        "kind": "nachricht",
        "tags": ["Strukturwandel", "Innovation"],
        "teaser": (
            "Kohlendioxid abscheiden, nutzen und speichern: Das Netzwerk sprach darüber, welche "
            "Leitungen und Speicher die Industrie der Region dafür braucht."
        ),
        "sections": [
            (
                "Industrie braucht Planungssicherheit",
                "<p>Für Zement, Kalk und Chemie gibt es Emissionen, die sich kaum vermeiden "
                "lassen. Eine gemeinsame Infrastruktur könnte helfen, sie zu verwerten.</p>",
            ),
        ],
        "image": None,
        "group": "energie",
    },
    {
        "slug": "startup-mitteldeutschland-jahresrueckblick-2024",
        "title": "Startup Mitteldeutschland blickt auf das Gründungsjahr 2024 zurück",
        "date": _d("2024-11-26"),
        "kind": "nachricht",
        "tags": ["Startups"],
        "teaser": (
            "Neue Teams, neue Finanzierungsrunden, neue Orte zum Arbeiten: Das Online-Magazin "
            "fasst zusammen, was die Gründerszene der Region in diesem Jahr bewegt hat."
        ),
        "sections": [
            (
                "Vernetzung als Erfolgsfaktor",
                "<p>Besonders gefragt waren Treffen, bei denen Gründerinnen und Gründer auf "
                "etablierte Unternehmen trafen – oft der Anfang einer ersten Kundenbeziehung.</p>",
            ),
        ],
        "image": ("rose", 315),
        "photographer": 0,
        "group": "innovation",
    },
    {
        "slug": "expo-real-2024-gemeinschaftsstand",
        "title": "EXPO REAL 2024: Mitteldeutschland am Gemeinschaftsstand",
        "date": _d("2024-10-09"),
        "kind": "pressemitteilung",
        "tags": ["Strukturwandel", "Innovation"],
        "teaser": (
            "Städte, Landkreise und Unternehmen zeigten auf der Immobilienmesse in München "
            "gemeinsam, welche Flächen und Projekte die Region Investoren bietet."
        ),
        "sections": [
            (
                "Seit 2014 gemeinsam auf der Messe",
                "<p>Die Metropolregion organisiert den Gemeinschaftsstand seit 2014. Auf diese "
                "Weise treten auch kleinere Kommunen mit einem starken Auftritt auf.</p>",
            ),
        ],
        "image": ("slate", 316),
        "photographer": 1,
        "group": "standort",
    },
    {
        "slug": "exkursion-wasserstoff-chemiepark",
        "title": "Exkursion: Wie ein Chemiepark auf Wasserstoff umstellt",
        "date": _d("2024-09-17"),
        "kind": "nachricht",
        "tags": ["Wasserstoff", "Bioökonomie"],
        "teaser": (
            "Die Arbeitsgruppe Wasserstoff war zu Gast in einem Chemiepark der Region und hat "
            "sich angesehen, wie Leitungen, Elektrolyseure und Abnehmer zusammenfinden."
        ),
        "sections": [
            (
                "Vom Plan zur Leitung",
                "<p>Vor Ort wurde deutlich, wie viele Schritte zwischen einer Idee und der ersten "
                "Lieferung liegen: Genehmigungen, Verträge und nicht zuletzt Fachleute.</p>",
            ),
        ],
        "image": ("teal", 317),
        "photographer": 2,
        "group": "energie",
    },
    {
        "slug": "unternehmen-revier-neue-projekte",
        "title": "Unternehmen Revier: neue Projekte ausgewählt",
        "date": _d("2024-08-20"),
        "kind": "nachricht",
        "tags": ["Strukturwandel", "Innovation"],
        "teaser": (
            "Das Förderprogramm unterstützt Vorhaben mit Modellcharakter für den "
            "wirtschaftlichen Wandel im Mitteldeutschen Revier. Die Jury hat eine neue Runde "
            "von Projekten ausgewählt."
        ),
        "sections": [
            (
                "Was gefördert wird",
                "<p>Gefragt sind Ideen, die im Revier neue Wertschöpfung schaffen und sich auf "
                "andere Regionen übertragen lassen.</p>",
            ),
        ],
        "image": None,
        "group": "strukturwandel",
    },
    {
        "slug": "positionspapier-mobilitaet-pendlerregion",
        "title": "Mobilität in der Pendlerregion: Positionspapier vorgelegt",
        "date": _d("2024-07-02"),
        "kind": "pressemitteilung",
        "tags": ["Mobilität"],
        "teaser": (
            "Bahn, Bus, Rad und Auto besser verknüpfen: Die Mitglieder haben gemeinsame "
            "Forderungen für den Verkehr zwischen den Städten und dem ländlichen Raum "
            "beschlossen."
        ),
        "sections": [
            (
                "Über Landesgrenzen hinweg denken",
                "<p>Wer in Halle wohnt und in Leipzig arbeitet, überquert täglich eine "
                "Landesgrenze. Tarife und Fahrpläne sollen das künftig weniger spüren lassen.</p>",
            ),
        ],
        "image": None,
        "group": "mobilitaet",
    },
    {
        "slug": "zukunftstag-labore-und-werkhallen",
        "title": "Zukunftstag: Schülerinnen und Schüler erkunden Labore und Werkhallen",
        "date": _d("2024-04-25"),
        "kind": "nachricht",
        "tags": ["Fachkräfte"],
        "teaser": (
            "Mitgliedsunternehmen und Institute öffneten ihre Türen für Jugendliche, die einen "
            "Tag lang in technische und naturwissenschaftliche Berufe hineinschnuppern wollten."
        ),
        "sections": [
            (
                "Selbst Hand anlegen",
                "<p>Statt Vorträgen gab es Aufgaben zum Mitmachen: Schaltungen löten, Proben "
                "untersuchen, einen Roboter programmieren.</p>",
            ),
        ],
        "image": ("rose", 320),
        "photographer": 0,
        "group": "fachkraefte",
    },
    {
        "slug": "immosis-gewerbeflaechen-auf-einen-blick",
        "title": "ImmoSIS: Gewerbeflächen der Region auf einen Blick",
        "date": _d("2024-04-09"),
        "kind": "pressemitteilung",
        "tags": ["Strukturwandel"],
        "teaser": (
            "Die Gewerbeimmobiliendatenbank hilft Unternehmen bei der Standortsuche. Ihren "
            "Anfang nahm sie bei einer großen Ansiedlung im Leipziger Raum."
        ),
        "sections": [
            (
                "Schneller zum passenden Standort",
                "<p>Flächen, Hallen und Büros aus der ganzen Region lassen sich nach Größe, Lage "
                "und Anbindung vergleichen.</p>",
            ),
        ],
        "image": None,
        "group": "standort",
    },
    {
        "slug": "solarwirtschaft-fachkraefte-montage-wartung",
        "title": "Solarwirtschaft sucht Fachkräfte für Montage und Wartung",
        "date": _d("2024-03-12"),
        "kind": "nachricht",
        "tags": ["Solarwirtschaft", "Fachkräfte"],
        "teaser": (
            "Immer mehr Dächer und Freiflächen tragen Solarmodule. Betriebe und Kammern wollen "
            "gemeinsam mehr Menschen für diese Arbeit ausbilden."
        ),
        "sections": [
            (
                "Neue Wege in den Beruf",
                "<p>Kurze Weiterbildungen sollen Quereinsteigerinnen und Quereinsteigern den Weg "
                "in die Branche öffnen, ohne die Qualität der Arbeit zu gefährden.</p>",
            ),
        ],
        "image": ("gold", 322),
        "photographer": 1,
        "group": "energie",
    },
    {
        "slug": "workshop-biooekonomie-trifft-chemie",
        "title": "Bioökonomie trifft Chemie: Workshop zu nachhaltigen Wertschöpfungsketten",
        "date": _d("2024-02-20"),
        "kind": "nachricht",
        "tags": ["Bioökonomie", "Innovation"],
        "teaser": (
            "Wie kommen nachwachsende Rohstoffe in die Produkte der chemischen Industrie? "
            "Fachleute aus Unternehmen und Forschung tauschten Erfahrungen aus."
        ),
        "sections": [
            (
                "Klimaneutral produzieren",
                "<p>Die Bioökonomie kann helfen, Wertschöpfungsketten klimaneutral zu machen – "
                "wenn Erzeuger, Verarbeiter und Abnehmer früh zusammenarbeiten.</p>",
            ),
        ],
        "image": None,
        "group": None,
    },
    {
        "slug": "arbeitsprogramm-2024",
        "title": "Metropolregion startet mit neuem Arbeitsprogramm in das Jahr 2024",
        "date": _d("2024-01-16"),
        "kind": "pressemitteilung",
        "tags": ["Strukturwandel", "Wasserstoff", "Fachkräfte"],
        "teaser": (
            "Strukturwandel, Wasserstoff und Fachkräfte bleiben die Schwerpunkte. Die "
            "Mitgliederversammlung hat das Arbeitsprogramm für das neue Jahr beschlossen."
        ),
        "sections": [
            (
                "Schwerpunkte des Jahres",
                "<ul><li>Projekte im Mitteldeutschen Revier begleiten</li><li>die "
                "Wasserstoffregion weiter vernetzen</li><li>Fachkräfte für die Region "
                "gewinnen</li></ul>",
            ),
        ],
        "image": ("blue", 324),
        "photographer": 2,
        "group": None,
    },
]

# The working groups of the projects app's demo, by the keys used above.
WORKING_GROUP_SLUGS = {
    "strukturwandel": "strukturwandel-im-revier",
    "energie": "wasserstoff-und-energie",
    "fachkraefte": "fachkraefte-und-bildung",
    "mobilitaet": "mobilitaet-und-logistik",
    "innovation": "wissenschaft-und-innovation",
    "standort": "standortmarketing-und-internationalisierung",
}

HOME_BLOCK = {"heading": "Aktuelles aus der Region", "count": 3}

IMAGE_ALT = {
    "gold": "Gezeichnete Hügellandschaft in warmen Goldtönen (Symbolbild)",
    "blue": "Gezeichnete Hügellandschaft in Blautönen (Symbolbild)",
    "teal": "Gezeichnete Hügellandschaft in Türkistönen (Symbolbild)",
    "green": "Gezeichnete Hügellandschaft in Grüntönen (Symbolbild)",
    "rose": "Gezeichnete Hügellandschaft in Rosétönen (Symbolbild)",
    "slate": "Gezeichnete Hügellandschaft in Schiefergrau (Symbolbild)",
}
