"""Articles into stories, incrementally, through an inverted index of their features.

An article is compared only with the articles that share a feature with it (the index
gives them), each feature weighted by its kind and its rarity (IDF); features carried
by more than COMMON_SHARE of the articles are skipped: they tell nothing and would make
every comparison touch the whole library. Similarity is the cosine of the weighted
feature sets; an article joins the story of its most similar article when that is at
least `threshold`, else starts a story. A pinned article (the reader's choice) keeps
its story whatever the scores.

`regroup()` starts over in the given order (oldest first), pinned articles first in
their stories, with every weight computed on the whole library.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

KIND_WEIGHTS: dict[str, float] = {
    "n:": 3.0, "N:": 2.0, "#:": 2.5, "y:": 2.0, "@:": 2.0, "c:": 0.25, "w:": 1.0,
}
"""How much a shared feature of each kind says that two articles tell one event."""
WINDOW_DAYS = 14
"""Articles reported more than this many days apart are not one story (the same people
are in the news every week: a new article must not join last month's event)."""
RESCALE = 1.1
"""Weights are computed again when the number of articles changes by this factor."""
LANGUAGE_BOUND = "w:"
"""The kind of feature that meets only articles in (or translated into) one language."""
WORDS_FACTOR = 1.0
"""How much the cosine of shared words counts against that of language-free features."""
MIN_SHARED = 2
LONE_FACTOR = 0.3
"""One shared feature is chance as often as not (a name, a round figure): a score resting on
fewer than MIN_SHARED features counts LONE_FACTOR of itself."""
THRESHOLD = 0.2
"""The similarity an article needs to join a story (tuned on half A of bench.stories)."""
COMMON_SHARE = 0.05
COMMON_MIN = 50
"""A feature carried by more than max(COMMON_MIN, COMMON_SHARE of the articles) is skipped."""

ArticleId = Hashable
StoryId = Hashable


@dataclass
class Assignment:
    """Where an article went: its story, the article it matched, and how well."""

    story: StoryId
    matched: ArticleId | None
    score: float
    new: bool


@dataclass
class Grouper:
    """Stories of articles held in memory: features, the inverted index and who is where."""

    threshold: float = THRESHOLD
    words_factor: float = WORDS_FACTOR
    weights: Mapping[str, float] = field(default_factory=lambda: dict(KIND_WEIGHTS))
    features: dict[ArticleId, frozenset[str]] = field(default_factory=dict)
    postings: dict[str, set[ArticleId]] = field(default_factory=lambda: defaultdict(set))
    story_of: dict[ArticleId, StoryId] = field(default_factory=dict)
    members: dict[StoryId, set[ArticleId]] = field(default_factory=lambda: defaultdict(set))
    pinned: set[ArticleId] = field(default_factory=set)
    _norms: dict[ArticleId, tuple[float, float]] = field(default_factory=dict)
    window: int | None = None
    """Days apart two articles may be reported and still be one story (None: any);
    articles without a day are never too far."""
    days: dict[ArticleId, int] = field(default_factory=dict)
    _apart: bool = False  # regrouping: pinned articles are no one's match
    _weights: dict[str, float] = field(default_factory=dict)
    _scale: int = 1
    _next: int = 0

    # ---- weights ----------------------------------------------------------------------

    def _common_limit(self) -> float:
        return max(COMMON_MIN, COMMON_SHARE * len(self.features))

    def weight(self, feature: str) -> float:
        """The feature's weight: its kind's, times its IDF in the articles held; a name
        key of two or three letters ("cn", "kn", "tkv") stands for many names, so it weighs
        less than a longer one. Weights and norms are kept until the library grows or
        shrinks by RESCALE (an article's own features are weighed afresh when it comes)."""
        size = len(self.features)
        if not (self._scale / RESCALE <= size <= self._scale * RESCALE):
            self._scale = max(size, 1)
            self._weights.clear()
            self._norms.clear()
        cached = self._weights.get(feature)
        if cached is not None:
            return cached
        count = len(self.postings.get(feature, ()))
        kind = self.weights.get(feature[:2], 1.0)
        if feature.startswith("n:"):
            kind *= min(1.0, (len(feature) - 3) / 3)
        weight = kind * math.log(1 + (self._scale + 1) / (count + 0.5))
        self._weights[feature] = weight
        return weight

    def _norm(self, article: ArticleId) -> tuple[float, float]:
        """The article's norms: over the features that cross languages, over its words."""
        norms = self._norms.get(article)
        if norms is None:
            crossing = words = 0.0
            for feature in self.features[article]:
                weight = self.weight(feature) ** 2
                if feature.startswith(LANGUAGE_BOUND):
                    words += weight
                else:
                    crossing += weight
            norms = (math.sqrt(crossing) or 1.0, math.sqrt(words) or 1.0)
            self._norms[article] = norms
        return norms

    def warm(self) -> None:
        """Weigh every article now (after loading a library), not at its first match."""
        for article in self.features:
            self._norm(article)

    # ---- holding articles ---------------------------------------------------------------

    def index(self, article: ArticleId, features: Iterable[str], day: int | None = None) -> None:
        """Hold an article's features (no story yet); `day`: the day it was reported (a
        date's ordinal), for the `window`."""
        self.forget(article)
        found = frozenset(features)
        self.features[article] = found
        if day is not None:
            self.days[article] = day
        for feature in found:
            self.postings[feature].add(article)
            self._weights.pop(feature, None)

    def forget(self, article: ArticleId) -> None:
        """Drop an article (deleted): from the index and from its story."""
        old = self.features.pop(article, None)
        self.days.pop(article, None)
        for feature in old or ():
            holders = self.postings.get(feature)
            if holders is not None:
                holders.discard(article)
                if not holders:
                    del self.postings[feature]
        self._norms.pop(article, None)
        self.pinned.discard(article)
        story = self.story_of.pop(article, None)
        if story is not None:
            self.members[story].discard(article)
            if not self.members[story]:
                del self.members[story]

    def place(self, article: ArticleId, story: StoryId, pinned: bool = False) -> None:
        """Put an article in a story (the reader's move when pinned)."""
        previous = self.story_of.get(article)
        if previous is not None and previous != story:
            self.members[previous].discard(article)
            if not self.members[previous]:
                del self.members[previous]
        self.story_of[article] = story
        self.members[story].add(article)
        if pinned:
            self.pinned.add(article)
        else:
            self.pinned.discard(article)

    def new_story(self) -> StoryId:
        """A story id not in use (ints; a caller may use its own ids with place())."""
        while self._next in self.members:
            self._next += 1
        self._next += 1
        return self._next - 1

    # ---- matching ----------------------------------------------------------------------

    def similar(self, article: ArticleId, limit: int = 20) -> list[tuple[ArticleId, float]]:
        """The placed articles most similar to `article`, best first.

        Two cosines: over the features that cross languages (names, figures, dates,
        cognates), and over the words of one language (the same language, or a
        translation into it); the score is the larger, the words' weighted by
        WORDS_FACTOR. Articles in two languages share no words: mixing both in one
        cosine would let the words of each drown what they share."""
        features = self.features.get(article, frozenset())
        limit_count = self._common_limit()
        crossing: dict[ArticleId, float] = defaultdict(float)
        words: dict[ArticleId, float] = defaultdict(float)
        shared: dict[ArticleId, int] = defaultdict(int)
        own_crossing = own_words = 0.0
        for feature in features:
            holders = self.postings.get(feature, ())
            weight = self.weight(feature)
            squared = weight * weight
            bound = feature.startswith(LANGUAGE_BOUND)
            if bound:
                own_words += squared
            else:
                own_crossing += squared
            if len(holders) > limit_count:
                continue
            target = words if bound else crossing
            for other in holders:
                if other != article and other in self.story_of and not (
                        self._apart and other in self.pinned):
                    target[other] += squared
                    shared[other] += 1
        own = (math.sqrt(own_crossing) or 1.0, math.sqrt(own_words) or 1.0)
        day = self.days.get(article)
        if self.window is not None and day is not None:
            for others in (crossing, words):
                for other in [o for o in others
                              if abs(self.days.get(o, day) - day) > self.window]:
                    del others[other]
        scored = []
        for other in crossing.keys() | words.keys():
            norms = self._norm(other)
            score = max(crossing.get(other, 0.0) / (own[0] * norms[0]),
                        self.words_factor * words.get(other, 0.0) / (own[1] * norms[1]))
            if shared[other] < MIN_SHARED:
                score *= LONE_FACTOR
            scored.append((other, score))
        scored.sort(key=lambda item: (-item[1], str(item[0])))
        return scored[:limit]

    def best_story(self, article: ArticleId) -> tuple[StoryId | None, ArticleId | None, float]:
        """The story of the most similar placed article, that article, and the score.
        (Adding up a story's articles counts one shared name once per article: a name
        common to two events would pull a long story's neighbours in.)"""
        for other, score in self.similar(article, limit=1):
            return self.story_of[other], other, score
        return None, None, 0.0

    def assign(self, article: ArticleId, features: Iterable[str] | None = None,
               new_story: StoryId | None = None) -> Assignment:
        """Index the article (when features are given) and put it in the best story, or in
        a new one (`new_story`, else a fresh int) when none is similar enough."""
        if features is not None:
            self.index(article, features)
        if article in self.pinned:
            return Assignment(self.story_of[article], None, 1.0, False)
        self.story_of.pop(article, None)
        for members in self.members.values():
            members.discard(article)
        story, matched, score = self.best_story(article)
        if story is not None and score >= self.threshold:
            self.place(article, story)
            return Assignment(story, matched, score, False)
        story = new_story if new_story is not None else self.new_story()
        self.place(article, story)
        return Assignment(story, None, score, True)

    def regroup(self, order: Iterable[ArticleId],
                fresh: Iterable[StoryId] | None = None) -> dict[ArticleId, StoryId]:
        """Group every held article again in `order` (oldest first); pinned articles stay
        where they are, and the others are grouped among themselves (the caller decides
        which group goes back with which pinned story: see digest.stories.service).
        `fresh` gives ids for new stories."""
        self._norms.clear()
        self._weights.clear()
        self._scale = max(len(self.features), 1)
        self._apart = True
        try:
            return self._regroup(order, fresh)
        finally:
            self._apart = False

    def _regroup(self, order: Iterable[ArticleId],
                 fresh: Iterable[StoryId] | None) -> dict[ArticleId, StoryId]:
        pinned = {article: self.story_of[article] for article in self.pinned
                  if article in self.story_of}
        self.story_of.clear()
        self.members.clear()
        for article, story in pinned.items():
            self.place(article, story, pinned=True)
        ids = iter(fresh) if fresh is not None else None
        for article in order:
            if article in pinned or article not in self.features:
                continue
            self.assign(article, new_story=next(ids) if ids is not None else None)
        return dict(self.story_of)


def pairs_f1(truth: Mapping[ArticleId, Hashable], found: Mapping[ArticleId, Hashable]
             ) -> tuple[float, float, float]:
    """Precision, recall and F1 of "same story or not" over all pairs of articles."""
    def same_pairs(groups: Mapping[ArticleId, Hashable]) -> set[tuple]:
        by_group: dict[Hashable, list] = defaultdict(list)
        for article, group in groups.items():
            by_group[group].append(article)
        pairs = set()
        for members in by_group.values():
            members = sorted(members, key=str)
            pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
        return pairs

    true_pairs, found_pairs = same_pairs(truth), same_pairs(found)
    hits = len(true_pairs & found_pairs)
    precision = hits / len(found_pairs) if found_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
