"""What the dashboard's story views need beyond digest.stories.Stories, computed from its
public results: no Streamlit here, so the views stay thin and the tests can call these.

- `version`: a cheap key that changes when any story changes (an article added, moved,
  regrouped, deleted), so the ui can cache a whole library's stories between reruns;
- `outline`, `select_lines`, `top_name`, `named_stories`: the Library's story list read
  by aggregates (one line per story: size, dates, languages, outlets, articles per day),
  filtered and paged without assembling every story; only the stories on screen are
  assembled (Stories.assembled);
- `lines_timeline`: articles per day, by language or by story, for the chart;
- `desk_stories`: the dashboard's articles grouped by their library story (the Briefing);
- `named_ids`, `article_names`, `place`: the name filter of the Library's search, the names
  on an article's card, and putting newly kept articles in their stories.
"""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from digest.stories.assembly import story_name
from digest.stories.lexicon import common_word
from digest.stories.model import Story, StoryArticle, StoryName
from digest.stories.names import NOUN_CAPITALS
from digest.stories.places import place_in
from digest.stories.service import Stories, name_keys

log = logging.getLogger(__name__)

OTHER = "other"
"""The timeline's series for the stories beyond the first few (by story)."""


def version(stories: Stories) -> str:
    """A digest of the library's stories: changes with every article profiled or deleted
    and with every membership (a move, a split, a regroup: the library's change counter
    of its memberships, and their count and checksum). Aggregates only: no row is read
    into Python."""
    state = stories.store.state()
    digest = hashlib.blake2b(repr((state, stories.store.members_sum())).encode(),
                             digest_size=12)
    return digest.hexdigest()


def place(stories: Stories, article_ids: Iterable[int]) -> dict[int, int]:
    """Put the articles that have no story yet in one (Stories.assign); article id ->
    story id of those placed now. Articles with a story are left as they are, so keeping
    the same article again (a new session, a rerun) costs one read."""
    ids = list(article_ids)
    if not ids:
        return {}
    known = stories.store.memberships()
    placed = {}
    for article_id in ids:
        if article_id in known:
            continue
        story = stories.assign(article_id)
        if story is not None:
            placed[article_id] = story
    return placed


def group_missing(stories: Stories) -> int:
    """Give every article of the library a story: all at once (Stories.regroup) when none
    has one yet (a library kept before stories existed), else one by one
    (Stories.assign_missing); how many articles had none."""
    known = stories.store.memberships()
    if len(known) >= stories.library.count():  # a membership goes with its article
        return 0
    missing = [row.id for row in stories.library.articles() if row.id not in known]
    if not missing:
        return 0
    if not known and len(missing) > 1:
        stories.regroup()
    else:
        stories.assign_missing()
    return len(missing)


# ---- filters on listed stories ------------------------------------------------------------


def named_ids(stories: Stories, name: str) -> set[int]:
    """The articles naming `name`, in any spelling or script."""
    return set(stories.store.articles_named(name_keys(name))) if name.strip() else set()


@dataclass(frozen=True)
class StoryLine:
    """One story as its line in the list, the filters and the timeline need it, read by
    aggregates (no article assembled)."""

    id: int
    size: int
    first_report: date
    last_report: date
    languages: frozenset[str]
    outlets: frozenset[str]
    coverage: tuple[tuple[date, str, int], ...]
    """(day reported, language, articles)."""


@dataclass(frozen=True)
class Outline:
    """Every story of the library as lines, latest report first (Stories.list's order),
    with the filters' choices."""

    lines: tuple[StoryLine, ...]
    languages: tuple[str, ...]
    """Every story's languages, sorted."""
    outlets: tuple[str, ...]
    """Every story's outlets, those of most stories first."""


