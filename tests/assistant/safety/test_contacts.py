from pathlib import Path

import pytest

from assistant.safety.contact_finder import find_contacts
from assistant.safety.contacts import ContactAllowList, ScrubbedText
from assistant.settings import BUNDLED_CORPUS

SOURCES = [
    "Appelez DOC STOP au 00800 2123 2123. Depuis l'étranger, appelez le +32 2 518 21 23.",
    "En cas d'urgence, appelez le 112.",
    "1813",  # a channel value of the deployment profile
    "Plus d'informations sur https://www.ibz.rrn.fgov.be/fr/ et www.belgium.be/fr.",
    "Écrivez à Population@Commune.be.",
    "https://www.auderghem.be/perte-ou-vol-des-papiers-d%E2%80%99identit%C3%A9",
]


@pytest.fixture(scope="module")
def allow_list() -> ContactAllowList:
    return ContactAllowList.from_texts(SOURCES)


def test_find_contacts_returns_them_as_written_in_order():
    text = ("Appelez le 02/518.21.23 ou le 1813, écrivez à info@commune.be, "
            "voir https://www.belgium.be/fr/ ou be.brussels.")
    assert find_contacts(text) == ["02/518.21.23", "1813", "info@commune.be",
                                   "https://www.belgium.be/fr/", "be.brussels"]


@pytest.mark.parametrize("text", [
    "Appelez DOC STOP au 00800 2123 2123, ou au +32 2 518 21 23 depuis l'étranger [1].",
    "Appelez le 112 ; pour parler à quelqu'un, bel 1813.",
    "Voir https://www.ibz.rrn.fgov.be/fr/ et [belgium.be](https://www.belgium.be/fr) [2].",
    "Écrivez à population@commune.be.",
])
def test_allowed_contacts_survive_in_their_own_formatting(allow_list, text):
    assert allow_list.scrub(text) == ScrubbedText(text, ())


@pytest.mark.parametrize("contact", [
    "02 518 21 23", "02/518.21.23", "0032 2 518 21 23", "+32 (0)2 518 21 23", "+3225182123",
    "tel:+32-2-518-21-23", "00800 2123 2123", "+800 2123 2123", "112", "1813",
    "http://ibz.rrn.fgov.be/FR", "www.ibz.rrn.fgov.be/fr?lang=fr#top", "BELGIUM.be/fr/",
    "POPULATION@commune.BE", "mailto:population@commune.be", "www.belgium.be", "ibz.rrn.fgov.be",
    "https://auderghem.be/perte-ou-vol-des-papiers-d’identité",
])
def test_the_same_contact_in_another_format_is_allowed(allow_list, contact):
    assert allow_list.allows(contact)


@pytest.mark.parametrize("contact", [
    "02 518 21 24", "0470 12 34 56", "1818", "belgium.be/nl", "fgov.be", "invented.be",
    "https://www.ibz.rrn.fgov.be/fr/faq", "info@commune.be",
])
def test_a_contact_from_no_source_is_not_allowed(allow_list, contact):
    assert not allow_list.allows(contact)


@pytest.mark.parametrize(("text", "expected", "removed"), [
    ("Appelez DOC STOP au 02 518 21 24.", "Appelez DOC STOP.", ("02 518 21 24",)),
    ("Plus d'informations sur www.invented.be/fr.", "Plus d'informations.",
     ("www.invented.be/fr",)),
    ("Écrivez à aide@invented.be pour un rendez-vous.", "Écrivez pour un rendez-vous.",
     ("aide@invented.be",)),
    ("Pour parler à quelqu'un, appelez le 1818 ou le 1813.",
     "Pour parler à quelqu'un, appelez le 1813.", ("1818",)),
    ("Appelez DOC STOP au 00800 2123 2123 ou au 02 999 99 99.",
     "Appelez DOC STOP au 00800 2123 2123.", ("02 999 99 99",)),
    ("Appelez DOC STOP au 02 999 99 99 ou au 00800 2123 2123.",
     "Appelez DOC STOP au 00800 2123 2123.", ("02 999 99 99",)),
    ("Appelez le 02 518 21 23, le 02 999 99 99, ou le 1818.", "Appelez le 02 518 21 23.",
     ("02 999 99 99", "1818")),
    ("Appelez le 02 518 21 23, le 02 999 99 99 ou le 1813.",
     "Appelez le 02 518 21 23 ou le 1813.", ("02 999 99 99",)),
    ("Numéro : 02 999 99 99 ; site : https://www.belgium.be/fr",
     "site : https://www.belgium.be/fr", ("02 999 99 99",)),
    ("Contactez la commune (02 123 45 67) avant de venir.", "Contactez la commune avant de venir.",
     ("02 123 45 67",)),
    ("Contactez la commune (tél. 02 123 45 67, 8 h - 16 h).", "Contactez la commune (8 h - 16 h).",
     ("02 123 45 67",)),
    ("Appelez le **0470 12 34 56** [1].", "Appelez [1].", ("0470 12 34 56",)),
    ("Bel DOC STOP op 02 111 22 33.", "Bel DOC STOP.", ("02 111 22 33",)),
    ("Call DOC STOP on +32 2 111 22 33, day and night.", "Call DOC STOP, day and night.",
     ("+32 2 111 22 33",)),
    ("Un numéro mal recopié : 02 518 21 2.", "Un numéro mal recopié.", ("02 518 21 2",)),
    ("Voir <https://invented.example.org/page>.", "Voir.", ("https://invented.example.org/page",)),
])
def test_invented_contacts_are_removed_and_the_sentence_tidied(allow_list, text, expected, removed):
    assert allow_list.scrub(text) == ScrubbedText(expected, removed)


