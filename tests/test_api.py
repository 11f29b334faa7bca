"""The HTTP API as its clients use it: a real server on a free loopback port, driven by the
unmodified `libretranslatepy` client and by plain HTTP, translating with tiny real packs."""
from __future__ import annotations

import json
import re
import socket
import threading
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from libretranslatepy import LibreTranslateAPI

from api import ServerSettings, serving
from articles.segmentation import split_sentences
from digest.job import Upload
from digest.library import open_library
from digest.library.keys import add_key, remove_key
from testkit.tinypack import build_tiny_pack
from translator import engine, installed_packs, reachable_targets, translatable_sources
from translator.packs.install import install_from_file
from translator.packs.loading import load_pack

GERMAN = ("Die Regierung hat den neuen Haushalt am Montag beschlossen. "
          "Die Preise für Brot und Benzin sind wieder gestiegen.")
PRICES = "Die Preise für Brot und Benzin sind wieder gestiegen."
MINISTER = "Der Minister sagte, die Bahn werde nächstes Jahr eröffnet."


@pytest.fixture
def packs(packs_dir, tmp_path):
    """de → en and en → ru installed: de → ru goes through English."""
    packs_dir.mkdir()
    install_from_file(build_tiny_pack(tmp_path / "built", "de", "en"))
    install_from_file(build_tiny_pack(tmp_path / "built", "en", "ru", seed=3))
    return packs_dir


@pytest.fixture
def start(packs):
    """Start a server with the given settings; stopped after the test."""
    stack = []

    def started(**settings) -> str:
        context = serving(ServerSettings(**settings))
        stack.append(context)
        return context.__enter__()

    yield started
    for context in reversed(stack):
        context.__exit__(None, None, None)


@pytest.fixture
def url(start) -> str:
    return start()


