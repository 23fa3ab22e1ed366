"""The demo's texts: YAML files in demo/data/, one per theme, read with `yaml.safe_load`."""

import functools
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def load(name):
    """The contents of demo/data/<name>.yaml. Cached and shared: never change the result."""
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)
