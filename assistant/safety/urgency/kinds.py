"""The kinds of danger that send a citizen to 112 and a help line instead of an answer."""

from __future__ import annotations

from enum import StrEnum


class UrgencyKind(StrEnum):
    """In order of specificity: an intentional overdose is a suicide attempt before it is a
    poisoning; gas or carbon monoxide comes before a poisoning (get out first, do not switch
    anything on); a child swallowing bleach is a poisoning (the poison centre knows what to do)
    before anything else."""

    SUICIDE = "suicide"
    GAS = "gas"
    POISONING = "poisoning"
    CHILD_DANGER = "child_danger"
    VIOLENCE = "violence"
    FIRE = "fire"
    MEDICAL = "medical"
