"""Small-audience statistics for comparing variants (docs: campaigns.md §6).

Coalitions often "test" two framings on ten board members or a dozen partner
contacts. These helpers put numbers on why that cannot show a real
difference: the sample a real test needs, the margin of error of a small
group, and the exact sign test for paired preference votes. Standard library
only (``statistics.NormalDist``), so the store and the web layer can use it
without SciPy.
"""
from __future__ import annotations

import math
from statistics import NormalDist

_NORMAL = NormalDist()

# The difference and baseline a "real test" is sized for in the plain warning:
# a 10-point lift from 50%, the middle row of campaigns.md §6.1 (~387 per arm).
WARNING_BASELINE, WARNING_LIFT = 0.50, 0.10


def _z(probability: float) -> float:
    return _NORMAL.inv_cdf(probability)


def sample_size_per_arm(p1: float, p2: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """People needed in each arm to tell rate ``p1`` from ``p2`` (two-sided test).

    The two-proportion normal approximation with the pooled variance under
    the null hypothesis: 20% -> 25% needs 1,094 per arm, 50% -> 70% needs 93.
    Rounded to the nearest person, as the table in campaigns.md §6.1 is
    (20% -> 30%: 293.2 -> 293); rounding up would differ by at most one.
    """
    for name, value in (("p1", p1), ("p2", p2)):
        if not 0 < value < 1:
            raise ValueError(f"{name}: expected a proportion between 0 and 1")
    if p1 == p2:
        raise ValueError("p2: must differ from p1")
    if not 0 < alpha < 1 or not 0 < power < 1:
        raise ValueError("alpha and power must be between 0 and 1")
    return math.floor(_exact_n(p1, p2, alpha, power) + 0.5)


def _exact_n(p1: float, p2: float, alpha: float, power: float) -> float:
    z_alpha, z_beta = _z(1 - alpha / 2), _z(power)
    pooled = (p1 + p2) / 2
    spread = z_alpha * math.sqrt(2 * pooled * (1 - pooled)) \
        + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return spread ** 2 / (p1 - p2) ** 2


def detectable_lift(n: int, baseline: float = 0.2, alpha: float = 0.05,
                    power: float = 0.8) -> float:
    """Smallest rise over ``baseline`` that ``n`` people per arm can detect, as a
    proportion (0.26 at n = 50 from a 20% baseline; campaigns.md §6.1)."""
    if n <= 0:
        raise ValueError("n: expected at least one person")
    low, high = 1e-6, 1 - baseline - 1e-6
    if _exact_n(baseline, baseline + high, alpha, power) > n:
        return high  # not even a jump to (almost) 100% would show
    for _ in range(60):  # bisection: the needed n falls as the lift grows
        mid = (low + high) / 2
        low, high = (mid, high) if _exact_n(baseline, baseline + mid, alpha, power) > n \
            else (low, mid)
    return high


def margin_of_error(n: int, p: float = 0.5, z: float = 1.96) -> float:
    """Half-width of the 95% interval of a proportion from ``n`` people, as a
    proportion (0.31 means plus or minus 31 percentage points at n = 10)."""
    if n <= 0:
        raise ValueError("n: expected at least one person")
    return z * math.sqrt(p * (1 - p) / n)


def sign_test_p(wins: int, n: int) -> float:
    """Exact two-sided sign-test p-value: ``wins`` of ``n`` paired votes for one variant."""
    if n < 0 or not 0 <= wins <= n:
        raise ValueError("wins: expected a count between 0 and n")
    if n == 0:
        return 1.0
    k = max(wins, n - wins)
    tail = sum(math.comb(n, i) for i in range(k, n + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def min_unanimous_raters(alpha: float = 0.05) -> int:
    """Fewest raters who, all preferring one variant, reach two-sided p < ``alpha``.

    Six at 0.05: five unanimous raters give p = 0.0625 (campaigns.md §6.1).
    """
    n = 1
    while sign_test_p(n, n) >= alpha:
        n += 1
    return n


def _people(n: int) -> str:
    return f"{n:,} {'person' if n == 1 else 'people'}"


def small_sample_warning(n_by_variant: dict[str, int]) -> str:
    """A plain warning about feedback from ``n_by_variant`` people per variant.

    Says how many people a real test would need (a 10-point difference at a
    50% baseline), and that results from smaller groups are not evidence.
    """
    needed = sample_size_per_arm(WARNING_BASELINE, WARNING_BASELINE + WARNING_LIFT)
    real = (f"A real test needs about {needed:,} people per variant to tell a "
            f"{round(WARNING_LIFT * 100)}-point difference apart (from a "
            f"{round(WARNING_BASELINE * 100)}% baseline, 95% confidence, 80% power).")
    counts = [int(n) for n in n_by_variant.values() if n]
    if not counts:
        return "No one has reacted yet. " + real
    smallest = min(counts)
    if smallest >= needed:
        return (f"Every variant was seen by at least {_people(smallest)}, enough to detect a "
                f"{round(WARNING_LIFT * 100)}-point difference; check that the difference "
                "you see is at least that large before acting on it.")
    moe = round(margin_of_error(smallest) * 100)
    lift = detectable_lift(smallest, WARNING_BASELINE)
    # At the cap (a jump to 100%) even the largest possible difference would not show.
    limit = ("no difference at all" if lift >= 1 - WARNING_BASELINE - 1e-3
             else f"only differences larger than about {round(lift * 100)} points")
    group = ", ".join(f"{label}: {_people(int(n))}" for label, n in n_by_variant.items())
    return (f"Small group ({group}): results from a group this small are not evidence that "
            f"one variant works better. With {_people(smallest)} a share can be off by about "
            f"±{moe} percentage points, and {limit} could be told apart from chance; "
            f"read the reactions as comments, not as a winner. {real} For a paired "
            f"preference vote, at least {min_unanimous_raters()} "
            "raters would all have to agree before chance is an unlikely explanation.")
