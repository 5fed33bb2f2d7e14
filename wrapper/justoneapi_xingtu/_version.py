"""The package's one version: read by the build backend (``[tool.hatch.version]``) and
exported as ``justoneapi_xingtu.__version__``."""

__version__ = "0.1.0"
