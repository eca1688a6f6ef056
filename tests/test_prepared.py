"""What storing computes from an article alone (index lemmas, story terms and signature) can be
computed on a worker and handed to the store: the store is then the same as when it computes them."""
from __future__ import annotations

from facts import call_article, meeting_article
from news import TEXTS, article
from snapshots import snapshot

from svodka.search.query import parse
from svodka.store import open_store
from svodka.store.prepared import prepare


def test_a_store_given_prepared_features_is_the_store_that_computes_them(tmp_path):
    articles = [article(key) for key in TEXTS] + [meeting_article(), call_article()]
    computed, given = tmp_path / "computed.db", tmp_path / "given.db"
    with open_store(computed) as store:
        store.add(articles)
        store.cluster(articles)
    ready = {item.id: prepare(item) for item in articles}
    with open_store(given) as store:
        store.add(articles, None, ready)
        store.cluster(articles, ready)
        found = [hit.id for hit in store.search(parse("Лукашенко белорусский")).hits]
    expected = snapshot(computed)
    assert snapshot(given) == expected and len(expected["stories"]) >= 3
    with open_store(computed) as store:
        assert found == [hit.id for hit in store.search(parse("Лукашенко белорусский")).hits] and found
