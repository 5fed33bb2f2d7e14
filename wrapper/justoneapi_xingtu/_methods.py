"""The per-operation methods reach the clients on first use.

``_operations`` (written by ``make generate``) defines a method per untyped operation
for each client. Importing it with the package would cost every program that never calls
them; instead the first attribute lookup that misses on a client copies the methods onto
its class, and from then on they are plain methods. Type checkers see them directly.
"""

from __future__ import annotations

from typing import Any

from ._spec_data import OPERATIONS


def lazy_methods(source: str) -> type:
    """A base class whose instances get ``_operations.<source>``'s methods on first use."""

    class LazyMethods:
        __slots__ = ()

        def __getattr__(self, name: str) -> Any:
            if name.startswith("_") or name not in OPERATIONS:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            from . import _operations

            methods = vars(getattr(_operations, source))
            if name not in methods:  # a typed operation the client defines itself
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            owner = next(c for c in type(self).__mro__ if LazyMethods in c.__bases__)
            for key, method in methods.items():
                if not key.startswith("_") and key not in vars(owner):
                    setattr(owner, key, method)
            return getattr(self, name)

        def __dir__(self) -> list[str]:
            return sorted({*super().__dir__(), *(n for n in OPERATIONS if not n.startswith("_"))})

    LazyMethods.__qualname__ = LazyMethods.__name__ = f"Lazy{source}"
    return LazyMethods
