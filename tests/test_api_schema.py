"""A property-based run against the API's own OpenAPI schema (schemathesis): whatever request the
schema allows, and many it does not, the server answers without a 500 and leaves the store as it was."""
from __future__ import annotations

from pathlib import Path

import pytest
from news import TEXTS, news_store

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis.generation import GenerationMode  # noqa: E402

from svodka.api.app import Settings, create_app  # noqa: E402

EXAMPLES = 50  # per operation and mode


def _schema(path: Path):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(path)))


# The schema does not depend on what the store holds: read the operations before any store exists.
OPERATIONS = [(result.ok().method.upper(), result.ok().path)
              for result in _schema(Path("not-opened.db")).get_all_operations()]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "news.db"
    news_store(path).close()
    return _schema(path)


def test_the_schema_lists_every_resource():
    paths = {path for _, path in OPERATIONS}
    assert {"/api/search", "/api/articles/{article_id}", "/api/entities/{entity_id}/graph", "/api/timeline",
            "/api/stories/{story_id}", "/api/quotes", "/api/events", "/api/stats"} <= paths


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda mode: mode.value)
@pytest.mark.parametrize("method, path", OPERATIONS)
def test_no_generated_request_ends_in_a_server_error(api_schema, method, path, mode):
    """Positive: requests the schema allows; negative: requests it forbids (which must be 4xx, not 5xx)."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def answers(case):
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
        assert response.headers["content-type"][0].startswith("application/json")

    try:
        answers()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE  # a request the schema allows can always be made
        pytest.skip(f"{method} {path}: no parameter whose schema a request could break")
    assert api_schema["/api/stats"]["GET"].Case().call().json()["articles"] == len(TEXTS)
