import pytest

from assistant.analyse.intents import Intent, intent_reader
from indexing.models import Region


@pytest.mark.parametrize("text, expected", [
    ("Bonjour !", Intent.GREETING), ("slt", Intent.GREETING), ("Goedemorgen", Intent.GREETING),
    ("hello", Intent.GREETING), ("merci beaucoup !", Intent.THANKS), ("dank u wel", Intent.THANKS),
    ("thanks", Intent.THANKS),
    ("où en est mon dossier au CPAS ?", Intent.OWN_FILE),
    ("pourquoi mon allocation a baissé ce mois-ci", Intent.OWN_FILE),
    ("hoe ver staat mijn aanvraag", Intent.OWN_FILE),
    ("why was my benefit reduced", Intent.OWN_FILE),
    ("quel temps fera-t-il demain", Intent.SMALL_TALK),
    ("écris un poème sur Bruxelles", Intent.SMALL_TALK),
    ("vertel een mop", Intent.SMALL_TALK),
    ("pq on a reçu que la moitié des allocs ce mois", Intent.OWN_FILE),
    ("est-ce que ma demande a été acceptée ?", Intent.OWN_FILE),
    ("werd mijn aanvraag al goedgekeurd", Intent.OWN_FILE),
    ("has my application been approved yet", Intent.OWN_FILE),
    ("qui es-tu au fait", Intent.SMALL_TALK), ("who are you", Intent.SMALL_TALK),
])
def test_questions_that_must_not_be_searched_are_routed(text, expected):
    assert intent_reader().intent(text) is expected


@pytest.mark.parametrize("text", [
    "bonjour, j'ai perdu ma carte d'identité", "adresse de la commune d'Ixelles",
    "numéro de téléphone du CPAS", "combien coûte un passeport", "hallo, hoeveel kost een paspoort",
    "merci de me dire comment déclarer une naissance",
    "comment déclarer mes revenus au CPAS", "ma carte d'identité est-elle valable en voyage",
    "where do I register when I move", "waar woon ik officieel volgens de gemeente",
])
def test_ordinary_questions_are_not_routed(text):
    assert intent_reader().intent(text) is Intent.QUESTION


@pytest.mark.parametrize("text, expected", [
    ("où en est mon dossier de pension ?", Intent.OWN_FILE),
    ("comment je me connecte à mon dossier sans itsme", Intent.QUESTION),
    ("mon dossier de pension : quels documents faut-il ?", Intent.QUESTION),
    ("hoe log ik in op mijn dossier zonder itsme", Intent.QUESTION),
    ("mijn terugbetaling is nog altijd niet betaald, wat is er aan de hand", Intent.OWN_FILE),
    ("mon remboursement n'a toujours pas été versé", Intent.OWN_FILE),
    ("my tax refund has still not been paid", Intent.OWN_FILE),
])
def test_a_file_is_own_file_only_when_its_state_is_asked(text, expected):
    assert intent_reader().intent(text) is expected


@pytest.mark.parametrize("text, region", [
    ("allocations familiales, j'habite à Namur", Region.WALLONIA),
    ("kinderbijslag in Gent", Region.FLANDERS),
    ("allocations familiales à Schaerbeek", Region.BRUSSELS),
    ("allocations familiales", None),
    ("je vis à Liège mais travaille à Bruxelles", None),
])
def test_the_region_a_question_names(text, region):
    assert intent_reader().mentioned_region(text) is region
