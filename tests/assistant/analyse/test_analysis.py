"""The analysis step as a whole: follow-ups, regions, and what goes to the search."""

from assistant.analyse.analysis import Analyser
from assistant.analyse.intents import Intent
from assistant.analyse.scope import Scope
from assistant.stores.conversations import Turn
from indexing.models import Language, Region

BEFORE = Turn("comment renouveler ma carte d'identité ?", Language.FR, ("carte-identite",), 0.0)


def test_a_short_message_after_a_turn_is_searched_with_the_question_before():
    analysis = Analyser().analyse("et ça coûte combien ?", [BEFORE])
    assert analysis.follow_up
    assert len(analysis.requests) == 1
    assert "carte d'identité" in analysis.requests[0].text
    assert analysis.requests[0].aspect.value == "cost"


def test_the_same_message_without_a_turn_is_a_vague_request():
    analysis = Analyser().analyse("et ça coûte combien ?", [])
    assert not analysis.follow_up and analysis.requests[0].vague


def test_a_long_new_question_in_a_conversation_is_searched_alone():
    text = ("Autre chose : ma mère est décédée hier à l'hôpital et je ne sais pas du tout ce "
            "qu'il faut faire maintenant pour la déclaration, qui doit s'en occuper ?")
    analysis = Analyser().analyse(text, [BEFORE])
    assert not analysis.follow_up and "carte" not in analysis.requests[0].text


def test_the_region_comes_from_the_whole_conversation():
    before = Turn("comment demander les allocations familiales", Language.FR, (), 0.0)
    assert Analyser().analyse("j'habite à Namur", [before]).region is Region.WALLONIA
    assert Analyser().analyse("allocations familiales à Gand ou à Liège ?", []).several_regions


def test_intent_scope_and_language_are_read_on_the_whole_message():
    analysis = Analyser().analyse("je vis à Montréal, comment avoir l'assurance emploi ?", [])
    assert analysis.intent is Intent.QUESTION and analysis.scope is Scope.OTHER_COUNTRY
    assert Analyser().analyse("¿Cómo puedo cambiar mi dirección?", []).foreign_language == "es"
