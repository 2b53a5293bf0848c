"""The deployment profile: who runs this Guichet and which human channels it offers by default.

A commune deploys Guichet with its own counters, numbers and hours (`GUICHET_PROFILE`, YAML). Those
channels close every handoff that no procedure document covers, so they are checked at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from assistant.settings import BUNDLED_PROFILE
from indexing.errors import GuichetError
from indexing.models import Channel, ChannelKind, Language, Region


@dataclass(frozen=True)
class DeploymentProfile:
    organisation: dict[Language, str]
    languages: tuple[Language, ...]
    channels: dict[Language, tuple[Channel, ...]]
    region: Region | None = None  # the region whose rules this deployment answers with

    def channels_for(self, language: Language) -> tuple[Channel, ...]:
        return self.channels.get(language) or self.channels[self.languages[0]]

    def contact_texts(self) -> list[str]:
        """Every text of every channel, so that its numbers and links count as allowed."""
        return [text for channels in self.channels.values() for channel in channels
                for text in (channel.label, channel.value, channel.hours or "")]


def load_profile(path: Path) -> DeploymentProfile:
    """Read and check a profile; a mistake names the file and what to fix."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        languages = tuple(Language(code) for code in raw["languages"])
        organisation = {Language(code): text for code, text in raw["organisation"].items()}
        channels = {language: tuple(_channel(entry, language) for entry in raw["channels"])
                    for language in languages}
        region = Region(raw["region"]) if raw.get("region") else None
    except FileNotFoundError as exc:
        raise GuichetError(f"profile not found: {path} (check GUICHET_PROFILE)") from exc
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise GuichetError(f"{path}: not a valid deployment profile ({exc!r}); see "
                           f"{BUNDLED_PROFILE.name} for the expected shape") from exc
    if not languages or not any(channels.values()):
        raise GuichetError(f"{path}: a profile needs at least one language and one channel")
    return DeploymentProfile(organisation, languages, channels, region)


def _channel(entry: dict, language: Language) -> Channel:
    def localised(field: str) -> str | None:
        value = entry.get(field)
        if isinstance(value, dict):
            return value.get(language.value) or value.get("fr")
        return value

    return Channel(ChannelKind(entry["kind"]), localised("label"), localised("value"),
                   localised("hours"))
