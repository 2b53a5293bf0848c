"""Categories for per-category figures: a question's own `category`, else its procedure's theme."""

from __future__ import annotations

from collections.abc import Sequence

THEMES = {
    "identity and documents": ("carte-identite", "carte-identite-perte-vol", "codes-pin-puk",
                               "kids-id", "passeport", "permis-conduire", "titre-sejour"),
    "population and civil status": ("changement-adresse", "certificats-population",
                                    "extrait-casier-judiciaire", "declaration-naissance",
                                    "mariage", "cohabitation-legale", "declaration-deces"),
    "social aid and health": ("revenu-integration", "aide-sociale-cpas", "statut-bim",
                              "tarif-social-energie", "aide-medicale-urgente",
                              "mutuelle-inscription", "carte-europeenne-assurance-maladie",
                              "allocation-handicap", "aide-juridique"),
    "family, work and income": ("allocations-familiales", "chomage-allocations",
                                "inscription-actiris", "pension", "declaration-impots",
                                "allocations-etudes", "inscription-secondaire"),
    "housing and daily life": ("logement-social", "allocation-loyer", "garantie-locative",
                               "enregistrement-bail", "carte-stationnement-riverain",
                               "immatriculation-vehicule", "tarif-reduit-transports",
                               "encombrants"),
    "online services and digital help": ("connexion-services-en-ligne", "irisbox", "mon-dossier",
                                         "ebox-citoyen", "aide-numerique-epn", "arnaques-phishing",
                                         "contacts-services"),
}
THEME_OF = {doc_id: theme for theme, doc_ids in THEMES.items() for doc_id in doc_ids}


def category_of(expect: str, expected_doc_ids: Sequence[str], own: str = "") -> str:
    """Urgent and unanswerable questions form their own categories; others take their theme."""
    if own:
        return own
    if expect == "urgent":
        return "urgent"
    if expect == "handoff" and not expected_doc_ids:
        return "out of scope"
    if expect == "clarify" and not expected_doc_ids:
        return "greeting or vague"
    for doc_id in expected_doc_ids:
        if doc_id in THEME_OF:
            return THEME_OF[doc_id]
    return "other"
