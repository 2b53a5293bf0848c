"""Rare-word coverage: a missing rare word is the sign the corpus does not cover a question."""

from datetime import date

from assistant.decide.coverage import CoverageMeter
from indexing.models import Language, ProcedureDocument, Region, Section, SectionKind


def document(doc_id, title, text):
    return ProcedureDocument(doc_id=doc_id, title=title, language=Language.FR,
                             region=Region.FEDERAL, source_url="https://www.belgium.be/",
                             reviewed=date(2026, 12, 1), summary=text, keywords=(), contacts=(),
                             sections=(Section(SectionKind.HOW, "Comment faire ?", text, 1),),
                             path=f"fr/{doc_id}.md")


METER = CoverageMeter([
    document("permis-conduire", "Permis de conduire", "Le permis de conduire provisoire."),
    document("urbanisme", "Permis d'urbanisme", "Un permis pour construire une maison."),
    document("passeport", "Passeport", "Demander un passeport à la commune."),
])


def test_a_question_whose_rare_word_no_page_holds_is_poorly_covered():
    assert METER.coverage("permis de chasse", Language.FR, "permis-conduire") < 0.5
    assert METER.coverage("permis de conduire provisoire", Language.FR, "permis-conduire") > 0.9


def test_the_share_of_unknown_words():
    assert METER.unknown_share("permis de chasse", Language.FR) > 0.0
    assert METER.unknown_share("permis de conduire", Language.FR) == 0.0
