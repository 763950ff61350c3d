"""Communique's exceptions and coded messages.

Hierarchy::

    CommuniqueError                 base of everything raised on purpose
    ├── ConfigError        (C0xx)   a bad configuration file or key
    ├── ModelError         (M0xx)   the spaCy pipeline cannot be loaded
    ├── InputError         (I0xx)   one input item cannot be read (the batch goes on)
    │   ├── EmptyInput         I001
    │   ├── BinaryInput        I002
    │   ├── UndecodableInput   I003
    │   ├── MalformedRecord    I004
    │   ├── MissingText        I005
    │   ├── TooLarge           I006
    │   └── NotFound           I007
    ├── ExtractionError    (X0xx)   the pipeline failed on one article (the batch goes on)
    └── StoreError         (S0xx)   the database refused an operation

Every error carries a stable ``code`` so that per-item error records, the store's
``ingest_errors`` table and the CLI's stderr lines can be grepped and counted.
"""

from __future__ import annotations

__all__ = [
    "BinaryInput",
    "CommuniqueError",
    "ConfigError",
    "EmptyInput",
    "ExtractionError",
    "InputError",
    "MalformedRecord",
    "MissingText",
    "ModelError",
    "NotFound",
    "StoreError",
    "TooLarge",
    "UndecodableInput",
]


class CommuniqueError(Exception):
    """Base class: every error Communique raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(CommuniqueError):
    code = "C001"


class ModelError(CommuniqueError):
    code = "M001"


class InputError(CommuniqueError):
    code = "I000"


class EmptyInput(InputError):
    code = "I001"


class BinaryInput(InputError):
    code = "I002"


class UndecodableInput(InputError):
    code = "I003"


class MalformedRecord(InputError):
    code = "I004"


class MissingText(InputError):
    code = "I005"


class TooLarge(InputError):
    code = "I006"


class NotFound(InputError):
    code = "I007"


class ExtractionError(CommuniqueError):
    code = "X001"


class StoreError(CommuniqueError):
    code = "S001"
