"""What a message asks: the request's core, two questions in one, a vague request."""

import pytest

from assistant.analyse.requests import request_reader
from indexing.models import SectionKind


def requests(text):
    return request_reader().requests(text)


def test_greetings_and_apologies_are_set_aside_and_the_story_kept():
    found = requests("Bonjour madame. Désolé de vous déranger. Mon fils est né hier à "
                     "Saint-Pierre. Comment je déclare sa naissance ?")
    assert len(found) == 1
    assert not found[0].text.lower().startswith(("bonjour", "désolé"))
    assert "né hier" in found[0].text and "déclare sa naissance" in found[0].text


@pytest.mark.parametrize("text, first, second, second_aspect", [
    ("combien coûte un passeport et comment renouveler ma carte d'identité ?", "passeport",
     "carte d identite", SectionKind.HOW),
    ("How much is a passport and where do I renew my residence card?", "passport",
     "residence card", SectionKind.WHERE),
    ("Hoeveel kost een paspoort? En waar vraag ik een rijbewijs aan?", "paspoort", "rijbewijs",
     SectionKind.WHERE),
])
def test_two_questions_in_one_message_become_two_requests(text, first, second, second_aspect):
    found = requests(text)
    assert len(found) == 2
    assert first in found[0].text and second not in found[0].text
    assert second in found[1].text
    assert found[0].aspect is SectionKind.COST and found[1].aspect is second_aspect


@pytest.mark.parametrize("text", ["je voudrais renouveler mon passeport et ma carte d'identité",
                                  "how do I get a passport and an ID card"])
def test_one_question_with_a_plain_and_is_not_cut(text):
    assert len(requests(text)) == 1


def test_two_vague_questions_are_two_vague_requests():
    found = requests("hoe lang duurt het en wat kost het")
    assert [r.aspect for r in found] == [SectionKind.DELAY, SectionKind.COST]
    assert all(r.vague for r in found)


@pytest.mark.parametrize("text, vague", [
    ("et ça coûte combien ?", True), ("en hoeveel kost dat?", True), ("how long does it take?", True),
    ("combien coûte un passeport ?", False), ("hoe lang duurt een rijbewijs?", False),
])
def test_a_request_naming_no_procedure_is_vague(text, vague):
    assert requests(text)[0].vague is vague


def test_a_long_story_keeps_the_sentences_that_name_the_procedure():
    story = ("Bonjour, ma fille est en sixième primaire. Tous les parents parlent du formulaire "
             "d'inscription en secondaire et veulent faire la file dès l'aube. Moi je travaille "
             "tôt et ça me stresse. Est-ce vraiment important d'arriver le premier ?")
    text = requests(story)[0].text
    assert "inscription en secondaire" in text and "arriver le premier" in text
