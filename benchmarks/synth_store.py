"""A synthetic store of a million events for the web benchmarks (``serve.py``, ``load.py``).

Written straight into the store's tables with DuckDB SQL (the NLP pipeline would take days for
a million events), in the store's own schema (the migrations create it):

- ~200 countries (the gazetteer's most populous), each drawn with weight population^0.6, so
  that a few countries take most events, as in GDELT; source and target differ; 4% of targets
  have no country (protesters, militants).
- ten years (2016-2025), denser towards the present; CAMEO codes drawn by a root distribution
  close to GDELT's (statements and consultations most, mass violence least), with the quad class,
  Goldstein value and PLOVER type of ``communique/data/taxonomy/cameo.tsv``.
- four events per article, articles in date order (as an ingest of a news archive leaves them);
  each article has its text (one sentence per event), a valid document record with actors,
  places and events whose spans point into the text, and event mentions.
- amounts (yearly trade turnover of the busiest dyads, targets, casualty figures) and agreements.

Every random draw is a hash of the row number, so the same ``n`` gives the same store.

Run: ``.venv/bin/python benchmarks/synth_store.py PATH [--events N]``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import duckdb

import communique
from communique.data import read_tsv

# News attention beyond population (GDELT's most reported countries), as weight multipliers.
ATTENTION = {
    "USA": 4.0, "RUS": 3.0, "UKR": 3.0, "ISR": 3.0, "GBR": 2.5, "FRA": 2.0, "DEU": 2.0,
    "IRN": 2.0, "TUR": 1.5, "SYR": 2.0, "PSE": 2.0, "KOR": 1.5, "PRK": 2.0, "JPN": 1.5,
}
ROOT_WEIGHTS = {
    "01": 12, "02": 6, "03": 7, "04": 22, "05": 10, "06": 3, "07": 4, "08": 3, "09": 2, "10": 3,
    "11": 8, "12": 3, "13": 3, "14": 2, "15": 1, "16": 2, "17": 5, "18": 5, "19": 7, "20": 1,
}


def _r(expr: str, salt: int) -> str:
    """SQL for a uniform draw in [0, 1) from the hash of ``expr`` and ``salt``."""
    return f"((hash({expr}, {salt}) % 1000003)::DOUBLE / 1000003)"


def build(path: Path, *, events: int = 1_000_000, per_article: int = 4) -> dict[str, int]:
    """Create the store at ``path`` (which must not exist) and return its row counts."""
    if path.exists():
        raise FileExistsError(path)
    _, countries = read_tsv("gazetteer", "countries.tsv")
    _, cameo = read_tsv("taxonomy", "cameo.tsv")
    with communique.open(path) as st:
        c = st.conn
        c.execute(
            "CREATE TEMP TABLE country (iso3 VARCHAR, name VARCHAR, pop DOUBLE, lat DOUBLE, "
            "lon DOUBLE, capital VARCHAR, boost DOUBLE)"
        )
        c.executemany(
            "INSERT INTO country VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (r["iso3"], r["name"], float(r["population"] or 0), float(r["lat"]),
                 float(r["lon"]), r["capital"] or r["name"], ATTENTION.get(r["iso3"], 1.0))
                for r in countries
            ],
        )
        c.execute(
            "CREATE TEMP TABLE cc AS SELECT *, row_number() OVER (ORDER BY w DESC, iso3) - 1 "
            "AS idx, sum(w) OVER (ORDER BY w DESC, iso3 ROWS UNBOUNDED PRECEDING) / "
            "sum(w) OVER () AS cum FROM (SELECT *, pow(pop, 0.6) * boost AS w FROM country "
            "ORDER BY pop DESC LIMIT 200)"
        )
        c.execute(
            "CREATE TEMP TABLE code (code VARCHAR, label VARCHAR, root VARCHAR, quad INTEGER, "
            "goldstein DOUBLE, plover VARCHAR)"
        )
        c.executemany(
            "INSERT INTO code VALUES (?, ?, ?, ?, ?, ?)",
            [
                (r["code"], r["label"], r["root"], int(r["quad"]), float(r["goldstein"]),
                 r["plover"] or None)
                for r in cameo if len(r["code"]) == 3
            ],
        )
        total = sum(ROOT_WEIGHTS.values())
        c.execute(
            "CREATE TEMP TABLE codew AS SELECT code.*, sum(w) OVER (ORDER BY code ROWS "
            "UNBOUNDED PRECEDING) AS cum FROM (SELECT code.*, rw.w / count(*) OVER (PARTITION BY "
            "code.root) / ? AS w FROM code JOIN (SELECT unnest(?) AS root, unnest(?) AS w) rw "
            "USING (root)) code",
            [float(total), list(ROOT_WEIGHTS), [float(v) for v in ROOT_WEIGHTS.values()]],
        )
        _events(c, events, per_article)
        _articles(c, per_article)
        _side_tables(c)
        return st.counts()


def _events(c: duckdb.DuckDBPyConnection, n: int, per_article: int) -> None:
    c.execute(
        f"""
        CREATE TEMP TABLE draw AS
        SELECT i, {_r('i', 1)} AS r_src, {_r('i', 2)} AS r_tgt, {_r('i', 3)} AS r_day,
               {_r('i', 4)} AS r_code, {_r('i', 5)} AS r_place, {_r('i', 6)} AS r_misc,
               {_r('i', 7)} AS r_jit1, {_r('i', 8)} AS r_jit2
        FROM range({n}) t(i)
        """
    )
    c.execute(
        """
        CREATE TEMP TABLE ev AS
        WITH s AS (
            SELECT d.*, cc.idx AS src_idx FROM draw d ASOF JOIN cc ON d.r_src <= cc.cum
        ), t AS (
            SELECT s.*, cc.idx AS tgt_raw FROM s ASOF JOIN cc ON s.r_tgt <= cc.cum
        ), k AS (
            SELECT t.*, codew.code, codew.label, codew.root, codew.quad, codew.goldstein,
                   codew.plover
            FROM t ASOF JOIN codew ON t.r_code <= codew.cum
        )
        SELECT k.*,
               CASE WHEN tgt_raw = src_idx THEN (tgt_raw + 1) % 200 ELSE tgt_raw END AS tgt_idx,
               DATE '2016-01-01' + CAST(floor(3652 * sqrt(r_day)) AS INTEGER) AS day
        FROM k
        """
    )
    c.execute(
        """
        CREATE TEMP TABLE evx AS
        SELECT ev.i, printf('%016x', hash(ev.i, 99)) AS event_id, ev.code AS cameo, ev.root,
               ev.plover, ev.quad, ev.goldstein, lower(ev.label) AS verb,
               s.name AS source_name, s.iso3 AS source_country, 'GOV' AS source_role,
               s.iso3 || 'GOV' AS source_code,
               CASE WHEN r_misc < 0.04 THEN 'protesters' ELSE t.name END AS target_name,
               CASE WHEN r_misc < 0.04 THEN NULL ELSE t.iso3 END AS target_country,
               CASE WHEN r_misc < 0.04 THEN 'CVL' ELSE 'GOV' END AS target_role,
               CASE WHEN r_misc < 0.04 THEN 'CVL' ELSE t.iso3 || 'GOV' END AS target_code,
               CASE WHEN r_place < 0.45 THEN s.capital WHEN r_place < 0.65 THEN t.capital END
                   AS place_name,
               CASE WHEN r_place < 0.45 THEN s.iso3 WHEN r_place < 0.65 THEN t.iso3 END
                   AS place_country,
               CASE WHEN r_place < 0.45 THEN s.lat WHEN r_place < 0.65 THEN t.lat END
                   + (r_jit1 - 0.5) * 3 AS lat,
               CASE WHEN r_place < 0.45 THEN s.lon WHEN r_place < 0.65 THEN t.lon END
                   + (r_jit2 - 0.5) * 3 AS lon,
               ev.day,
               CASE WHEN r_misc < 0.85 THEN 'reported' WHEN r_misc < 0.95 THEN 'background'
                    ELSE 'planned' END AS status,
               1 + CAST(floor(-ln(1 - r_jit1) * 1.5) AS INTEGER) AS num_mentions,
               row_number() OVER (ORDER BY ev.day, ev.i) - 1 AS seq
        FROM ev JOIN cc s ON s.idx = ev.src_idx JOIN cc t ON t.idx = ev.tgt_idx
        """
    )
    c.execute(
        f"""
        CREATE TEMP TABLE evs AS
        SELECT *, printf('%016x', hash(seq // {per_article}, 7)) AS article_id,
               'E' || (seq % {per_article} + 1) AS local_id,
               source_name || ' ' || verb || ' ' || target_name
                   || coalesce(' in ' || place_name, '') || '.' AS sentence
        FROM evx
        """
    )
    c.execute(
        """
        CREATE TEMP TABLE evp AS
        SELECT *, coalesce(sum(length(sentence) + 1) OVER (PARTITION BY article_id ORDER BY seq
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS span_start,
               max(day) OVER (PARTITION BY article_id) AS published
        FROM evs
        """
    )


def _articles(c: duckdb.DuckDBPyConnection, per_article: int) -> None:
    outlet = "'outlet-' || (hash(article_id, 3) % 60)"
    c.execute(
        f"""
        INSERT INTO events
        SELECT event_id, cameo, root, plover, quad, goldstein, source_name, source_country,
               source_role, source_code, target_name, target_country, target_role, target_code,
               place_name, place_country, CASE WHEN place_name IS NULL THEN NULL ELSE 'city' END,
               NULL, lat, lon, NULL, day, day, 'day', status, false, 0.8, num_mentions,
               least(num_mentions, 3), num_mentions, published, article_id, event_id, sentence,
               'https://' || {outlet} || '.example/' || article_id
        FROM evp ORDER BY seq
        """
    )
    c.execute(
        f"""
        INSERT INTO event_mentions
        SELECT event_id, event_id, article_id, local_id, published, {outlet},
               'https://' || {outlet} || '.example/' || article_id, cameo, root, plover, quad,
               goldstein, 'A' || (2 * (seq % {per_article}) + 1), source_name, source_country,
               source_role, source_code, 'A' || (2 * (seq % {per_article}) + 2), target_name,
               target_country, target_role, target_code,
               CASE WHEN place_name IS NULL THEN NULL ELSE 'P' || (seq % {per_article} + 1) END,
               place_name, place_country, CASE WHEN place_name IS NULL THEN NULL ELSE 'city' END,
               NULL, lat, lon, NULL, day, day, 'day', status, false, sentence, span_start,
               span_start + length(sentence), 'synthetic', 0.8, 'single mention'
        FROM evp ORDER BY seq
        """
    )
    # Actor and place mentions: the source name opens the sentence, the target name follows
    # the verb, the place name follows ' in '.
    c.execute(
        """
        CREATE TEMP TABLE spans AS SELECT *,
            span_start + length(source_name) + 1 + length(verb) + 1 AS tgt_start,
            span_start + length(source_name) + 1 + length(verb) + 1 + length(target_name) + 4
                AS place_start
        FROM evp
        """
    )
    c.execute(
        f"""
        INSERT INTO actors
        SELECT article_id || ':A' || (2 * (seq % {per_article}) + k), article_id,
               'A' || (2 * (seq % {per_article}) + k),
               CASE WHEN k = 1 THEN source_name ELSE target_name END,
               CASE WHEN k = 2 AND target_country IS NULL THEN 'group' ELSE 'country' END,
               CASE WHEN k = 1 THEN source_country ELSE target_country END,
               CASE WHEN k = 1 THEN source_role ELSE target_role END, NULL,
               CASE WHEN k = 1 THEN source_code ELSE target_code END,
               CASE WHEN k = 1 THEN '[[' || span_start || ',' || (span_start
                   + length(source_name)) || ']]'
                    ELSE '[[' || tgt_start || ',' || (tgt_start + length(target_name)) || ']]'
               END
        FROM spans, range(1, 3) r(k)
        """
    )
    c.execute(
        f"""
        INSERT INTO places
        SELECT article_id || ':P' || (seq % {per_article} + 1), article_id,
               'P' || (seq % {per_article} + 1), place_name, place_country, 'city', NULL, lat,
               lon, '[[' || place_start || ',' || (place_start + length(place_name)) || ']]'
        FROM spans WHERE place_name IS NOT NULL
        """
    )
    actor = """json_object('id', a.actor_id, 'name', a.name, 'kind', a.kind,
        'country', a.country, 'role', a.role, 'title', NULL, 'code', a.code,
        'mentions', json(a.mentions))"""
    place = """json_object('id', p.place_id, 'name', p.name, 'country', p.country,
        'feature', p.feature, 'geonameid', NULL, 'lat', p.lat, 'lon', p.lon,
        'mentions', json(p.mentions))"""
    event = f"""json_object('id', local_id, 'cameo', cameo, 'root', root, 'plover', plover,
        'quad', quad, 'goldstein', goldstein, 'source', 'A' || (2 * (seq % {per_article}) + 1),
        'target', 'A' || (2 * (seq % {per_article}) + 2),
        'place', CASE WHEN place_name IS NULL THEN NULL ELSE 'P' || (seq % {per_article} + 1) END,
        'object', NULL, 'date', json_object('start', day::VARCHAR, 'end', day::VARCHAR,
        'precision', 'day'), 'status', status, 'negated', false, 'sentence', sentence,
        'span', json_array(span_start, span_start + length(sentence)),
        'evidence', 'synthetic', 'confidence', 0.8)"""
    c.execute(
        f"""
        INSERT INTO articles
        WITH a AS (
            SELECT article_id, any_value(published) AS published, any_value({outlet}) AS outlet,
                   string_agg(sentence, ' ' ORDER BY seq) AS text,
                   to_json(list({event} ORDER BY seq)) AS events, count(*) AS n
            FROM evp GROUP BY article_id
        ), ac AS (
            SELECT article_id, to_json(list({actor} ORDER BY a.actor_id)) AS actors
            FROM actors a GROUP BY article_id
        ), pl AS (
            SELECT article_id, to_json(list({place} ORDER BY p.place_id)) AS places
            FROM places p GROUP BY article_id
        )
        SELECT a.article_id, 'https://' || outlet || '.example/' || a.article_id, outlet, NULL,
               left(text, 60), published, NULL, 'en', 'synthetic', length(text), n, '[]', text,
               json_object('schema', 'communique/1', 'coder', 'synthetic',
                   'article', json_object('id', a.article_id,
                       'source', 'https://' || outlet || '.example/' || a.article_id,
                       'external_id', NULL, 'title', left(text, 60),
                       'published', published::VARCHAR, 'byline', NULL, 'language', 'en',
                       'text', NULL),
                   'actors', ac.actors, 'places', coalesce(pl.places, json('[]')),
                   'times', json('[]'), 'events', a.events, 'amounts', json('[]'),
                   'agreements', json('[]'), 'warnings', json('[]'))::VARCHAR
        FROM a JOIN ac USING (article_id) LEFT JOIN pl USING (article_id)
        ORDER BY published, a.article_id
        """
    )


def _side_tables(c: duckdb.DuckDBPyConnection) -> None:
    # Yearly trade turnover for the 300 busiest dyads, with a target for every third, and
    # casualty figures on a sample of conflict events; agreements on a sample of signings.
    c.execute(
        """
        CREATE TEMP TABLE top AS
        SELECT least(source_country, target_country) AS a,
               greatest(source_country, target_country) AS b, count(*) AS n,
               min(article_id) AS article_id
        FROM evp WHERE target_country IS NOT NULL GROUP BY ALL ORDER BY n DESC LIMIT 300
        """
    )
    c.execute(
        """
        INSERT INTO amounts
        SELECT a || b || y || ':1', article_id, 1, 'trade of ' || a || '-' || b, 0, 10,
               round(n * 1e6 * (1 + y % 7 / 10), 0), NULL, 'USD', 'trade_turnover',
               '["' || a || '","' || b || '"]', make_date(y, 1, 1), make_date(y, 12, 31),
               'year', 'actual', NULL
        FROM top, range(2016, 2026) r(y)
        UNION ALL
        SELECT a || b || ':target', article_id, 2, 'target', 0, 6, round(n * 3e6, 0), NULL,
               'USD', 'trade_target', '["' || a || '","' || b || '"]', DATE '2030-01-01',
               DATE '2030-12-31', 'year', 'target', NULL
        FROM top WHERE n % 3 = 0
        UNION ALL
        SELECT article_id || ':9' || local_id, article_id, 9, 'casualties', 0, 10,
               1 + hash(seq) % 40, NULL, 'people', 'killed',
               '["' || source_country || '"]', day, day, 'day', 'actual', NULL
        FROM evp WHERE root IN ('18', '19', '20') AND seq % 10 = 0
        """
    )
    c.execute(
        """
        INSERT INTO agreements
        SELECT article_id || ':G' || local_id, article_id, 'G' || local_id, NULL,
               CASE hash(seq) % 4 WHEN 0 THEN 'agreement' WHEN 1 THEN 'memorandum'
                    WHEN 2 THEN 'treaty' ELSE 'declaration' END, 1,
               '["' || source_country || '","' || target_country || '"]', day, day, 'day',
               place_name, place_country, NULL, '["' || local_id || '"]', '[]', '[]'
        FROM evp WHERE cameo = '057' AND target_country IS NOT NULL
        """
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--events", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    counts = build(args.path, events=args.events)
    print(f"built {args.path} in {time.perf_counter() - t0:.1f} s: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
