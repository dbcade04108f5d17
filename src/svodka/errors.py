"""The small family of errors svodka raises for bad input or bad configuration."""


class SvodkaError(Exception):
    """Base of every error svodka raises on purpose; the CLI prints it as one line."""


class InputError(SvodkaError):
    """The input cannot be analysed: empty, binary, undecodable, too large, malformed."""


class ConfigError(SvodkaError, ValueError):
    """A setting is wrong: raised at once, "expected …, got …"."""


class AnalysisError(SvodkaError):
    """Analysing one document hit a bug; in a batch that record carries it, the others go on."""
