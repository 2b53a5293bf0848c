"""What Guichet covers: procedures in Belgium, including Belgian ones that touch another country."""

import pytest

from assistant.analyse.scope import Scope, scope_reader


@pytest.mark.parametrize("text", [
    "comment demander l'assurance emploi au Canada",
    "je vis à Montréal, comment avoir ma carte RAMQ",
    "ik woon in Maastricht, hoe vraag ik huurtoeslag aan",
    "how do I apply for universal credit in London",
    "comment renouveler mon passeport marocain",
    "mon numéro NAS est perdu",
    "inscription à France Travail depuis Lille",
    "where is the embassy of Canada",
])
def test_another_countrys_services_are_out_of_scope(text):
    assert scope_reader().scope(text) is Scope.OTHER_COUNTRY


@pytest.mark.parametrize("text", [
    "j'ai besoin d'un passeport pour partir au Maroc",
    "how do I exchange my UK driving licence",
    "pension avec des années travaillées en France",
    "ik heb 5 jaar in Nederland gewerkt, telt dat voor mijn pensioen",
    "I worked 10 years in the UK, does it count for my Belgian pension?",
    "j'ai un permis marocain, je peux l'échanger en Belgique ?",
    "carte européenne d'assurance maladie pour un voyage en Espagne",
    "comment changer mon adresse à Ixelles",
])
def test_a_belgian_procedure_touching_another_country_stays_in_scope(text):
    assert scope_reader().scope(text) is Scope.BELGIUM
