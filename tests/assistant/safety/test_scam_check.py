"""The scam check, sign by sign, on messages written for these tests (not the evaluation set)."""

from __future__ import annotations

import re

import pytest

from assistant.safety.scam.check import (
    MessageChecker,
    OfficialDomains,
    ScamSign,
    load_signs,
    host_of,
)
from indexing.errors import GuichetError
from indexing.models import Language
from tests.conftest import BUNDLED_CORPUS

S = ScamSign


@pytest.fixture(scope="module")
def checker() -> MessageChecker:
    return MessageChecker(OfficialDomains.load(BUNDLED_CORPUS), frozenset({"itsme-id.com"}))


def signs(checker: MessageChecker, text: str, language: Language = Language.FR) -> set[ScamSign]:
    return {signal.sign for signal in checker.check(text, language).signals}


@pytest.mark.parametrize("text, expected", [
    ("Voir https://www.belgium.be/fr/famille", set()),
    ("Voir https://finances.belgium.be/fr/particuliers", set()),
    ("Ouvrez l'app ou allez sur itsme-id.com", set()),
    ("Voir https://example.org/page", {S.UNOFFICIAL_LINK}),
    ("Cliquez ici : https://itsme-verificatie.net/login", {S.UNOFFICIAL_LINK, S.LOOKALIKE_DOMAIN}),
    ("Cliquez ici : https://mypensoin.info", {S.UNOFFICIAL_LINK, S.LOOKALIKE_DOMAIN}),
    ("Suivez http://bpost.tracking-colis.top/a1", {S.UNOFFICIAL_LINK, S.LOOKALIKE_DOMAIN}),
])
def test_links_are_judged_against_the_official_domains(checker, text, expected):
    assert signs(checker, text) == expected


@pytest.mark.parametrize("text, language, sign", [
    ("Confirmez votre code PIN pour continuer.", Language.FR, S.ASKS_CODES),
    ("Geef ons de sms-code die u net ontving.", Language.NL, S.ASKS_CODES),
    ("Reply with the verification code we sent you.", Language.EN, S.ASKS_CODES),
    ("Indiquez le numéro de carte et le cryptogramme.", Language.FR, S.ASKS_CARD_OR_PAYMENT),
    ("Gelieve 2 euro te betalen om verder te gaan.", Language.NL, S.ASKS_CARD_OR_PAYMENT),
    ("Please pay the outstanding amount today.", Language.EN, S.ASKS_CARD_OR_PAYMENT),
    ("Envoyez-nous votre numéro de registre national.", Language.FR, S.ASKS_PERSONAL_DATA),
    ("Bevestig uw gegevens in het formulier.", Language.NL, S.ASKS_PERSONAL_DATA),
    ("Please update your details in the form.", Language.EN, S.ASKS_PERSONAL_DATA),
    ("Votre accès sera bloqué demain.", Language.FR, S.THREAT_OR_DEADLINE),
    ("Uw account wordt geblokkeerd.", Language.NL, S.THREAT_OR_DEADLINE),
    ("Your account will be suspended.", Language.EN, S.THREAT_OR_DEADLINE),
    ("Votre colis attend : des frais de douane restent dus.", Language.FR, S.PARCEL_FEE),
    ("Uw pakket staat klaar, er zijn nog douanekosten.", Language.NL, S.PARCEL_FEE),
    ("Your parcel is on hold until customs fees are settled.", Language.EN, S.PARCEL_FEE),
    ("Félicitations, vous avez gagné un bon d'achat.", Language.FR, S.PRIZE_OR_REFUND_LURE),
    ("Er staat een teruggave van belastingen voor u klaar.", Language.NL,
     S.PRIZE_OR_REFUND_LURE),
    ("You have won a gift card.", Language.EN, S.PRIZE_OR_REFUND_LURE),
    ("Appelez d'urgence le 0470 12 34 56.", Language.FR, S.URGENT_CALLBACK_NUMBER),
    ("Bel onmiddellijk 0470 12 34 56.", Language.NL, S.URGENT_CALLBACK_NUMBER),
    ("Call us immediately on 0470 12 34 56.", Language.EN, S.URGENT_CALLBACK_NUMBER),
])
def test_each_sign_fires_on_its_own_situation(checker, text, language, sign):
    assert sign in signs(checker, text, language)


def test_a_deadline_alone_is_not_a_sign_but_counts_beside_another(checker):
    assert signs(checker, "Déclarez vos revenus avant le 30/06 sur MyMinfin.") == set()
    assert signs(checker, "Confirmez votre code PIN avant le 30/06.") == {
        S.ASKS_CODES, S.THREAT_OR_DEADLINE}


@pytest.mark.parametrize("language", list(Language))
def test_no_sign_is_never_called_safe(checker, language):
    report = checker.check("Bonjour, la réunion de parents a lieu jeudi à 18 h.", language)
    assert report.signals == ()
    verdict = report.advice.replace("safeonweb", "")
    assert not re.search(r"\b(?:safe|sûr|veilig|sans danger)\b", verdict, re.I)
    assert "suspect@safeonweb.be" in report.advice


def test_the_advice_says_what_to_do_now(checker):
    report = checker.check("Votre carte est bloquée : https://kbc-secure.help", Language.NL)
    assert "078 170 170" in report.advice and "suspect@safeonweb.be" in report.advice
    assert report.signals[0].explanation.startswith("De link")


def test_hosts_are_read_without_scheme_www_or_path():
    assert host_of("HTTPS://www.MyPension.be/fr?x=1") == "mypension.be"
    assert host_of("itsme-id.com/fr") == "itsme-id.com"


def test_a_signs_file_without_a_language_is_refused_naming_it(tmp_path):
    broken = tmp_path / "signs.yaml"
    broken.write_text("asks_codes:\n  fr: ['code']\n", encoding="utf-8")
    with pytest.raises(GuichetError, match=r"signs.yaml: asks_codes needs patterns"):
        load_signs(broken)
