"""Reading a question before anything answers it: its language, its spelling, its parts, its scope."""
