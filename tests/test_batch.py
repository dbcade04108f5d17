"""Batches over worker processes and over a Dask cluster give what one process gives, in order."""

from __future__ import annotations

import pytest

from svodka.batch import analyze_records
from svodka.errors import ConfigError
from svodka.readers import Record, parse_json_record
from svodka.settings import Settings

FAST = Settings(quotes=False, facts=False, brief=False)


@pytest.fixture(scope="module")
def records(factru_dir):
    recs = [Record(text=(factru_dir / f"book_{n}.txt").read_text(encoding="utf-8"), id=str(n), source=str(n))
            for n in (100, 105, 115, 117)]
    recs.insert(2, parse_json_record("{broken", "feed.jsonl", 3))
    recs.append(Record(text="   ", id="empty", source="empty"))
    return recs


def _key(outcomes):
    return [(o.record.source, o.error is None, o.doc["entities"] if o.doc else o.error) for o in outcomes]


def test_two_processes_match_one(records, models):
    one = list(analyze_records(records, settings=FAST))
    two = list(analyze_records(records, settings=FAST, workers=2))
    assert _key(one) == _key(two)
    assert [o.error is None for o in one] == [True, True, False, True, True, False]
    assert "broken JSON" in one[2].error and "empty" in one[5].error


def test_local_dask_cluster_matches_one(records):
    pytest.importorskip("distributed")
    one = list(analyze_records(records[:3], settings=FAST))
    dask = list(analyze_records(records[:3], settings=FAST, dask="local"))
    assert _key(one) == _key(dask)


def test_bad_worker_count():
    with pytest.raises(ConfigError):
        list(analyze_records([], workers=0))
