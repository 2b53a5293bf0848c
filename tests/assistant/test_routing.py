import pytest

from assistant.routing import Route, mentioned_region, route
from indexing.models import Region


@pytest.mark.parametrize("text, expected", [
    ("Bonjour !", Route.GREETING), ("slt", Route.GREETING), ("Goedemorgen", Route.GREETING),
    ("hello", Route.GREETING), ("merci beaucoup !", Route.THANKS), ("dank u wel", Route.THANKS),
    ("thanks", Route.THANKS),
    ("où en est mon dossier au CPAS ?", Route.OWN_FILE),
    ("pourquoi mon allocation a baissé ce mois-ci", Route.OWN_FILE),
    ("hoe ver staat mijn aanvraag", Route.OWN_FILE),
    ("why was my benefit reduced", Route.OWN_FILE),
    ("quel temps fera-t-il demain", Route.OUT_OF_SCOPE),
    ("écris un poème sur Bruxelles", Route.OUT_OF_SCOPE),
    ("vertel een mop", Route.OUT_OF_SCOPE),
    ("pq on a reçu que la moitié des allocs ce mois", Route.OWN_FILE),
    ("est-ce que ma demande a été acceptée ?", Route.OWN_FILE),
    ("werd mijn aanvraag al goedgekeurd", Route.OWN_FILE),
    ("has my application been approved yet", Route.OWN_FILE),
    ("qui es-tu au fait", Route.OUT_OF_SCOPE), ("who are you", Route.OUT_OF_SCOPE),
])
def test_questions_that_must_not_be_searched_are_routed(text, expected):
    assert route(text) is expected


@pytest.mark.parametrize("text", [
    "bonjour, j'ai perdu ma carte d'identité", "adresse de la commune d'Ixelles",
    "numéro de téléphone du CPAS", "combien coûte un passeport", "hallo, hoeveel kost een paspoort",
    "merci de me dire comment déclarer une naissance",
    "comment déclarer mes revenus au CPAS", "ma carte d'identité est-elle valable en voyage",
    "where do I register when I move", "waar woon ik officieel volgens de gemeente",
])
def test_ordinary_questions_are_not_routed(text):
    assert route(text) is None


def test_a_question_naming_my_file_is_routed_to_the_service_that_holds_it():
    assert route("mon dossier de pension : quels documents ?") is Route.OWN_FILE


@pytest.mark.parametrize("text, region", [
    ("allocations familiales, j'habite à Namur", Region.WALLONIA),
    ("kinderbijslag in Gent", Region.FLANDERS),
    ("allocations familiales à Schaerbeek", Region.BRUSSELS),
    ("allocations familiales", None),
    ("je vis à Liège mais travaille à Bruxelles", None),
])
def test_the_region_a_question_names(text, region):
    assert mentioned_region(text) is region
