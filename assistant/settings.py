"""Guichet's one configuration object, read from `GUICHET_*` environment variables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from indexing.embeddings.registry import DEFAULT_EMBEDDING_MODEL

BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CONFIDENCE_MODEL = Path(__file__).resolve().parent / "decide" / "confidence_model.json"
BUNDLED_PROFILE = Path(__file__).resolve().parent / "profiles" / "brussels-example.yaml"


COLLECTIONS_DIR = "collections"
EMBEDDING_CACHE_FILE = "embedding-cache.sqlite"
COLLECTION_NAME_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"


def default_data_dir() -> Path:
    """Outside the source tree, where per-user application data belongs (XDG)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "guichet"


class Settings(BaseSettings):
    """Every setting, with the default a fresh install uses. Env var = GUICHET_ + name."""

    model_config = SettingsConfigDict(env_prefix="GUICHET_", extra="ignore")

    corpus_dir: Path = Field(default=BUNDLED_CORPUS,
                             description="Folder of the corpus (fr/, nl/, en/ of Markdown files).")
    data_dir: Path = Field(default_factory=default_data_dir,
                           description="Where indexes and databases are written.")
    cache_dir: Path | None = Field(default=None,
                                   description="Where embeddings are kept between builds and "
                                               "starts (the data folder when unset); several "
                                               "data folders may share one.")
    embedding_model: str = Field(
        default=DEFAULT_EMBEDDING_MODEL,
        description="Embedding model: a packaged offline model, or any sentence-transformers "
                    "hub name or local folder.")
    search_k: int = Field(default=10, ge=1, le=50,
                          description="Passages returned by a search.")
    retrieval_candidates: int = Field(default=40, ge=5, le=500,
                                      description="Candidates each retriever (dense, BM25) "
                                                  "hands to the fusion.")
    rrf_k: int = Field(default=60, ge=1, le=1000,
                       description="Reciprocal-rank-fusion constant: higher flattens the ranks.")
    collection: str = Field(default="", pattern=f"{COLLECTION_NAME_PATTERN}|^$",
                            description="Named collection to serve (built with `guichet index "
                                        "--source ... --collection NAME`); empty for the corpus "
                                        "folder.")
    profile: Path = Field(default=BUNDLED_PROFILE,
                          description="Deployment profile (YAML): organisation, default human "
                                      "channels, languages offered.")
    confidence_model: Path = Field(
        default=CONFIDENCE_MODEL,
        description="The fitted confidence model (JSON); refit on your own questions with "
                    "python -m evals.fit_confidence --output FILE.")
    confidence_threshold: float | None = Field(
        default=None, ge=0.0, le=1.0,
        description="Below this probability that the chosen procedure answers, hand off to a "
                    "person; unset, the threshold fitted with the confidence model.")
    conversation_ttl_minutes: float = Field(default=30, gt=0,
                                            description="A conversation is forgotten this long "
                                                        "after its last question.")
    review_age_days: int = Field(default=365, ge=1, le=3650,
                                 description="A page whose facts were checked longer ago than "
                                             "this is shown to staff as due for review.")
    max_question_chars: int = Field(default=1000, ge=50, le=20000,
                                    description="Longest question accepted.")
    max_comment_chars: int = Field(default=2000, ge=100, le=20000,
                                   description="Longest feedback comment accepted.")
    max_message_chars: int = Field(default=5000, ge=200, le=20000,
                                   description="Longest message accepted by the scam check.")
    max_body_bytes: int = Field(default=64 * 1024, ge=4096, le=10 * 1024 * 1024,
                                description="Largest request body accepted (413 above).")
    ask_rate_per_minute: int = Field(default=30, ge=1, le=100000,
                                     description="Questions one client may ask per minute "
                                                 "(ask and stream together); 429 above.")
    feedback_rate_per_minute: int = Field(default=10, ge=1, le=100000,
                                          description="Feedback posts one client may send per "
                                                      "minute; 429 above.")
    feedback_retention_days: int = Field(default=365, ge=1, le=3650,
                                         description="Feedback older than this is deleted by "
                                                     "the periodic sweep.")
    sweep_interval_seconds: float = Field(default=600, ge=1, le=86400,
                                          description="How often the server deletes expired "
                                                      "conversations and old feedback.")
    index_watch_seconds: float = Field(default=2, ge=0.2, le=3600,
                                       description="How often the server looks for a newly "
                                                   "published index to serve.")
    generator: Literal["extractive", "openai", "ollama"] = Field(
        default="extractive", description="Who writes answers: 'extractive' (offline, from the "
        "sources' sentences) or an LLM through an OpenAI-compatible server or Ollama.")
    llm_model: str = Field(default="", description="LLM model name (generator openai/ollama).")
    llm_base_url: str | None = Field(default=None, description="LLM server URL, e.g. "
                                     "http://localhost:11434 or https://gateway/v1.")
    llm_api_key: SecretStr | None = Field(default=None, description="LLM API key, if any.")
    llm_timeout_s: float = Field(default=30, gt=0, description="LLM request timeout (seconds).")
    judge: Literal["none", "openai", "ollama"] = Field(
        default="none", description="LLM judge for `guichet eval` (faithfulness, relevancy).")
    judge_model: str = Field(default="", description="Judge model name.")
    judge_base_url: str | None = Field(default=None, description="Judge server URL.")
    judge_api_key: SecretStr | None = Field(default=None, description="Judge API key, if any.")
    cors_origins: list[str] = Field(default_factory=list,
                                    description="Web origins allowed to call the API, as a JSON "
                                                "list, e.g. [\"https://www.macommune.be\"].")
    host: str = Field(default="127.0.0.1", description="Address the web server listens on.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port of the web server.")
    log_level: str = Field(default="INFO", pattern="^(DEBUG|INFO|WARNING|ERROR)$",
                           description="Logging level.")

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with some values changed, validated again (model_copy would skip it)."""
        return type(self)(**{**self.model_dump(), **changes})

    @property
    def embedding_cache(self) -> Path:
        return (self.cache_dir or self.data_dir) / EMBEDDING_CACHE_FILE

    @property
    def index_dir(self) -> Path:
        """Where the served collection's index lives: the corpus folder's is the data folder."""
        if not self.collection:
            return self.data_dir
        return self.data_dir / COLLECTIONS_DIR / self.collection

    @model_validator(mode="after")
    def _data_dir_outside_corpus(self) -> Settings:
        corpus, data = self.corpus_dir.resolve(), self.data_dir.resolve()
        if data == corpus or corpus in data.parents:
            raise ValueError(f"GUICHET_DATA_DIR ({data}) must not be inside the corpus folder "
                             f"({corpus}): index files would be read as documents.")
        if self.generator != "extractive" and not self.llm_model:
            raise ValueError(f"GUICHET_GENERATOR={self.generator} needs GUICHET_LLM_MODEL.")
        if self.judge != "none" and not self.judge_model:
            raise ValueError(f"GUICHET_JUDGE={self.judge} needs GUICHET_JUDGE_MODEL.")
        return self
