"""What search facets count, held in memory as columns: each stored article's outlet, language,
day and category as small integer codes in seq order, so that counting them over tens of thousands
of matching articles is a NumPy bincount instead of a row read per article. Articles and story
memberships are only ever added, so the columns follow the store by reading what came after the
last seq and member they hold; one set of columns serves every connection to a database file in the
process (the API's threads each have their own connection). Should the articles they hold no longer
be the store's (a file replaced, an article deleted), they are read anew."""
from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..search.results import Count


@dataclass
class _Codes:
    """Values and the code each has, in the order first seen."""

    values: list[str | None] = field(default_factory=lambda: [None])  # code 0: no value
    codes: dict[str | None, int] = field(default_factory=lambda: {None: 0})

    def code(self, value: str | None) -> int:
        if value == "":
            value = None
        found = self.codes.get(value)
        if found is None:
            found = self.codes[value] = len(self.values)
            self.values.append(value)
        return found


COLUMNS = ("outlet", "language", "day", "category")


class CardColumns:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clear()

    def _clear(self) -> None:
        self.seqs = np.zeros(0, dtype=np.int64)
        self.at = np.zeros(0, dtype="S32")  # when published (or ingested), as text: ordered as SQL orders it
        self.columns = {name: np.zeros(0, dtype=np.int32) for name in COLUMNS}
        self.codes = {name: _Codes() for name in COLUMNS}
        self._member_rowid = 0

    def count(self, db: sqlite3.Connection, seqs: np.ndarray | None = None) -> tuple[dict[str, list[Count]], int]:
        """Per column, how many of the articles `seqs` (sorted; all when None) have each value, and
        how many articles the store holds, as of now."""
        with self._lock:
            self.refresh(db)
            return self.counts(self.seqs if seqs is None else seqs), len(self.seqs)

    def newest_first(self, db: sqlite3.Connection, seqs: np.ndarray) -> np.ndarray:
        """The positions of `seqs` (stored articles) in date order, newest first (the later stored
        first on the same date)."""
        with self._lock:
            self.refresh(db)
            at = self.at[np.searchsorted(self.seqs, seqs)]
            return np.lexsort((seqs, at))[::-1]

    def refresh(self, db: sqlite3.Connection) -> None:
        """Take in the articles and story memberships stored since the last call, read in one snapshot."""
        own = not db.in_transaction
        if own:
            db.execute("BEGIN")
        try:
            last = int(self.seqs[-1]) if len(self.seqs) else 0
            if db.execute("SELECT count(*) FROM article_cards WHERE seq <= ?", (last,)).fetchone()[0] != len(self.seqs):
                self._clear()
                last = 0
            members = db.execute("SELECT coalesce(max(rowid), 0) FROM story_members").fetchone()[0]
            self._add_cards(db.execute(
                "SELECT c.seq, c.outlet, c.language, substr(c.at, 1, 10), m.category, c.at FROM article_cards c "
                "LEFT JOIN story_members m ON m.article_id = c.id AND m.rowid <= ? WHERE c.seq > ? ORDER BY c.seq",
                (members, last)).fetchall())
            if last:  # memberships that came after the articles they are of
                self._categorise(db.execute(
                    "SELECT a.seq, m.category FROM story_members m JOIN articles a ON a.id = m.article_id "
                    "WHERE m.rowid > ? AND m.rowid <= ? AND a.seq <= ?", (self._member_rowid, members, last)).fetchall())
            self._member_rowid = members
        finally:
            if own:
                db.execute("COMMIT")

    def _categorise(self, rows: list) -> None:
        if rows:
            at = np.searchsorted(self.seqs, np.array([row[0] for row in rows], dtype=np.int64))
            self.columns["category"][at] = [self.codes["category"].code(row[1]) for row in rows]

    def _add_cards(self, rows: list) -> None:
        if not rows:
            return
        self.seqs = np.concatenate([self.seqs, np.array([row[0] for row in rows], dtype=np.int64)])
        self.at = np.concatenate([self.at, np.array([row[5].encode() for row in rows], dtype="S32")])
        for index, name in enumerate(COLUMNS, start=1):
            codes = self.codes[name]
            added = np.array([codes.code(row[index]) for row in rows], dtype=np.int32)
            self.columns[name] = np.concatenate([self.columns[name], added])

    def counts(self, seqs: np.ndarray) -> dict[str, list[Count]]:
        """Per column, how many of the articles `seqs` have each value (none left out), most first."""
        at = np.searchsorted(self.seqs, seqs)
        counted = {}
        for name in COLUMNS:
            codes = self.codes[name]
            tally = np.bincount(self.columns[name][at], minlength=len(codes.values))
            found = [(codes.values[code], int(tally[code])) for code in np.nonzero(tally)[0] if code]
            counted[name] = [Count(value, count) for value, count in sorted(found, key=lambda item: (-item[1], item[0]))]
        return counted


_SHARED: dict[str, CardColumns] = {}
_SHARING = threading.Lock()


def columns_of(location: str) -> CardColumns:
    """The columns of the database file at `location`, shared by every connection to it."""
    with _SHARING:
        return _SHARED.setdefault(str(Path(location).resolve()), CardColumns())
