"""Alternative translations of one sentence (translator.engine.alternatives), on each kind
of route: an Argos pack, a multilingual model, and a pivot through English; and the HTTP
API giving them for an NLLB-only pair (Kazakh)."""
from __future__ import annotations

import json
import urllib.request

import pytest

from api import ServerSettings, serving
from testkit.tinymodel import build_model_dir
from testkit.tinypack import build_tiny_pack
from translator import alternatives, translate_sentences
from translator.errors import MissingPairError
from translator.multilingual.install import install_model
from translator.packs.install import install_from_file

PRICES = "Die Preise für Brot und Benzin sind wieder gestiegen."
KAZAKH = "Парламент жаңа бюджетті дүйсенбі күні бекітті."


@pytest.fixture
def routes(model_area):
    """de → en, en → ru packs and a tiny NLLB model (en, ru, kk, uz, ...)."""
    built = model_area / "built"
    install_from_file(build_tiny_pack(built, "de", "en"))
    install_from_file(build_tiny_pack(built, "en", "ru", seed=3))
    install_model(build_model_dir(model_area / "downloads" / "nllb-200-tiny"))
    return model_area


@pytest.mark.parametrize(("sentence", "source", "target"), [
    (PRICES, "de", "en"),      # an Argos pack
    (KAZAKH, "kk", "ru"),      # the multilingual model
    (PRICES, "de", "ru"),      # packs through English: the last leg's hypotheses
], ids=["pack", "model", "pivot"])
def test_alternatives_are_distinct_and_never_the_engine_own_translation(
        routes, sentence, source, target):
    own = translate_sentences([sentence], source, target)[0]
    found = alternatives(sentence, source, target, 4)
    assert 1 <= len(found) <= 4
    assert own not in found
    assert len(set(found)) == len(found)
    assert all(text.strip() for text in found)
    assert alternatives(sentence, source, target, 1) == found[:1]  # best first, every time
    assert translate_sentences([sentence], source, target)[0] == own


def test_no_alternatives_for_nothing_to_translate(routes):
    assert alternatives(PRICES, "de", "en", 0) == []
    assert alternatives("   ", "de", "en", 3) == []
    assert alternatives(PRICES, "de", "de", 3) == []
    with pytest.raises(MissingPairError):
        alternatives(PRICES, "de", "xx", 3)


def test_the_api_gives_alternatives_for_a_language_only_a_model_reaches(routes):
    with serving(ServerSettings()) as url:
        languages = json.loads(urllib.request.urlopen(url + "languages").read())
        kazakh = next(item for item in languages if item["code"] == "kk")
        assert {"ru", "en", "uz"} <= set(kazakh["targets"])
        request = urllib.request.Request(
            url + "translate", data=json.dumps({"q": KAZAKH, "source": "kk", "target": "ru",
                                                "alternatives": 2}).encode(),
            headers={"Content-Type": "application/json"})
        answer = json.loads(urllib.request.urlopen(request).read())
    assert answer["translatedText"] == translate_sentences([KAZAKH], "kk", "ru")[0]
    assert answer["alternatives"] == alternatives(KAZAKH, "kk", "ru", 2)
