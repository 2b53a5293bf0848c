"""Safety steps that run before anything is searched: personal data, danger, harmful requests, and the contacts an answer may show."""
