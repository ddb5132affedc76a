"""The assessment's one error family: catch AssessmentError to handle every failure."""

from __future__ import annotations

from collections.abc import Iterable


class AssessmentError(Exception):
    """Base class of every error the assessment raises on purpose.

    ``message`` says what is wrong and what to do about it; ``question`` names the question
    the error is about, when there is one.
    """

    def __init__(self, message: str, *, question: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.question = question

    def __str__(self) -> str:
        return self.message


class BadAnswer(AssessmentError):
    """An answer names a question or an option that the bank does not have."""

    def __init__(
        self,
        message: str,
        *,
        question: str | None = None,
        value: object = None,
        allowed: Iterable[str] = (),
    ) -> None:
        super().__init__(message, question=question)
        self.value = value
        self.allowed = tuple(allowed)


class BadCode(AssessmentError):
    """A share code is damaged, incomplete or made for another version of the questions."""

    def __init__(self, message: str, *, code: object = None) -> None:
        super().__init__(message)
        self.code = code


class BadBank(AssessmentError):
    """A data file of the package (the question bank or a scenario) breaks the rules."""

    def __init__(
        self,
        message: str,
        *,
        file: str,
        question: str | None = None,
        field: str | None = None,
    ) -> None:
        where = file
        if question is not None:
            where += f", question {question!r}"
        if field is not None:
            where += f", field {field!r}"
        super().__init__(f"{where}: {message}", question=question)
        self.file = file
        self.field = field


class BadRequest(AssessmentError):
    """A request to the browser entry point or the terminal tool is malformed."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class BadPlan(AssessmentError):
    """A negotiation plan (a plan file, a plan link, or the plan page's fields) breaks the plan's
    format; ``field`` names the field, as the plan page's form and the plan files name it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def allowed_list(values: Iterable[str]) -> str:
    """Format allowed values for a message: 'a', 'b' or 'c'."""
    quoted = [repr(value) for value in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
