"""Stories of a Library: every article in one, incrementally; the reader's moves kept.

    stories = Stories(open_library())
    stories.assign(article_id)          # a new article joins a story or starts one
    stories.list(StoryFilters(name="Tokayev"))
    stories.move(article_id, other_id)  # the reader's choice, kept across regroup()
    stories.move(article_id, None)      # split it out into a story of its own
    stories.regroup()                   # everything again (pinned articles stay)

The grouping runs in memory (digest.stories.grouping) over the features kept in the
library; it is loaded once and brought up to date when the library changes (new
articles are read in, a delete reloads it), so adding one article to a large library
costs its own profile and one look-up in the index.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import date

from articles.metadata import file_metadata
from digest.library.store import Library
from digest.library.stories import ArticleFacts, StoryStore
from digest.stories.assembly import assemble, headline_of, in_order
from digest.stories.grouping import THRESHOLD, WINDOW_DAYS, Grouper
from digest.stories.keys import name_key
from digest.stories.model import Story, StoryArticle, StoryFilters, StoryName
from digest.stories.places import english_place
from digest.stories.profile import Profile, profile

log = logging.getLogger(__name__)

SUMMARY_SENTENCES = 3



class Stories:
    """The story service over one Library (thread-safe; one per library is enough)."""

    def __init__(self, library: Library, threshold: float = THRESHOLD,
                 window: int | None = WINDOW_DAYS) -> None:
        self.library = library
        self.store = StoryStore(library)
        self.threshold = threshold
        self.window = window
        self._grouper: Grouper | None = None
        self._state: tuple[int, int, int] | None = None
        """The library's StoryStore.state() the grouper in memory agrees with."""
        self._lock = threading.RLock()

    # ---- the grouping in memory -----------------------------------------------------------

    def _load(self) -> Grouper:
        """The grouper, brought up to date with the library: new articles' features read
        in (all of them again after a delete), memberships read again when they changed
        (another program, another service object)."""
        state = self.store.state()
        grouper, known = self._grouper, self._state
        if grouper is not None and known == state:
            return grouper
        if grouper is None or known is None or state[0] != known[0] or state[2] < known[2]:
            grouper = Grouper(threshold=self.threshold, window=self.window)
            for article_id, features, day in self.store.features():
                grouper.index(article_id, features, day.toordinal())
            grouper.warm()
            known = None
        elif state[2] != known[2]:
            for article_id, features, day in self.store.features(after=known[2]):
                grouper.index(article_id, features, day.toordinal())
        if known is None or state[1] != known[1]:
            grouper.members.clear()
            grouper.pinned.clear()
            grouper.story_of.clear()
            for member in self.store.memberships().values():
                if member.article_id in grouper.features:
                    grouper.place(member.article_id, member.story_id, pinned=member.pinned)
        self._grouper, self._state = grouper, state
        return grouper

    def _placed(self, rows: list[tuple[int, int, bool, float]]) -> dict[int, int]:
        """Write memberships, and keep the grouper in memory in step with them."""
        made = self.store.set_members(rows)
        grouper = self._grouper
        if grouper is not None:
            for article_id, story_id, pinned, _ in rows:
                if article_id in grouper.features:
                    grouper.place(article_id, made.get(story_id, story_id), pinned=pinned)
            self._state = self.store.state()
        return made

    # ---- adding ---------------------------------------------------------------------------

    def profile_article(self, article_id: int, translation: str = "", target: str = ""
                        ) -> tuple[Profile, date] | None:
        """Read the article's names, key phrases, features, outlet and date into the
        library (`translation`: its summary or text translated into `target`, when there
        is one); its profile and the day it was reported, None when the article is gone."""
        source = self.store.source(article_id)
        if source is None:
            return None
        stored, text, name, data = source
        where = file_metadata(data, name, text=_body(text, stored.title),
                              added=stored.added.date())
        found = profile(_body(text, stored.title), stored.language, title=stored.title,
                        translation=translation, target=target, outlet=where.outlet)
        saved = self.store.save_article(
            article_id, outlet=where.outlet, published=where.published, place=where.place,
            source=where.source, keywords=found.keywords,
            names=[(n.key, n.text, n.latin, n.count) for n in found.names],
            features=found.features,
        )
        return (found, where.published or stored.added.date()) if saved else None

    def assign(self, article_id: int, translation: str = "", target: str = "") -> int | None:
        """Profile the article and put it in the story it belongs to (a new one when none
        is close enough); its story id, None when the article is gone. An article the
        reader placed stays where it is."""
        with self._lock:
            profiled = self.profile_article(article_id, translation, target)
            if profiled is None:
                return None
            found, day = profiled
            grouper = self._load()
            placed = grouper.story_of.get(article_id)
            pinned = article_id in grouper.pinned
            grouper.index(article_id, found.features, day.toordinal())  # (unplaced)
            if pinned and placed is not None:
                grouper.place(article_id, placed, pinned=True)
                return int(placed)
            story, _, score = grouper.best_story(article_id)
            if story is None or score < grouper.threshold:
                story, score = -1, 0.0
            made = self._placed([(article_id, int(story), False, round(score, 4))])
            return made.get(int(story), int(story))

    def assign_missing(self) -> int:
        """Assign every article that has no story yet (kept before stories existed, or by
        a program that did not assign it); how many."""
        with self._lock:
            memberships = self.store.memberships()
            missing = [row.id for row in self.library.articles() if row.id not in memberships]
            for article_id in sorted(missing):
                self.assign(article_id)
            return len(missing)

    # ---- the reader's moves and regrouping --------------------------------------------------

    def move(self, article_id: int, story_id: int | None) -> int | None:
        """Put the article in another story (None: a story of its own); the choice is
        pinned, so regrouping keeps it. The story id, None when the article is gone."""
        with self._lock:
            if self.library.get(article_id) is None:
                return None
            target = -1 if story_id is None else story_id
            made = self._placed([(article_id, target, True, 1.0)])
            return made.get(target, target)

    def unpin(self, article_id: int) -> None:
        """Give the article back to the grouping (at the next assign or regroup)."""
        with self._lock:
            member = self.store.memberships().get(article_id)
            if member is not None:
                self._placed([(article_id, member.story_id, False, member.score)])

    def regroup(self) -> int:
        """Group every article again, oldest report first, with weights computed on the
        whole library; pinned articles stay, stories keep their ids where most of their
        articles stay together. How many stories there are now."""
        with self._lock:
            for article_id in self.store.unprofiled():
                self.profile_article(article_id)
            grouper = self._load()
            old = dict(grouper.story_of)
            facts = self.store.facts(list(grouper.features))
            stored = self.store.articles(list(grouper.features))
            order = sorted(grouper.features, key=lambda a: (
                (facts[a].published if a in facts and facts[a].published else
                 stored[a].added.date() if a in stored else date.max), a))
            fresh = (f"new-{number}" for number in range(1, 10**9))
            placed = grouper.regroup(order, fresh=fresh)
            placed_ids = _stable_ids(old, placed, grouper.pinned)
            rows = [(article, story, article in grouper.pinned, 0.0)
                    for article, story in placed_ids.items()]
            self.store.set_members(rows)
            self._state = None
            return len(set(placed_ids.values()))

    # ---- reading ------------------------------------------------------------------------

    def story_of(self, article_id: int) -> int | None:
        member = self.store.memberships().get(article_id)
        return member.story_id if member else None

    def list(self, filters: StoryFilters | None = None, summaries: bool = False) -> list[Story]:
        """The stories, latest report first, filtered (see StoryFilters)."""
        filters = filters or StoryFilters()
        members = self.store.members()
        if filters.name:
            wanted = set(self.store.articles_named(name_keys(filters.name)))
            members = {story: ids for story, ids in members.items() if wanted & set(ids)}
        if filters.article_ids:
            chosen = set(filters.article_ids)
            members = {story: ids for story, ids in members.items() if chosen & set(ids)}
        stories = self._stories(members, summaries)
        stories = [story for story in stories if _passes(story, filters)]
        return sorted(stories, key=lambda s: (s.last_report, s.first_report, s.id), reverse=True)

    def story(self, story_id: int, summary: bool = True) -> Story | None:
        """One story, with its central article's summary."""
        members = self.store.members([story_id])
        stories = self._stories(members, summary)
        return stories[0] if stories else None

    def assembled(self, story_ids: Sequence[int]) -> list[Story]:
        """These stories (as Stories.list gives them), in the order asked; those gone are
        left out. A page of the list costs its own articles, not the library's."""
        members = self.store.members(list(story_ids))
        made = {story.id: story for story in self._stories(members, False)}
        return [made[story_id] for story_id in story_ids if story_id in made]

    def names(self, prefix: str = "") -> list[StoryName]:
        """Every name of the library (for a name filter), named by most articles first."""
        stories = self.list()
        merged: dict[str, StoryName] = {}
        for story in stories:
            for name in story.names:
                known = merged.get(name.key)
                if known is None or known.articles < name.articles:
                    total = (known.articles if known else 0) + name.articles
                    merged[name.key] = StoryName(
                        name.key, name.display, name.spellings, total,
                        name.mentions + (known.mentions if known else 0))
                else:
                    merged[name.key] = StoryName(
                        known.key, known.display, known.spellings,
                        known.articles + name.articles, known.mentions + name.mentions)
        found = sorted(merged.values(), key=lambda n: (-n.articles, n.display))
        if prefix:
            lowered = prefix.lower()
            found = [n for n in found if n.display.lower().startswith(lowered)
                     or any(s.lower().startswith(lowered) for s in n.spellings)]
        return found

    def headlines(self) -> dict[int, str]:
        """Every story's headline (as Stories.list gives it), without the rest of the
        story: its names are what assembling every story costs."""
        members = self.store.members()
        articles, _ = self._articles(members)
        return {story_id: headline_of(in_order(found)) for story_id, found in articles.items()}

    def _articles(self, members: dict[int, list[int]]
                  ) -> tuple[dict[int, list[StoryArticle]], dict[int, ArticleFacts]]:
        """Each story's articles (those still kept; stories left without any left out),
        and the articles' facts."""
        ids = [article for story in members.values() for article in story]
        stored = self.store.articles(ids)
        facts = self.store.facts(ids)
        pinned = self.store.pinned(ids)
        found: dict[int, list[StoryArticle]] = {}
        for story_id, article_ids in members.items():
            articles = []
            for article_id in article_ids:
                row = stored.get(article_id)
                if row is None:
                    continue
                fact = facts.get(article_id)
                articles.append(StoryArticle(
                    id=row.id, title=row.title, name=row.name, language=row.language,
                    outlet=fact.outlet if fact else "",
                    published=fact.published if fact else None, added=row.added,
                    names=tuple(n[0] for n in fact.names) if fact else (),
                    keywords=fact.keywords if fact else (), pinned=row.id in pinned,
                ))
            if articles:
                found[story_id] = articles
        return found, facts

    def _stories(self, members: dict[int, list[int]], summaries: bool) -> list[Story]:
        found, facts = self._articles(members)
        stories = []
        for story_id, articles in found.items():
            spellings = {a.id: facts[a.id].names for a in articles if a.id in facts}
            story = assemble(story_id, articles, spellings)
            if summaries:
                story = assemble(story_id, articles, spellings, self._summary(story.central))
            stories.append(story)
        return stories

    def _summary(self, article_id: int) -> tuple[str, ...]:
        """The central article's summary, made as the dashboard makes one."""
        stored = self.library.get(article_id)
        text = self.library.text(article_id)
        if stored is None or text is None:
            return ()
        try:
            from articles.building import build_article
            from summarizer import summarize

            article = build_article(stored.name, text, language=stored.language)
            return tuple(s.text for s in summarize(article, sentences=SUMMARY_SENTENCES).sentences)
        except Exception:  # noqa: BLE001 - a story without a summary is still a story
            log.warning("the summary of article %d could not be made", article_id,
                        exc_info=True)
            return ()


