"""``python -m justoneapi_xingtu``: the ``xingtu`` command."""

import sys

from .cli import main

sys.exit(main())
