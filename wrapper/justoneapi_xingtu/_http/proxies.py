"""The proxy mounts httpx builds from the environment, for clients with their own pools.

A client given its own transport loses the mounts httpx makes from ``HTTP_PROXY``/
``HTTPS_PROXY``/``ALL_PROXY``/``NO_PROXY`` (``trust_env``): they are read here by the
rules httpx documents, through :func:`urllib.request.getproxies`, and each proxy becomes
a sharded pool too (``ShardedTransport.proxy_mounts``).
"""

from __future__ import annotations

import ipaddress
import urllib.request


def environment_proxies() -> dict[str, str | None]:
    """httpx's ``trust_env`` reading of ``HTTP_PROXY``/``HTTPS_PROXY``/``ALL_PROXY``/
    ``NO_PROXY`` as mount patterns (pattern -> proxy URL, or None for direct), from the
    standard library's :func:`urllib.request.getproxies` and the rules httpx documents
    (curl's ``NO_PROXY``: ``*`` disables every proxy, ``.example.com`` its subdomains,
    ``example.com`` the domain and its subdomains, IP addresses and ``localhost`` as is).
    """
    found = urllib.request.getproxies()
    mounts: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):
        if url := found.get(scheme):
            mounts[f"{scheme}://"] = url if "://" in url else f"http://{url}"
    for host in (part.strip() for part in found.get("no", "").split(",")):
        if host == "*":
            return {}
        if not host:
            continue
        if "://" in host:
            mounts[host] = None
        elif _is_ip(host, 4) or host.lower() == "localhost":
            mounts[f"all://{host}"] = None
        elif _is_ip(host, 6):
            mounts[f"all://[{host}]"] = None
        else:
            mounts[f"all://*{host}"] = None
    return mounts


def _is_ip(host: str, version: int) -> bool:
    try:
        return ipaddress.ip_address(host.split("/")[0]).version == version
    except ValueError:
        return False
