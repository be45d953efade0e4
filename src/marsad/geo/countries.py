"""Countries of the region marsad covers, with their ACLED names."""

from __future__ import annotations

# ISO 3166 alpha-2 -> (numeric code, ACLED country name, ACLED region), for the region
# marsad covers; other countries get their alpha-2 code and empty iso/region.
COUNTRIES: dict[str, tuple[int, str, str]] = {
    "SY": (760, "Syria", "Middle East"), "IQ": (368, "Iraq", "Middle East"),
    "LB": (422, "Lebanon", "Middle East"), "JO": (400, "Jordan", "Middle East"),
    "TR": (792, "Turkey", "Middle East"), "IL": (376, "Israel", "Middle East"),
    "PS": (275, "Palestine", "Middle East"), "YE": (887, "Yemen", "Middle East"),
    "SA": (682, "Saudi Arabia", "Middle East"), "IR": (364, "Iran", "Middle East"),
    "KW": (414, "Kuwait", "Middle East"), "BH": (48, "Bahrain", "Middle East"),
    "QA": (634, "Qatar", "Middle East"), "AE": (784, "United Arab Emirates", "Middle East"),
    "OM": (512, "Oman", "Middle East"), "EG": (818, "Egypt", "Northern Africa"),
    "LY": (434, "Libya", "Northern Africa"), "TN": (788, "Tunisia", "Northern Africa"),
    "DZ": (12, "Algeria", "Northern Africa"), "MA": (504, "Morocco", "Northern Africa"),
    "SD": (729, "Sudan", "Northern Africa"),
}


def country_name(code: str | None) -> str | None:
    """ACLED's name of an ISO 3166 alpha-2 country (None when unknown)."""
    entry = COUNTRIES.get(code or "")
    return entry[1] if entry else None
