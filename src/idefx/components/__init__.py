"""spaCy components of the idefx pipeline, registered as factories."""
