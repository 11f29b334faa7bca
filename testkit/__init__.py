"""Tiny real packs, a loopback HTTP server and a Streamlit launcher, for tests and benchmarks."""