class Answer:
    def __init__(self, status: int, headers, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    @property
    def json(self):
        return json.loads(self.body.decode("utf-8"))


def call(url: str, path: str, *, json_body=None, form: dict | None = None,
         data: bytes | None = None, content_type: str | None = None, method: str | None = None,
         headers: dict | None = None) -> Answer:
    """One HTTP request with the standard library; any status comes back as an Answer."""
    headers = dict(headers or {})
    if json_body is not None:
        data = json.dumps(json_body).encode("utf-8")
        content_type = "application/json"
    elif form is not None:
        data = urllib.parse.urlencode(form, doseq=True).encode("ascii")
        content_type = "application/x-www-form-urlencoded"
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def multipart(fields: dict[str, str], file_name: str, file_data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="{file_name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                 .encode() + file_data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def engine_translation(text: str, source: str, target: str) -> str:
    """What the engine itself gives for a one-line text, sentence by sentence."""
    sentences = split_sentences(text, source)
    return " ".join(engine.translate_sentences(sentences, source, target))


def assert_json_error(answer: Answer, status: int) -> str:
    assert answer.status == status, answer.body
    assert answer.headers["content-type"].startswith("application/json")
    assert b"Traceback" not in answer.body
    message = answer.json["error"]
    assert isinstance(message, str) and message
    return message


# ---- libretranslatepy, unmodified -----------------------------------------------------------

def test_libretranslatepy_lists_every_language_with_its_reachable_targets(url):
    listed = {item["code"]: item for item in LibreTranslateAPI(url).languages()}
    assert set(listed) == set(translatable_sources()) | {"ru"}
    assert listed["de"]["name"] == "German"
    assert listed["de"]["targets"] == reachable_targets("de")
    assert "ru" in listed["de"]["targets"]  # through English, as the dashboard offers it
    assert listed["ru"]["targets"] == []


def test_libretranslatepy_detects_with_a_confidence_out_of_100(url):
    found = LibreTranslateAPI(url).detect(GERMAN)
    assert found[0]["language"] == "de"
    assert 50 < found[0]["confidence"] <= 100
    assert all(item["confidence"] < found[0]["confidence"] for item in found[1:])


def test_libretranslatepy_translates_with_source_auto(url):
    translated = LibreTranslateAPI(url).translate(GERMAN, "auto", "en")
    assert translated == engine_translation(GERMAN, "de", "en")
    answer = call(url, "translate", json_body={"q": GERMAN, "source": "auto", "target": "en"})
    assert answer.json["detectedLanguage"]["language"] == "de"
    assert 50 < answer.json["detectedLanguage"]["confidence"] <= 100


def test_libretranslatepy_translates_a_list(url):
    translated = LibreTranslateAPI(url).translate([PRICES, MINISTER], "de", "en")
    assert translated == [engine_translation(PRICES, "de", "en"),
                          engine_translation(MINISTER, "de", "en")]


def test_libretranslatepy_sends_its_api_key(start):
    key = add_key(open_library(), "tests").secret
    url = start(api_keys=True)
    client = LibreTranslateAPI(url, api_key=key)
    assert client.translate(PRICES, "de", "en") == engine_translation(PRICES, "de", "en")
    assert client.detect(GERMAN)[0]["language"] == "de"
    assert {item["code"] for item in client.languages()} >= {"de", "en"}
    for keyless in (LibreTranslateAPI(url), LibreTranslateAPI(url, api_key="nd-not-a-key")):
        for ask in (lambda c: c.translate(PRICES, "de", "en"), lambda c: c.detect(GERMAN),
                    lambda c: c.languages()):
            with pytest.raises(urllib.error.HTTPError) as refused:
                ask(keyless)
            assert refused.value.code == 403
            assert json.loads(refused.value.read())["error"].startswith("Invalid API key")


# ---- /translate over plain HTTP ------------------------------------------------------------

def test_a_json_list_comes_back_as_a_list_with_a_detection_each(url):
    answer = call(url, "translate", json_body={"q": [GERMAN, PRICES], "source": "auto",
                                               "target": "en"})
    assert answer.status == 200
    assert answer.json["translatedText"] == [engine_translation(GERMAN, "de", "en"),
                                             engine_translation(PRICES, "de", "en")]
    assert [item["language"] for item in answer.json["detectedLanguage"]] == ["de", "de"]
    assert "alternatives" not in answer.json


def test_the_layout_of_a_text_comes_back_as_it_was_sent(url):
    text = f"  {PRICES}\n\n\t{MINISTER}\n"
    answer = call(url, "translate", json_body={"q": text, "source": "de", "target": "en"})
    lines = answer.json["translatedText"].split("\n")
    assert len(lines) == 4 and lines[1] == "" and lines[3] == ""
    assert lines[0] == "  " + engine_translation(PRICES, "de", "en")
    assert lines[2] == "\t" + engine_translation(MINISTER, "de", "en")


def test_a_pair_through_english_is_translated_by_both_packs(url):
    answer = call(url, "translate", form={"q": PRICES, "source": "de", "target": "ru"})
    english = engine.translate_sentences([PRICES], "de", "en")
    assert answer.json["translatedText"] == engine.translate_sentences(english, "en", "ru")[0]


def test_html_keeps_its_markup_and_translates_the_text_between_tags(url):
    page = ('<p class="lead" data-x="1">' + PRICES + ' <b>' + MINISTER + '</b></p>'
            '<script>var s = "Die Preise";</script><code>Die Bahn</code>'
            '<p translate="no">' + PRICES + '</p>')
    answer = call(url, "translate", json_body={"q": page, "source": "de", "target": "en",
                                               "format": "html"})
    assert answer.status == 200
    translated = answer.json["translatedText"]
    prices = engine_translation(PRICES, "de", "en")
    minister = engine_translation(MINISTER, "de", "en")
    expected = page.replace(PRICES + " <b>", f"{prices} <b>", 1).replace(
        MINISTER, minister, 1)
    import html

    assert translated == expected.replace(prices, html.escape(prices, quote=False), 1).replace(
        minister, html.escape(minister, quote=False), 1)
    assert translated.endswith('<p translate="no">' + PRICES + "</p>")
    detected = call(url, "translate", json_body={"q": page, "source": "auto", "target": "en",
                                                 "format": "html"})
    assert detected.json["translatedText"] == translated
    assert detected.json["detectedLanguage"]["language"] == "de"


def test_alternatives_are_other_translations_than_the_first(url):
    plain = call(url, "translate", json_body={"q": PRICES, "source": "de", "target": "en"})
    answer = call(url, "translate", json_body={"q": PRICES, "source": "de", "target": "en",
                                               "alternatives": 3})
    assert answer.json["translatedText"] == plain.json["translatedText"]
    alternatives = answer.json["alternatives"]
    assert 1 <= len(alternatives) <= 3
    assert len(set(alternatives)) == len(alternatives)
    assert plain.json["translatedText"] not in alternatives
    listed = call(url, "translate", form={"q": [PRICES, MINISTER], "source": "de",
                                          "target": "ru", "alternatives": "2"})
    assert len(listed.json["alternatives"]) == 2
    assert all(len(each) <= 2 for each in listed.json["alternatives"])


def test_translations_are_kept_in_the_library_translation_memory(url):
    call(url, "translate", json_body={"q": MINISTER, "source": "de", "target": "en"})
    route = engine.route_for("de", "en").key
    remembered = open_library().recall([MINISTER], "de", "en", route)
    assert remembered == {0: engine_translation(MINISTER, "de", "en")}


def test_the_glossary_of_the_library_is_kept(url):
    from digest.library.glossary import add_term

    plain = call(url, "translate", json_body={"q": PRICES, "source": "de", "target": "en"})
    assert "kilo-loaf" not in plain.json["translatedText"]
    add_term(open_library(), "de", "Brot", "en", "kilo-loaf")
    kept = call(url, "translate", json_body={"q": PRICES, "source": "de", "target": "en",
                                             "alternatives": 2})
    assert "kilo-loaf" in kept.json["translatedText"]
    assert kept.json["alternatives"]
    assert all("kilo-loaf" in text for text in kept.json["alternatives"])
    other = call(url, "translate", json_body={"q": MINISTER, "source": "de", "target": "en"})
    assert other.json["translatedText"] == engine_translation(MINISTER, "de", "en")


# ---- bad input: 4xx with a JSON error, never a 500 or a traceback ---------------------------

BAD_JSON = [
    ({"source": "de", "target": "en"}, "missing q"),
    ({"q": 5, "source": "de", "target": "en"}, "q must be"),
    ({"q": ["ok", 7], "source": "de", "target": "en"}, "q must be"),
    ({"q": {"text": "x"}, "source": "de", "target": "en"}, "q must be"),
    ({"q": PRICES, "source": 5, "target": "en"}, "source must be"),
    ({"q": PRICES, "source": "de", "target": ["en"]}, "target must be"),
    ({"q": PRICES, "source": "xx", "target": "en"}, "xx is not supported"),
    ({"q": PRICES, "source": "de", "target": "zz"}, "zz is not supported"),
    ({"q": PRICES, "source": "ru", "target": "de"}, "ru is not supported"),
    ({"q": PRICES, "source": "en", "target": "de"}, "de is not supported"),
    ({"q": PRICES, "source": "de", "target": "en", "format": "pdf"}, "pdf format"),
    ({"q": PRICES, "source": "de", "target": "en", "alternatives": "many"}, "not a number"),
    ({"q": PRICES, "source": "de", "target": "en", "alternatives": 99}, "must be <="),
    ({"q": "12345 67890", "source": "auto", "target": "en"}, "could not be detected"),
    ({"q": "x" * 10_001, "source": "de", "target": "en"}, "exceeds text limit"),
    ({"q": ["x" * 6000, "y" * 6000], "source": "de", "target": "en"}, "exceeds text limit"),
    ({"q": "\ud800 lone", "source": "de", "target": "en"}, "not valid UTF-8"),
    ({"q": "<b>" * 45_000, "source": "de", "target": "en", "format": "html"}, "exceeds"),
]


@pytest.mark.parametrize(("body", "words"), BAD_JSON,
                         ids=[words for _, words in BAD_JSON])
def test_bad_json_fields_get_400_saying_what_is_wrong(url, body, words):
    message = assert_json_error(call(url, "translate", json_body=body), 400)
    assert words in message


def test_an_html_bomb_within_the_character_limit_is_refused(start):
    url = start(char_limit=2_000_000)
    bombs = ["<div>" * 50_000, "<a " * 50_000, "&amp;" * 250_000]
    for bomb in bombs:
        message = assert_json_error(call(url, "translate", json_body={
            "q": bomb, "source": "de", "target": "en", "format": "html"}), 400)
        assert "too many" in message
    nested = "<div>" * 39_000 + PRICES + "</div>" * 100  # deep but within the bound
    answer = call(url, "translate", json_body={"q": nested, "source": "de", "target": "en",
                                               "format": "html"})
    assert answer.status == 200
    assert answer.json["translatedText"].startswith("<div>" * 39_000)


RAW = [
    (b'{"q": "\xff\xfe", "source": "de", "target": "en"}', "application/json", "UTF-8"),
    (b"q=%FF%FE&source=de&target=en", "application/x-www-form-urlencoded", "UTF-8"),
    (b"q=\xff&source=de&target=en", "application/x-www-form-urlencoded", "UTF-8"),
    (b'{"q": "unfinished', "application/json", "not valid JSON"),
    (b'["q", "source"]', "application/json", "Invalid JSON format"),
    (b'{"q": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "application/json", "not valid JSON"),
    (b"--x\r\nbroken", "multipart/form-data; boundary=x", "Invalid request"),
]


@pytest.mark.parametrize(("data", "content_type", "words"), RAW,
                         ids=["json-bytes", "form-escaped", "form-raw", "json-cut", "json-array",
                              "json-nested", "multipart"])
def test_bodies_that_cannot_be_read_get_400(url, data, content_type, words):
    message = assert_json_error(
        call(url, "translate", data=data, content_type=content_type), 400)
    assert words in message


def test_a_body_past_the_bound_is_refused_before_it_is_read_whole(url):
    answer = call(url, "translate", data=b"q=" + b"a" * 400_000 + b"&source=de&target=en",
                  content_type="application/x-www-form-urlencoded")
    assert "too large" in assert_json_error(answer, 413)


def test_unknown_routes_and_methods_answer_in_json(url):
    assert_json_error(call(url, "no/such/route"), 404)
    assert_json_error(call(url, "translate", method="GET"), 405)


# ---- keys and rate ---------------------------------------------------------------------------

def test_with_keys_a_request_without_a_valid_key_gets_403_and_nothing_else(start):
    library = open_library()
    made = add_key(library, "newsroom bot")
    url = start(api_keys=True)
    oversize = {"q": "x" * 20_000, "source": "de", "target": "en"}
    for body in ({"q": PRICES, "source": "de", "target": "en"}, oversize, {"q": 5}):
        assert_json_error(call(url, "translate", json_body=body), 403)
    assert_json_error(call(url, "translate", data=b"\xff", content_type="application/json"), 403)
    assert_json_error(call(url, "library/search?q=Preise"), 403)
    good = call(url, "translate", json_body={"q": PRICES, "source": "de", "target": "en",
                                             "api_key": made.secret})
    assert good.status == 200
    bearer = call(url, "detect", form={"q": GERMAN},
                  headers={"Authorization": f"Bearer {made.secret}"})
    assert bearer.status == 200
    assert_json_error(call(url, "translate", json_body={**oversize, "api_key": made.secret}),
                      400)
    assert call(url, "health").status == 200
    assert call(url, "frontend/settings").json["keyRequired"] is True
    body, kind = multipart({"source": "de", "target": "en"}, "prices.txt", GERMAN.encode())
    assert_json_error(call(url, "translate_file", data=body, content_type=kind), 403)
    body, kind = multipart({"source": "de", "target": "en", "api_key": made.secret},
                           "prices.txt", GERMAN.encode())
    link = call(url, "translate_file", data=body, content_type=kind).json["translatedFileUrl"]
    assert call(link, "").status == 200  # its random name is the key, as in LibreTranslate
    assert remove_key(library, made.key.id)
    fresh = start(api_keys=True)  # a revoked key no longer opens a server
    assert_json_error(call(fresh, "translate", json_body={
        "q": PRICES, "source": "de", "target": "en", "api_key": made.secret}), 403)


def test_past_the_rate_a_client_gets_429_in_libretranslate_words(start):
    url = start(rate_limit=3)
    statuses = [call(url, "detect", form={"q": GERMAN}).status for _ in range(3)]
    assert statuses == [200, 200, 200]
    refused = call(url, "detect", form={"q": GERMAN})
    assert assert_json_error(refused, 429).startswith("Slowdown:")
    assert int(refused.headers["Retry-After"]) >= 1
    assert call(url, "health").status == 200  # never limited
    assert call(url, "languages").status == 200


# ---- concurrency ---------------------------------------------------------------------------

class SlowTranslator:
    """A loaded model that counts the sentences it is given and takes its time, so that
    concurrent requests overlap."""

    def __init__(self, translator) -> None:
        self.translator = translator
        self.sentences = 0
        self.lock = threading.Lock()

    def translate_batch(self, source, *args, **kwargs):
        with self.lock:
            self.sentences += len(source)
        threading.Event().wait(0.5)
        return self.translator.translate_batch(source, *args, **kwargs)


def test_concurrent_requests_for_one_sentence_translate_it_once(url):
    pack = next(p for p in installed_packs() if (p.from_code, p.to_code) == ("de", "en"))
    loaded = load_pack(pack)
    spy = SlowTranslator(loaded.translator)
    loaded.translator = spy
    body = {"q": MINISTER, "source": "de", "target": "en"}
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: call(url, "translate", json_body=body), range(8)))
    assert {answer.status for answer in answers} == {200}
    assert len({answer.json["translatedText"] for answer in answers}) == 1
    assert spy.sentences == 1


def test_a_slow_client_does_not_hold_up_the_others(url):
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    slow = socket.create_connection((host, int(port)))
    try:
        slow.sendall(b"POST /translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 5000\r\n\r\n{\"q\": \"Die")  # and then nothing more
        answer = call(url, "translate", json_body={"q": PRICES, "source": "de", "target": "en"})
        assert answer.status == 200
        assert call(url, "health").json == {"status": "ok"}
    finally:
        slow.close()


# ---- files, summaries, the library, settings, docs ------------------------------------------

def translate_and_fetch(url: str, name: str, data: bytes, **fields: str) -> Answer:
    body, kind = multipart(fields, name, data)
    answer = call(url, "translate_file", data=body, content_type=kind)
    assert answer.status == 200, answer.body
    link = answer.json["translatedFileUrl"]
    assert link.startswith(url + "download_file/")
    download = call(link, "")
    assert download.status == 200
    return download


def test_a_text_file_is_translated_in_its_own_format_and_downloaded(url):
    from digest.formatted import translate_file

    text = f"Preise steigen\n\n{GERMAN}\n\n{MINISTER}\n".encode("cp1252")
    download = translate_and_fetch(url, "prices.txt", text, source="auto", target="en")
    expected = translate_file("prices.txt", text, None, "en")
    assert f'filename="{expected.name}"' in download.headers["content-disposition"]
    assert expected.name == "prices.en.txt"
    assert download.body == expected.data
    named = translate_and_fetch(url, "Цены за неделю.txt", text, source="de", target="en")
    assert "%D0%A6%D0%B5%D0%BD%D1%8B_%D0%B7%D0%B0" in named.headers["content-disposition"]
    assert named.body == expected.data


def test_a_word_file_comes_back_as_a_word_file(url):
    import io

    import docx

    from digest.formatted import translate_file

    document = docx.Document()
    document.add_heading("Preise steigen", level=1)
    document.add_paragraph(GERMAN)
    buffer = io.BytesIO()
    document.save(buffer)
    download = translate_and_fetch(url, "report.docx", buffer.getvalue(), source="de",
                                   target="en")
    assert 'filename="report.en.docx"' in download.headers["content-disposition"]
    got = docx.Document(io.BytesIO(download.body))
    expected = docx.Document(io.BytesIO(
        translate_file("report.docx", buffer.getvalue(), "de", "en").data))
    assert [p.text for p in got.paragraphs] == [p.text for p in expected.paragraphs]
    assert got.paragraphs[0].style.name == "Heading 1"
    assert GERMAN not in "\n".join(p.text for p in got.paragraphs)


def test_files_that_cannot_be_translated_get_a_json_error(url):
    for name, data, fields, status in (
        ("report.exe", b"MZ", {"source": "de", "target": "en"}, 400),
        ("empty.txt", b"", {"source": "de", "target": "en"}, 400),
        ("prices.txt", PRICES.encode(), {"source": "de", "target": "xx"}, 400),
    ):
        body, kind = multipart(fields, name, data)
        assert_json_error(call(url, "translate_file", data=body, content_type=kind), status)
    assert_json_error(call(url, "translate_file", json_body={"source": "de", "target": "en"}),
                      400)
    assert_json_error(call(url, "download_file/" + "0" * 32 + ".missing.txt"), 404)
    assert_json_error(call(url, "download_file/..%2F..%2Fetc%2Fpasswd"), 404)
    assert_json_error(call(url, "download_file/..passwd"), 400)


def test_a_file_past_the_file_limit_gets_413(start):
    url = start(file_limit_bytes=1024)
    body, kind = multipart({"source": "de", "target": "en"}, "big.txt", b"Die Preise. " * 200)
    assert_json_error(call(url, "translate_file", data=body, content_type=kind), 413)


def test_summarize_gives_the_summary_the_command_line_gives(url):
    from digest.job import analyse
    from digest.settings import SummarySettings

    text = ("Talks in Astana\n\nThe ministers met in Astana on Tuesday. They agreed on a new "
            "railway corridor. Trade between the countries will grow next year. The farmers "
            "expect a good harvest after the spring rains. Prices for bread rose again.")
    answer = call(url, "summarize", json_body={"q": text, "sentences": 2,
                                               "algorithm": "lexrank"})
    assert answer.status == 200, answer.body
    expected = analyse(Upload("article.txt", text.encode()), SummarySettings("lexrank", 2))
    assert answer.json["sentences"] == [s.text for s in expected.summary.sentences]
    assert answer.json["language"] == "en" and answer.json["algorithm"] == "lexrank"
    assert answer.json["title"] == "Talks in Astana"
    assert answer.json["length"]["sentences"] == 2
    assert answer.json["length"]["requested"] == "2 sentences"
    body, kind = multipart({"language": "en", "words": "12"}, "talks.txt", text.encode())
    by_file = call(url, "summarize", data=body, content_type=kind)
    assert by_file.status == 200 and by_file.json["confidence"] == 100.0
    assert by_file.json["length"]["requested"] == "about 12 words"
    for bad in ({"q": text, "sentences": 2, "ratio": 0.5}, {"q": text, "algorithm": "magic"},
                {"q": ""}, {"q": text, "ratio": 3}):
        assert_json_error(call(url, "summarize", json_body=bad), 400)


def test_library_search_finds_an_article_in_any_form_of_a_word(url):
    text = "Переговоры в Астане\n\nМинистры провели переговоры о новом коридоре."
    open_library().add("talks.txt", text.encode(), text, title="Переговоры в Астане",
                       language="ru", detected="ru")
    answer = call(url, "library/search?" + urllib.parse.urlencode({"q": "переговоров"}))
    assert answer.status == 200
    assert [hit["title"] for hit in answer.json] == ["Переговоры в Астане"]
    assert answer.json[0]["matches"]
    assert call(url, "library/search?q=Preise").json == []
    assert_json_error(call(url, "library/search"), 400)
    assert_json_error(call(url, "library/search?q=x&limit=0"), 400)


def test_health_settings_and_the_schema_of_our_additions(url):
    assert call(url, "health").json == {"status": "ok"}
    settings = call(url, "frontend/settings").json
    assert settings["charLimit"] == 10_000 and settings["apiKeys"] is False
    assert {".txt", ".docx", ".odt", ".html", ".md", ".pdf"} <= set(
        settings["supportedFilesFormat"])
    schema = call(url, "openapi.json").json
    assert {"/translate", "/detect", "/languages", "/translate_file", "/summarize",
            "/library/search", "/stories"} <= set(schema["paths"])
    page = call(url, "docs")
    assert page.status == 200
    assets = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.body.decode())
    assert assets and not [asset for asset in assets if "://" in asset]  # nothing from a CDN
    for asset in assets:
        assert call(url, asset.lstrip("/")).status == 200


def test_stories_are_listed_with_their_articles_and_filtered(url):
    from digest.stories import Stories

    library = open_library()
    text = ("Переговоры в Астане\n\nМинистры Казахстана и России провели переговоры в "
            "Астане о новом железнодорожном коридоре.")
    article = library.add("talks.txt", text.encode(), text, title="Переговоры в Астане",
                          language="ru", detected="ru")
    story = Stories(library).assign(article)
    listed = call(url, "stories").json
    assert [(item["story"], item["headline"]) for item in listed] == [
        (story, "Переговоры в Астане")]
    assert [row["article"] for row in listed[0]["articles"]] == [article]
    assert call(url, "stories?language=ru").json == listed
    assert call(url, "stories?language=en").json == []
    assert_json_error(call(url, "stories?since=yesterday"), 400)
