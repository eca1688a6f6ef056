"""Gold-standard NER datasets, by name, as :class:`NerDocument` streams.

The datasets are read where they are shared, ``<repo>/../shared/data`` (never copied into the
repository). Each loader reduces its dataset to PER / LOC / ORG mentions with Python character
offsets into the document text:

* ``factrueval-test`` / ``factrueval-dev``: factRuEval-2016 (:mod:`.factrueval`);
* ``slavicner``: the SlavicNER / BSNLP topics present (:mod:`.slavicner`);
* ``nerel-dev``: NEREL v1.1 dev (:mod:`.nerel`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

from svodka.evaluation.factrueval import load_factrueval
from svodka.evaluation.mentions import GoldMention, NerDocument, Prediction
from svodka.evaluation.nerel import load_nerel
from svodka.evaluation.slavicner import load_slavicner

__all__ = [
    "DATASETS",
    "GoldMention",
    "NerDocument",
    "Prediction",
    "default_data_dir",
    "load_dataset",
    "load_factrueval",
    "load_nerel",
    "load_slavicner",
]

REPO_ROOT = Path(__file__).resolve().parents[3]

DATASETS: dict[str, Callable[[Path], Iterator[NerDocument]]] = {
    "factrueval-test": lambda data: load_factrueval(data / "factrueval2016" / "testset"),
    "factrueval-dev": lambda data: load_factrueval(data / "factrueval2016" / "devset"),
    "slavicner": lambda data: load_slavicner(data / "slavicner-bsnlp-ru"),
    "nerel-dev": lambda data: load_nerel(data / "nerel" / "NEREL-v1.1" / "dev"),
}


def default_data_dir() -> Path:
    return REPO_ROOT.parent / "shared" / "data"


def load_dataset(name: str, data_dir: Path | None = None, limit: int | None = None) -> list[NerDocument]:
    """The first ``limit`` documents (all by default) of dataset ``name`` (a key of ``DATASETS``)."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}")
    documents = DATASETS[name](data_dir or default_data_dir())
    return list(islice(documents, limit))
