"""The channels an emergency answer shows: 112 first, then the help lines of the danger found."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from assistant.safety.urgency.kinds import UrgencyKind
from indexing.errors import GuichetError
from indexing.models import Channel, ChannelKind, Language, Region

HELP_LINES_FILE = Path(__file__).resolve().parent / "help_lines.yaml"
ALWAYS = "24/7"


@dataclass(frozen=True)
class HelpLines:
    """112 and the police by language; the lines of each kind, by language, for a region."""

    emergency: dict[Language, Channel]
    police: dict[Language, Channel]
    lines: dict[UrgencyKind, dict[Language, tuple[tuple[Channel, frozenset[Region]], ...]]]

    def channels(self, kinds: tuple[UrgencyKind, ...], language: Language,
                 region: Region | None) -> tuple[Channel, ...]:
        """112 first, then each kind's lines (most specific kind first), each line once."""
        channels = [self.emergency[language]]
        for kind in kinds:
            for channel, regions in self.lines.get(kind, {}).get(language, ()):
                if regions and region not in regions:
                    continue
                if channel not in channels:
                    channels.append(channel)
        return tuple(channels)

    def numbers(self) -> set[str]:
        """Every number these lines may show, for the reviewed-numbers test."""
        found = {c.value for c in (*self.emergency.values(), *self.police.values())}
        return found | {channel.value for by_language in self.lines.values()
                        for entries in by_language.values() for channel, _ in entries}


@cache
def load_help_lines(path: Path = HELP_LINES_FILE) -> HelpLines:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        emergency = {lang: _channel(raw["emergency"][lang.value], ChannelKind.EMERGENCY)
                     for lang in Language}
        police = {lang: _channel(raw["police"][lang.value], ChannelKind.EMERGENCY)
                  for lang in Language}
        lines = {UrgencyKind(kind): {lang: tuple(_line(entry, police[lang])
                                                 for entry in by_language[lang.value])
                                     for lang in Language}
                 for kind, by_language in raw["lines"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise GuichetError(f"{path}: not a valid list of help lines ({exc!r})") from exc
    missing = set(UrgencyKind) - set(lines)
    if missing:
        raise GuichetError(f"{path}: no lines for {sorted(kind.value for kind in missing)}; "
                           "write an empty list where only 112 applies")
    return HelpLines(emergency, police, lines)


def _channel(entry: dict, kind: ChannelKind = ChannelKind.PHONE) -> Channel:
    return Channel(kind, str(entry["label"]), str(entry["number"]), entry.get("hours"))


def _line(entry: dict | str, police: Channel) -> tuple[Channel, frozenset[Region]]:
    if entry == "police":
        return police, frozenset()
    return _channel(entry), frozenset(Region(r) for r in entry.get("regions", ()))
