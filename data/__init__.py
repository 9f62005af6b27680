"""Data files shipped with idefx: gazetteers and patterns (JSONL), and a sample article."""
