"""Agreement between gold actor codes (PLOVER GSR / ISO) and eventwire's CAMEO actor codes.

One definition shared by the ``actors`` and ``events`` scorers, so a side counts as right by the same rules in
both reports:

- Countries: the gold mostly writes ISO 3166 alpha-3 codes, eventwire writes CAMEO codes, which are ISO alpha-3
  except for a few (ROU→ROM, TLS→TMP, MNE→MTN, XKX→KSV); the gold also has old CAMEO forms (JAP, ITL, VTN) and
  codes Gaza and the West Bank apart (GZS, WSB → PSE).  Both sides go through :func:`norm_country`.
- ``IGO`` (any intergovernmental organisation) agrees with any code that is not a state or region (``UNO``,
  ``NAT``, ``IAE`` …) or with an ``IGO`` sector and no state.  The PLOVER GSR gold also writes ``IGO`` for the
  transnational non-governmental organisations it names (Amnesty International twice, the Red Cross, the Red
  Crescent: every named one in the set), keeping ``NGO`` for unnamed or local bodies, so a stateless actor with an
  ``NGO`` sector agrees with gold ``IGO`` too.  ``NGO`` agrees with an ``NGO`` code or sector; ``IMG``
  (international militarised group) with a non-state code or an armed non-state sector and no state.
- Sectors: PLOVER renamed two CAMEO sectors (PLOVER ``JRN`` journalists = CAMEO ``MED`` media; PLOVER ``MED``
  medical = CAMEO ``HLH``) and the gold sometimes writes ``CIV`` for ``CVL``.  A gold sector agrees when it is
  among the actor's sectors.  For an IGO gold actor with sector ``GOV`` (an IGO body or head acting as its
  governing organ: "the UN Security Council", "the UN Secretary-General") eventwire's ``IGO`` sector agrees.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from eventwire.knowledge.countries import country_kinds

#: Gold country codes that eventwire writes differently (ISO alpha-3 or old CAMEO forms -> eventwire's CAMEO).
GOLD_COUNTRY_ALIASES: dict[str, str] = {
    "ROU": "ROM",
    "TLS": "TMP",
    "MNE": "MTN",
    "XKX": "KSV",
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "GZS": "PSE",
    "WSB": "PSE",
}
#: Gold (PLOVER) sector codes -> eventwire (CAMEO) sector codes.
GOLD_SECTOR_ALIASES: dict[str, str] = {"JRN": "MED", "MED": "HLH", "CIV": "CVL"}
#: Sectors of armed non-state groups (for the gold ``IMG`` code).
ARMED_NONSTATE = frozenset({"REB", "INS", "SEP", "UAF", "IMG", "RAD"})


def norm_country(code: str | None) -> str | None:
    """A country code in eventwire's CAMEO form (gold ISO/old CAMEO aliases mapped)."""
    if code is None:
        return None
    return GOLD_COUNTRY_ALIASES.get(code, code)


def is_state(code: str | None) -> bool:
    """Whether the code is a state (not a region, IGO or group code)."""
    return code is not None and country_kinds().get(norm_country(code) or "") == "country"


def country_agrees(gold_code: str, country: str | None, sectors: Sequence[str]) -> bool:
    """Whether a predicted actor (country code, sectors) agrees with the gold country/IGO/NGO/IMG code."""
    code = gold_code[:3].upper()
    if code == "IGO":
        return (country is not None and country_kinds().get(country) is None) or (
            ("IGO" in sectors or "NGO" in sectors) and not is_state(country)
        )
    if code == "NGO":
        return country == "NGO" or "NGO" in sectors
    if code == "IMG":
        return (country is not None and country_kinds().get(country) is None) or (
            bool(ARMED_NONSTATE & set(sectors)) and not is_state(country)
        )
    return norm_country(code) == norm_country(country)


def sector_agrees(gold_code: str, gold_sector: str, sectors: Sequence[str], *, plover: bool = True) -> bool:
    """Whether the predicted sectors contain the (non-empty) gold sector.

    With ``plover`` (gold written in PLOVER sector names, as the PLOVER GSR set) the renamed sectors are mapped to
    CAMEO first; eventwire's own JSONL gold is written in CAMEO codes and passes ``plover=False``.
    """
    want = gold_sector.upper()
    if plover:
        want = GOLD_SECTOR_ALIASES.get(want, want)
    if want in sectors:
        return True
    return gold_code[:3].upper() == "IGO" and want == "GOV" and "IGO" in sectors


def split_code(code: str) -> tuple[str | None, list[str]]:
    """(country, sectors) of a bare CAMEO code such as 'USAGOV', 'GOV' or 'UNOIGO' (when no actor record is at hand).

    The first three letters are the country unless they are a functional sector (GOV, MIL, REB …), in which case
    the code has no country; organisation codes (UNO, NAT, ALQ …) stand in the country position.
    """
    code = code.strip().upper()
    parts = [code[i : i + 3] for i in range(0, len(code) - 2, 3)]
    if not parts:
        return None, []
    if parts[0] not in country_kinds() and parts[0] in _functional_sectors():
        return None, parts
    return parts[0], parts[1:]


@lru_cache(maxsize=1)
def _functional_sectors() -> frozenset[str]:
    from eventwire.knowledge import read_tsv

    organisations = {"UNO", "IRC", "AMN", "GRP", "IGO", "IMG", "INT", "MNC", "NGM", "NGO"}
    return frozenset(
        r["code"] for r in read_tsv("sector_codes.tsv") if r.get("type") == "sector" and r["code"] not in organisations
    )
