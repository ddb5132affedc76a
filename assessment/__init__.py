"""Fair Leverage assessment: score the leverage and the ethics of one upcoming negotiation."""

__version__ = "0.1.0"