def test_a_list_item_with_only_an_invented_contact_disappears(allow_list):
    text = "Contacts :\n- Téléphone : 02 123 45 67\n- Site : www.belgium.be/fr\n\nFin."
    assert allow_list.scrub(text).text == "Contacts :\n- Site : www.belgium.be/fr\n\nFin."


def test_a_paragraph_with_only_an_invented_link_disappears(allow_list):
    assert allow_list.scrub("Texte.\n\nhttps://invented.be\n\nSuite.").text == "Texte.\n\nSuite."


def test_a_markdown_link_to_an_unknown_page_keeps_its_words(allow_list):
    scrubbed = allow_list.scrub("Remplissez [le formulaire](https://invented.be/form) en ligne "
                                "ou voyez [IBZ](https://www.ibz.rrn.fgov.be/fr/).")
    assert scrubbed == ScrubbedText("Remplissez le formulaire en ligne ou voyez "
                                    "[IBZ](https://www.ibz.rrn.fgov.be/fr/).",
                                    ("https://invented.be/form",))


def test_a_markdown_link_whose_words_are_the_unknown_link_loses_both(allow_list):
    scrubbed = allow_list.scrub("Zie [www.invented.be](https://www.invented.be).")
    assert scrubbed.text == "Zie."
    assert "https://www.invented.be" in scrubbed.removed


def test_mail_and_tel_links_are_checked_too(allow_list):
    scrubbed = allow_list.scrub("[Écrivez-nous](mailto:x@invented.be) ou "
                                "[appelez DOC STOP](tel:+3225182123).")
    assert scrubbed.text == "Écrivez-nous ou [appelez DOC STOP](tel:+3225182123)."
    assert scrubbed.removed == ("x@invented.be",)


@pytest.mark.parametrize("text", [
    "La carte coûte 25 € (1.250 € en tout pour 50 cartes), 0,50 € par page.",
    "Rendez-vous le 12/03/2026 ou le 01.04.2026 à 10.30, ou le 2026-11-23 [1][2].",
    "Le guichet est ouvert de 09.00-12.00 et de 08:30 à 16 h, 7 j/7, 24 h/24.",
    "Service Population, 1000 Bruxelles ; 1050 Ixelles ; depuis 2019 ; carte de 12 ans [3].",
    "Le code 1234 et le PUK 12345678 sont dans la lettre.",
    "Compte BE68 5390 0754 7034, enfant de 3 à 12 ans.",
    "",
])
def test_prices_dates_years_postcodes_and_citations_are_never_touched(allow_list, text):
    assert find_contacts(text) == []
    assert allow_list.scrub(text) == ScrubbedText(text, ())


def test_short_numbers_count_only_in_a_calling_context():
    assert find_contacts("Formez le 1818, le tarif est de 1818 € en 1818.") == ["1818"]
    assert find_contacts("numéro 105, tél. 1717, ☎ 123, call 1234, bel 1813") == [
        "105", "1717", "123", "1234", "1813"]
    assert find_contacts("Appelez DOC STOP au 1813 ou au 1234.") == ["1813", "1234"]
    assert find_contacts("Appelez le 1813 ou 1500 euros, en 2026.") == ["1813"]


def test_a_run_of_digits_keeps_what_is_not_a_phone():
    assert find_contacts("02 518 21 23 1000 Bruxelles") == ["02 518 21 23"]
    assert find_contacts("02 518 21 23 0470 12 34 56") == ["02 518 21 23", "0470 12 34 56"]


def test_a_removed_contact_is_listed_once(allow_list):
    scrubbed = allow_list.scrub("Appelez le 0470 12 34 56. Je répète : 0470 12 34 56.")
    assert scrubbed.removed == ("0470 12 34 56",)
    assert "0470" not in scrubbed.text


def test_every_contact_of_the_bundled_corpus_is_allowed():
    texts = [path.read_text(encoding="utf-8") for path in Path(BUNDLED_CORPUS).rglob("*.md")]
    allow_list = ContactAllowList.from_texts(texts)
    for text in texts:
        assert allow_list.scrub(text) == ScrubbedText(text, ())
