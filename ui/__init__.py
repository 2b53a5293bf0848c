"""The faces of Guichet: command line, HTTP API and web pages, thin layers over `assistant/`."""
