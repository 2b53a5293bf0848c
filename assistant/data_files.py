"""Reading the YAML data files the assistant's steps are built from (patterns, signs, rules)."""

from __future__ import annotations

from pathlib import Path

import yaml

from indexing.errors import GuichetError


def read_yaml_mapping(path: Path, expected: str,
                      error: type[GuichetError] = GuichetError) -> dict:
    """The mapping a data file holds, or `error` naming the file and what it must hold."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot be read as YAML ({exc})") from exc
    if not isinstance(raw, dict):
        raise error(f"{path}: must {expected}")
    return raw
