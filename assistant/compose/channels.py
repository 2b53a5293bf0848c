"""The human channels an answer or a handoff offers: the procedure's own when it is the likely one,
then the deployment's, each office once, human ones first, an emergency line only when urgent."""

from __future__ import annotations

from assistant.profile import DeploymentProfile
from indexing.models import Channel, ChannelKind, Language, ProcedureDocument

MAX_CHANNELS = 5
# The order a handoff lists its channels in, which the pages keep: an emergency line first, then a
# person (a call before a counter, since a call needs no trip), then online.
CHANNEL_DISPLAY_ORDER = (ChannelKind.EMERGENCY, ChannelKind.PHONE, ChannelKind.COUNTER,
                         ChannelKind.DIGITAL_HELP, ChannelKind.ONLINE)
FALLBACK_DOCUMENT = "contacts-services"


class ChannelChooser:
    def __init__(self, profile: DeploymentProfile,
                 documents: dict[tuple[str, Language], ProcedureDocument]) -> None:
        self._profile = profile
        self._documents = documents

    def fallback(self, language: Language) -> ProcedureDocument | None:
        """`contacts-services`: how to reach a human, the fallback of every handoff."""
        return (self._documents.get((FALLBACK_DOCUMENT, language))
                or self._documents.get((FALLBACK_DOCUMENT, Language.FR)))

    def channels(self, language: Language, document: ProcedureDocument | None
                 ) -> tuple[Channel, ...]:
        document = document or self.fallback(language)
        offered = [c for c in (document.contacts if document else ())
                   if c.kind is not ChannelKind.EMERGENCY]
        offered += self._profile.channels_for(language)
        # The procedure's own wording of a channel is kept; the profile's same office is dropped.
        by_office: dict[tuple[ChannelKind, str], Channel] = {}
        for channel in offered:
            by_office.setdefault((channel.kind, channel.label.casefold()), channel)
        # Which channels: the first few, online ones last; then listed in the display order.
        chosen = sorted(by_office.values(), key=lambda channel: channel.kind is ChannelKind.ONLINE)
        return tuple(sorted(chosen[:MAX_CHANNELS],
                            key=lambda channel: CHANNEL_DISPLAY_ORDER.index(channel.kind)))
