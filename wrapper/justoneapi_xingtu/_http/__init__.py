"""HTTP plumbing under the clients; each module is imported on first use, never here.

* ``transport``: the sharded httpcore pools the clients make for themselves;
* ``deadline``: the whole-call deadline, enforced at every socket operation of those pools;
* ``failures``: httpcore's errors as httpx's, and the TLS failures no retry fixes;
* ``proxies``: the proxy mounts httpx reads from the environment;
* ``codings``: ``Content-Encoding`` undone piece by piece, within a bound;
* ``aiohttp``: the aiohttp backend (``backend="aiohttp"``, the ``[aiohttp]`` extra).
"""
