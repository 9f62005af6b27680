"""The parts of the people finder (``idefx.components.people``), one job each: the word lists, a Doc's tokens,
name runs, title reading, country and organisation attribution, and identity merging (see
``docs/ARCHITECTURE_PEOPLE.md``)."""
