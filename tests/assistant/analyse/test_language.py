from __future__ import annotations

import pytest

from assistant.analyse.language import detect_language
from indexing.models import Language

FRENCH = [
    "carte identité prix",
    "carte identite prix",
    "prix kids id",
    "kids id prix",
    "allocations familiales",
    "passeport perdu",
    "combien coute un passeport",
    "déménagement",
    "demenagement commune",
    "changement d'adresse",
    "code pin oublié",
    "cpas aide",
    "eid perdue",
    "rdv commune",
    "mutuelle",
    "impots",
    "acte de naissance",
    "declaration de mariage",
    "casier judiciaire",
    "jai perdu ma cart didentiter",
    "j'ai perdu ma carte d'identité",
    "slt jsp koi faire pr ma carte",
    "bjr cb coute la kids id svp",
    "c koi les papiers pr le mariage",
    "kel est le prix du passeport",
    "ma carte est bloquee",
    "on m'a vole mon portefeuille",
    "je demenage a bruxelles",
    "ou faire ma carte",
    "comment avoir un extrait de casier",
    "mon fils a 12 ans il lui faut une carte?",
    "Bonjour, je viens d'emménager à Schaerbeek et je voudrais savoir comment "
    "changer mon adresse sur ma carte d'identité. Merci d'avance.",
    "Madame, Monsieur, mon père est décédé hier à l'hôpital, que dois-je faire "
    "pour la déclaration du décès ?",
    "pasport urgent prix",
    "je suis au cpas depuis 2 mois",
    "pourquoi ma demande est refusee",
    "rendez-vous pour le passeport",
    "aide pour les impôts",
    "slt g pa recu ma lettre pin",
    "on m a volé mon sac avec ma carte didentite",
    "jsuis nouvo a bxl",
    "kesk il faut pr la cohabitation",
    "bebe nee hier",
    "renouvellement titre de sejour",
]

DUTCH = [
    "paspoort kwijt",
    "pincode vergeten",
    "ocmw leefloon",
    "kinderbijslag brussel",
    "identiteitskaart prijs",
    "prijs kids id",
    "kids id aanvragen",
    "verhuizen",
    "verhuisd adres wijzigen",
    "afspraak gemeente",
    "eid gestolen",
    "rijbewijs verloren",
    "hoeveel kost een paspoort",
    "hvl kost mn paspoort",
    "hoe vraag ik een uittreksel strafregister aan",
    "ik ben mijn identitijtskaart verlore",
    "ik ben mijn identiteitskaart verloren",
    "mijn kaart is gestolen wat moet ik doen",
    "waar kan ik mijn paspoort halen",
    "wat moet ik meebrengen",
    "belastingen aangifte hulp",
    "ziekenfonds",
    "geboorte aangeven",
    "huwelijk gemeentehuis",
    "kweet ni wa ik moet doen",
    "mn puk code is geblokkeerd",
    "ik wil samenwonen met mijn vriendin",
    "wanneer krijg ik mijn nieuwe kaart",
    "mijn zoon is 12 jaar, heeft hij een kaart nodig?",
    "Goedendag, ik ben vorige maand verhuisd naar Anderlecht en de wijkagent is nog "
    "niet langs geweest. Is dat normaal?",
    "Mijn vader is gisteren overleden in het ziekenhuis, wat moeten we doen voor de "
    "aangifte van het overlijden?",
    "m'n pas is kapot",
    "ocmw",
    "verhuis aangeven",
    "pincode kwijt",
    "uittreksel geboorteakte",
    "kan ik online een afspraak maken",
    "de gemeente is gesloten",
    "hey ik heb mijn pin brief nie gekregen",
    "mijn tas met identiteitskaart is gestoolen",
    "werkloosheidsuitkering",
    "wa moet ik doen voor samenwonen",
    "uitreksel geboorte",
    "verlenging verblijfskaart",
]

ENGLISH = [
    "lost my id",
    "i lost my pasport",
    "how much passport",
    "tax return help",
    "passport price",
    "identity card lost",
    "stolen wallet",
    "kids id price",
    "change of address",
    "moving to brussels",
    "birth certificate",
    "marriage appointment",
    "pin code forgotten",
    "how do i register at the commune",
    "where is the town hall",
    "what documents do i need",
    "r u open 2day",
    "pls help my card is blocked",
    "idk what to do",
    "my eid expired",
    "health insurance",
    "family allowance",
    "criminal record extract",
    "driving licence lost",
    "can i get an appointment online",
    "i'm moving next week",
    "what's the price of a kids id",
    "how long does it take",
    "when will my new card arrive",
    "Hello, I moved to Ixelles last month and the police officer has not come yet. "
    "What should I do?",
    "My father passed away yesterday in the hospital. How do we declare the death?",
    "I don't know my puk",
    "cpas help rent",
    "thx for the info",
    "where can i apply",
    "renew passport",
    "new card",
    "need help with taxes",
    "hey i havent received my pin letter",
    "my bag with my id card was stollen",
    "im new in brussels",
    "its urgent i fly tomorrow",
    "i dont know my national number",
    "residence permit renewal",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [(text, Language.FR) for text in FRENCH]
    + [(text, Language.NL) for text in DUTCH]
    + [(text, Language.EN) for text in ENGLISH],
)
def test_detects_the_language_of_citizen_questions(text, expected):
    assert detect_language(text).language is expected


@pytest.mark.parametrize("text", ["", "   ", "1000", "12 3 45", "?!", "eid", "kids id pin puk"])
def test_nothing_to_decide_gives_the_fallback_without_confidence(text):
    for fallback in Language:
        guess = detect_language(text, fallback=fallback)
        assert guess.language is fallback
        assert guess.confident is False


@pytest.mark.parametrize(("text", "expected"), [
    ("paspoort kwijt", Language.NL),
    ("carte d'identité perdue", Language.FR),
    ("i lost my passport", Language.EN),
    ("jai perdu ma cart didentiter", Language.FR),
])
def test_clear_questions_are_confident(text, expected):
    guess = detect_language(text, fallback=Language.EN if expected is not Language.EN
                            else Language.FR)
    assert guess.language is expected
    assert guess.confident is True


# "social assistance" is as French as it is English once the accents and word order are gone.
@pytest.mark.parametrize("text", ["comment", "is", "merci thanks", "prix price",
                                  "social assistance"])
def test_thin_or_split_evidence_is_not_confident(text):
    assert detect_language(text).confident is False


def test_a_word_shared_by_two_languages_does_not_decide_alone():
    # "is" is both Dutch and English: a tie, so the conversation's language is kept.
    assert detect_language("is", fallback=Language.FR).language is Language.FR


def test_scores_cover_every_language():
    guess = detect_language("paspoort kwijt")
    assert set(guess.scores) == set(Language)
    assert guess.scores[Language.NL] > guess.scores[Language.FR]
