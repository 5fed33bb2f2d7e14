"""``python -m justoneapi_xingtu.testing``: the mock server on a loopback port."""

import sys

from . import main

sys.exit(main())
