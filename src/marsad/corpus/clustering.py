"""Grouping linked pairs into incidents, conservatively.

Pairs are taken strongest first. Two groups merge only when (1) no two of their events
come from the same article (an article reporting two strikes reports two events), (2) no
pair across them is ruled out, and (3) the mean score of all pairs across them reaches
``merge_mean``. The last two stop chaining: A–B and B–C may link while A and C are
plainly different events, and then C stays apart. The order is fixed (score, then ids), so
the result does not depend on the order events arrive in.

Some pair scores are known only up to a bound until an expensive part (the embedding
cosine) is computed. Such pairs enter the queue at their upper bound and are resolved,
in batches, only when they reach the head of the queue while their groups are still apart:
a pair whose events were already joined by stronger pairs never costs an embedding. The
merge order is the same as if every score had been computed first.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence

Pair = tuple[str, str]


class Groups:
    """Union-find over event ids that keeps each group's members and articles."""

    def __init__(self, ids: Iterable[str], article_of: Mapping[str, str]) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.articles: dict[str, set[str]] = {}
        for event_id in ids:
            self.parent[event_id] = event_id
            self.members[event_id] = [event_id]
            self.articles[event_id] = {article_of[event_id]}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> str:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if len(self.members[ra]) < len(self.members[rb]) or (
                len(self.members[ra]) == len(self.members[rb]) and rb < ra):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        self.articles[ra] |= self.articles.pop(rb)
        return ra

    def apart(self, a: str, b: str) -> bool:
        """Whether the two events' groups are different and may still merge."""
        ra, rb = self.find(a), self.find(b)
        return ra != rb and not self.articles[ra] & self.articles[rb]

    def groups(self) -> list[list[str]]:
        return [sorted(m) for m in self.members.values()]


def cluster(
    ids: Sequence[str],
    article_of: Mapping[str, str],
    pairs: Iterable[tuple[float, bool, str, str]],
    resolve: Callable[[list[Pair]], Mapping[Pair, float | None]],
    *,
    link_score: float,
    merge_mean: float,
    initial: Iterable[Sequence[str]] = (),
    batch: int = 32,
) -> list[list[str]]:
    """Groups of ``ids``. ``pairs`` are (score, exact, a, b): an inexact score is an upper
    bound. ``resolve`` gives the exact scores of a batch of pairs (None when ruled out):
    the queue's undecided pairs, and the pairs across two groups about to merge (for their
    mean). ``initial`` groups (stored incidents) start already joined."""
    groups = Groups(ids, article_of)
    for group in initial:
        members = [m for m in group if m in groups.parent]
        for other in members[1:]:
            groups.union(members[0], other)
    heap = [(-value, a, b, exact) for value, exact, a, b in pairs if value >= link_score]
    heapq.heapify(heap)
    while heap:
        neg, a, b, exact = heapq.heappop(heap)
        if -neg < link_score:
            break
        if not groups.apart(a, b):
            continue
        if not exact:
            todo = [(a, b)]
            while heap and len(todo) < batch:  # resolve the next undecided pairs together
                n2, a2, b2, e2 = heapq.heappop(heap)
                if e2:
                    heapq.heappush(heap, (n2, a2, b2, e2))
                    break
                if groups.apart(a2, b2):
                    todo.append((a2, b2))
            found = resolve(todo)
            for x, y in todo:
                value = found.get((x, y))
                if value is not None and value >= link_score:
                    heapq.heappush(heap, (-value, x, y, True))
            continue
        ra, rb = groups.find(a), groups.find(b)
        across = [(x, y) for x in groups.members[ra] for y in groups.members[rb]]
        found = resolve(across)
        values = [found.get(pair) for pair in across]
        if values and None not in values and sum(values) / len(values) >= merge_mean:  # type: ignore[arg-type]
            groups.union(ra, rb)
    return groups.groups()
