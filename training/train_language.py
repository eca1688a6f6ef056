"""Train svodka's language identifier: a character n-gram naive Bayes model over the 12 languages of
Russian-language news and its neighbours, shipped as `src/svodka/data/language.npz` and read with
numpy alone (`svodka.clean.language`).

    python training/train_language.py            # writes src/svodka/data/language.npz

Data: `training/language/<code>.txt` and `<code>-2.txt`, one text per line, written for svodka by hand (news-style
sentences and paragraphs on many topics; see `training/README.md`), nothing downloaded. The
evaluation sets in `gold/language/` are never read here.

Model: for each language, the counts of the character 1- to 4-grams of its texts (lower-cased,
digits as 0, each word padded with spaces); an n-gram is kept when it is seen at least MIN_COUNT
times in all; log-probabilities with add-ALPHA smoothing, per n-gram order, so that each order
weighs the same for every language.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from svodka.clean.language import LANGUAGES, MAX_ORDER, ngrams  # noqa: E402

MIN_COUNT = 2
ALPHA = 0.2


def training_lines(language: str) -> list[str]:
    """Every line of `training/language/<language>.txt` and `<language>-<n>.txt`."""
    folder = ROOT / "training" / "language"
    paths = [folder / f"{language}.txt", *sorted(folder.glob(f"{language}-*.txt"))]
    return [line for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def counts_of(language: str) -> Counter:
    counts: Counter = Counter()
    for line in training_lines(language):
        counts.update(ngrams(line))
    return counts


def train() -> dict[str, np.ndarray]:
    counts = {language: counts_of(language) for language in LANGUAGES}
    total = Counter()
    for language_counts in counts.values():
        total.update(language_counts)
    vocabulary = sorted(gram for gram, count in total.items() if count >= MIN_COUNT)
    index = {gram: at for at, gram in enumerate(vocabulary)}
    orders = np.array([len(gram) for gram in vocabulary], dtype=np.int8)
    weights = np.zeros((len(vocabulary), len(LANGUAGES)), dtype=np.float32)
    unseen = np.zeros((MAX_ORDER + 1, len(LANGUAGES)), dtype=np.float32)
    for column, language in enumerate(LANGUAGES):
        for order in range(1, MAX_ORDER + 1):
            kept = {gram: count for gram, count in counts[language].items() if len(gram) == order and gram in index}
            grams_of_order = int((orders == order).sum())
            denominator = sum(kept.values()) + ALPHA * grams_of_order
            rows = [index[gram] for gram in kept]
            weights[rows, column] = np.log((np.array(list(kept.values())) + ALPHA) / denominator)
            unseen[order, column] = np.log(ALPHA / denominator)
            missing = (orders == order) & (weights[:, column] == 0)
            weights[missing, column] = unseen[order, column]
    return {"vocabulary": np.array(vocabulary), "weights": weights.astype(np.float16),
            "languages": np.array(LANGUAGES)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "src" / "svodka" / "data" / "language.npz"))
    args = parser.parse_args()
    model = train()
    np.savez_compressed(args.out, **model)
    print(f"{len(model['vocabulary'])} n-grams x {len(LANGUAGES)} languages -> {args.out} "
          f"({Path(args.out).stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
