"""Whole archives: batch summaries and translations (see cli/batch.py, docs/batch.md)."""
