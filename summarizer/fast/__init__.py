"""numpy versions of the sumy summarizers that are quadratic in pure Python (one module each).

Each class subclasses sumy's own and replaces only the rating arithmetic (and
the stop-word setter, see LowerCaseStopWordsMixin), so selection, stop words
and stemming stay sumy's. TextRank, Reduction, SumBasic
and Luhn reproduce sumy's floating-point operations in sumy's order
(sequential sums via cumsum/bincount, math.log per sentence): the same scores
bit for bit. LexRank only thresholds its cosines, KL-Sum sums the same terms
in another order, LSA skips an SVD that changes nothing but rounding: the same
picks except on exact ties (see FastLsaSummarizer).
tests/test_summarizer_fast.py checks all of them against sumy's classes.
"""
from summarizer.fast.kl import FastKLSummarizer
from summarizer.fast.lex_rank import FastLexRankSummarizer
from summarizer.fast.lsa import FastLsaSummarizer
from summarizer.fast.luhn import FastLuhnSummarizer
from summarizer.fast.reduction import FastReductionSummarizer
from summarizer.fast.sum_basic import FastSumBasicSummarizer
from summarizer.fast.text_rank import FastTextRankSummarizer

__all__ = [
    "FastKLSummarizer",
    "FastLexRankSummarizer",
    "FastLsaSummarizer",
    "FastLuhnSummarizer",
    "FastReductionSummarizer",
    "FastSumBasicSummarizer",
    "FastTextRankSummarizer",
]
