"""The bundled corpus keeps the contract: every procedure in French, the most used ones in Dutch
and English, complete front matter, official sources, plain language, and eval sets that only
expect documents that exist."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from assistant.contact_safety import find_contacts
from assistant.settings import BUNDLED_CORPUS
from evals.questions import load_questions
from evals.readability import document_readability
from indexing.corpus import load_corpus
from indexing.models import ChannelKind, Language

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "CONTRACT.md"
QUESTIONS = BUNDLED_CORPUS.parent / "evals" / "questions"

# The ids of ../shared/CONTRACT.md, copied so that a clone without ../shared still tests them.
CONTRACT_IDS = (
    "changement-adresse", "carte-identite", "carte-identite-perte-vol", "codes-pin-puk", "kids-id",
    "passeport", "certificats-population", "extrait-casier-judiciaire", "declaration-naissance",
    "mariage", "cohabitation-legale", "declaration-deces", "permis-conduire",
    "carte-stationnement-riverain", "revenu-integration", "aide-sociale-cpas",
    "allocations-familiales", "statut-bim", "tarif-social-energie", "aide-medicale-urgente",
    "chomage-allocations", "inscription-actiris", "pension", "allocation-handicap",
    "logement-social", "allocation-loyer", "garantie-locative", "enregistrement-bail",
    "declaration-impots", "connexion-services-en-ligne", "irisbox", "mon-dossier", "ebox-citoyen",
    "mutuelle-inscription", "carte-europeenne-assurance-maladie", "aide-numerique-epn",
    "arnaques-phishing", "immatriculation-vehicule", "tarif-reduit-transports",
    "inscription-secondaire", "allocations-etudes", "titre-sejour", "encombrants", "aide-juridique",
    "contacts-services",
)
MINIMUM_DOCUMENTS = {Language.FR: len(CONTRACT_IDS), Language.NL: 20, Language.EN: 10}

# Where facts for citizens may come from: federal, regional and community governments, Brussels
# communes and CPAS, and the public bodies that run a procedure themselves.
OFFICIAL_DOMAIN_SUFFIXES = (
    ".belgium.be", ".fgov.be", ".brussels", ".irisnet.be", ".vlaanderen.be", ".wallonie.be",
    ".cfwb.be", ".enseignement.be",
)
OFFICIAL_DOMAINS = frozenset({
    "belgium.be", "ibz.be", "dofi.ibz.be", "vlaanderen.be", "wallonie.be", "mypension.be",
    "socialsecurity.be", "mi-is.be", "myminfin.be", "onem.be", "rva.be", "safeonweb.be", "csam.be",
    "stib-mivb.be", "arp-gan.be", "inschrijveninbrussel.be", "112.be", "police.be", "enseignement.be", "cfwb.be", "groeipakket.be", "famiwal.be",
    "creg.be", "sibelga.be", "avocats.be", "advocaat.be", "caami-hziv.fgov.be", "inami.fgov.be",
    "myebox.be", "irisbox.irisnet.be", "bpost.be", "itsme-id.com", "eid.belgium.be",
    # Brussels communes and their CPAS/OCMW
    "anderlecht.be", "auderghem.be", "oudergem.be", "berchem-sainte-agathe.be", "bruxelles.be",
    "brussel.be", "evere.be", "ganshoren.be", "ixelles.be", "elsene.be", "jette.be",
    "koekelberg.be", "molenbeek.be", "saint-gilles.be", "sint-gillis.be", "saint-josse.be",
    "schaerbeek.be", "schaarbeek.be", "uccle.be", "ukkel.be", "watermael-boitsfort.be",
    "woluwe1200.be", "woluwe1150.be", "cpasxl.be", "cpasbxl.brussels",
})
MAX_WORDS_PER_SENTENCE = 20
# Flesch-type scales (Kandel-Moles, Flesch-Douma, Flesch) put plain "standard" prose at 60-70;
# below 60 a text reads "fairly difficult" for the general public, which is our audience.
MIN_READABILITY = 60.0
MAX_REVIEW_AGE_DAYS = 2 * 365

LOAD = load_corpus(BUNDLED_CORPUS)
DOCUMENTS = LOAD.documents
IDS_BY_LANGUAGE = {language: {d.doc_id for d in DOCUMENTS if d.language is language}
                   for language in Language}


def test_the_corpus_loads_without_a_single_problem():
    assert LOAD.problems == []


def test_the_id_list_matches_the_shared_contract():
    if not CONTRACT.exists():
        pytest.skip("../shared/CONTRACT.md is not beside this clone")
    table = re.findall(r"^\| ([a-z0-9-]+) \|", CONTRACT.read_text(encoding="utf-8"), re.MULTILINE)
    assert tuple(doc_id for doc_id in table if doc_id != "doc_id") == CONTRACT_IDS


def test_every_contract_procedure_exists_in_french():
    assert set(CONTRACT_IDS) - IDS_BY_LANGUAGE[Language.FR] == set()


@pytest.mark.parametrize("language", list(Language))
def test_each_language_has_its_minimum_and_only_contract_ids(language):
    ids = IDS_BY_LANGUAGE[language]
    assert len(ids) >= MINIMUM_DOCUMENTS[language]
    assert ids <= set(CONTRACT_IDS)
    assert "contacts-services" in ids


def _urls(document) -> list[str]:
    texts = [document.source_url, *(c.value for c in document.contacts),
             *(s.text for s in document.sections)]
    return [url for text in texts for url in find_contacts(text)
            if "@" not in url and not re.fullmatch(r"[\d\s+./()-]+", url)]


def _is_official(url: str) -> bool:
    host = urlparse(url if "://" in url else f"https://{url}").hostname or ""
    host = host.removeprefix("www.")
    return host in OFFICIAL_DOMAINS or host.endswith(OFFICIAL_DOMAIN_SUFFIXES)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: f"{d.language}/{d.doc_id}")
def test_front_matter_is_complete_and_sources_are_official(document):
    assert document.source_url.startswith("https://")
    assert (date(2026, 11, 23) - document.reviewed).days <= MAX_REVIEW_AGE_DAYS
    assert document.summary and document.keywords and document.contacts
    assert len(document.sections) >= 4
    unofficial = [url for url in _urls(document) if not _is_official(url)]
    assert unofficial == []
    assert all(url.startswith("https://") for url in _urls(document) if "://" in url)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: f"{d.language}/{d.doc_id}")
def test_documents_are_written_in_plain_language(document):
    score = document_readability(document)
    assert score.words_per_sentence <= MAX_WORDS_PER_SENTENCE, score
    assert score.score >= MIN_READABILITY, score


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.jsonl")), ids=lambda p: p.name)
def test_every_expected_document_of_the_question_sets_exists(path):
    cases = load_questions(path)
    expected = {doc_id for case in cases for doc_id in case.expected_doc_ids}
    assert expected <= IDS_BY_LANGUAGE[Language.FR]


REVIEWED_NUMBERS = BUNDLED_CORPUS / "reviewed-phone-numbers.yaml"


_PHONE_LIKE = re.compile(r"[\d\s+./()-]+")


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:] if digits.startswith("32") and number.strip().startswith("+") else digits


def _phone_numbers(document) -> set[str]:
    numbers = {c.value for c in document.contacts
               if c.kind in (ChannelKind.PHONE, ChannelKind.EMERGENCY)}
    for text in [*(c.value for c in document.contacts), *(s.text for s in document.sections)]:
        numbers.update(c for c in find_contacts(text) if _PHONE_LIKE.fullmatch(c))
    return numbers


def test_every_phone_number_in_the_corpus_was_reviewed():
    """A wrong number is worse than none: each one is listed with the page that confirms it."""
    reviewed = yaml.safe_load(REVIEWED_NUMBERS.read_text(encoding="utf-8"))
    assert all(entry["source"].startswith("https://") and entry["who"] for entry in reviewed)
    known = {_digits(entry["number"]) for entry in reviewed}
    unreviewed = {(d.language.value, d.doc_id, number) for d in DOCUMENTS
                  for number in _phone_numbers(d) if _digits(number) not in known}
    assert unreviewed == set()
