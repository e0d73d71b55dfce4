"""The lab's single error type; the CLI maps it to exit status 2."""


class LabError(RuntimeError):
    """The lab cannot be built, inspected or torn down (message says why)."""
