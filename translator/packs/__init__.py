"""Argos language packs: the installed list (folders), the published index, installing an
.argosmodel (validation, install) and loading a pack to translate with (loading)."""
