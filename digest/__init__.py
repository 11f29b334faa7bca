"""The whole job without Streamlit: one article, many, the library, batch."""
