"""idefx: extract structured meeting records from press text about official meetings."""

__version__ = "0.1.0"
