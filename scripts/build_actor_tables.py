"""Build eventwire's actor-resolution tables from public CAMEO/Phoenix/PLOVER dictionaries.

Run by hand (output is committed; nothing reads ../shared at run time)::

    .venv/bin/python scripts/build_actor_tables.py [--shared ../shared]

Writes to src/eventwire/data/:

- ``countries.tsv``   CAMEO country and region codes with their names.
- ``sector_codes.tsv`` CAMEO actor type (sector) codes and known-group codes with labels.
- ``agents.tsv``      agent nouns (lower-case lemma phrases) -> CAMEO sector codes, from the Phoenix
                      agents dictionary (primary) and the PLOVER agents list (adds what Phoenix lacks;
                      its JRN journalism code becomes CAMEO MED and its MED medical code becomes HLH).
- ``organizations.tsv`` undated organisation entries (IGOs, media, armed groups) of the Phoenix
                      international and non-state-military actor dictionaries, plus the CAMEO
                      known-group names, with a CAMEO country/IGO code and sectors.

Hand-written additions live beside them (country_forms.tsv, agents_manual.tsv, actors.csv) and are
not touched here.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data"

#: Phoenix substitution sets and stems, expanded to singular lemma forms (matching is on lemmas).
SUBSTITUTIONS = {"!minist!": ["minister", "ministry"], "!person!": ["man", "woman", "person"]}
STEMS = {"minist": ["minister", "ministry"], "ministr": ["minister", "ministry"], "compan": ["company"]}
#: PLOVER's codes that differ from CAMEO's meaning.
PLOVER_RECODE = {"JRN": "MED", "MED": "HLH"}
DROP_CODES = {"JNK", "NON", "UNK", "PRE", "PRM", "SOC", "---"}
#: Last words that make a dictionary alias a person's title rather than an organisation name.
TITLE_ENDINGS = {"president", "chief", "secretary", "director", "minister", "leader", "spokesman", "chairman"}
#: Words that mark an actor-dictionary entry as an organisation rather than a person.
ORG_WORDS = {
    "organization",
    "organisation",
    "union",
    "bank",
    "fund",
    "council",
    "commission",
    "agency",
    "association",
    "community",
    "court",
    "tribunal",
    "parliament",
    "league",
    "federation",
    "program",
    "programme",
    "office",
    "committee",
    "forum",
    "group",
    "party",
    "front",
    "movement",
    "army",
    "brigade",
    "brigades",
    "nations",
    "states",
    "alliance",
    "conference",
    "institute",
    "corporation",
    "times",
    "post",
    "journal",
    "press",
    "news",
    "service",
    "broadcaster",
    "international",
    "watch",
    "cross",
    "crescent",
    "club",
    "authority",
    "secretariat",
    "mission",
    "force",
    "forces",
    "guard",
    "militia",
    "jihad",
    "brotherhood",
    "taliban",
}


def read_code_table(path: Path) -> list[tuple[str, str]]:
    """(code, label) rows of a CAMEO lookup TSV (first row is a header)."""
    rows: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[0] == "CODE":
                continue
            rows.append((parts[0].strip(), parts[1].strip()))
    return rows


def normalise_phrase(raw: str) -> list[str]:
    """Agent-dictionary phrase -> lower-case space-separated lemma phrases (substitutions expanded)."""
    text = raw.strip().lower().replace("_", " ")
    text = re.sub(r"\s+", " ", text).strip()
    variants = [text]
    for key, values in SUBSTITUTIONS.items():
        expanded: list[str] = []
        for v in variants:
            if key in v:
                expanded.extend(v.replace(key, val) for val in values)
            else:
                expanded.append(v)
        variants = expanded
    out: list[str] = []
    for v in variants:
        words = v.replace(" ,", ",").split()
        if not words:
            continue
        if words[-1] in STEMS:
            out.extend(" ".join([*words[:-1], s]) for s in STEMS[words[-1]])
        else:
            out.append(" ".join(words))
    # "policeman" style joins come out as "police man": keep both spellings.
    joined = [o.replace(" man", "man").replace(" woman", "woman") for o in out if o.endswith((" man", " woman"))]
    return [o.strip(" ,") for o in out + joined if o.strip(" ,")]


def split_codes(code: str) -> list[str]:
    """'GOVMIL' -> ['GOV', 'MIL']."""
    code = re.sub(r"[^A-Z]", "", code.upper())
    return [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]


#: CAMEO religion codes that follow IMG in militant-group codes (MUS would otherwise read as Mauritius).
IMG_RELIGION_CODES = frozenset({"MUS", "CHR", "JEW", "BUD", "HIN", "SIK"})
#: Country codes the Phoenix dictionaries write in a non-CAMEO form ("UNITA_ [ANGREB]": Angola is AGO).
SOURCE_CODE_ALIASES = {"ANG": "AGO"}


def recode(chunks: list[str]) -> list[str]:
    """A code's 3-letter chunks with the source's non-CAMEO country codes replaced (ANG -> AGO)."""
    return [SOURCE_CODE_ALIASES.get(c, c) if i == 0 else c for i, c in enumerate(chunks)]


def hand_country_codes() -> set[str]:
    """Codes of the hand-written ``country_forms.tsv`` (states the GDELT lookup lacks, e.g. COL Colombia)."""
    with (OUT / "country_forms.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return {row["code"] for row in csv.DictReader(lines, delimiter="\t") if row.get("code")}


AGENT_LINE = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)[\]}]")


def parse_agents(path: Path, plover: bool) -> Iterator[tuple[str, list[str]]]:
    """(phrase, sector codes) for each agent entry (irregular plurals included as phrases)."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or "=" in line.split("#")[0] or not line.strip():
                continue
            m = AGENT_LINE.match(line.split("#")[0].strip())
            if not m:
                continue
            codes = split_codes(m["code"])
            if plover:
                codes = [PLOVER_RECODE.get(c, c) for c in codes]
            codes = [c for c in codes if c not in DROP_CODES]
            if not codes:
                continue
            phrases = normalise_phrase(m["phrase"])
            for plural in (m["plurals"] or "").split(","):
                if plural.strip():
                    phrases.extend(normalise_phrase(plural))
            for p in phrases:
                yield p, codes


