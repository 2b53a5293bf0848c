import pytest

from assistant.inputs import check_id, clean_text
from indexing.errors import InvalidInput


@pytest.mark.parametrize(("text", "problem"), [
    ("bonjour \ud800", "broken character"), ("carte\x00identité", "control characters"),
    ("\u200b\u200b \u00a0 \u2060", "empty"), ("", "empty"), ("x" * 101, "limit is 100"),
])
def test_text_that_cannot_be_taken_names_the_field_and_never_repeats_the_text(text, problem):
    with pytest.raises(InvalidInput) as error:
        clean_text(text, "question", 100)
    assert error.value.field == "question" and problem in str(error.value)
    assert "carte" not in str(error.value) and "bonjour" not in str(error.value)


def test_invisible_characters_go_and_odd_spaces_become_plain_ones():
    assert clean_text("\u200bcarte\u00a0d'identité\t perdue \n", "q", 100) == \
        "carte d'identité  perdue"


def test_an_optional_text_may_be_empty():
    assert clean_text(" \u200b ", "comment", 100, required=False) == ""


def test_an_id_must_have_the_shape_guichet_gives_out():
    assert check_id("a" * 32, "conversation_id", r"^[0-9a-f]{32}$") == "a" * 32
    with pytest.raises(InvalidInput, match="not one Guichet gives out"):
        check_id("jean@example.be", "conversation_id", r"^[0-9a-f]{32}$")
