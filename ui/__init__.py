"""Streamlit views and widgets; the only package that imports Streamlit."""
