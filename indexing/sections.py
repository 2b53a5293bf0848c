"""The section headings a corpus document may use, per language, mapped to one vocabulary.

A fixed vocabulary lets the assistant find "the cost" or "what to bring" of any procedure in any
language, and keeps documents written by different people shaped alike.
"""

from indexing.models import Language, SectionKind

SECTION_HEADINGS: dict[Language, dict[SectionKind, str]] = {
    Language.FR: {
        SectionKind.WHO: "Pour qui ?",
        SectionKind.WHEN: "Quand ?",
        SectionKind.HOW: "Comment faire ?",
        SectionKind.DOCUMENTS: "Documents à apporter",
        SectionKind.COST: "Coût",
        SectionKind.DELAY: "Délai",
        SectionKind.WHERE: "Où ?",
        SectionKind.ONLINE: "En ligne",
        SectionKind.HELP: "Aide",
        SectionKind.DETAILS: "Détails",
    },
    Language.NL: {
        SectionKind.WHO: "Voor wie?",
        SectionKind.WHEN: "Wanneer?",
        SectionKind.HOW: "Hoe aanvragen?",
        SectionKind.DOCUMENTS: "Mee te brengen documenten",
        SectionKind.COST: "Kostprijs",
        SectionKind.DELAY: "Termijn",
        SectionKind.WHERE: "Waar?",
        SectionKind.ONLINE: "Online",
        SectionKind.HELP: "Hulp",
        SectionKind.DETAILS: "Details",
    },
    Language.EN: {
        SectionKind.WHO: "Who is it for?",
        SectionKind.WHEN: "When?",
        SectionKind.HOW: "How to do it?",
        SectionKind.DOCUMENTS: "Documents to bring",
        SectionKind.COST: "Cost",
        SectionKind.DELAY: "How long does it take?",
        SectionKind.WHERE: "Where?",
        SectionKind.ONLINE: "Online",
        SectionKind.HELP: "Help",
        SectionKind.DETAILS: "Details",
    },
}

OVERVIEW_HEADINGS: dict[Language, str] = {
    Language.FR: "En bref",
    Language.NL: "In het kort",
    Language.EN: "In short",
}


def _normalise_heading(heading: str) -> str:
    return " ".join(heading.replace("\u00a0", " ").split()).rstrip(" ?").casefold()


_LOOKUP: dict[Language, dict[str, SectionKind]] = {
    language: {_normalise_heading(text): kind for kind, text in headings.items()}
    for language, headings in SECTION_HEADINGS.items()
}


def section_kind(language: Language, heading: str) -> SectionKind | None:
    """The section a heading names, or None when it is not in the language's vocabulary.

    Spacing before the question mark varies between typists, so it does not count.
    """
    return _LOOKUP[language].get(_normalise_heading(heading))


def allowed_headings(language: Language) -> list[str]:
    """The headings a document in this language may use, in their canonical order."""
    return list(SECTION_HEADINGS[language].values())
