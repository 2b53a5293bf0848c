"""The emergency message: what matters first, call 112 now, and the help lines, in two or three
short sentences (a frightened reader takes in little)."""

from __future__ import annotations

from assistant.messages import catalogue
from assistant.safety.urgency.detector import Urgency
from assistant.safety.urgency.help_lines import ALWAYS
from indexing.models import ChannelKind, Language

POLICE_NUMBER = "101"


def urgent_message(urgency: Urgency, language: Language) -> str:
    messages = catalogue()
    with_police = any(channel.value == POLICE_NUMBER for channel in urgency.channels)
    sentences = [messages.table("urgency.first_words", language)[urgency.kind.value],
                 messages.text("urgency.call_112_or_police" if with_police
                               else "urgency.call_112", language)]
    help_lines = [c for c in urgency.channels if c.kind is ChannelKind.PHONE]
    if help_lines:
        day_and_night = messages.text("urgency.day_and_night", language)
        named = messages.text("urgency.or", language).join(
            f"{c.label}, {c.value}" + (day_and_night if c.hours == ALWAYS else "")
            for c in help_lines)
        sentences.append(messages.text("urgency.also_call", language, lines=named))
    return " ".join(sentences)
