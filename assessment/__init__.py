"""Fair Leverage assessment: score the leverage and the ethics of one upcoming negotiation."""

from assessment.bank import load_bank
from assessment.errors import AssessmentError, BadAnswer, BadBank, BadCode, BadPlan, BadRequest
from assessment.model import Bank
from assessment.plan import Plan, parse_plan, read_plan
from assessment.plan_checks import check_plan
from assessment.plan_code import decode_plan, encode_plan
from assessment.result import Result, result_schema
from assessment.scenarios import Scenario, find_scenario, load_scenarios
from assessment.scoring import score
from assessment.sharecode import Decoded, decode, encode

__version__ = "0.2.0"

__all__ = [
    "AssessmentError",
    "BadAnswer",
    "BadBank",
    "BadCode",
    "BadPlan",
    "BadRequest",
    "Bank",
    "Decoded",
    "Plan",
    "Result",
    "Scenario",
    "__version__",
    "check_plan",
    "decode",
    "decode_plan",
    "encode",
    "encode_plan",
    "find_scenario",
    "load_bank",
    "load_scenarios",
    "parse_plan",
    "read_plan",
    "result_schema",
    "score",
]