def build_agents(shared: Path) -> list[tuple[str, str, str]]:
    """Agent rows (phrase, sectors, source); PLOVER first, Phoenix fills gaps.

    PLOVER_agents.txt is the later revision of the same dictionary (2021 against Phoenix's 2016): where they
    disagree it codes people by what they are before what they do (protesters and activists ``CVL OPP``,
    clergy ``REL``, opposition parties ``PTY OPP``), the scheme PLOVER event data uses."""
    table: dict[str, tuple[str, str]] = {}
    for phrase, codes in parse_agents(shared / "plover" / "PLOVER_agents.txt", plover=True):
        table.setdefault(phrase, (" ".join(codes), "plover"))
    for phrase, codes in parse_agents(shared / "petrarch2" / "Phoenix.agents.txt", plover=False):
        table.setdefault(phrase, (" ".join(codes), "phoenix"))
    return sorted((p, s, src) for p, (s, src) in table.items())


def parse_actor_dictionary(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(names, code strings) of each entry of a Phoenix actor dictionary."""
    names: list[str] = []
    codes: list[str] = []

    def flush() -> Iterator[tuple[list[str], list[str]]]:
        if names:
            yield list(names), list(codes)

    with path.open(encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            found = re.findall(r"\[([^\]]*)\]", line)
            head = line.split("[", 1)[0].strip()
            if line.startswith("+"):
                names.append(head.lstrip("+"))
            elif line[0].isspace():
                if head:
                    names.append(head)
            else:
                yield from flush()
                names, codes = [head] if head else [], []
            codes.extend(found)
    yield from flush()


def clean_name(raw: str) -> str:
    """'NORTH_ATLANTIC_TREATY_ORGANIZATION_' -> 'North Atlantic Treaty Organization' (acronyms kept)."""
    words = [w for w in raw.replace("_", " ").split() if w]
    out = []
    for w in words:
        if w.lower() in {"of", "for", "and", "the", "on", "in", "to", "de", "du", "des"} and out:
            out.append(w.lower())
        elif (len(words) == 1 and len(w) <= 6) or not re.search(r"[AEIOUY]", w.upper()):
            out.append(w)
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    name = " ".join(out).strip()
    return name[:1].upper() + name[1:]


def code_parts(
    code: str, countries: set[str], groups: set[str], sectors: set[str]
) -> tuple[str | None, list[str]] | None:
    """A CAMEO actor code -> (country or IGO code, sectors); None for dated (person) or junk codes."""
    body = code.strip().split()
    if not body or len(body) > 1:  # dated codes belong to persons in office
        return None
    chunks = recode(split_codes(body[0]))
    if not chunks:
        return None
    if chunks[0] == "IMG":
        # the KEDS militant section writes the group's religion after IMG ("IMGMUSALQ", "IMGMUSRUSCNY"): MUS is
        # Muslim there, not Mauritius
        chunks = [c for c in chunks if c not in IMG_RELIGION_CODES]
    country: str | None = None
    found_sectors: list[str] = []
    group_codes = [c for c in chunks if c in groups and (c not in sectors or c == "UNO")]
    if chunks[0] == "IGO":
        if group_codes:
            country = "EUR" if group_codes[-1] == "EEC" else group_codes[-1]
        else:
            regions = [c for c in chunks[1:] if c in countries]
            country = regions[0] if regions else None
        found_sectors = ["IGO"] + [c for c in chunks[1:] if c in sectors and c not in group_codes and c != "IGO"]
    else:
        for c in chunks:
            if country is None and c in countries:
                country = c
            elif c in sectors:
                found_sectors.append(c)
            elif country is None and c in groups:
                country = c
    return country, list(dict.fromkeys(found_sectors))


MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
#: Name particles that only personal names carry ("Osama bin Laden", "Abu Talha", "Abdul Turq").
PERSON_PARTICLES = {"bin", "ibn", "bint", "abu", "abdul", "abd", "commander", "emir"}
#: Articles that begin group names ("Al Qa'ida"), never a given name here.
NAME_ARTICLES = {"al", "el", "as", "ad", "an", "ash", "the", "de", "la", "le"}


def is_org_name(
    name: str, from_milnonstate: bool, given_names: frozenset[str] = frozenset(), militant_code: bool = False
) -> bool:
    """Whether a dictionary entry name looks like an organisation (not a person).

    The international dictionary mixes organisations with people, so a name there needs an organisation
    word or a one-word acronym.  The non-state dictionary lists armed groups with a few of their leaders:
    any of its names is a group ("Boko Haram", "Shining Path", "Al-Shabaab") unless it reads as a personal
    name - a title first ("Sheikh Ahmed Yassin"), a name particle ("Osama bin Laden"), or a first word that
    is a given name of a person in the Phoenix country dictionary.  Entries coded ``IMG...`` (the file's
    KEDS militant-groups section, which lists many individual militants under group codes: "Bashir Ahmed",
    "Ayman al Zawahiri") still need an organisation word when they have several words.
    """
    words = name.lower().replace("-", " ").split()
    if any(w in ORG_WORDS for w in words):
        return True
    if len(words) == 1:
        return name.isupper() or from_milnonstate
    if not from_milnonstate or militant_code:
        return False
    spaced = name.lower().split()
    title_words = {t.rstrip(".") for t in TITLE_PREFIXES}
    if spaced[0].rstrip(".") in title_words or PERSON_PARTICLES & set(spaced):
        return False
    return spaced[0] not in given_names


def given_names(persons: list[list[str]], min_count: int = 1) -> frozenset[str]:
    """First words of the Phoenix country dictionary's person names used by at least ``min_count`` people."""
    counts: dict[str, int] = {}
    for name in {row[1] for row in persons}:
        first = name.split()[0].lower()
        counts[first] = counts.get(first, 0) + 1
    return frozenset(w for w, n in counts.items() if n >= min_count and len(w) > 1 and w not in NAME_ARTICLES)


_ACRONYM = re.compile(r"^(?P<name>.*\S)\s*\((?P<abbr>[A-Za-z]{2,8})\)$")
_MINOR_WORDS = frozenset({"of", "the", "for", "and", "in", "de", "du", "des", "la", "le"})


def expand_acronyms(forms: list[str]) -> tuple[list[str], list[str]]:
    """(forms, acronyms): a form with a trailing acronym in brackets that is its name's initials becomes the
    bare name ("Liberation Tigers of Tamil Eelam (ltte)" -> "Liberation Tigers of Tamil Eelam"); the acronym
    of the entry's own name (three letters or more) is returned to be added as a strict alias ("LTTE").
    Other bracketed words (a country, a Spanish acronym) are left as they are."""
    out: list[str] = []
    acronyms: list[str] = []
    for n, form in enumerate(forms):
        m = _ACRONYM.match(form)
        words = [w for w in re.split(r"[\s-]+", m["name"]) if w and w.lower() not in _MINOR_WORDS] if m else []
        if m is None or "".join(w[0] for w in words).lower() != m["abbr"].lower():
            out.append(form)
            continue
        out.append(m["name"])
        if n == 0 and len(m["abbr"]) >= 3:
            acronyms.append(m["abbr"].upper())
    return list(dict.fromkeys(out)), acronyms


def build_organizations(
    shared: Path,
    countries: set[str],
    groups: dict[str, str],
    sectors: set[str],
    names: frozenset[str] = frozenset(),
    regions: frozenset[str] = frozenset(),
) -> list[list[str]]:
    """Organisation rows: id, name, forms (|-separated), country, sectors, source, strict.

    ``strict`` lists the forms (|-separated) that the actors stage matches only as written and only where the
    model sees a name: plain multi-word names of the non-state dictionary without an organisation word
    ("Boko Haram", "Shining Path", "Red Line", a leader's name listed as an alias), so "crossed a red line"
    or "Black Friday" (an event) is no group.  Other forms match in any case, as before.
    """
    rows: dict[str, list[str]] = {}
    group_set = set(groups)
    for fname, milnon in (("Phoenix.International.actors.txt", False), ("Phoenix.MilNonState.actors.txt", True)):
        for names, codes in parse_actor_dictionary(shared / "petrarch2" / fname):
            parsed = [p for p in (code_parts(c, countries, group_set, sectors) for c in codes) if p is not None]
            if not parsed or not names:
                continue
            forms, acronyms = expand_acronyms([clean_name(n) for n in names if n.strip()])
            # drop forms that are titles of people ("World Bank President"): the stage reads titles itself
            forms = [f for f in dict.fromkeys(forms) if len(f) > 1 and f.split()[-1].lower() not in TITLE_ENDINGS]
            if milnon:  # "May 15", "21 June", "Omega-7": group names that read as dates or numbers
                forms = [f for f in forms if not (re.search(r"\d", f) or MONTHS & set(f.lower().split()))]
            militant = bool(codes) and codes[0].strip().startswith("IMG")
            if not forms or not is_org_name(forms[0], milnon, names, militant):
                continue
            country, secs = parsed[0]
            if not country and not secs:
                continue
            key = forms[0].lower()
            if key in rows:
                old = rows[key]
                # the first entry of a name wins, unless it has no state and this one has ("Moro Islamic
                # Liberation Front" [SEAIMG] and "... (MILF)" [PHLREB]); codes of the militant-groups section
                # (IMG) are left alone: their first letters may be a religion ("MUSIMG"), not a state
                state = country in countries and country not in regions and "IMG" not in secs
                if not (state and (not old[3] or old[3] in regions)):
                    continue
                forms += [f for f in [old[1], *old[2].split("|")] if f and f not in forms]
            plain = [f for f in forms if milnon and len(f.split()) > 1 and not ORG_WORDS & set(f.lower().split())]
            forms += [a for a in acronyms if a not in forms]
            plain += acronyms  # acronyms only as written where the model sees a name ("the ELF" is no group)
            rows[key] = [
                "phx-" + re.sub(r"[^a-z0-9]+", "-", key).strip("-"),
                forms[0],
                "|".join(forms[1:]),
                country or "",
                " ".join(secs),
                "phoenix-" + ("milnonstate" if milnon else "international"),
                "|".join(plain),
            ]
    # an acronym that is also another entry's form says nothing: dropped from both ("LEJ")
    form_count: dict[str, int] = {}
    for row in rows.values():
        for f in {f.lower() for f in [row[1], *row[2].split("|")] if f}:
            form_count[f] = form_count.get(f, 0) + 1
    for row in rows.values():
        shared_forms = {f for f in row[6].split("|") if f.isupper() and form_count.get(f.lower(), 0) > 1}
        if shared_forms:
            row[2] = "|".join(f for f in row[2].split("|") if f not in shared_forms)
            row[6] = "|".join(f for f in row[6].split("|") if f not in shared_forms)
    sectors_by_code: dict[str, str] = {}
    for row in rows.values():
        if row[3] and row[4]:
            sectors_by_code.setdefault(row[3], row[4])
    for code, label in groups.items():
        m = re.match(r"^(?P<name>[^(]+?)\s*(?:\((?P<alias>[^)]+)\))?$", label)
        if not m:
            continue
        name = m["name"].strip()
        alias = (m["alias"] or "").strip()
        key = name.lower()
        if key in rows:
            continue
        rows[key] = [
            "cameo-" + code.lower(),
            name,
            alias,
            "EUR" if code == "EEC" else code,
            sectors_by_code.get("EUR" if code == "EEC" else code, ""),
            "cameo-knowngroup",
            "",
        ]
    return sorted(rows.values(), key=lambda r: r[1].lower())


PERSON_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "REB", "OPP", "SPY", "IGO", "MED", "BUS", "PTY"}
TITLE_PREFIXES = (
    "president",
    "former",
    "gov.",
    "prime",
    "premier",
    "foreign",
    "defense",
    "defence",
    "minister",
    "king",
    "queen",
    "sen.",
    "rep.",
    "gen.",
    "general",
    "secretary",
    "vice",
    "chancellor",
    "ambassador",
    "mr.",
    "mrs.",
    "dr.",
    "sheikh",
    "emir",
    "prince",
    "leader",
)


