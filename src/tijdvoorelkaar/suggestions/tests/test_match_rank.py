"""The `match_rank` command: its JSON in and out is a contract others rely on."""

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from tijdvoorelkaar.suggestions.lexicon import STOPWORDS

INPUT = {
    "neighbourhoods": [
        {"code": "n1", "name": "Lunetten", "district": "Zuid", "lat": 52.064, "lon": 5.14},
        {"code": "n2", "name": "Hoograven", "district": "Zuid", "lat": 52.0745, "lon": 5.129},
    ],
    "participants": [
        {
            "id": "p1",
            "neighbourhood": "n1",
            "languages": ["Turks"],
            "interests": [],
            "availability": ["wo-middag"],
        },
        {"id": "p2", "neighbourhood": "n2", "languages": None, "availability": ["wo-hele-dag"]},
        {"id": "p3", "neighbourhood": "n1"},
        {"id": "p4", "extra": "ignored"},
    ],
    "ads": [
        {
            "id": "v1",
            "owner": "p1",
            "kind": "vraag",
            "category": "Overig",
            "title": "Mijn laptop doet raar, wie kan helpen?",
            "description": None,
        },
        {
            "id": "v2",
            "owner": "p3",
            "kind": "vraag",
            "category": "Tuin",
            "title": "Gras maaien",
            "frequency": "eenmalig",
        },
        {
            "id": "a1",
            "owner": "p2",
            "kind": "aanbod",
            "category": "Computer en digitaal",
            "title": "Ik help met computers en tablets",
            "description": "Ook e-mail.",
        },
        {
            "id": "a2",
            "owner": "p1",
            "kind": "aanbod",
            "category": "Computer en digitaal",
            "title": "Uitleg over de pc",
        },
        {"id": "a3", "owner": "p3", "kind": "aanbod", "title": "Tuinieren is mijn hobby"},
        {
            "id": "a4",
            "owner": "p4",
            "kind": "aanbod",
            "category": "Overig",
            "title": "Ik repareer laptops",
        },
        {"id": "x1", "owner": "p4", "kind": "vacature", "title": "Vrijwilliger laptop"},
    ],
    "queries": [{"ad": "v1"}, {"ad": "a1"}, {"ad": "onbekend"}, {"ad": "v2"}],
    "something_else": [1, 2, 3],
}


def run(tmp_path, data, *args):
    path = tmp_path / "input.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = io.StringIO()
    call_command("match_rank", "--input", str(path), *args, stdout=out)
    return json.loads(out.getvalue())


def test_shape_opposite_kind_and_never_own_ads(tmp_path):
    # No django_db mark: pytest-django refuses any database access (even opening a
    # connection) in these tests, so passing them shows the command never touches it.
    result = run(tmp_path, INPUT)
    assert set(result) == {"rankings", "seconds"}
    assert isinstance(result["seconds"], float) and result["seconds"] >= 0
    rankings = result["rankings"]
    assert set(rankings) == {"v1", "a1", "onbekend", "v2"}
    kinds = {a["id"]: a["kind"] for a in INPUT["ads"]}
    owners = {a["id"]: a["owner"] for a in INPUT["ads"]}
    for query, ranked in rankings.items():
        for ad_id in ranked:
            assert kinds[ad_id] != kinds.get(query)
            assert kinds[ad_id] in ("vraag", "aanbod")
            assert owners[ad_id] != owners.get(query)
    assert rankings["v1"][:2] == ["a1", "a4"] or rankings["v1"][:2] == ["a4", "a1"]
    assert "a2" not in rankings["v1"]  # p1's own offer
    assert rankings["onbekend"] == []
    assert rankings["a1"][0] == "v1"
    assert rankings["v2"] == ["a3"] or rankings["v2"] == []  # own offer a3 never: p3 asks
    assert "a3" not in rankings["v2"]


def test_k_limits_and_ids_keep_their_type(tmp_path):
    data = json.loads(json.dumps(INPUT))
    for n in range(30):
        data["ads"].append(
            {"id": 1000 + n, "owner": f"q{n}", "kind": "aanbod", "title": "Hulp met de computer"}
        )
    result = run(tmp_path, data, "--k", "3")
    assert len(result["rankings"]["v1"]) == 3
    assert len(run(tmp_path, data)["rankings"]["v1"]) == 10
    assert any(isinstance(r, int) for r in run(tmp_path, data, "--k", "20")["rankings"]["v1"])


def test_minimal_input_and_bad_files(tmp_path):
    assert run(tmp_path, {}) == {"rankings": {}, "seconds": pytest.approx(0, abs=1)}
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet json", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("match_rank", "--input", str(bad), stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("match_rank", "--input", str(tmp_path / "weg.json"), stdout=io.StringIO())


def test_reasons_for_every_ranked_ad_in_dutch(tmp_path):
    data = json.loads(json.dumps(INPUT))
    data["ads"].append(
        {"id": 77, "owner": "p9", "kind": "aanbod", "title": "Ik strijk uw was, heel graag"}
    )
    data["ads"][0]["description"] = "Ik weet niet wat ik moet doen, hij loopt heel vaak vast."
    result = run(tmp_path, data, "--reasons", "--k", "5")
    assert set(result) == {"rankings", "seconds", "reasons"}
    for query, ranked in result["rankings"].items():
        assert set(result["reasons"][query]) == {str(ad_id) for ad_id in ranked}
    laptop = result["reasons"]["v1"]
    assert "biedt computerhulp" in laptop["a1"]
    quoted = [
        w for reasons in laptop.values() for r in reasons for w in re.findall(r"‘([^’]+)’", r)
    ]
    for word in quoted:
        assert len(word) >= 4 and word.lower() not in STOPWORDS, word
    assert not {"heel", "weet", "loopt"} & {w.lower() for w in quoted}
    # Without --reasons the output is exactly as before.
    assert set(run(tmp_path, data)) == {"rankings", "seconds"}
