"""Fixtures of the API tests: a two-document corpus quick to build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus_factory import write_document


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("api-corpus")
    write_document(folder, "passeport-test", title="Demander un passeport",
                   sections={"Pour qui ?": "Le passeport sert à voyager hors de l'Europe.",
                             "Coût": "Le passeport coûte environ 75 euros selon la commune."})
    write_document(folder, "encombrants-test", title="Enlèvement des encombrants",
                   sections={"Comment faire ?": "Prenez rendez-vous pour l'enlèvement de vos "
                                                "vieux meubles et objets encombrants."})
    return folder
