"""Per-client rate limits: a sliding window of the last minute, kept in memory.

Each client (by address) may make so many requests of a kind a minute; the next gets a 429 with
Retry-After saying when to try again. Memory stays bounded: windows only hold the last minute,
and past MAX_CLIENTS the clients seen longest ago are forgotten first.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

from fastapi import HTTPException

WINDOW_SECONDS = 60.0
MAX_CLIENTS = 50_000


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = per_minute
        self._clock = clock
        self._windows: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        """Count one request of `client`; HTTPException 429 when over the limit."""
        now = self._clock()
        with self._lock:
            window = self._windows.pop(client, None) or deque()
            while window and window[0] <= now - WINDOW_SECONDS:
                window.popleft()
            self._windows[client] = window
            while len(self._windows) > MAX_CLIENTS:
                self._windows.popitem(last=False)
            if len(window) >= self._limit:
                wait = math.ceil(window[0] + WINDOW_SECONDS - now)
                raise HTTPException(status_code=429, headers={"Retry-After": str(max(1, wait))},
                                    detail=f"Too many requests: at most {self._limit} a minute. "
                                           f"Try again in {max(1, wait)} seconds.")
            window.append(now)
