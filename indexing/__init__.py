"""Turns the procedure documents of a corpus into a searchable index (dense + lexical)."""
