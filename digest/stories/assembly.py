"""Stories made from their articles' facts: headline, names, languages, outlets, dates."""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence

from digest.stories.keys import latin
from digest.stories.lexicon import common_word
from digest.stories.model import Story, StoryArticle, StoryName
from digest.stories.names import NOUN_CAPITALS
from digest.stories.places import english_place
from digest.stories.spellings import plain_spellings

MAX_KEYWORDS = 8


def _held(article: StoryArticle) -> frozenset[str]:
    """What an article can share with the others: its name keys and key phrases."""
    return frozenset(article.names) | {phrase.lower() for phrase in article.keywords}


def central_article(articles: Sequence[StoryArticle]) -> StoryArticle:
    """The article sharing most names and key phrases with the others; the earliest
    reported of those that tie.

    What an article shares with the others, summed over them, is the number of other
    articles holding each of its names and phrases: counting the holders once makes a
    long story cost one pass over its articles instead of one per pair of them."""
    held = [_held(article) for article in articles]
    holders: Counter[str] = Counter()
    for features in held:
        holders.update(features)
    best_index = min(
        range(len(articles)),
        key=lambda i: (-sum(holders[f] - 1 for f in held[i]), articles[i].reported,
                       articles[i].id))
    return articles[best_index]


def _shown(key: str, forms: Counter[str], languages: set[str]) -> bool:
    """Whether a name is worth showing: a one-word name written only in a language that
    capitalises its nouns ("Jahre", "Regierung" pass for names there) is shown when in
    capitals (an acronym) or when an article in another language names it too; nor is one
    that is a common adjective or verb in every language naming it (Russian capitalises
    the first word of a name: "Национального фонда")."""
    if " " in key:
        return True
    if all(common_word(form, language) for form in forms for language in languages):
        return False  # "Национального" (фонда): an adjective that opens a name
    if not languages <= NOUN_CAPITALS:
        return True
    return any(form.isupper() for form in forms)


def story_names(articles: Sequence[StoryArticle],
                spellings: dict[int, Sequence[tuple[str, str, str, int]]]) -> tuple[StoryName, ...]:
    """The names of the articles merged by key, named by most articles first; each shown
    in its most used plain (not inflected) Latin spelling, else a transliteration.
    `spellings`: article id -> (key, spelling, latin, mentions)."""
    seen: dict[str, Counter[str]] = {}
    holders: dict[str, set[int]] = {}
    mentions: Counter[str] = Counter()
    languages: dict[str, set[str]] = {}
    latins: dict[str, Counter[str]] = {}
    for article in articles:
        for key, spelling, latin_form, count in spellings.get(article.id, ()):
            seen.setdefault(key, Counter())[spelling] += count
            latins.setdefault(key, Counter())[latin_form] += count
            holders.setdefault(key, set()).add(article.id)
            mentions[key] += count
            languages.setdefault(key, set()).add(article.language)
    for part, whole in _parts_of_names(seen).items():
        seen[whole].update(seen.pop(part))
        latins[whole].update(latins.pop(part))
        holders[whole] |= holders.pop(part)
        mentions[whole] += mentions.pop(part)
        languages[whole] |= languages.pop(part)
    names = []
    for key in sorted(seen, key=lambda k: (-len(holders[k]), -mentions[k], k)):
        name = story_name(key, seen[key], languages[key], len(holders[key]), mentions[key],
                          latins[key].most_common(1)[0][0])
        if name is not None:
            names.append(name)
    return tuple(names)


def _parts_of_names(keys: Collection[str]) -> dict[str, str]:
    """A one-word name that is the first or last word of exactly one longer name of the
    story -> that name: "Tokayev" in one article is "Kassym-Jomart Tokayev" of another."""
    longer = [key for key in keys if " " in key]
    parts: dict[str, str] = {}
    for key in keys:
        if " " in key:
            continue
        owners = [whole for whole in longer if key in (whole.split()[0], whole.split()[-1])]
        if len(owners) == 1:
            parts[key] = owners[0]
    return parts


def story_name(key: str, forms: Counter[str], languages: set[str], articles: int,
               mentions: int, latin_form: str = "") -> StoryName | None:
    """One name of a story from its spellings there (`forms`, in the order its articles
    gave them) and the languages naming it; None when it is not worth showing.
    `latin_form`: the Latin spelling the articles gave it; a place's is its English name,
    which is shown ("China" for "Китай", "Қытай" and "Çin")."""
    if not _shown(key, forms, languages):
        return None
    plain = plain_spellings(forms)
    latin_forms = [form for form, _ in plain.most_common() if latin(form) == form]
    place = latin_form if latin_form and english_place(latin_form, "en") == latin_form else ""
    display = place or (latin_forms[0] if latin_forms else latin(plain.most_common(1)[0][0]))
    return StoryName(key=key, display=display, spellings=tuple(forms), articles=articles,
                     mentions=mentions)


def in_order(articles: Sequence[StoryArticle]) -> tuple[StoryArticle, ...]:
    """A story's articles as it keeps them: oldest report first."""
    return tuple(sorted(articles, key=lambda a: (a.reported, a.added, a.id)))


def headline_of(ordered: Sequence[StoryArticle], central: StoryArticle | None = None) -> str:
    """A story's headline: its central article's title (`ordered`: as in_order keeps them)."""
    central = central or central_article(ordered)
    return central.title or ordered[0].title or central.name


def assemble(story_id: int, articles: Sequence[StoryArticle],
             spellings: dict[int, Sequence[tuple[str, str, str, int]]],
             summary: Sequence[str] = ()) -> Story:
    """A Story of its articles (any order given; kept oldest report first)."""
    ordered = in_order(articles)
    central = central_article(ordered)
    languages = Counter(article.language for article in ordered)
    outlets = Counter(article.outlet for article in ordered if article.outlet)
    keywords: Counter[str] = Counter()
    for article in ordered:
        for rank, phrase in enumerate(article.keywords):
            keywords[phrase] += 1 + 1 / (rank + 1)
    return Story(
        id=story_id,
        headline=headline_of(ordered, central),
        summary=tuple(summary),
        central=central.id,
        languages=tuple(code for code, _ in languages.most_common()),
        outlets=tuple(outlet for outlet, _ in outlets.most_common()),
        first_report=ordered[0].reported,
        last_report=max(article.reported for article in ordered),
        names=story_names(ordered, spellings),
        keywords=tuple(phrase for phrase, _ in keywords.most_common(MAX_KEYWORDS)),
        articles=ordered,
    )