def outline(stories: Stories) -> Outline:
    """The library's stories as lines, from one aggregate query."""
    days: dict[int, list[tuple[date, str, int]]] = {}
    languages: dict[int, set[str]] = {}
    outlets: dict[int, set[str]] = {}
    for story_id, day, language, outlet, articles in stories.store.coverage():
        days.setdefault(story_id, []).append((date.fromisoformat(day), language, articles))
        languages.setdefault(story_id, set()).add(language)
        if outlet:
            outlets.setdefault(story_id, set()).add(outlet)
    lines = []
    for story_id, counted in days.items():
        by_day: Counter[tuple[date, str]] = Counter()
        for day, language, articles in counted:
            by_day[day, language] += articles
        reported = [day for day, _ in by_day]
        lines.append(StoryLine(
            id=story_id, size=sum(by_day.values()), first_report=min(reported),
            last_report=max(reported), languages=frozenset(languages[story_id]),
            outlets=frozenset(outlets.get(story_id, ())),
            coverage=tuple((day, language, n) for (day, language), n in sorted(by_day.items())),
        ))
    lines.sort(key=lambda s: (s.last_report, s.first_report, s.id), reverse=True)
    counts = Counter(outlet for line in lines for outlet in line.outlets)
    return Outline(
        lines=tuple(lines),
        languages=tuple(sorted({language for line in lines for language in line.languages})),
        outlets=tuple(o for o, _ in sorted(counts.items(), key=lambda o: (-o[1], o[0].lower()))),
    )


def named_stories(stories: Stories, name: str) -> set[int]:
    """The stories holding an article naming `name`, in any spelling or script."""
    return stories.store.stories_named(name_keys(name)) if name.strip() else set()


def select_lines(lines: Sequence[StoryLine], languages: Sequence[str] = (),
                 outlets: Sequence[str] = (), named: set[int] | None = None
                 ) -> list[StoryLine]:
    """The lines of the stories covered in any of `languages`, by any of `outlets`, among
    the `named` stories (None: any)."""
    return [line for line in lines
            if (not languages or not line.languages.isdisjoint(languages))
            and (not outlets or not line.outlets.isdisjoint(outlets))
            and (named is None or line.id in named)]


def top_name(stories: Stories, lines: Sequence[StoryLine]) -> StoryName | None:
    """The library's most named name as its stories show it (merged across the stories,
    each story's spelling the one of the story naming it most), without assembling every
    story: the names are tried in the order of the articles naming them (an upper bound:
    a story may not show a name) until no other can beat the best."""
    rank = {line.id: n for n, line in enumerate(lines)}
    best: StoryName | None = None
    for key, bound in stories.store.name_counts():
        if best is not None and bound < best.articles:
            break
        name = _merged_name(key, stories.store.name_uses(key), rank)
        if name is not None and (best is None or (-name.articles, name.display.lower())
                                 < (-best.articles, best.display.lower())):
            best = name
    return best


def _merged_name(key: str, uses: Sequence[tuple], rank: dict[int, int]) -> StoryName | None:
    """One name of the library: each story's StoryName (its articles in their assembly
    order), merged in the stories' list order."""
    by_story: dict[int, list[tuple]] = {}
    for use in uses:
        if use[0] in rank:
            by_story.setdefault(use[0], []).append(use)
    merged: StoryName | None = None
    for story_id in sorted(by_story, key=rank.__getitem__):
        name = _story_name(key, by_story[story_id])
        if name is None:
            continue
        if merged is None:
            merged = name
            continue
        shown = name if name.articles > merged.articles else merged
        merged = StoryName(key, shown.display,
                           tuple(dict.fromkeys(merged.spellings + name.spellings)),
                           merged.articles + name.articles, merged.mentions + name.mentions)
    return merged


def _story_name(key: str, uses: list[tuple]) -> StoryName | None:
    """The StoryName of `key` in one story from its articles' (story, article, language,
    spelling, mentions, day, added, latin) rows, taken in the order assemble() keeps
    them (StoryStore.name_uses)."""
    ordered = sorted(uses, key=lambda u: (date.fromisoformat(u[5]),
                                          datetime.fromisoformat(u[6]), u[1]))
    forms: Counter[str] = Counter()
    latins: Counter[str] = Counter()
    for use in ordered:
        forms[use[3]] += use[4]
        latins[use[7]] += use[4]
    return story_name(key, forms, {use[2] for use in ordered}, len(ordered),
                      sum(use[4] for use in ordered), latins.most_common(1)[0][0])


# ---- the timeline ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """One bar of the timeline: articles reported on a day, in a language or story."""

    day: date
    series: str
    articles: int


