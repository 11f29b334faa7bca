"""Language detection, Argos language packs and offline translation."""
