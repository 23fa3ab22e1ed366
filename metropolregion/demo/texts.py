"""German demo texts, written for this project from the facts of the association's homepage."""

HERO = {
    "tagline": "Mitteldeutschland: stark in Wirtschaft, Wissenschaft und Kultur",
    "text": (
        "Unternehmen, Städte und Landkreise, Kammern und Verbände, Hochschulen und "
        "Forschungseinrichtungen aus Sachsen, Sachsen-Anhalt und Thüringen bringen ihre Region "
        "gemeinsam voran – nachhaltig und über Ländergrenzen hinweg."
    ),
    "image_alt": "Sanfte Hügel unter einem hellen Himmel – eine gezeichnete Landschaft",
}

FOCUS_CARDS = [
    (
        "Wirtschaft stärken",
        "Wir vernetzen Betriebe jeder Größe und zeigen den Standort auf Messen im In- und Ausland.",
        "blue",
    ),
    (
        "Wissenschaft vernetzen",
        "Hochschulen und Institute bringen Forschung schneller in Unternehmen und Verwaltung.",
        "teal",
    ),
    (
        "Kultur sichtbar machen",
        "Eine Region mit langer Geschichte zeigt, was sie verbindet und wohin sie will.",
        "rose",
    ),
    (
        "Strukturwandel gestalten",
        "Im Mitteldeutschen Revier entstehen neue Arbeitsplätze und Ideen nach der Braunkohle.",
        "gold",
    ),
]

REGION_SECTION = (
    "<p>Die Metropolregion reicht über drei Länder: <b>Sachsen</b>, <b>Sachsen-Anhalt</b> und "
    "<b>Thüringen</b>. Was hier zählt, endet nicht an einer Landesgrenze – Pendlerströme, "
    "Lieferketten und Forschungsverbünde tun es auch nicht.</p>"
    "<p>Getragen wird der Verein von seinen Mitgliedern:</p>"
    "<ul><li>Unternehmen, die das Bild der Region prägen</li>"
    "<li>Städte und Landkreise</li>"
    "<li>Industrie- und Handelskammern, Handwerkskammern und Verbände</li>"
    "<li>Hochschulen und Forschungseinrichtungen</li></ul>"
)

CTA = {
    "heading": "Mitglied werden",
    "text": "Sie möchten die Zukunft Mitteldeutschlands mitgestalten? Sprechen Sie uns an – "
    "wir stellen Ihnen die Arbeit des Vereins gern persönlich vor.",
    "label": "Kontakt aufnehmen",
}

SOCIAL = {
    "heading": "Folgen Sie uns",
    "text": "Neuigkeiten, Termine und Einblicke aus der Region – auf unseren Kanälen.",
}

