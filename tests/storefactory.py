"""Hand-built Analysis records for store/export tests (no NLP): fast and exact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventwire.records import Actor, Analysis, Argument, Article, Event, PipelineInfo, Place, Sentence, Spanned

COUNTRIES = {
    "USA": ("United States", "US"),
    "CHN": ("China", "CN"),
    "RUS": ("Russia", "RU"),
    "UKR": ("Ukraine", "UA"),
    "FRA": ("France", "FR"),
    "DEU": ("Germany", "DE"),
    "IND": ("India", "IN"),
    "BRA": ("Brazil", "BR"),
}
CAMEO = {
    "042": ("Make a visit", "04", 1.9, 1),
    "036": ("Express intent to meet or negotiate", "03", 4.0, 1),
    "057": ("Sign formal agreement", "05", 8.0, 2),
    "111": ("Criticize or denounce", "11", -2.0, 3),
    "130": ("Threaten, not specified below", "13", -4.4, 3),
    "190": ("Use conventional military force", "19", -10.0, 4),
    "0871": ("Declare truce, ceasefire", "08", 9.0, 2),
}
PLACES = {
    "Beijing": (1816670, 39.9075, 116.39723, "CN", "CHN", "P", "PPLC"),
    "Paris": (2988507, 48.85341, 2.3488, "FR", "FRA", "P", "PPLC"),
    "Kyiv": (703448, 50.45466, 30.5238, "UA", "UKR", "P", "PPLC"),
}


@dataclass
class Ev:
    """A compact event description for :func:`make_analysis`."""

    src: str
    tgt: str
    cameo: str
    place: str | None = None
    date: str | None = None
    modality: str = "asserted"


def make_analysis(
    body: str,
    events: list[Ev],
    published: str = "2024-04-26",
    source: str | None = "Wire",
    url: str | None = None,
    title: str | None = None,
) -> Analysis:
    """An Analysis whose article text is ``body`` plus one sentence per event, with events coded."""
    sentences_text = [body.strip()]
    for ev in events:
        sentences_text.append(f"{COUNTRIES[ev.src][0]} acted towards {COUNTRIES[ev.tgt][0]} today.")
    text = " ".join(sentences_text)
    art = Article.from_text(text, published=dt.date.fromisoformat(published), source=source, url=url, title=title)
    text = art.text
    sentences: list[Sentence] = []
    pos = 0
    for i, s in enumerate(sentences_text):
        start = text.index(s, pos)
        sentences.append(Sentence(start=start, end=start + len(s), text=s, index=i))
        pos = start + len(s)
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    out_events: list[Event] = []
    for n, ev in enumerate(events, start=1):
        sent = sentences[n]
        for code in (ev.src, ev.tgt):
            if code not in actors:
                actors[code] = Actor(
                    id=f"A{len(actors) + 1}",
                    name=COUNTRIES[code][0],
                    kind="country",
                    country=code,
                    sectors=["GOV"],
                    confidence=0.9,
                )
        s_name, t_name = COUNTRIES[ev.src][0], COUNTRIES[ev.tgt][0]
        s_start = sent.start
        t_start = text.index(t_name, sent.start + len(s_name))
        trig = text.index("acted", sent.start)
        place_id = None
        if ev.place:
            gid, lat, lon, iso, cameo_c, fc, fcode = PLACES[ev.place]
            if ev.place not in places:
                places[ev.place] = Place(
                    id=f"P{len(places) + 1}",
                    start=sent.start,
                    end=sent.start + 1,
                    text=text[sent.start : sent.start + 1],
                    name=ev.place,
                    geonames_id=gid,
                    latitude=lat,
                    longitude=lon,
                    country_code=iso,
                    cameo_country=cameo_c,
                    feature_class=fc,
                    feature_code=fcode,
                )
            place_id = places[ev.place].id
        name, root, gold, quad = CAMEO[ev.cameo]
        out_events.append(
            Event(
                id=f"E{n}",
                source=Argument(
                    start=s_start,
                    end=s_start + len(s_name),
                    text=s_name,
                    actor_id=actors[ev.src].id,
                    code=ev.src + "GOV",
                ),
                target=Argument(
                    start=t_start,
                    end=t_start + len(t_name),
                    text=t_name,
                    actor_id=actors[ev.tgt].id,
                    code=ev.tgt + "GOV",
                ),
                cameo=ev.cameo,
                cameo_name=name,
                root=root,
                goldstein=gold,
                quad_class=quad,
                plover_type="CONSULT" if root == "04" else None,
                modality=ev.modality,
                date=ev.date or published,
                date_from="clause" if ev.date else "article",
                place_id=place_id,
                trigger=Spanned(start=trig, end=trig + 5, text="acted"),
                sentence=Spanned(start=sent.start, end=sent.end, text=sent.text),
                confidence=0.8,
                rule="test",
            )
        )
    return Analysis(
        article=art,
        pipeline=PipelineInfo(eventwire="test", model="none", model_version="0", stages=[]),
        sentences=sentences,
        actors=list(actors.values()),
        places=list(places.values()),
        events=out_events,
    )
