"""Unit tests: each module of the assessment package, specified one behaviour at a time."""
