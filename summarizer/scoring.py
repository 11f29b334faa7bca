"""Keep the ratings sumy computes, so a Summary can say where each sentence came from."""
from __future__ import annotations


class ScoringMixin:
    """Replaces sumy's _get_best_sentences with one that also records picks.

    The selection is sumy's: sort by rating, descending and stable (ties go to
    the earlier sentence), take `count`, restore document order. It also keeps
    (position, rating) of each pick in `self.picks`, because sumy returns only
    sentence objects and equal texts would be ambiguous, and every sentence's
    (position, rating) best first in `self.ranking`, which a length in words walks.
    """

    picks: tuple[tuple[int, float], ...] = ()
    ranking: tuple[tuple[int, float], ...] = ()

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
        if isinstance(rating, dict):
            ratings = [rating[sentence] for sentence in sentences]
        else:
            ratings = [rating(sentence, *args, **kwargs) for sentence in sentences]
        order = sorted(range(len(sentences)), key=ratings.__getitem__, reverse=True)
        chosen = sorted(order[: int(count)])
        self.picks = tuple((index, float(ratings[index])) for index in chosen)
        self.ranking = tuple((index, float(ratings[index])) for index in order)
        return tuple(sentences[index] for index in chosen)
