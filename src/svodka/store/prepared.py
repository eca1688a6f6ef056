"""What storing an article computes from the article alone — the search index's lemmas, the story
clusterer's terms and body signature — computed where its language stages ran. On workers (a
process pool, a Dask cluster) that spares the one process that writes the store, which otherwise
spends about 6 of its 14 ms an article on them."""
from __future__ import annotations

from dataclasses import dataclass

from ..records import Article
from ..search import index_lemmas
from ..stories.cluster import StoryFeatures, story_features


@dataclass(frozen=True)
class Prepared:
    index_lemmas: tuple[str, str, str]
    story: StoryFeatures


def prepare(article: Article) -> Prepared:
    return Prepared(index_lemmas(article), story_features(article))