# slug -> (title, intro, [(heading, rich text)], show_in_footer)
STANDARD_PAGES = {
    "ueber-uns": (
        "Über uns",
        "Die Europäische Metropolregion Mitteldeutschland ist ein Zusammenschluss von "
        "Wirtschaft, Kommunen, Kammern und Wissenschaft aus drei Bundesländern.",
        [
            (
                "Wer wir sind",
                "<p>Im Verein arbeiten rund achtzig Mitglieder zusammen: große und mittlere "
                "Unternehmen, Städte und Landkreise, Kammern, Verbände, Hochschulen und "
                "Forschungsinstitute. Gemeinsam wollen sie die Region nachhaltig entwickeln und "
                "nach außen als einen starken Standort vertreten.</p>",
            ),
            (
                "Was wir tun",
                "<p>Wir stoßen länderübergreifende Projekte an, bringen Fachleute in Arbeits- und "
                "Projektgruppen zusammen und organisieren Kongresse, Konferenzen und "
                "Gemeinschaftsauftritte auf Messen.</p><ul><li>Strukturwandel im "
                "Mitteldeutschen Revier</li><li>Wasserstoff und Energiewende</li><li>Fachkräfte "
                "und Bildung</li><li>Mobilität und Infrastruktur</li></ul>",
            ),
        ],
    ),
    "kontakt": (
        "Kontakt",
        "Sie erreichen die Geschäftsstelle telefonisch, per E-Mail oder auf dem Postweg.",
        [
            (
                "Geschäftsstelle",
                "<p>Wir beantworten Ihre Fragen zur Mitgliedschaft, zu Projekten und "
                "Veranstaltungen in der Regel innerhalb von zwei Werktagen.</p>",
            ),
        ],
    ),
    "impressum": (
        "Impressum",
        "Angaben zum Anbieter dieser Website.",
        [
            (
                "Anbieter",
                "<p>Europäische Metropolregion Mitteldeutschland e. V. (Beispieldaten für die "
                "Demo-Installation)<br>Musterstraße 1, 04109 Leipzig</p>",
            ),
            (
                "Vertreten durch",
                "<p>Den Vorstand, vertreten durch die Geschäftsführung.</p>",
            ),
            (
                "Registereintrag",
                "<p>Vereinsregister beim Amtsgericht Leipzig, Registernummer VR 0000 (Beispiel)</p>",
            ),
        ],
    ),
    "datenschutz": (
        "Datenschutz",
        "Wie wir mit Ihren Daten umgehen – kurz gesagt: sparsam.",
        [
            (
                "Keine Cookies, keine Dritten",
                "<p>Wer diese Website nur liest, bekommt kein Cookie. Schriften, Bilder und "
                "Skripte liefern wir selbst aus; es werden keine Inhalte von anderen Servern "
                "nachgeladen und keine Analysedienste eingesetzt.</p>",
            ),
            (
                "Anmeldungen zu Veranstaltungen",
                "<p>Für eine Anmeldung erheben wir nur, was wir für die Veranstaltung brauchen. "
                "Die personenbezogenen Angaben löschen wir nach einer festen Frist nach dem "
                "Ende der Veranstaltung; übrig bleiben nur anonyme Zahlen.</p>",
            ),
            (
                "Ihre Rechte",
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung "
                "der Verarbeitung sowie auf Beschwerde bei einer Aufsichtsbehörde.</p>",
            ),
        ],
    ),
    "barrierefreiheit": (
        "Erklärung zur Barrierefreiheit",
        "Wir wollen, dass alle Menschen diese Website nutzen können.",
        [
            (
                "Stand der Vereinbarkeit",
                "<p>Diese Website soll die Anforderungen der BITV 2.0 und der WCAG 2.1 auf "
                "Stufe AA erfüllen. Jede Seitenart wird bei jeder Änderung automatisch geprüft.</p>",
            ),
            (
                "Barriere melden",
                "<p>Ist Ihnen eine Barriere aufgefallen? Beschreiben Sie sie im Formular unten "
                "– wenn Sie eine E-Mail-Adresse angeben, antworten wir innerhalb von zwei "
                "Wochen.</p>",
            ),
            (
                "Schlichtungsverfahren",
                "<p>Bleibt Ihre Meldung ohne zufriedenstellende Antwort, können Sie sich an die "
                "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz wenden.</p>",
            ),
        ],
    ),
    "leichte-sprache": (
        "Leichte Sprache",
        "Hier erklären wir in Leichter Sprache, was die Metropol-Region macht.",
        [
            (
                "Wer sind wir?",
                "<p>Wir sind ein Verein.</p><p>Im Verein sind viele Mitglieder.</p>"
                "<p>Zum Beispiel: Firmen, Städte und Universitäten.</p>",
            ),
            (
                "Wo sind wir?",
                "<p>Wir sind in Mittel-Deutschland.</p><p>Das sind 3 Bundes-Länder:</p>"
                "<ul><li>Sachsen</li><li>Sachsen-Anhalt</li><li>Thüringen</li></ul>",
            ),
            (
                "Was machen wir?",
                "<p>Wir wollen: Die Region soll gut für alle Menschen sein.</p>"
                "<p>Darum arbeiten wir zusammen.</p>",
            ),
        ],
    ),
}

# The accessibility statement is a page with the feedback form (FeedbackFormPage).
FEEDBACK_PAGE = "barrierefreiheit"
FEEDBACK_FORM = {
    "form_heading": "Barriere melden",
    "to_address": "barrierefreiheit@example.org",
    "subject": "Meldung einer Barriere",
    "thank_you_text": "<p>Vielen Dank! Wir haben Ihre Meldung erhalten und kümmern uns darum. "
    "Wenn Sie eine E-Mail-Adresse angegeben haben, antworten wir innerhalb von zwei "
    "Wochen.</p>",
}

MAIN_MENU = ["ueber-uns", "kontakt"]
FOOTER_MENU = ["kontakt", "impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"]

SITE = {
    "organisation_name": "Europäische Metropolregion Mitteldeutschland e. V.",
    "short_name": "Metropolregion Mitteldeutschland",
    "claim": "Wirtschaft, Wissenschaft und Kultur im Zentrum Deutschlands",
    "street": "Musterstraße 1",
    "postcode": "04109",
    "city": "Leipzig",
    "phone": "+49 341 000000",
    "email": "info@example.org",
}

SOCIAL_ACCOUNTS = [
    ("linkedin", "https://www.linkedin.com/company/example-metropolregion"),
    ("mastodon", "https://social.example.org/@metropolregion"),
    ("youtube", "https://www.youtube.com/@example-metropolregion"),
]