def phoenix_date(text: str) -> str:
    """'940131' -> '1994-01-31'; '20070101' -> '2007-01-01'; '' for unparsable dates."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{1900 + yy if yy >= 30 else 2000 + yy}{digits[2:]}"
    if len(digits) != 8:
        return ""
    y, m, d = digits[:4], digits[4:6], digits[6:]
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return ""
    return f"{y}-{m}-{d}"


def build_persons(shared: Path, countries: set[str], groups: set[str], sectors: set[str]) -> list[list[str]]:
    """Dated person rows (id, name, aliases, country, sectors, start, end, titled forms) from the Phoenix country
    dictionary."""
    rows: list[list[str]] = []
    seen: set[str] = set()
    path = shared / "petrarch2" / "Phoenix.Countries.actors.txt"
    for names, codes in parse_actor_dictionary(path):
        forms = [clean_name(n) for n in names if n.strip()]
        forms = [f for f in dict.fromkeys(forms) if len(f.split()) >= 1 and len(f) > 2]
        if not forms:
            continue
        name = forms[0]
        key = name.lower()
        if key in seen or len(name.split()) < 2:
            continue
        title_words = {t.rstrip(".") for t in TITLE_PREFIXES}
        aliases = [
            f
            for f in forms[1:]
            if not f.lower().startswith(TITLE_PREFIXES) and not title_words & set(f.lower().replace("-", " ").split())
        ]
        # forms with a title ("President Bush", "US President George Bush"): not names to match alone, but
        # which titles the source knows the person by (the actors stage reads them for titled surnames)
        titled = [f for f in forms[1:] if f not in aliases and len(f.split()) >= 2]
        dated = False
        for code in codes:
            parts = code.split()
            if len(parts) != 2:
                continue
            chunks = recode(split_codes(parts[0]))
            if not chunks or chunks[0] not in countries:
                continue
            secs = [c for c in chunks[1:] if c in PERSON_SECTORS]
            if not secs:
                continue
            span = parts[1]
            if span.startswith(">"):
                start, end = phoenix_date(span[1:]), ""
            elif span.startswith("<"):
                start, end = "", phoenix_date(span[1:])
            elif "-" in span:
                a, b = span.split("-", 1)
                start, end = phoenix_date(a), phoenix_date(b)
            else:
                continue
            if not start and not end:
                continue
            if end and end < "1945-01-01":
                continue  # offices that ended before the post-war era are of little use for news coding
            dated = True
            slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")
            rows.append(
                ["phx-" + slug, name, "|".join(aliases), chunks[0], " ".join(secs), start, end, "|".join(titled)]
            )
        if dated:
            seen.add(key)
    return rows


#: Words of group names that read like personal names ("Simon Bolivar Guerilla Coordinating Board").
GROUP_NAME_WORDS = frozenset(
    {"command", "commando", "battalion", "battalions", "board", "mujahideen", "guerilla", "guerrilla"}
    | {"brigade", "brigades", "cells", "front", "army", "movement", "group", "extremist", "extremists"}
)


def key_of(name: str) -> str:
    """A name compared across tables: lower case, words only."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def build_militants(
    shared: Path,
    countries: set[str],
    groups: set[str],
    sectors: set[str],
    names: frozenset[str],
    known_persons: set[str],
    common_given: frozenset[str] = frozenset(),
    regions: frozenset[str] = frozenset(),
    org_forms: frozenset[str] = frozenset(),
) -> list[list[str]]:
    """Undated person rows (same columns as :func:`build_persons`, id ``phx-mil-...``) for the individual
    militants and leaders the Phoenix non-state dictionary lists under their group's code ("Osama bin Laden"
    [IMGMUSALQ] -> ALQ IMG): the entries :func:`is_org_name` reads as personal names, of two words or more,
    without digits or months, with a name particle ("bin", "abu") or a common given name first, no group word and
    no organisation's name, coded with a state or group (not a region), and not already a dated person of the
    country dictionary."""
    rows: list[list[str]] = []
    seen: set[str] = set()
    person_names = common_given
    path = shared / "petrarch2" / "Phoenix.MilNonState.actors.txt"
    for entry_names, codes in parse_actor_dictionary(path):
        parsed = [p for p in (code_parts(c, countries, groups, sectors) for c in codes) if p is not None]
        forms = [f for f in dict.fromkeys(clean_name(n) for n in entry_names if n.strip()) if len(f) > 2]
        forms = [f for f in forms if not (re.search(r"\d", f) or MONTHS & set(f.lower().split()))]
        if not parsed or not forms or len(forms[0].split()) < 2:
            continue
        militant = bool(codes) and codes[0].strip().startswith("IMG")
        if is_org_name(forms[0], True, names, militant):
            continue
        words = forms[0].lower().replace("-", " ").split()
        if words[0] in NAME_ARTICLES or any(ORG_WORDS & set(f.lower().replace("-", " ").split()) for f in forms):
            continue  # "Al Qa'ida", "Izz Ad-Din Al Qassam" (alias "... Brigades"): a group
        if not (PERSON_PARTICLES & set(words) or words[0] in person_names):
            continue  # a personal name needs a name particle or a given name common among the dictionary's people
        if GROUP_NAME_WORDS & set(words) or key_of(forms[0]) in org_forms:
            continue  # "Dario Santillan Command", "Abu Sayyaf": groups named after people
        country, secs = parsed[0]
        key = forms[0].lower()
        if not country or country in regions or key in seen or key in known_persons:
            continue  # a region ("SEA") says too little to code a common name ("Abu Bakar") as a militant
        seen.add(key)
        title_words = {t.rstrip(".") for t in TITLE_PREFIXES}
        aliases = [
            f
            for f in forms[1:]
            if len(f.split()) >= 2
            and not f.lower().startswith(TITLE_PREFIXES)
            and not title_words & set(f.lower().replace("-", " ").split())
        ]
        slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")
        rows.append(["phx-mil-" + slug, forms[0], "|".join(aliases), country or "", " ".join(secs), "", "", ""])
    return rows


