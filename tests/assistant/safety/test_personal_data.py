"""Masking personal data: a table of citizens' messages written blind to the masker
(tests/data/personal-data-cases.jsonl), then the details the table cannot show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.safety.personal_data import MaskedText, PersonalDataKind, mask_personal_data, \
    privacy_notice
from indexing.models import Language

Kind = PersonalDataKind
CASES_FILE = Path(__file__).resolve().parents[2] / "data" / "personal-data-cases.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
         if line.strip()]
# Public lines the table keeps, as the pipeline's allow-list (corpus and profile) would hold them.
SERVICE_LINES = {"078170170", "070245245", "080032123", "080030030", "0080021232123",
                 "1813", "1765", "116000", "106"}


def is_service_line(number: str) -> bool:
    return "".join(c for c in number if c.isdigit()) in SERVICE_LINES


def masked(text: str) -> MaskedText:
    return mask_personal_data(text, is_service_line)


def test_the_table_is_large_enough_and_covers_every_kind():
    to_mask = [case for case in CASES if case["mask"]]
    must_stay = [case for case in CASES if not case["mask"]]
    assert len(to_mask) >= 100 and len(must_stay) >= 50
    assert {item["kind"] for case in to_mask for item in case["mask"]} == set(Kind)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["id"])
def test_each_message_loses_its_personal_data_and_keeps_the_rest(case):
    result = masked(case["text"])
    shown = result.text(Language(case["language"]))
    assert [item["value"] for item in case["mask"] if item["value"] in shown] == []
    assert [kept for kept in case["keep"] if kept not in shown] == []
    if not case["mask"]:
        assert result.kinds == () and shown == case["text"]


def test_the_kind_found_is_the_kind_written_for_nearly_every_message():
    wrong = [case["id"] for case in CASES
             if set(masked(case["text"]).kinds) != {item["kind"] for item in case["mask"]}]
    assert len(wrong) <= len(CASES) // 50, wrong


@pytest.mark.parametrize(("language", "placeholder"), [
    (Language.FR, "[numéro national]"), (Language.NL, "[rijksregisternummer]"),
    (Language.EN, "[national number]")])
def test_the_placeholder_says_what_was_there_in_the_reader_s_language(language, placeholder):
    result = masked("Mon numéro national est 85.07.30-033.28, merci")
    assert result.text(language) == f"Mon numéro national est {placeholder}, merci"
    assert result.kinds == (Kind.NATIONAL_NUMBER,)


def test_a_wrong_check_digit_is_still_someone_s_number():
    assert masked("NN 85073003329").kinds == (Kind.NATIONAL_NUMBER,)
    assert masked("IBAN BE68 5390 0754 7035").kinds == (Kind.IBAN,)


def test_neutral_text_leaves_the_data_out_for_reading():
    result = masked("je m'appelle Nadia Benali et mon GSM est le 0470 12 34 56 !")
    assert result.neutral == "je m'appelle et mon GSM est le !"


def test_several_kinds_are_listed_once_in_the_order_of_the_text():
    result = masked("GSM 0470 12 34 56, mail jean@example.be, encore 0471 65 43 21")
    assert result.kinds == (Kind.PHONE, Kind.EMAIL)
    assert result.text(Language.EN) == "GSM [phone], mail [e-mail], encore [phone]"


def test_a_public_service_line_of_the_allow_list_is_kept():
    assert masked("Appelez Card Stop au 078 170 170.").kinds == ()
    # Without the allow-list, the same digits could be anyone's: they are masked.
    assert mask_personal_data("Appelez Card Stop au 078 170 170.").kinds == (Kind.REFERENCE,)
    assert masked("mon GSM 0470 12 34 56").kinds == (Kind.PHONE,)


def test_a_typed_mark_is_not_taken_for_a_mask():
    assert masked("J'ai écrit \ue004 exprès").kinds == ()


@pytest.mark.parametrize(("language", "expected"), [
    (Language.FR, "Pour votre sécurité, ne partagez pas votre numéro de registre national ici. "
                  "Nous avons retiré ces informations de votre message."),
    (Language.NL, "Deel voor uw veiligheid uw rijksregisternummer hier niet. "
                  "We hebben die gegevens uit uw bericht gewist."),
    (Language.EN, "For your safety, please do not share your national register number here. "
                  "We have removed this information from your message."),
])
def test_the_notice_names_the_one_kind_found(language, expected):
    assert privacy_notice([Kind.NATIONAL_NUMBER], language) == expected


@pytest.mark.parametrize(("language", "names"), [
    (Language.FR, ["votre numéro de téléphone, votre nom", "ni votre adresse"]),
    (Language.NL, ["uw telefoonnummer, uw naam", "of uw adres"]),
    (Language.EN, ["your phone number, your name", "or your address"]),
])
def test_the_notice_names_every_kind_found_once(language, names):
    notice = privacy_notice([Kind.PHONE, Kind.NAME, Kind.ADDRESS, Kind.PHONE], language)
    for name in names:
        assert name in notice
    assert notice.count(names[0].split(",")[0]) == 1


@pytest.mark.parametrize("language", list(Language))
def test_no_notice_when_nothing_was_found(language):
    assert privacy_notice([], language) == ""
