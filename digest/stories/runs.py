"""Stories within one batch run: each new row joins a story of the run or starts one.

The runner records rows in input order (digest.batch.runner), so both engines give the
same stories. A story's id is the first 12 hex digits of the sha256 of the file that
started it: stable across reruns. Rows an earlier run made (skipped now) are brought
in from their own fields (title, summary, translation, names, key phrases), so new
files can join their stories.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from digest.stories.grouping import WINDOW_DAYS, Grouper
from digest.stories.profile import FULL_NAME, NAME, profile

ID_DIGITS = 12


def story_id(sha256: str) -> str:
    return sha256[:ID_DIGITS]


@dataclass
class RunStories:
    """The stories of one run, in memory."""

    grouper: Grouper = field(default_factory=lambda: Grouper(window=WINDOW_DAYS))

    def add(self, key: str, sha256: str, features: frozenset[str] | set[str],
            story: str | None = None, published: object = None) -> str:
        """The row's story: the one given (a row an earlier run made), else the best one
        of the run, else a new one named after this file. `published`: the row's date
        ("2024-03-03"), when its file gave one: rows far apart in time are apart."""
        self.grouper.index(key, features, _day(published))
        if story:
            self.grouper.place(key, story)
            return story
        return str(self.grouper.assign(key, new_story=story_id(sha256)).story)

    def add_row(self, row: dict) -> str | None:
        """A row of an earlier run: its features from its own fields; its story kept."""
        if row.get("status") != "ok":
            return None
        text = "\n\n".join([row.get("title") or "", " ".join(row.get("summary") or [])])
        found = profile(text, row.get("language") or "und",
                        translation=" ".join(row.get("translation") or []),
                        target=row.get("translate_to") or "",
                        outlet=row.get("outlet") or "")
        features = set(found.features)
        for key in row.get("entities") or []:
            if isinstance(key, str):
                features.update(NAME + word for word in key.split() if len(word) >= 2)
                if " " in key:
                    features.add(FULL_NAME + key)
        return self.add(str(row["path"]), str(row["sha256"]), features,
                        row.get("story") if isinstance(row.get("story"), str) else None,
                        row.get("published"))


def _day(published: object) -> int | None:
    if not isinstance(published, str):
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None
