"""The aspect a question asks for, so that the answer opens with that section."""

import pytest

from assistant.analyse.aspects import aspect_reader
from indexing.models import SectionKind


@pytest.mark.parametrize("text, aspect", [
    ("Quels papiers je dois amener pour faire ma carte d'identité ?", SectionKind.DOCUMENTS),
    ("ça coûte combien un passeport", SectionKind.COST),
    ("c combien le permis", SectionKind.COST),
    ("combien de temps pour avoir ma carte", SectionKind.DELAY),
    ("où dois-je aller pour déclarer une naissance", SectionKind.WHERE),
    ("est-ce que j'ai droit au statut BIM", SectionKind.WHO),
    ("je peux le faire en ligne ?", SectionKind.ONLINE),
    ("comment renouveler ma carte d'identité", SectionKind.HOW),
    ("welke documenten moet ik meebrengen voor mijn paspoort", SectionKind.DOCUMENTS),
    ("hoeveel kost een rijbewijs", SectionKind.COST),
    ("hoe lang duurt het om een kids-id te krijgen", SectionKind.DELAY),
    ("waar vraag ik een uittreksel uit het strafregister aan", SectionKind.WHERE),
    ("heb ik recht op een huurtoelage", SectionKind.WHO),
    ("what documents do I need for a passport", SectionKind.DOCUMENTS),
    ("how much does an ID card cost", SectionKind.COST),
    ("how long does it take to get a passport", SectionKind.DELAY),
    ("where do I register my new address", SectionKind.WHERE),
    ("am I entitled to the social tariff", SectionKind.WHO),
    ("can I do it online", SectionKind.ONLINE),
    ("passeport", None), ("paspoort aanvragen", None),
])
def test_the_aspect_asked_for(text, aspect):
    assert aspect_reader().aspect(text) is aspect
