"""A story made from its articles: the central article, and a long story's cost."""
from __future__ import annotations

from datetime import date, datetime

from digest.stories.assembly import assemble, central_article
from digest.stories.model import StoryArticle


class CountedNames(tuple):
    """Name keys that count how often they are read (once per comparison they take part in)."""

    reads = 0

    def __iter__(self):
        CountedNames.reads += 1
        return super().__iter__()


def article(number: int, names, keywords=(), day: int = 1) -> StoryArticle:
    return StoryArticle(
        id=number, title=f"Report {number}", name=f"{number}.txt", language="en",
        outlet="", published=date(2026, 3, day), added=datetime(2026, 3, day, 9),
        names=names, keywords=tuple(keywords))


def test_the_central_article_is_the_one_sharing_most_with_the_others():
    articles = [
        article(1, ("tkv",), ["weather"], day=1),
        article(2, ("tkv", "mrz", "astn"), ["summit", "gas deal"], day=2),
        article(3, ("tkv", "mrz"), ["summit"], day=3),
        article(4, ("astn", "mrz"), ["gas deal"], day=4),
    ]
    assert central_article(articles).id == 2
    story = assemble(7, articles, {})
    assert story.central == 2 and story.headline == "Report 2"


def test_ties_go_to_the_earliest_report():
    articles = [article(5, ("tkv",), day=9), article(6, ("tkv",), day=3)]
    assert central_article(articles).id == 6


def test_a_story_of_thousands_of_articles_reads_each_article_once():
    size = 3_000
    CountedNames.reads = 0
    articles = [article(n, CountedNames(("tkv", f"x{n % 50}")), [f"phrase {n % 7}"],
                        day=1 + n % 28) for n in range(size)]
    reads_to_build = CountedNames.reads
    story = assemble(1, articles, {})
    assert story.size == size
    # Every article's names are read a fixed number of times, not once per other article.
    assert CountedNames.reads - reads_to_build <= 3 * size
