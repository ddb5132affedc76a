"""Numbers with a unit: read from what a reader typed, and written the site's way (£68,000, 3%,
45 days). The plan's numbers and the worked examples' figures both use these."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assessment.errors import BadPlan

Number = int | float
CURRENCIES = ("£", "€", "$")
# A plan's numbers are all in one of these; "number" is a plain count with no unit.
UNITS = (*CURRENCIES, "%", "hours", "days", "weeks", "months", "number")
UNIT_LABELS = {
    "£": "£ (pounds)",
    "€": "€ (euros)",
    "$": "$ (dollars)",
    "%": "% (per cent)",
    "hours": "hours",
    "days": "days",
    "weeks": "weeks",
    "months": "months",
    "number": "a plain number",
}
LARGEST = 10**12
# Digits, with commas or spaces between groups of three, and an optional decimal part; an
# optional currency sign before and per cent sign after, as people write money and rates.
_TYPED = re.compile(
    r"^(?P<sign>[£€$])?\s*(?P<digits>\d{1,3}(?:[, \u00a0\u202f]\d{3})+|\d+)(?P<decimals>\.\d+)?"
    r"\s*%?$"
)
_SEPARATORS = re.compile(r"[, \u00a0\u202f]")
TYPE_IT = "write it in digits, such as 68000, 68,000 or 2.5"


def read_number(value: object, field: str) -> Number:
    """A number of 0 or more from a file's number or a reader's text; BadPlan naming the field."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise BadPlan(f"{field} must be a number: {TYPE_IT}.", field=field)
    if isinstance(value, str):
        match = _TYPED.match(value.strip())
        if match is None:
            raise BadPlan(f"{field}: {value.strip()!r} is not a number: {TYPE_IT}.", field=field)
        text = _SEPARATORS.sub("", match["digits"]) + (match["decimals"] or "")
        value = float(text) if match["decimals"] else int(text)
    if not math.isfinite(value) or value < 0:
        raise BadPlan(f"{field} must be a number of 0 or more: {TYPE_IT}.", field=field)
    if value > LARGEST:
        raise BadPlan(f"{field} is too large: keep it under {LARGEST:,}.", field=field)
    return int(value) if isinstance(value, float) and value.is_integer() else value


def plain(value: Number) -> str:
    """The number as a reader types it back into a form: 68000, 2.5."""
    return str(value) if isinstance(value, int) else f"{value:.10g}"


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, written the site's way: £68,000, €1,500.50, 3%, 45 days."""

    value: Number
    unit: str | None

    def __str__(self) -> str:
        whole = isinstance(self.value, int) or self.value.is_integer()
        if self.unit in CURRENCIES:
            amount = f"{int(self.value):,}" if whole else f"{self.value:,.2f}"
            return f"{self.unit}{amount}"
        number = f"{int(self.value):,}" if whole else f"{self.value:,.10g}"
        if self.unit == "%":
            return f"{number}%"
        if self.unit is None or self.unit == "number":
            return number
        return (
            f"{number} {self.unit.removesuffix('s')}"
            if self.value == 1
            else f"{number} {self.unit}"
        )
