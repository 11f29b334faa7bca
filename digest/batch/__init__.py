"""Whole archives: batch summaries and translations (see digest/batch_cli.py, docs/batch.md)."""
