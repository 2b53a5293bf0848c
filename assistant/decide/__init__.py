"""Deciding from the evidence: answer, ask back, or hand off to a person, and how sure that is."""
