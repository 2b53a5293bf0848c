"""Answer generators: turn numbered sources into a cited answer text."""
