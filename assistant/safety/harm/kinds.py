"""The kinds of request Guichet refuses, each a typed reason of the handoff it gets."""

from __future__ import annotations

from enum import StrEnum


class HarmKind(StrEnum):
    """In the order a request that is several at once is named: an attempt to change Guichet's
    rules first (whatever it then asks), then the harm asked for."""

    MANIPULATION = "manipulation"
    HURT = "hurt"
    FRAUD = "fraud"
    OTHERS_DATA = "others_data"
    EXPLOITATION = "exploitation"
