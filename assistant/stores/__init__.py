"""Everything Guichet keeps between requests, behind one `Database` and named migrations."""
