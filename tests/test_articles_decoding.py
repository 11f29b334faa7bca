"""Uploaded bytes in any common encoding become the same clean text; junk is refused."""
import codecs
import random
import zlib

import pytest

from articles import decoding
from articles.building import read_article
from articles.decoding import ArticleError, DecodedText, decode_bytes

RUSSIAN = (
    "Министр иностранных дел России Сергей Лавров провёл переговоры с коллегами из "
    "Казахстана и Узбекистана. Стороны обсудили вопросы региональной безопасности, "
    "торговли и транспорта.\n\n"
    "По словам министра, товарооборот между странами в прошлом году вырос на 15 процентов. "
    "Следующая встреча запланирована на весну."
)
KAZAKH = (
    "Қазақстан Республикасының Президенті Астанада шетелдік инвесторлармен кездесті. "
    "Кездесуде экономика мен энергетика салаларындағы ынтымақтастық талқыланды."
)
FRENCH = (
    "Le gouvernement français a présenté mercredi un projet de loi sur l'énergie. "
    "Les députés débattront du texte à l'automne, après l'été."
)
GERMAN = (
    "Die Bürger müssen größere Mühe für die Straßenreinigung aufbringen, "
    "sagte der Bürgermeister."
)
CHINESE = "北京是中国的首都。今天天气很好！我们去公园散步吧。"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "utf-8"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8-r"),
        (RUSSIAN, "cp866"),
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (GERMAN, "cp1252"),
        (GERMAN, "iso-8859-15"),
        (KAZAKH, "utf-8"),
        (CHINESE, "utf-8"),
        (CHINESE, "gb18030"),
    ],
)
def test_common_encodings_decode_to_the_original_text(text, encoding):
    decoded = decode_bytes(text.encode(encoding), "article.txt")
    assert decoded.text == text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "cp866"])
def test_short_cyrillic_paragraphs_are_not_mixed_up(encoding):
    text = "Вчера в Москве прошёл сильный дождь. Жители остались дома."
    assert decode_bytes(text.encode(encoding), "short.txt").text == text


@pytest.mark.parametrize(
    ("prefix", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks_decide_the_encoding_and_are_dropped(prefix, codec):
    decoded = decode_bytes(prefix + RUSSIAN.encode(codec), "bom.txt")
    assert decoded.text == RUSSIAN
    assert not decoded.text.startswith("\ufeff")


def test_reported_encoding_names_the_code_page():
    assert decode_bytes(RUSSIAN.encode("cp1251"), "a.txt").encoding == "cp1251"
    assert decode_bytes(RUSSIAN.encode("koi8-r"), "a.txt").encoding == "koi8-r"
    assert decode_bytes(RUSSIAN.encode("utf-8"), "a.txt") == DecodedText(RUSSIAN, "utf-8")


def test_line_ends_are_normalized_and_control_characters_removed():
    raw = "Title\r\n\r\nFirst\x00 line.\rSecond\x07 line.\r\n\tIndented\x1b line.\n"
    expected = "Title\n\nFirst line.\nSecond line.\n\tIndented line."
    assert decode_bytes(raw.encode(), "a.txt").text == expected


def test_paragraph_breaks_survive_decoding():
    text = decode_bytes(RUSSIAN.replace("\n", "\r\n").encode("cp1251"), "a.txt").text
    assert text.count("\n\n") == 1


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\r\n\t  \n", "\u00a0\u3000".encode()])
def test_empty_and_blank_files_are_refused_with_the_file_name(data):
    with pytest.raises(ArticleError) as caught:
        decode_bytes(data, "blank.txt")
    assert caught.value.name == "blank.txt"
    assert str(caught.value).startswith("blank.txt: ")
    assert "empty" in caught.value.reason or "blank" in caught.value.reason


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256))
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(range(256))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + zlib.compress(RUSSIAN.encode())
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(200)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200)


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PNG, "PNG"), (JPEG, "JPEG"), (GIF, "GIF"), (PDF, "PDF"), (ZIP, "zip"), (ELF, "executable"),
     (EXE, "executable")],
)
def test_binary_files_are_refused_by_what_they_are(data, kind):
    with pytest.raises(ArticleError) as caught:
        decode_bytes(data, "photo.bin")
    assert str(caught.value).startswith("photo.bin: ")
    assert kind in caught.value.reason
    assert "not a text file" in caught.value.reason


