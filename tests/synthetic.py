"""Project-written synthetic news articles for tests and benchmarks (deterministic, seedable).

Articles are assembled from sentence templates over a small cast of countries, offices
and verbs, so they exercise every stage (titles, names, quotes, dates, places, sources).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

COUNTRIES = [
    ("French", "France", "Paris"),
    ("German", "Germany", "Berlin"),
    ("Japanese", "Japan", "Tokyo"),
    ("Indian", "India", "New Delhi"),
    ("Brazilian", "Brazil", "Brasilia"),
    ("Turkish", "Turkey", "Ankara"),
    ("Chinese", "China", "Beijing"),
    ("Russian", "Russia", "Moscow"),
    ("British", "Britain", "London"),
    ("Kenyan", "Kenya", "Nairobi"),
    ("Egyptian", "Egypt", "Cairo"),
    ("Mexican", "Mexico", "Mexico City"),
]
OFFICES = ["Foreign Minister", "Defence Minister", "Prime Minister", "President", "Trade Minister"]
SURNAMES = ["Moreau", "Keller", "Sato", "Rao", "Silva", "Demir", "Liu", "Orlov", "Hughes", "Otieno", "Farouk"]
GIVEN = ["Claire", "Jonas", "Kenji", "Anil", "Paulo", "Emre", "Mei", "Ivan", "Sarah", "Grace", "Omar"]
VERBS = [
    "met {b} in {city} {when} to discuss trade and security",
    "criticised {b} over its naval exercises near disputed waters {when}",
    "signed an agreement with {b} on energy cooperation in {city} {when}",
    "warned {b} that new sanctions would follow if talks failed",
    "accused {b} of supplying weapons to armed groups {when}",
    "invited {b} to a summit in {city} next month",
]
WHEN = ["on Monday", "on Tuesday", "yesterday", "today", "last week", "on March 3"]
QUOTES = [
    '"We will not accept pressure from anyone," {name} told reporters.',
    '"Dialogue remains the only path," {name} said, adding that talks would continue.',
    '{name} said the two sides had agreed to "keep channels open".',
]
AGENCIES = ["Reuters", "AFP", "the Associated Press", "Xinhua"]


def person(rng: random.Random) -> str:
    """A made-up person name."""
    return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"


def article(rng: random.Random, sentences: int = 8) -> str:
    """One synthetic article of about ``sentences`` sentences."""
    out = []
    for _ in range(max(1, sentences // 2)):
        (adj_a, _land_a, _city_a), (_adj_b, land_b, city_b) = rng.sample(COUNTRIES, 2)
        name = person(rng)
        lead = f"{adj_a} {rng.choice(OFFICES)} {name}"
        verb = rng.choice(VERBS).format(b=land_b, city=city_b, when=rng.choice(WHEN))
        out.append(f"{lead} {verb}, {rng.choice(AGENCIES)} reported.")
        out.append(rng.choice(QUOTES).format(name=name.split()[-1]))
    return " ".join(out)


def corpus(n: int, seed: int = 7, sentences: int = 8) -> Iterator[str]:
    """``n`` synthetic articles, the same for the same seed."""
    rng = random.Random(seed)
    for _ in range(n):
        yield article(rng, sentences)
