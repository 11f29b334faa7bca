"""Article -> extractive summary made with sumy.

Kept free of imports so that `import summarizer` is cheap; use
summarizer.summarize.summarize and summarizer.algorithms.ALGORITHMS.
"""
