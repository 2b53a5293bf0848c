import pytest

from assistant.privacy import MaskedText, PersonalDataKind, mask_personal_data, privacy_notice
from indexing.models import Language

Kind = PersonalDataKind

# 85073003328 is valid (97 - 850730033 mod 97 = 28); 01020312345 is valid only with the
# "2" prefix of people born from 2000.
NATIONAL_NUMBERS = ["85.07.30-033.28", "85073003328", "850730 033 28", "85.07.30 033-28",
                    "01.02.03-123.45"]
IBANS = ["BE68 5390 0754 7034", "BE68539007547034", "be68 5390 0754 7034",
         "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00"]
CARD_NUMBERS = ["4111 1111 1111 1111", "4111-1111-1111-1111", "5555555555554444",
                "3782 822463 10005", "591-1234567-89"]
PHONES = ["+32 2 123 45 67", "0032 470 12 34 56", "0470/12.34.56", "02 123 45 67", "0470123456",
          "+32 (0)2 123 45 67", "081 22 33 44", "+33 6 12 34 56 78"]
EMAILS = ["jean.dupont@example.be", "Marie-Claire.Lambert+cpas@skynet.be", "a_b@mail.co.uk"]


def masked_alone(value: str) -> MaskedText:
    return mask_personal_data(f"Voici : {value}. Merci")


@pytest.mark.parametrize(("values", "kind"), [
    (NATIONAL_NUMBERS, Kind.NATIONAL_NUMBER), (IBANS, Kind.IBAN), (CARD_NUMBERS, Kind.CARD_NUMBER),
    (PHONES, Kind.PHONE), (EMAILS, Kind.EMAIL),
])
def test_each_kind_is_masked_in_every_format(values, kind):
    placeholder = {Kind.NATIONAL_NUMBER: "[NATIONAL NUMBER]", Kind.IBAN: "[IBAN]",
                   Kind.CARD_NUMBER: "[CARD NUMBER]", Kind.PHONE: "[PHONE]",
                   Kind.EMAIL: "[EMAIL]"}[kind]
    for value in values:
        assert masked_alone(value) == MaskedText(f"Voici : {placeholder}. Merci", (kind,)), value


@pytest.mark.parametrize("text", [
    "Mon rendez-vous est le 12/03/2026 à 10.30, ou le 01/03/2026 à 9 h.",
    "La carte coûte 75 euros, l'urgence 1.250 € ou 120 € à 150 €.",
    "J'habite au 1000 Bruxelles, rue Haute 12, depuis 2019.",
    "Mon fils a une carte de 12 ans, elle expire le 2026-11-23.",
    "Le guichet est ouvert de 09.00-12.00 et de 13.30-16.00, 3 jours sur 7.",
    "Le code 1234 ne marche plus, j'ai aussi essayé le 112.",
    "Réf. 85073003329 et 85.07.30-033.29",  # checksums wrong by one
    "Mon ancien compte BE68 5390 0754 7035",  # IBAN checksum wrong
    "Ticket 4111 1111 1111 1112",  # fails Luhn
    "Appelez DOC STOP au 00800 2123 2123.",  # a public freephone line, not personal data
    "",
])
def test_text_without_personal_data_is_untouched(text):
    assert mask_personal_data(text) == MaskedText(text, ())


def test_an_eleven_digit_number_with_a_wrong_checksum_is_no_national_number():
    assert Kind.NATIONAL_NUMBER not in mask_personal_data("NN 85073003329").kinds


def test_several_kinds_in_one_text_are_listed_in_first_seen_order_once():
    text = ("Je suis joignable au 0470 12 34 56 ou jean@example.be, mon NN est 85.07.30-033.28, "
            "mon compte BE68 5390 0754 7034, et sinon au 02 123 45 67.")
    masked = mask_personal_data(text)
    assert masked.text == ("Je suis joignable au [PHONE] ou [EMAIL], mon NN est [NATIONAL NUMBER], "
                           "mon compte [IBAN], et sinon au [PHONE].")
    assert masked.kinds == (Kind.PHONE, Kind.EMAIL, Kind.NATIONAL_NUMBER, Kind.IBAN)


def test_the_valid_part_of_a_run_is_masked_and_the_rest_kept():
    assert mask_personal_data("0470 12 34 56 2026").text == "[PHONE] 2026"
    assert mask_personal_data("0470 12 34 56 0471 65 43 21").text == "[PHONE] [PHONE]"
    assert mask_personal_data("le 01/03/2026 02 123 45 67").text == "le 01/03/2026 [PHONE]"
    assert mask_personal_data("BE68 5390 0754 7034 pour").text == "[IBAN] pour"


def test_digits_inside_an_email_belong_to_the_email():
    assert mask_personal_data("jean.0470123456@example.be").kinds == (Kind.EMAIL,)


def test_a_typed_placeholder_is_not_counted_as_found():
    assert mask_personal_data("J'ai écrit [PHONE] exprès").kinds == ()


@pytest.mark.parametrize(("language", "expected"), [
    (Language.FR, "Pour votre sécurité, ne partagez pas votre numéro de registre national ici : "
                  "nous l'avons effacé de votre message."),
    (Language.NL, "Deel voor uw veiligheid uw rijksregisternummer hier niet: "
                  "we hebben het uit uw bericht gewist."),
    (Language.EN, "For your safety, please do not share your national register number here: "
                  "we have removed it from your message."),
])
def test_notice_names_the_one_kind_found(language, expected):
    assert privacy_notice([Kind.NATIONAL_NUMBER], language) == expected


@pytest.mark.parametrize(("language", "names"), [
    (Language.FR, ["votre numéro de téléphone", "votre numéro de compte (IBAN)",
                   "ni votre adresse e-mail", "les avons effacés"]),
    (Language.NL, ["uw telefoonnummer", "uw rekeningnummer (IBAN)", "of uw e-mailadres",
                   "we hebben ze"]),
    (Language.EN, ["your phone number", "your bank account number (IBAN)",
                   "or your e-mail address", "removed them"]),
])
def test_notice_names_every_kind_found(language, names):
    notice = privacy_notice([Kind.PHONE, Kind.IBAN, Kind.EMAIL, Kind.PHONE], language)
    for name in names:
        assert name in notice
    assert notice.count(names[0]) == 1


@pytest.mark.parametrize("language", list(Language))
def test_notice_names_card_numbers_and_e_mails(language):
    card = privacy_notice([Kind.CARD_NUMBER], language)
    email = privacy_notice([Kind.EMAIL], language)
    card_words = {"fr": "numéro de carte", "nl": "kaartnummer", "en": "card number"}
    email_words = {"fr": "l'avons effacée", "nl": "e-mailadres", "en": "e-mail address"}
    assert card_words[language] in card
    assert email_words[language] in email


@pytest.mark.parametrize("language", list(Language))
def test_no_notice_when_nothing_was_found(language):
    assert privacy_notice([], language) == ""