def test_random_bytes_are_refused():
    data = random.Random(7).randbytes(4096)
    with pytest.raises(ArticleError) as caught:
        decode_bytes(data, "noise.dat")
    assert caught.value.name == "noise.dat"


def test_a_short_file_of_control_bytes_is_refused_as_binary():
    with pytest.raises(ArticleError) as caught:
        decode_bytes(b"\x00\x01\x02binary\xff\xfe", "tiny.bin")
    assert "binary" in caught.value.reason


def test_a_stray_nul_in_a_short_text_is_stripped_not_refused():
    assert decode_bytes(b"Hello there, world.\x00", "a.txt").text == "Hello there, world."


def test_compressed_data_without_a_header_is_refused():
    with pytest.raises(ArticleError):
        decode_bytes(zlib.compress(RUSSIAN.encode() * 20)[2:], "data.txt")


def test_text_that_decodes_to_garbage_is_refused():
    garbage = "\ufffd" * 200 + " ok"
    with pytest.raises(ArticleError) as caught:
        decode_bytes(garbage.encode(), "broken.txt")
    assert "broken.txt" in str(caught.value)
    assert "unreadable" in caught.value.reason


def test_symbols_without_letters_are_refused():
    with pytest.raises(ArticleError) as caught:
        decode_bytes(("#### ---- ==== |||| " * 20).encode(), "lines.txt")
    assert "readable text" in caught.value.reason


def test_any_bytes_give_text_or_an_article_error_never_another_exception():
    rng = random.Random(2026)
    seeds = [RUSSIAN.encode("cp1251"), PNG, b"\x00\x01", b"\xff\xfe", b"\xef\xbb\xbf", "é".encode()]
    for _ in range(300):
        size = rng.choice([1, 2, 3, 5, 17, 100, 1000])
        data = rng.randbytes(size)
        if rng.random() < 0.3:
            data = rng.choice(seeds) + data
        if rng.random() < 0.3:
            data = data + rng.choice(seeds)
        try:
            decoded = decode_bytes(data, "fuzz.txt")
        except ArticleError as error:
            assert error.name == "fuzz.txt"
        else:
            assert decoded.text.strip()
            assert "\x00" not in decoded.text and "\r" not in decoded.text


def test_read_article_decodes_and_builds():
    data = ("Переговоры в Астане\r\n\r\n" + RUSSIAN).encode("cp1251")
    article = read_article(data, "news.txt", "ru")
    assert article.title == "Переговоры в Астане"
    assert article.encoding == "cp1251"
    assert article.language == "ru"
    assert len(article.paragraphs) == 2
    assert article.sentences[0].text.startswith("Министр иностранных дел России")


def test_read_article_refuses_binary_with_the_name():
    with pytest.raises(ArticleError, match=r"^scan\.pdf: "):
        read_article(PDF, "scan.pdf")


def test_utf8_that_was_read_as_latin1_and_saved_again_is_repaired():
    mangled = RUSSIAN.encode("utf-8").decode("latin-1")
    assert mangled.startswith("Ð")
    assert decode_bytes(mangled.encode("utf-8"), "mangled.txt").text == RUSSIAN


def test_french_double_encoded_through_cp1252_is_repaired():
    mangled = FRENCH.encode("utf-8").decode("cp1252")
    assert "Ã©" in mangled
    assert decode_bytes(mangled.encode("utf-8"), "fr.txt").text == FRENCH


def test_genuine_accented_text_is_left_alone():
    text = "Ça coûte 5 € à Paris. Ãpre débat, dit-il."
    assert decode_bytes(text.encode("utf-8"), "a.txt").text == text


