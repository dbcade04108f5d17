"""Disjoint sets with the smallest member as each set's root (reprint groups, identity merges)."""

from __future__ import annotations

from typing import Any


class MinRootSets:
    """Union–find over hashable, mutually comparable nodes; a set's root is its smallest node,
    so roots are stable whatever order the unions come in."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: Any, b: Any) -> bool:
        """Join the sets of ``a`` and ``b``; False when they were one already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True

    def nodes(self) -> list[Any]:
        return list(self.parent)