TYPED_LANGUAGES = ("en", "ru", "kk", "ky", "uz", "tg", "tk", "tr", "az", "uk", "de", "fr")
"""Languages a reader's typed name is read in (its key, or a place's English name)."""


def name_keys(name: str) -> list[str]:
    """The keys a reader's spelling of a name may stand for (as typed, any script)."""
    places = {english_place(name, language) for language in TYPED_LANGUAGES} - {None}
    if places:  # every article keys a place by its English name
        return sorted({name_key(place, "en") for place in places if place})
    keys = {name_key(name, "")} | {name_key(name, language) for language in TYPED_LANGUAGES}
    return sorted(key for key in keys if key)


def _passes(story: Story, filters: StoryFilters) -> bool:
    if filters.languages and not set(filters.languages) & set(story.languages):
        return False
    if filters.outlets and not set(filters.outlets) & set(story.outlets):
        return False
    if filters.since and story.last_report < filters.since:
        return False
    return not (filters.until and story.first_report > filters.until)


def _body(text: str, title: str) -> str:
    return text[len(title):].lstrip() if title and text.startswith(title) else text


def _stable_ids(old: dict, placed: dict, pinned: set) -> dict[int, int]:
    """Regrouped articles with story ids. A pinned story keeps its id; a regrouped group
    takes the old id most of its articles had: it goes back into the pinned story of
    that id (the reader moved an article into it), or keeps it (each id once); other
    groups get -1, -2... (new stories)."""
    groups: dict = {}
    for article, story in placed.items():
        groups.setdefault(story, []).append(article)
    pinned_ids = {placed[a] for a in pinned if a in placed}
    taken: set = set(pinned_ids)
    result: dict[int, int] = {a: int(placed[a]) for a in pinned if a in placed}
    new_number = 0
    free = [g for g in groups if not any(a in pinned for a in groups[g])]
    for group in sorted(free, key=lambda g: (-len(groups[g]), str(g))):
        votes: dict = {}
        for article in groups[group]:
            if article in old:
                votes[old[article]] = votes.get(old[article], 0) + 1
        ranked = [story for story, _ in sorted(votes.items(), key=lambda v: (-v[1], str(v[0])))]
        chosen = ranked[0] if ranked and ranked[0] in pinned_ids else next(
            (story for story in ranked if story not in taken), None)
        if chosen is None:
            new_number -= 1
            chosen = new_number
        taken.add(chosen)
        for article in groups[group]:
            result[article] = int(chosen)
    return result
