"""Front matter pieces read alone: each mistake names its line and what to write instead."""

import pytest

from indexing.front_matter import (
    InvalidDocument,
    parse_contacts,
    parse_front_matter,
    parse_questions,
)
from indexing.models import ChannelKind, Section, SectionKind

SECTIONS = (Section(SectionKind.COST, "Coût", "Gratuit.", 12),)


def test_each_key_and_list_item_keeps_its_line():
    front = parse_front_matter("id: passeport\ncontacts:\n  - kind: phone\n  - kind: online\n",
                               first_line=2)
    assert front.lines == {"id": 2, "contacts": 3}
    assert front.item_lines["contacts"] == [4, 5]


def test_broken_yaml_names_the_line_of_the_mistake():
    with pytest.raises(InvalidDocument) as caught:
        parse_front_matter("id: a\ntitle: [unclosed\nsummary: b\n", first_line=2)
    assert caught.value.line >= 3
    assert "not valid YAML" in caught.value.message


def test_a_contact_is_read_with_its_kind_and_hours():
    (channel,) = parse_contacts([{"kind": "phone", "label": "Helpdesk", "value": "02 518 21 16",
                                  "hours": "9-17"}], line=8, item_lines=[9])
    assert channel.kind is ChannelKind.PHONE and channel.hours == "9-17"


@pytest.mark.parametrize(("entry", "said"), [
    ({"kind": "fax", "label": "x", "value": "y"}, "contact kind 'fax' is not one of"),
    ({"kind": "online", "label": "x", "value": "http://a.be"}, "must be an https:// address"),
    ({"kind": "phone", "label": "x"}, "contact lacks value"),
    ({"kind": "phone", "label": "x", "value": "1", "email": "a"}, "unknown contact field 'email'"),
])
def test_a_wrong_contact_names_its_own_line(entry, said):
    with pytest.raises(InvalidDocument) as caught:
        parse_contacts([{"kind": "phone", "label": "ok", "value": "1"}, entry], line=8,
                       item_lines=[9, 12])
    assert caught.value.line == 12
    assert said in caught.value.message


def test_questions_go_to_a_section_the_document_has():
    questions = parse_questions({"cost": ["Ça coûte  combien ?"]}, line=20, sections=SECTIONS)
    assert [(q.section, q.text) for q in questions] == [(SectionKind.COST, "Ça coûte combien ?")]
    with pytest.raises(InvalidDocument, match="has no 'delay' section"):
        parse_questions({"delay": ["Combien de temps ?"]}, line=20, sections=SECTIONS)
    with pytest.raises(InvalidDocument, match="longer than 200 characters"):
        parse_questions({"cost": ["a" * 201]}, line=20, sections=SECTIONS)
