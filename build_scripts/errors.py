"""The one error type the build raises for problems an editor or publisher can fix."""


class BuildError(RuntimeError):
    """A build step failed; the message says what went wrong and what to do."""
