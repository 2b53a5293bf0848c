import pytest
from pydantic import ValidationError

from assistant.settings import BUNDLED_CORPUS, Settings, default_data_dir


def test_environment_variables_override_defaults(monkeypatch, tmp_path):
    monkeypatch.setenv("GUICHET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GUICHET_SEARCH_K", "7")
    monkeypatch.setenv("GUICHET_EMBEDDING_MODEL", "/models/my-e5")
    settings = Settings()
    assert settings.data_dir == tmp_path / "data"
    assert settings.search_k == 7
    assert settings.embedding_model == "/models/my-e5"


def test_defaults_use_the_bundled_corpus_and_a_data_dir_outside_the_source_tree(monkeypatch,
                                                                               tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    settings = Settings()
    assert settings.corpus_dir == BUNDLED_CORPUS
    assert settings.data_dir == default_data_dir() == tmp_path / "guichet"
    assert BUNDLED_CORPUS.parent not in settings.data_dir.parents


def test_a_data_dir_inside_the_corpus_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="must not be inside the corpus"):
        Settings(corpus_dir=tmp_path, data_dir=tmp_path / "index")


def test_out_of_range_values_are_refused(monkeypatch):
    monkeypatch.setenv("GUICHET_SEARCH_K", "0")
    with pytest.raises(ValidationError, match="search_k"):
        Settings()
