"""A disjoint-set forest: link pairs, read back connected groups in a stable order."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item", bound=Hashable)


class DisjointSet(Generic[Item]):
    """Union-find with path halving; groups come back in the order items were added."""

    def __init__(self, items: Iterable[Item]) -> None:
        self._parent: dict[Item, Item] = {item: item for item in items}

    def root(self, item: Item) -> Item:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, one: Item, other: Item) -> None:
        first, second = self.root(one), self.root(other)
        if first != second:
            self._parent[second] = first

    def groups(self) -> list[list[Item]]:
        found: dict[Item, list[Item]] = {}
        for item in self._parent:
            found.setdefault(self.root(item), []).append(item)
        return list(found.values())
