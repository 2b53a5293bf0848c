"""Every sentence Guichet writes itself (not taken from a source), in each language.

Kept together so that a translator or a commune's communication team reviews them in one place.
"""

from __future__ import annotations

from indexing.models import Language, SectionKind

_FR, _NL, _EN = Language.FR, Language.NL, Language.EN

SECTION_LABELS: dict[Language, dict[SectionKind, str]] = {
    _FR: {SectionKind.WHO: "Pour qui", SectionKind.WHEN: "Quand", SectionKind.HOW: "Comment faire",
          SectionKind.DOCUMENTS: "À apporter", SectionKind.COST: "Coût",
          SectionKind.DELAY: "Délai", SectionKind.WHERE: "Où", SectionKind.ONLINE: "En ligne",
          SectionKind.HELP: "Aide", SectionKind.OVERVIEW: "En bref",
          SectionKind.DETAILS: "Détails"},
    _NL: {SectionKind.WHO: "Voor wie", SectionKind.WHEN: "Wanneer",
          SectionKind.HOW: "Hoe aanvragen", SectionKind.DOCUMENTS: "Meebrengen",
          SectionKind.COST: "Kostprijs", SectionKind.DELAY: "Termijn", SectionKind.WHERE: "Waar",
          SectionKind.ONLINE: "Online", SectionKind.HELP: "Hulp", SectionKind.OVERVIEW: "In het kort",
          SectionKind.DETAILS: "Details"},
    _EN: {SectionKind.WHO: "Who", SectionKind.WHEN: "When", SectionKind.HOW: "How",
          SectionKind.DOCUMENTS: "What to bring", SectionKind.COST: "Cost",
          SectionKind.DELAY: "How long", SectionKind.WHERE: "Where",
          SectionKind.ONLINE: "Online", SectionKind.HELP: "Help", SectionKind.OVERVIEW: "In short",
          SectionKind.DETAILS: "Details"},
}

FRENCH_SOURCE_NOTE = {
    _NL: "Deze informatie bestaat nog niet in het Nederlands; het antwoord komt uit een Franse "
         "bron.",
    _EN: "This information is not available in English yet; the answer comes from a French "
         "source.",
    _FR: "",
}

NOT_CONFIDENT = {
    _FR: "Je ne suis pas sûr de bien répondre à votre question. Une personne peut vous aider :",
    _NL: "Ik ben niet zeker dat ik uw vraag goed beantwoord. Iemand kan u helpen:",
    _EN: "I am not sure I can answer your question correctly. A person can help you:",
}

OUT_OF_SCOPE = {
    _FR: "Je réponds seulement aux questions sur les démarches administratives. Pour le reste, "
         "je ne peux pas vous aider. Pour une démarche, vous pouvez contacter :",
    _NL: "Ik beantwoord alleen vragen over administratieve stappen. Daarvoor kan ik u niet "
         "helpen. Voor een administratieve vraag kunt u terecht bij:",
    _EN: "I only answer questions about administrative procedures, so I cannot help with this. "
         "For a procedure, you can contact:",
}

OWN_FILE = {
    _FR: "Je n'ai pas accès à votre dossier personnel. Le service qui gère votre dossier peut "
         "vous répondre :",
    _NL: "Ik heb geen toegang tot uw persoonlijk dossier. De dienst die uw dossier beheert, kan "
         "u antwoorden:",
    _EN: "I cannot see your personal file. The service that handles your file can answer you:",
}

OTHERS_DATA = {
    _FR: "Je ne peux pas donner d'informations personnelles sur une autre personne. Si vous "
         "avez une raison officielle de les demander, adressez-vous à :",
    _NL: "Ik kan geen persoonlijke gegevens over iemand anders geven. Hebt u daar een officiële "
         "reden voor, wend u dan tot:",
    _EN: "I cannot give personal information about another person. If you have an official "
         "reason to ask, please contact:",
}

OTHER_REGION = {
    _FR: "Cette démarche dépend de la région, et mes informations concernent Bruxelles. Pour "
         "votre région, adressez-vous à :",
    _NL: "Deze stap hangt af van het gewest, en mijn informatie gaat over Brussel. Voor uw "
         "gewest kunt u terecht bij:",
    _EN: "This procedure depends on the region, and my information is about Brussels. For your "
         "region, please contact:",
}

ASK_REGION = {
    _FR: "Les règles changent selon la région. Où habitez-vous ?",
    _NL: "De regels verschillen per gewest. Waar woont u?",
    _EN: "The rules differ by region. Where do you live?",
}

REGION_OPTIONS = {
    _FR: ("Bruxelles", "Wallonie", "Flandre", "Communauté germanophone"),
    _NL: ("Brussel", "Wallonië", "Vlaanderen", "Duitstalige Gemeenschap"),
    _EN: ("Brussels", "Wallonia", "Flanders", "German-speaking Community"),
}

GREETING = {
    _FR: "Bonjour ! Je réponds aux questions sur les démarches administratives, avec mes "
         "sources. Posez votre question en une phrase, par exemple :",
    _NL: "Hallo! Ik beantwoord vragen over administratieve stappen, met mijn bronnen. Stel uw "
         "vraag in één zin, bijvoorbeeld:",
    _EN: "Hello! I answer questions about administrative procedures, with my sources. Ask your "
         "question in one sentence, for example:",
}

THANKS = {
    _FR: "Avec plaisir ! Avez-vous une autre question ? Par exemple :",
    _NL: "Graag gedaan! Hebt u nog een vraag? Bijvoorbeeld:",
    _EN: "You are welcome! Do you have another question? For example:",
}

EXAMPLE_QUESTIONS = {
    _FR: ("J'ai perdu ma carte d'identité, que faire ?", "Comment déclarer mon déménagement ?",
          "Combien coûte un passeport ?"),
    _NL: ("Ik ben mijn identiteitskaart kwijt, wat moet ik doen?",
          "Hoe geef ik mijn verhuizing door?", "Hoeveel kost een paspoort?"),
    _EN: ("I lost my identity card, what should I do?", "How do I register my new address?",
          "How much does a passport cost?"),
}

CHANNELS_ALSO = {
    _FR: "Vous préférez parler à quelqu'un ? Vous pouvez aussi contacter :",
    _NL: "Liever met iemand praten? U kunt ook terecht bij:",
    _EN: "Prefer to talk to someone? You can also contact:",
}
