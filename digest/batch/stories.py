"""Stories in a batch run: each article's names, key phrases, outlet and date (made in
the worker, with the row), and its story (given by the runner, which sees every row).

A row gains `entities` ({"key", "name"} per name: the key is one across scripts and
spellings), `keywords`, `outlet`, `published` and `story` (an id shared by the
articles of one story in the run: digest.stories.runs).
"""
from __future__ import annotations

import logging
from typing import Any

from digest.job import ArticleResult

log = logging.getLogger(__name__)

FEATURES = "_story_features"
"""The key under which make_row hands the article's story features to run_task (which
takes them out of the row: they are never written to the manifest)."""
MAX_ENTITIES = 20


def story_fields(data: bytes, name: str, result: ArticleResult,
                 translation: list[str] | None, target: str | None) -> dict[str, Any]:
    """The row's story fields for a read article, and its features under FEATURES."""
    from articles.metadata import file_metadata
    from digest.stories.profile import profile

    article = result.article
    if article is None:
        return {}
    try:
        where = file_metadata(data, name, text=article.body)
        found = profile(article.body, result.language, title=article.title,
                        translation=" ".join(translation or []), target=target or "",
                        outlet=where.outlet)
    except Exception:  # noqa: BLE001 - a story is a bonus: the summary still counts
        log.exception("batch: the story fields of %r failed", name)
        return {}
    return {
        "entities": [{"key": n.key, "name": n.latin} for n in found.names[:MAX_ENTITIES]],
        "keywords": list(found.keywords),
        "outlet": where.outlet or None,
        "published": where.published.isoformat() if where.published else None,
        FEATURES: found.features,
    }


def story_groups(refs):
    """Rows grouped by story, stories in the order of their first row, rows in the order
    given; a row without a story (an older manifest) is a story of its own."""
    groups: dict[str, list] = {}
    for ref in refs:
        groups.setdefault(ref.story or f"row:{ref.path}", []).append(ref)
    return list(groups.values())


def story_heading(rows: list[dict]):
    """What digest.txt says above a story's rows: the headline of its central row (the
    one sharing most names with the others), languages, outlets, dates, names."""
    from collections import Counter

    from articles.export_stories import StoryHeading
    from languages.names import language_name

    def keys(row: dict) -> set[str]:
        return {e.get("key") for e in row.get("entities") or [] if isinstance(e, dict)}

    held = [keys(row) for row in rows]
    holders: Counter[str] = Counter(key for found in held for key in found)
    # What a row shares with the others is how many others hold each of its names:
    # counted once, so a long story costs one pass, not one per pair of rows.
    central = rows[max(range(len(rows)),
                       key=lambda i: (sum(holders[key] - 1 for key in held[i]), -i))]
    names: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for row in rows:
        for entity in row.get("entities") or []:
            if isinstance(entity, dict) and entity.get("key"):
                names[entity["key"]] += 1
                shown.setdefault(entity["key"], str(entity.get("name") or entity["key"]))
    dates = sorted(str(row["published"]) for row in rows if row.get("published"))
    languages = Counter(str(row.get("language") or "und") for row in rows)
    outlets = Counter(str(row["outlet"]) for row in rows if row.get("outlet"))
    keywords: Counter[str] = Counter()
    for row in rows:
        keywords.update(str(k) for k in row.get("keywords") or [])
    return StoryHeading(
        headline=str(central.get("title") or central.get("file") or ""),
        articles=len(rows),
        languages=tuple(language_name(code) for code, _ in languages.most_common()),
        outlets=tuple(outlet for outlet, _ in outlets.most_common()),
        first_report=dates[0] if dates else "",
        last_report=dates[-1] if dates else "",
        names=tuple(shown[key] for key, _ in names.most_common(8)),
        keywords=tuple(k for k, _ in keywords.most_common(5)),
    )