MAX_DAYS = 120
"""Longer timelines are drawn by week (each week under its Monday)."""


def biggest(lines: Sequence[StoryLine], top: int = 8) -> list[int]:
    """The ids of the `top` largest stories (by id among equals): the timeline's series
    when it is coloured by story."""
    return [line.id for line in sorted(lines, key=lambda s: (-s.size, -s.id))[:top]]


def lines_timeline(lines: Sequence[StoryLine], by: str = "language",
                   top: int = 8) -> list[Coverage]:
    """Articles per day of report (per week beyond MAX_DAYS) of the stories these lines
    stand for, by language (its code) or by story (the `top` largest, the others together
    as OTHER), from their counts alone."""
    largest = set(biggest(lines, top))
    counts: Counter[tuple[date, str]] = Counter()
    for line in lines:
        story = str(line.id) if line.id in largest else OTHER
        for day, language, articles in line.coverage:
            counts[day, story if by == "story" else language] += articles
    return bars(counts)


def bars(counts: Counter[tuple[date, str]]) -> list[Coverage]:
    """The chart's rows from articles per (day, series): by week beyond MAX_DAYS, every
    day or week from the first to the last present, those without coverage a row of 0
    articles, so the chart shows the quiet days too."""
    if not counts:
        return []
    first = min(day for day, _ in counts)
    last = max(day for day, _ in counts)
    weekly = (last - first).days > MAX_DAYS
    if weekly:
        by_week: Counter[tuple[date, str]] = Counter()
        for (day, series), count in counts.items():
            by_week[day - timedelta(days=day.weekday()), series] += count
        counts, first = by_week, first - timedelta(days=first.weekday())
    step = timedelta(days=7 if weekly else 1)
    days = {day for day, _ in counts}
    quiet = min(series for _, series in counts)
    day = first
    while day <= last:
        if day not in days:
            counts[day, quiet] += 0
        day += step
    return [Coverage(day, series, count) for (day, series), count in sorted(counts.items())]


# ---- the dashboard's articles by story (the Briefing) ---------------------------------------


@dataclass(frozen=True)
class DeskStory:
    """Some of the dashboard's articles on one story. `members` index the results given
    to desk_stories; `articles` holds their library facts (None for one the library does
    not have); `elsewhere` counts the story's articles in the library not among them."""

    story: Story | None
    members: tuple[int, ...]
    central: int
    articles: dict[int, StoryArticle | None]
    names: tuple[StoryName, ...]
    outlets: tuple[str, ...]
    first_report: date | None
    last_report: date | None
    elsewhere: int


def desk_stories(stories: Stories | None, article_ids: Sequence[int | None]) -> list[DeskStory]:
    """The results (by their library article ids, None for one not kept) grouped by story:
    the stories with most of them first, then in the order of their first article; each
    result not in a story is one of its own."""
    members = stories.store.memberships() if stories is not None else {}
    groups: dict[object, list[int]] = {}
    for index, article_id in enumerate(article_ids):
        member = members.get(article_id) if article_id is not None else None
        key: object = member.story_id if member is not None else ("alone", index)
        groups.setdefault(key, []).append(index)
    found = []
    for key, indices in groups.items():
        story = stories.story(key, summary=False) if isinstance(key, int) and stories else None
        found.append(_desk_story(story, indices, article_ids))
    order = {id(item): n for n, item in enumerate(found)}
    return sorted(found, key=lambda item: (-len(item.members), order[id(item)]))


def _desk_story(story: Story | None, indices: list[int],
                article_ids: Sequence[int | None]) -> DeskStory:
    by_id = {article.id: article for article in story.articles} if story else {}
    articles = {index: by_id.get(article_ids[index]) for index in indices}
    present = [article for article in articles.values() if article is not None]

    def shared(index: int) -> int:
        own = articles[index]
        if own is None:
            return 0
        return sum(len(set(own.names) & set(other.names)) for other in present
                   if other.id != own.id)

    central = next((i for i in indices if story and article_ids[i] == story.central), None)
    if central is None:
        central = min(indices, key=lambda i: (-shared(i), indices.index(i)))
    keys = {key for article in present for key in article.names}
    names = tuple(name for name in story.names if name.key in keys) if story else ()
    outlets = Counter(article.outlet for article in present if article.outlet)
    days = [article.reported for article in present]
    return DeskStory(
        story=story, members=tuple(indices), central=central, articles=articles, names=names,
        outlets=tuple(outlet for outlet, _ in outlets.most_common()),
        first_report=min(days) if days else None, last_report=max(days) if days else None,
        elsewhere=(story.size - len(present)) if story else 0,
    )


