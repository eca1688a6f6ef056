from pathlib import Path

import pytest

import svodka

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED_DATA = ROOT.parent / "shared" / "data"
CALL = EXAMPLES / "000_a1daec2e390b6f19.txt"
MEETING = EXAMPLES / "003_2acbbb0bd5144920.txt"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"needs the shared datasets at {SHARED_DATA} (absent here)")
    return SHARED_DATA


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def call():
    """The founding example of a phone call, read through the whole pipeline."""
    return next(svodka.read(CALL))


@pytest.fixture(scope="session")
def meeting():
    """The founding example of a meeting, read through the whole pipeline."""
    return next(svodka.read(MEETING))


@pytest.fixture
def facts_db(db_path) -> Path:
    """A store of the meeting and the call of tests/facts.py, clustered into stories."""
    from facts import call_article, meeting_article

    from svodka.store import open_store
    articles = [meeting_article(), call_article()]
    with open_store(db_path) as store:
        store.add(articles)
        store.cluster(articles)
    return db_path
