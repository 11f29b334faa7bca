"""Streamlit entry point: page set-up and navigation only."""
import streamlit as st

st.set_page_config(page_title="News Digest", page_icon="📰", layout="wide")
st.title("News Digest")
st.write("Upload article text files to summarize and translate them offline.")
