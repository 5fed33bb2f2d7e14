"""The ``xingtu`` command: ``rec-videos``, ``batch``, ``export`` and ``demo``."""

from ._main import IdsFileError, build_parser, exit_code_for, main, read_ids

__all__ = ["IdsFileError", "build_parser", "exit_code_for", "main", "read_ids"]
