"""The channels a handoff offers, on the bundled corpus and profile: the order the pages keep."""

from dataclasses import replace

import pytest

from assistant.compose.channels import CHANNEL_DISPLAY_ORDER, MAX_CHANNELS, ChannelChooser
from assistant.profile import DeploymentProfile, load_profile
from assistant.settings import BUNDLED_PROFILE, Settings
from indexing.corpus import load_corpus
from indexing.models import Channel, ChannelKind, Language


@pytest.fixture(scope="module")
def documents():
    load = load_corpus(Settings().corpus_dir)
    return {(doc.doc_id, doc.language): doc for doc in load.documents}


@pytest.fixture(scope="module")
def chooser(documents) -> ChannelChooser:
    return ChannelChooser(load_profile(BUNDLED_PROFILE), documents)


@pytest.mark.parametrize("language", list(Language))
def test_a_handoff_lists_people_before_online_and_never_an_emergency_line(chooser, documents,
                                                                          language):
    for (doc_id, doc_language), document in documents.items():
        if doc_language is not language:
            continue
        channels = chooser.channels(language, document)
        ranks = [CHANNEL_DISPLAY_ORDER.index(channel.kind) for channel in channels]
        assert ranks == sorted(ranks), doc_id
        assert ChannelKind.EMERGENCY not in {channel.kind for channel in channels}, doc_id
        assert 0 < len(channels) <= MAX_CHANNELS, doc_id


def test_the_procedures_own_wording_of_an_office_wins_over_the_profiles(documents):
    own = Channel(ChannelKind.COUNTER, "Service Population", "Rue de la Loi 1", None)
    again = Channel(ChannelKind.COUNTER, "service population", "À la maison communale", None)
    online = Channel(ChannelKind.ONLINE, "Mon dossier", "https://www.mondossier.rrn.fgov.be", None)
    phone = Channel(ChannelKind.PHONE, "Helpdesk", "02 518 21 16", None)
    profile = DeploymentProfile(organisation={Language.FR: "Commune"}, languages=(Language.FR,),
                                channels={Language.FR: (again, phone)})
    document = replace(documents[("changement-adresse", Language.FR)], contacts=(online, own))

    channels = ChannelChooser(profile, documents).channels(Language.FR, document)

    assert channels == (phone, own, online)  # a call, a counter, online


def test_without_a_likely_procedure_the_contacts_page_is_the_fallback(chooser, documents):
    channels = chooser.channels(Language.NL, None)
    fallback = {channel.label for channel in documents[("contacts-services", Language.NL)].contacts
                if channel.kind is not ChannelKind.EMERGENCY}
    assert fallback & {channel.label for channel in channels}


def test_online_channels_are_the_first_left_out_when_there_are_too_many(documents):
    people = tuple(Channel(ChannelKind.COUNTER, f"Office {n}", f"Rue {n}", None) for n in range(5))
    online = Channel(ChannelKind.ONLINE, "Portal", "https://www.belgium.be", None)
    profile = DeploymentProfile(organisation={Language.FR: "Commune"}, languages=(Language.FR,),
                                channels={Language.FR: people})
    document = replace(documents[("changement-adresse", Language.FR)], contacts=(online,))

    channels = ChannelChooser(profile, documents).channels(Language.FR, document)

    assert channels == people
