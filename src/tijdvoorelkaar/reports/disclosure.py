"""Disclosure control for aggregate-only readers: which cells are shown as "<5".

Pure Python, no database: the cells come in as {cell: count}, the relations the report
publishes as linear equations {cell: coefficient} whose terms add up to 0 (a margin has
coefficient -1, its parts +1). The rule (docs/privacy.md):

1. Primary suppression: every count from 1 to THRESHOLD - 1 is hidden, and so is a 0 in
   the cells `hide_zero` picks (where a 0 says something about people: "no newcomer of
   Moroccan origin"; and next to a "<5" a visible 0 would tell the "<5" is at least 1).
2. Secondary suppression: an equation with exactly one hidden cell would give that cell
   away, so one more cell of the equation is hidden. The same when all hidden cells of an
   equation sit on the same side and add up to 0 while the equation holds other counts:
   since counts are never negative, the reader would know each of them is 0.
3. Audit: the hidden cells must not follow from any combination of equations either.
   Gauss-Jordan elimination over the rationals finds every hidden cell whose value is
   fixed by the published ones; for each, one more cell is hidden; back to step 2.

The extra cell is always the smallest published count of an equation of the exposed cell,
ties broken by the fixed order of the cells (the order of `values`), so the same data
always gives the same pattern. Cells in `known` (figures the reader may be assumed to
know, such as a quarter that has not started) count as published and are never hidden.
"""

from collections.abc import Callable, Hashable, Iterable
from fractions import Fraction

THRESHOLD = 5

Cell = Hashable
Equation = dict  # {cell: int coefficient}; the terms add up to 0


class DisclosureError(RuntimeError):
    """No cell left to hide: the equations cannot be protected (a programming error)."""


def protect(
    values: dict[Cell, int],
    equations: list[Equation],
    *,
    known: Iterable[Cell] = (),
    hide_zero: Callable[[Cell], bool] = lambda cell: True,
) -> set[Cell]:
    """The cells to show as "<5" (primary and secondary alike)."""
    known = frozenset(known)
    order = {cell: i for i, cell in enumerate(values)}
    hidden = {
        cell
        for cell, value in values.items()
        if cell not in known and (0 < value < THRESHOLD or (value == 0 and hide_zero(cell)))
    }
    by_cell: dict[Cell, list[int]] = {}
    for index, equation in enumerate(equations):
        for cell in equation:
            by_cell.setdefault(cell, []).append(index)

    def cheapest(indexes: Iterable[int]) -> Cell | None:
        candidates = {
            cell
            for index in indexes
            for cell in equations[index]
            if cell not in hidden and cell not in known
        }
        if not candidates:
            return None
        return min(candidates, key=lambda cell: (values[cell], order[cell]))

    while True:
        _complete_equations(values, equations, hidden, cheapest)
        exposed = determined(hidden, equations, order)
        if not exposed:
            return hidden
        first = min(exposed, key=order.__getitem__)
        # The exposed cell's own equations first; when all their cells are hidden already,
        # the equations of those hidden cells, and so on.
        indexes = set(by_cell.get(first, ()))
        while (extra := cheapest(indexes)) is None:
            wider = indexes | {
                i
                for index in indexes
                for cell in equations[index]
                if cell in hidden
                for i in by_cell[cell]
            }
            if wider == indexes:
                raise DisclosureError(f"no published cell left to hide next to {first!r}")
            indexes = wider
        hidden.add(extra)


def _complete_equations(values, equations, hidden, cheapest) -> None:
    """Steps 1-2: repeat until every equation has no hidden cell, or at least two that
    do not all sit on one side with a sum of 0."""
    changed = True
    while changed:
        changed = False
        for index, equation in enumerate(equations):
            unknown = [cell for cell in equation if cell in hidden]
            if not unknown:
                continue
            if len(unknown) == 1 or _pinned_to_zero(equation, unknown, values):
                extra = cheapest([index])
                if extra is None:
                    raise DisclosureError(f"equation {index} cannot be protected")
                hidden.add(extra)
                changed = True


def _pinned_to_zero(equation: Equation, unknown: list, values: dict) -> bool:
    """Whether the hidden cells sit on one side of the equation and add up to 0, so that
    a reader knows each is 0, in an equation that is not 0 throughout (when every cell,
    the published margin too, is 0, the reader learns nothing from it)."""
    one_sided = len({equation[cell] > 0 for cell in unknown}) == 1
    return (
        one_sided
        and not any(values[cell] for cell in unknown)
        and any(values[cell] for cell in equation)
    )


def determined(hidden: set[Cell], equations: list[Equation], order: dict) -> set[Cell]:
    """The hidden cells whose value follows from the published cells and the equations.

    Only the hidden cells are unknowns; each equation restricted to them is a row. A
    hidden cell is determined exactly when the fully reduced row echelon form has a row
    that holds that cell alone."""
    basis: dict[Cell, dict[Cell, Fraction]] = {}  # pivot cell -> reduced row
    holders: dict[Cell, set[Cell]] = {}  # cell -> pivots whose row holds it
    for equation in equations:
        row = {cell: Fraction(a) for cell, a in equation.items() if cell in hidden and a}
        for pivot in [cell for cell in row if cell in basis]:
            factor = row.get(pivot)
            if factor:
                _add(row, basis[pivot], -factor)
        if not row:
            continue
        pivot = min(row, key=order.__getitem__)
        scale = row[pivot]
        row = {cell: a / scale for cell, a in row.items()}
        for other in list(holders.get(pivot, ())):
            other_row = basis[other]
            factor = other_row.get(pivot)
            if factor:
                before = set(other_row)
                _add(other_row, row, -factor)
                for cell in before - set(other_row):
                    holders[cell].discard(other)
                for cell in set(other_row) - before:
                    holders.setdefault(cell, set()).add(other)
        basis[pivot] = row
        for cell in row:
            holders.setdefault(cell, set()).add(pivot)
    return {pivot for pivot, row in basis.items() if len(row) == 1}


def _add(row: dict, other: dict, factor: Fraction) -> None:
    """row += factor * other, dropping zeros."""
    for cell, a in other.items():
        value = row.get(cell, 0) + factor * a
        if value:
            row[cell] = value
        else:
            row.pop(cell, None)
