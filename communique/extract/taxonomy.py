"""CAMEO event taxonomy: code -> name, root, quad class, Goldstein weight and PLOVER type.

The table is package data (``communique/data/taxonomy/cameo.tsv``): every CAMEO code with its
codebook label, the Goldstein value published for it, its quad class (1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict) and the PLOVER type of the
2021 CAMEO-to-PLOVER table, with CODING.md's overrides (root 01 has none except 016 REJECT,
018 SUPPORT, 019 AGREE; root 02 is REQUEST). The file is read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import read_tsv

__all__ = ["PENTA_GROUPS", "CameoInfo", "all_codes", "cameo_info", "pentaclass"]

_TABLE = ("taxonomy", "cameo.tsv")

# PentaClass: CAMEO roots grouped as in CODING.md's scoring rules.
PENTA_GROUPS: dict[str, int] = {
    **{r: 0 for r in ("01", "02")},
    **{r: 1 for r in ("03", "04", "05")},
    **{r: 2 for r in ("06", "07", "08")},
    **{r: 3 for r in ("09", "10", "11", "12", "13", "16")},
    **{r: 4 for r in ("14", "15", "17", "18", "19", "20")},
}


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """What the taxonomy says about one CAMEO code."""

    code: str
    name: str
    root: str
    quad: int
    goldstein: float
    plover: str | None


@lru_cache(maxsize=1)
def _table() -> dict[str, CameoInfo]:
    _, rows = read_tsv(*_TABLE)
    return {
        row["code"]: CameoInfo(
            code=row["code"],
            name=row["label"],
            root=row["root"],
            quad=int(row["quad"]),
            goldstein=float(row["goldstein"]),
            plover=row["plover"] or None,
        )
        for row in rows
    }


def cameo_info(code: str) -> CameoInfo:
    """The taxonomy entry of a CAMEO code.

    Args:
        code: a CAMEO event code of 2 to 4 digits ("04", "044", "0874").

    Raises:
        KeyError: the code is not in the CAMEO codebook.
    """
    try:
        return _table()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None


def all_codes() -> tuple[str, ...]:
    """Every CAMEO code in the taxonomy, in codebook order."""
    return tuple(_table())


def pentaclass(code: str) -> int:
    """The PentaClass (0-4) of a CAMEO code, from its root."""
    return PENTA_GROUPS[code[:2]]
