"""Each kind of Route plans, labels, keys and runs itself, with tiny real packs and models."""
from __future__ import annotations

import pytest

from testkit.tinymodel import build_model_dir
from testkit.tinypack import build_tiny_pack
from translator import MissingPairError, Route, route_for, translate_sentences
from translator.engine import ModelRoute, PackRoute, PivotRoute
from translator.multilingual.install import install_model
from translator.packs.install import install_from_file

GERMAN = ["Die Preise steigen.", "Guten Morgen."]
KAZAKH = ["Парламент жаңа бюджетті дүйсенбі күні бекітті."]
UZBEK_CYRILLIC = ["Ғалла нархи ошди."]


@pytest.fixture
def area(model_area):
    """de → en and en → ru Argos packs, and a tiny NLLB-200 model."""
    install_from_file(build_tiny_pack(model_area / "built-de", "de", "en", seed=0))
    install_from_file(build_tiny_pack(model_area / "built-en", "en", "ru", seed=3))
    install_model(build_model_dir(model_area / "downloads" / "nllb-200-tiny"))
    return model_area


def test_a_direct_pack_route_plans_labels_keys_and_runs(area):
    route = route_for("de", "en")
    assert isinstance(route, PackRoute) and isinstance(route, Route)
    assert (route.source, route.target) == ("de", "en")
    assert route.label == "Argos pack de→en" and route.via == "" and route.model == ""
    assert route.key == "de-en@1.0" and route.pivots == ()
    assert route.reads("de") == "Latn"
    translated = route.run(GERMAN, "de", lambda done, total: None)
    assert len(translated) == 2 and all(translated)
    assert translated == translate_sentences(GERMAN, "de", "en")


def test_a_pivot_route_is_two_pack_routes_through_english(area, monkeypatch):
    monkeypatch.setenv("NEWS_DIGEST_MODELS_DIR", str(area / "no-models"))
    route = route_for("de", "ru")
    assert isinstance(route, PivotRoute)
    assert isinstance(route.first, PackRoute) and isinstance(route.second, PackRoute)
    assert route.label == "Argos packs de→en→ru" and route.via == "via English"
    assert route.key == "de-en@1.0+en-ru@1.0" and route.pivots == ("en",)
    assert len(route.runners()) == 2
    seen: list[tuple[int, int]] = []
    translated = route.run(GERMAN, "de", lambda done, total: seen.append((done, total)))
    english = route.first.run(GERMAN, "de", lambda done, total: None)
    assert translated == route.second.run(english, "en", lambda done, total: None)
    assert seen[-1] == (2, 2) and all(total == 2 for _done, total in seen)


def test_a_model_route_plans_labels_keys_and_runs(area):
    route = route_for("kk", "en")
    assert isinstance(route, ModelRoute)
    assert route.label == "NLLB-200" and route.via == "via NLLB-200" and route.model == "NLLB-200"
    assert route.key.startswith("NLLB-200:nllb-200-tiny@") and route.pivots == ()
    assert route.reads("uz") == "Latn" and route.reads("kk") == "Cyrl"  # uzn_Latn, kaz_Cyrl
    translated = route.run(KAZAKH, "kk", lambda done, total: None)
    assert translated == translate_sentences(KAZAKH, "kk", "en")


def test_the_reader_may_prefer_the_model_over_a_pack(area):
    assert isinstance(route_for("de", "en"), PackRoute)
    preferred = route_for("de", "en", prefer_model=True)
    assert isinstance(preferred, ModelRoute) and preferred.label == "NLLB-200"


def test_a_route_says_which_script_it_transliterates_for(area):
    change = route_for("uz", "en").script_change("uz-Cyrl")
    assert change is not None and (change.written, change.expected) == ("Cyrl", "Latn")
    assert change.note == "Uzbek in Cyrillic was transliterated to Latin for NLLB-200."
    assert route_for("uz", "en").script_change("uz") is None


def test_no_route_for_a_pair_nothing_installed_reaches(area):
    with pytest.raises(MissingPairError):
        route_for("ja", "ko")
