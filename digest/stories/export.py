"""Stories and their articles as CSV and JSON, for other programs and spreadsheets."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from digest.stories.model import Story

STORY_FIELDS = ("story", "headline", "articles", "languages", "outlets", "first_report",
                "last_report", "names", "keywords", "summary")
ARTICLE_FIELDS = ("story", "article", "title", "file", "language", "outlet", "published",
                  "added", "names", "keywords", "pinned")


def story_rows(stories: Sequence[Story]) -> list[dict]:
    return [{
        "story": story.id, "headline": story.headline, "articles": story.size,
        "languages": "; ".join(story.languages), "outlets": "; ".join(story.outlets),
        "first_report": story.first_report.isoformat(),
        "last_report": story.last_report.isoformat(),
        "names": "; ".join(name.display for name in story.names),
        "keywords": "; ".join(story.keywords), "summary": " ".join(story.summary),
    } for story in stories]


def article_rows(stories: Sequence[Story]) -> list[dict]:
    rows = []
    for story in stories:
        for article in story.articles:
            rows.append({
                "story": story.id, "article": article.id, "title": article.title,
                "file": article.name, "language": article.language, "outlet": article.outlet,
                "published": article.published.isoformat() if article.published else "",
                "added": article.added.isoformat(), "names": "; ".join(article.names),
                "keywords": "; ".join(article.keywords), "pinned": article.pinned,
            })
    return rows


def _csv(rows: list[dict], fields: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(fields))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def stories_csv(stories: Sequence[Story]) -> str:
    """One line per story."""
    return _csv(story_rows(stories), STORY_FIELDS)


def articles_csv(stories: Sequence[Story]) -> str:
    """One line per article, with its story's id."""
    return _csv(article_rows(stories), ARTICLE_FIELDS)


def stories_json(stories: Sequence[Story]) -> str:
    """Every story with its names (key, spelling, spellings) and its articles."""
    data = []
    for story, row in zip(stories, story_rows(stories), strict=True):
        data.append({
            **row,
            "languages": list(story.languages), "outlets": list(story.outlets),
            "keywords": list(story.keywords), "summary": list(story.summary),
            "names": [{"key": n.key, "name": n.display, "spellings": list(n.spellings),
                       "articles": n.articles} for n in story.names],
            "articles": article_rows([story]),
        })
    return json.dumps(data, ensure_ascii=False, indent=2)
