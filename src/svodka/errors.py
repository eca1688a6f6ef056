"""Errors that name the input they are about."""


class InputError(Exception):
    """An input that cannot be read: `source` names it, `reason` says why in plain words."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StageError(Exception):
    """A pipeline stage failed on one document; names the stage and the document."""

    def __init__(self, stage: str, source: str, cause: BaseException):
        super().__init__(f"{source}: stage {stage!r} failed: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.source = source
        self.cause = cause