def test_letters_in_random_order_of_case_and_script_are_refused_as_garbled():
    garbled = "ёZ┼gЫXГтС4СьNЙЗ pZ+╗┴ua╢ЕХКОDBMб╗h|I▄Ц⌡ яTr╠a┤з|ЭБ▐эЬнCы9m═ЩqЛЧ╒Ы9y8ё·яП└∙@CzбU"
    with pytest.raises(ArticleError) as caught:
        decode_bytes(garbled.encode("utf-8"), "garbled.txt")
    assert caught.value.reason.startswith("the text could not be decoded")


# --- legacy code pages of the region and beyond (issue 7) ----------------------------

TURKISH = "Türkiye'nin başkenti Ankara'dır. Şehirde çok sayıda üniversite ve müze bulunuyor."
UKRAINIAN = "Київ є столицею України. Їхня історія налічує понад тисячу років."
LITHUANIAN = "Lietuvos sostinė yra Vilnius. Šiandien mieste vyksta didelė šventė."
CZECH = "Praha je hlavní město České republiky. Žije zde přes milion obyvatel."
GREEK = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας. Σήμερα η πόλη έχει πολλούς επισκέπτες."
HEBREW = "ירושלים היא עיר הבירה של ישראל. העיר עתיקה מאוד ויש בה מקומות קדושים."
JAPANESE = "東京は日本の首都です。今日はとても良い天気でした。"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (KAZAKH, "kz1048"),
        (UKRAINIAN, "koi8-u"),
        (UKRAINIAN, "cp1251"),
        (RUSSIAN, "koi8-u"),
        (TURKISH, "cp1254"),
        (TURKISH, "iso-8859-9"),
        (LITHUANIAN, "cp1257"),
        (CZECH, "cp1250"),
        (CZECH, "iso-8859-2"),
        (GREEK, "cp1253"),
        (HEBREW, "cp1255"),
        (JAPANESE, "shift_jis"),
        (JAPANESE, "euc-jp"),
        ("北京新闻\n\n" + CHINESE, "utf-16-le"),
        (KAZAKH, "utf-16-be"),
    ],
)
def test_legacy_code_pages_read_back_exactly(text, encoding):
    assert decode_bytes(text.encode(encoding), "article.txt").text == text


def test_a_short_russian_file_in_windows_1251_is_not_read_as_latin():
    text = "Главные новости\n\nВ Астане прошла встреча министров. Стороны подписали соглашение."
    decoded = decode_bytes(text.encode("cp1251"), "news.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1251")


def test_mongolian_typed_in_windows_1251_is_not_read_as_kazakh():
    text = "Монгол улсын нийслэл Улаанбаатар хот юм. Хотод олон сургууль бий."
    typed = text.replace("ү", "ї").replace("ө", "є")  # as people typed it in cp1251
    assert decode_bytes(typed.encode("cp1251"), "mn.txt").text == typed