def write_tsv(path: Path, header: list[str], rows: list[list[str]] | list[tuple[str, ...]], note: str) -> None:
    """Write a TSV with a provenance comment and a header line."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# {note}\n# Generated by scripts/build_actor_tables.py; do not edit by hand.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


def main() -> None:
    """Parse the shared dictionaries and write the compact tables."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="path of the shared reference data")
    args = ap.parse_args()
    data = args.shared / "data"
    country_rows = read_code_table(data / "cameo" / "cameo_country_codes.tsv")
    countries: dict[str, str] = {}
    for code, label in country_rows:
        countries.setdefault(code, label)
    region_codes = {code for code, _ in country_rows[: [c for c, _ in country_rows].index("AFG")]}
    type_rows = read_code_table(data / "cameo" / "cameo_type_codes.tsv")
    group_rows = read_code_table(data / "cameo" / "cameo_knowngroup_codes.tsv")
    sectors = {c for c, _ in type_rows} | {"PTY", "REL"}
    groups: dict[str, str] = {}
    for code, label in group_rows:
        groups.setdefault(code, label)

    write_tsv(
        OUT / "countries.tsv",
        ["code", "name", "kind"],
        [[c, n, "region" if c in region_codes else "country"] for c, n in countries.items()],
        "CAMEO country and region codes (GDELT CAMEO lookups).",
    )
    write_tsv(
        OUT / "sector_codes.tsv",
        ["code", "label", "type"],
        [[c, n, "sector"] for c, n in dict(type_rows).items()] + [[c, n, "group"] for c, n in groups.items()],
        "CAMEO actor type codes and known-group codes (GDELT CAMEO lookups).",
    )
    agents = build_agents(data)
    write_tsv(
        OUT / "agents.tsv",
        ["phrase", "sectors", "source"],
        agents,
        "Agent nouns -> CAMEO sectors, from PETRARCH2 Phoenix.agents.txt and PLOVER_agents.txt (MIT).",
    )
    # states of the hand-written forms count too: the GDELT lookup lacks some (COL), whose groups and leaders
    # the Phoenix dictionaries code
    known = set(countries) | hand_country_codes()
    persons = build_persons(data, known, set(groups), sectors)
    orgs = build_organizations(data, known, groups, sectors, given_names(persons), frozenset(region_codes))
    org_forms = frozenset(key_of(f) for row in orgs for f in [row[1], *row[2].split("|")] if f)
    persons += build_militants(
        data,
        known,
        set(groups),
        sectors,
        given_names(persons),
        {r[1].lower() for r in persons},
        given_names(persons, 3),
        frozenset(region_codes),
        org_forms,
    )
    write_tsv(
        OUT / "organizations.tsv",
        ["id", "name", "aliases", "country", "sectors", "source", "strict"],
        orgs,
        "Organisations from PETRARCH2 Phoenix international/non-state actor dictionaries (MIT) and CAMEO known groups.",
    )
    write_tsv(
        OUT / "persons.tsv",
        ["id", "name", "aliases", "country", "sectors", "start", "end", "titled"],
        persons,
        "Dated office-holders from PETRARCH2 Phoenix.Countries.actors.txt and undated militants of"
        " Phoenix.MilNonState.actors.txt (ids phx-mil-...) (MIT); the source ends around 2016.",
    )
    print(f"countries={len(countries)} agents={len(agents)} organizations={len(orgs)} person-rows={len(persons)}")


if __name__ == "__main__":
    main()
