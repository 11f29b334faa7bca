"""Stories across languages: the articles that report one event, whatever their language
or script, grouped into one story, with its names, key phrases, outlets and dates.

    from digest.stories import Stories, StoryFilters
    stories = Stories(library)
    stories.assign(article_id)

`import digest.stories` is cheap: each name below loads its module on first use. The
modules: `keys` (one key per name across scripts), `places` (countries, continents and
cities under one English name, from CLDR), `names` (names in a text), `facts`
(numbers and dates), `words` (stems and cognate skeletons), `keywords`, `profile` (an
article's names, key phrases and features), `grouping` (the inverted index and the
incremental grouping), `model` (Story and its parts), `assembly` (a Story from its
articles), `service` (Stories over a Library), `export` (CSV and JSON), `runs` (stories
within one batch run). Where and when an article was published: articles.metadata.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from articles.lazy import lazy_exports

if TYPE_CHECKING:
    from digest.stories.export import articles_csv, stories_csv, stories_json
    from digest.stories.grouping import Assignment, Grouper, pairs_f1
    from digest.stories.keys import latin, name_key
    from digest.stories.model import Story, StoryArticle, StoryFilters, StoryName
    from digest.stories.names import Name, extract_names
    from digest.stories.places import Place, english_place, place, place_in
    from digest.stories.profile import Profile, profile
    from digest.stories.runs import RunStories
    from digest.stories.service import Stories, name_keys

__all__ = [
    "Assignment", "Grouper", "Name", "Place", "Profile", "RunStories", "Stories", "Story",
    "StoryArticle", "StoryFilters", "StoryName", "articles_csv", "english_place",
    "extract_names", "latin", "name_key", "name_keys", "pairs_f1", "place", "place_in",
    "profile", "stories_csv", "stories_json",
]

__getattr__, __dir__ = lazy_exports(__name__, {
    "digest.stories.export": ("articles_csv", "stories_csv", "stories_json"),
    "digest.stories.grouping": ("Assignment", "Grouper", "pairs_f1"),
    "digest.stories.keys": ("latin", "name_key"),
    "digest.stories.model": ("Story", "StoryArticle", "StoryFilters", "StoryName"),
    "digest.stories.names": ("Name", "extract_names"),
    "digest.stories.places": ("Place", "english_place", "place", "place_in"),
    "digest.stories.profile": ("Profile", "profile"),
    "digest.stories.runs": ("RunStories",),
    "digest.stories.service": ("Stories", "name_keys"),
})
