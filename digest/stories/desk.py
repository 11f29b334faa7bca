"""Stories among a handful of read articles (the dashboard's desk, a downloaded digest),
without the library: the same grouping, in memory, in the order given."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from articles.export_stories import StoryHeading
from digest.job import ArticleResult
from digest.stories.grouping import Grouper
from digest.stories.profile import Profile, profile
from languages.names import language_name


def profiles(results: Sequence[ArticleResult]) -> list[Profile | None]:
    """Each read article's profile (None for one that could not be read)."""
    found: list[Profile | None] = []
    for result in results:
        article = result.article
        if not result.ok or article is None:
            found.append(None)
            continue
        translation = " ".join(result.translations.values()) if result.translations else ""
        found.append(profile(article.body, result.language, title=article.title,
                             translation=translation, target=result.target or ""))
    return found


def group_results(results: Sequence[ArticleResult],
                  found: Sequence[Profile | None] | None = None) -> list[list[int]]:
    """Indices of the results grouped by story: stories in the order of their first
    article, articles in the order given; unreadable results left out. `found`: their
    profiles, when already made."""
    grouper = Grouper()
    order: list[object] = []
    members: dict[object, list[int]] = {}
    for index, item in enumerate(found if found is not None else profiles(results)):
        if item is None:
            continue
        story = grouper.assign(index, item.features).story
        if story not in members:
            order.append(story)
            members[story] = []
        members[story].append(index)
    return [members[story] for story in order]


def heading(results: Sequence[ArticleResult], found: Sequence[Profile | None],
            named: Callable[[str], str] = language_name) -> StoryHeading:
    """The heading of one story of the desk: its first article's title, languages (each
    as `named` calls it), names."""
    names: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for item in found:
        for name in item.names if item else ():
            names[name.key] += 1
            shown.setdefault(name.key, name.latin)
    languages = Counter(result.language for result in results)
    first = results[0]
    title = first.article.title if first.article else ""
    return StoryHeading(
        headline=title or first.name,
        articles=len(results),
        languages=tuple(named(code) for code, _ in languages.most_common()),
        names=tuple(shown[key] for key, _ in names.most_common(8)),
        keywords=tuple(dict.fromkeys(k for item in found if item for k in item.keywords[:2])),
    )


def stories_of(results: Sequence[ArticleResult], named: Callable[[str], str] = language_name
               ) -> list[tuple[StoryHeading, list[int]]]:
    """(heading, indices) per story of the results: what a digest grouped by story shows
    (articles.export_stories.story_digest_text / story_digest_docx take the headings with
    the records of those indices)."""
    found = profiles(results)
    groups = group_results(results, found)
    return [(heading([results[i] for i in group], [found[i] for i in group], named), group)
            for group in groups]
