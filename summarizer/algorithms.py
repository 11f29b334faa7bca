"""The algorithm names the UI, the CLI and the API agree on (no sumy import here)."""
from __future__ import annotations

ALGORITHMS: dict[str, str] = {
    "lexrank": "LexRank",
    "textrank": "TextRank",
    "lsa": "LSA (latent semantic analysis)",
    "luhn": "Luhn",
    "edmundson": "Edmundson",
    "kl": "KL-Sum",
    "sumbasic": "SumBasic",
    "reduction": "Reduction",
}

DEFAULT_ALGORITHM = "reduction"
"""Best ROUGE-2 F1 on the development news set (see bench/rouge_eval.py)."""
