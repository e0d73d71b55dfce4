"""The errors a command reports as one clear line, and the exit statuses it ends with.

Nothing heavy is imported here, so the command line can catch these without loading the
modules that raise them.
"""

from __future__ import annotations

# 0 nothing changed, 1 a rescan found changes, 2 a usage or profile error, 3 the run failed
EXIT_OK, EXIT_CHANGES, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


class ConfigError(ValueError):
    """A profile or command-line setting that cannot be used. The message names the key."""


class StoreError(RuntimeError):
    """The store cannot be read or written; the message says which path and why."""