# ---- one article -------------------------------------------------------------------------------


def article_names(stories: Stories, article_id: int, prefer: Sequence[str] = (),
                  limit: int = 12) -> list[str]:
    """The names of one article as its card shows them, most mentioned first: as the
    article spells them when it is in one of the `prefer` languages (the reader's),
    else one Latin form each (that of its most mentioned spelling). A German article's
    one-word names are shown when in capitals or named by its story's other languages
    (German capitalises its nouns); a Russian one that is a common adjective or verb
    ("Национального" of "Национального фонда") is not shown."""
    facts = stories.store.facts([article_id]).get(article_id)
    stored = stories.store.articles([article_id]).get(article_id)
    if facts is None or stored is None:
        return []
    own = stored.language in prefer
    names = facts.names
    if stored.language in NOUN_CAPITALS:
        elsewhere = _named_elsewhere(stories, article_id)
        names = [name for name in names
                 if " " in name[0] or name[1].isupper() or name[0] in elsewhere]
    names = [name for name in names if " " in name[0] or not common_word(name[1], stored.language)]
    shown: dict[str, str] = {}
    reader = prefer[0] if prefer else ""
    for key, spelling, latin, _ in names:  # most mentioned first
        shown.setdefault(key, spelling if own else place_in(latin or spelling, reader))
    return list(dict.fromkeys(shown.values()))[:limit]


def _named_elsewhere(stories: Stories, article_id: int) -> set[str]:
    """The name keys of the article's story given by its articles in languages that do not
    capitalise every noun: what makes a one-word German "name" a name (not "Jahre")."""
    story = stories.story_of(article_id)
    if story is None:
        return set()
    others = [a for a in stories.store.members([story]).get(story, []) if a != article_id]
    stored = stories.store.articles(others)
    others = [a for a in others if a in stored and stored[a].language not in NOUN_CAPITALS]
    return {name[0] for facts in stories.store.facts(others).values() for name in facts.names}


def in_reader_spelling(stories: Stories, names: Sequence[StoryName], article_ids: Sequence[int],
                       prefer: Sequence[str]) -> tuple[StoryName, ...]:
    """The names with the spelling shown taken from the articles in the reader's languages
    (`prefer`, first found first), when they name it; else the story's Latin form, or a
    place's name in the first of them."""
    if not prefer or not names:
        return tuple(names)
    names = [StoryName(n.key, place_in(n.display, prefer[0]), n.spellings, n.articles,
                       n.mentions) for n in names]
    facts = stories.store.facts(list(article_ids))
    stored = stories.store.articles(list(article_ids))
    rank = {language: n for n, language in enumerate(prefer)}
    best: dict[str, tuple[int, int, str]] = {}
    for article_id, found in facts.items():
        article = stored.get(article_id)
        if article is None or article.language not in rank:
            continue
        for key, spelling, _, mentions in found.names:
            candidate = (rank[article.language], -mentions, spelling)
            if key not in best or candidate < best[key]:
                best[key] = candidate
    return tuple(StoryName(n.key, best[n.key][2], n.spellings, n.articles, n.mentions)
                 if n.key in best else n for n in names)


def named_articles(stories: Stories, name: str, languages: Sequence[str] = (),
                   since: date | None = None, until: date | None = None) -> list:
    """The library's articles naming `name`, in these languages, added between `since` and
    `until` (inclusive, days as the library stores them), newest first: the Library's list
    filtered by name."""
    ids = sorted(named_ids(stories, name))
    stored = stories.store.articles(ids)
    found = [article for article in stored.values()
             if (not languages or article.language in languages)
             and (since is None or article.added.date() >= since)
             and (until is None or article.added.date() <= until)]
    return sorted(found, key=lambda a: (a.added, a.id), reverse=True)
