"""Fair Leverage assessment: score the leverage and the ethics of one upcoming negotiation."""

from assessment.bank import load_bank
from assessment.errors import AssessmentError, BadAnswer, BadBank, BadCode, BadRequest
from assessment.model import Bank
from assessment.result import Result
from assessment.scenarios import Scenario, load_scenarios
from assessment.scoring import score
from assessment.sharecode import decode, encode

__version__ = "0.1.0"

__all__ = [
    "AssessmentError",
    "BadAnswer",
    "BadBank",
    "BadCode",
    "BadRequest",
    "Bank",
    "Result",
    "Scenario",
    "__version__",
    "decode",
    "encode",
    "load_bank",
    "load_scenarios",
    "score",
]
