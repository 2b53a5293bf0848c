"""Turns a citizen's question into an answer with its sources, or a hand-off to a human."""
