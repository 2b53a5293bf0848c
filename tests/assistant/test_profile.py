import pytest

from assistant.safety.contact_finder import find_contacts
from assistant.profile import load_profile
from assistant.settings import BUNDLED_PROFILE
from indexing.errors import GuichetError
from indexing.models import ChannelKind, Language


def test_the_bundled_profile_offers_human_channels_in_each_language():
    profile = load_profile(BUNDLED_PROFILE)
    assert set(profile.languages) == set(Language)
    for language in Language:
        kinds = [channel.kind for channel in profile.channels_for(language)]
        assert ChannelKind.COUNTER in kinds and ChannelKind.DIGITAL_HELP in kinds
    assert profile.channels_for(Language.NL)[0].label.startswith("Dienst Bevolking")


def test_the_bundled_profile_names_no_phone_number_a_commune_has_not_confirmed():
    contacts = [c for text in load_profile(BUNDLED_PROFILE).contact_texts()
                for c in find_contacts(text)]
    assert all(contact.startswith("https://be.brussels/") for contact in contacts)


def test_a_broken_profile_names_its_file(tmp_path):
    broken = tmp_path / "profile.yaml"
    broken.write_text("organisation: {fr: X}\nlanguages: [fr]\nchannels:\n  - kind: fax\n",
                      encoding="utf-8")
    with pytest.raises(GuichetError, match="profile.yaml"):
        load_profile(broken)
    with pytest.raises(GuichetError, match="GUICHET_PROFILE"):
        load_profile(tmp_path / "missing.yaml")