def test_a_few_stray_bytes_in_utf8_are_replaced_and_reported():
    data = RUSSIAN.encode("utf-8")
    first, second = data.index(b" ", 30), data.index(b" ", 120)  # between characters
    damaged = data[:first] + b"\xff" + data[first:second] + b"\xfe\xff" + data[second:]
    decoded = decode_bytes(damaged, "damaged.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.replaced_bytes == 3
    assert decoded.notes == ("3 unreadable bytes replaced",)
    assert decoded.text.count("\ufffd") == 3
    assert decoded.text.replace("\ufffd", "") == RUSSIAN


def test_clean_files_carry_no_notes():
    decoded = decode_bytes(RUSSIAN.encode("cp1251"), "a.txt")
    assert decoded.notes == () and decoded.replaced_bytes == 0


def test_read_as_uses_the_chosen_code_page_and_counts_what_it_cannot_read():
    decoded = decode_bytes(RUSSIAN.encode("cp1251"), "a.txt", encoding="koi8-r")
    assert decoded.encoding == "koi8-r"
    assert decoded.text != RUSSIAN
    assert decode_bytes(RUSSIAN.encode("cp1251"), "a.txt", encoding="cp1251").text == RUSSIAN
    broken = decode_bytes(RUSSIAN.encode("cp1251"), "a.txt", encoding="utf-8")
    assert broken.replaced_bytes > 0 and "unreadable" in broken.notes[0]


def test_an_unknown_read_as_choice_is_refused_with_the_name():
    with pytest.raises(ArticleError) as caught:
        decode_bytes(b"text", "a.txt", encoding="no-such-page")
    assert caught.value.name == "a.txt"
    assert "not a known text encoding" in caught.value.reason


# --- legacy code pages the detector alone misreads (issue 17) -------------------------

FRENCH_15 = (
    "Le cœur du débat reste le prix de l'œuf et du bœuf, dit la sœur du maire.\n\n"
    "Les députés voteront le texte à l'automne."
)
GERMAN_15 = "Die Miete stieg auf 950 € im Monat. Für viele Bürger in München ist das zu viel."
GREEK_7 = "Άρθρο της ημέρας. Άλλες πόλεις της Ελλάδας είναι η Θεσσαλονίκη και η Πάτρα."
GREEK_1253 = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας…και η πόλη έχει πολλούς επισκέπτες…πάντα."
ENGLISH = "Mr Müller said the talks—held in São Paulo—had gone well. Ms García agreed."
KOREAN = "서울은 대한민국의 수도이다. 오늘 새로 연 똠양꿍 식당에 많은 사람들이 왔다."
ROMANIAN_16 = "„Bucureștiul este capitala țării”, a spus ministrul. Știrile arată că țara crește."
UZBEK = "Ўзбекистон пойтахти Тошкент шахри. Ўтган йили ўн минг ўкувчи мактабни битирди."
ARABIC = "القاهرة هي عاصمة جمهورية مصر العربية. يعيش فيها ملايين الناس، وهي مدينة كبيرة."


# (text, its code page, what the detector proposes for it)
CLOSE_CALLS = [
    # The detector names a sibling page only; the one without "½" for "œ" wins.
    (FRENCH_15, "iso-8859-15", [("ISO-8859-1", 0.64, "fr")]),
    (GERMAN_15, "iso-8859-15", [("Windows-1252", 0.75, "de")]),  # "¤" is nobody's "€"
    (GREEK_7, "iso-8859-7", [("Windows-1253", 0.8, "el")]),  # "¶ρθρο" is "Άρθρο"
    # "…" between words is writing; U+0085 (ISO-8859-7's reading of it) is not.
    (GREEK_1253, "cp1253", [("ISO-8859-7", 0.86, "el"), ("Windows-1253", 0.86, "el")]),
    # Names and dashes in English are not Mac Roman's "·" and "ó".
    (ENGLISH, "cp1252", [("MacRoman", 0.69, "en"), ("ISO-8859-1", 0.69, "en")]),
    (KOREAN, "cp949", [("EUC-KR", 0.99, "ko")]),  # "똠" is only in Windows' cp949
    (ROMANIAN_16, "iso-8859-16", [("ISO-8859-2", 0.55, "ro")]),  # "„" is not "Ą"
    (ARABIC, "cp1256", [("ISO-8859-6", 0.5, "ar")]),
    # Uzbek typed in cp1251 shows "ў" where a Kazakh page has "ұ".
    (UZBEK, "cp1251", [("KZ1048", 0.6, "kk"), ("Windows-1251", 0.6, "ru")]),
]


@pytest.mark.parametrize(("text", "encoding", "proposals"), CLOSE_CALLS)
def test_close_calls_of_the_detector_are_decided_by_what_each_page_reads(
    monkeypatch, text, encoding, proposals
):
    found = [{"encoding": e, "confidence": c, "language": lang} for e, c, lang in proposals]
    monkeypatch.setattr(decoding.chardet, "detect_all", lambda *args, **kwargs: found)
    decoded = decode_bytes(text.encode(encoding), "article.txt")
    assert decoded.text == text
    assert decoded.notes == ()


def test_chinese_in_utf16_without_a_byte_order_mark_is_not_taken_for_binary():
    text = "一月新闻\n\n一个中国代表团今天抵达北京。一些专家认为这次访问非常重要。"
    decoded = decode_bytes(text.encode("utf-16-le"), "news.txt")
    assert (decoded.text, decoded.encoding) == (text, "utf-16-le")
