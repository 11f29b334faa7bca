"""Text garbled once before it was uploaded comes back as written, with a note;
clean text in any language is never touched; garbling that lost letters is refused."""
import codecs

import pytest

from articles.decoding import ArticleError, decode_bytes


def _as_windows_reads(error: UnicodeDecodeError) -> tuple[str, int]:
    """Windows reads a byte its code page leaves undefined as the control character
    of that number (0x81 -> U+0081); Python's codecs refuse it."""
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("test-as-windows-reads", _as_windows_reads)


def garble(text: str, written: str, read: str) -> bytes:
    """`text` saved in `written`, opened as `read` and saved again as UTF-8."""
    return text.encode(written).decode(read, "test-as-windows-reads").encode("utf-8")


RUSSIAN = (
    "Министр иностранных дел России провёл переговоры с коллегами из Казахстана.\n\n"
    "Стороны обсудили вопросы безопасности, торговли и транспорта. Следующая встреча "
    "запланирована на весну в Ташкенте."
)
KAZAKH = (
    "Қазақстан Республикасының Президенті Астанада шетелдік инвесторлармен кездесті. "
    "Кездесуде экономика мен энергетика салаларындағы ынтымақтастық талқыланды."
)
UKRAINIAN = "Київ є столицею України. Їхня історія налічує понад тисячу років, і це відомо всім."
SERBIAN = "Њујорк је највећи град у држави. Људи су дошли из Ђевђелије и Љубљане."
BELARUSIAN = "Беларусь — краіна ва Усходняй Еўропе. Сталіца краіны — горад Мінск."
FRENCH = "Le gouvernement a présenté un projet de loi sur l'énergie. Les députés en débattront."
TURKISH = "Türkiye'nin başkenti Ankara'dır. Şehirde çok sayıda üniversite ve müze bulunuyor."
GREEK = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας. Σήμερα η πόλη έχει πολλούς επισκέπτες."
CZECH = "Praha je hlavní město České republiky. Žije zde přes milion obyvatel, říká úřad."
POLISH = "Warszawa jest stolicą Polski. Żółty księżyc świecił nad miastem już od wieczora."


@pytest.mark.parametrize(
    ("text", "written", "read", "label"),
    [
        (RUSSIAN, "utf-8", "cp1251", "UTF-8 read as Windows-1251"),
        (KAZAKH, "utf-8", "cp1251", "UTF-8 read as Windows-1251"),
        (RUSSIAN, "utf-8", "cp1252", "UTF-8 read as Windows-1252"),
        (KAZAKH, "utf-8", "cp1252", "UTF-8 read as Windows-1252"),
        (FRENCH, "utf-8", "cp1252", "UTF-8 read as Windows-1252"),
        (TURKISH, "utf-8", "cp1252", "UTF-8 read as Windows-1252"),
        (GREEK, "utf-8", "cp1252", "UTF-8 read as Windows-1252"),
        (CZECH, "utf-8", "cp1250", "UTF-8 read as Windows-1250"),
        (POLISH, "utf-8", "cp1250", "UTF-8 read as Windows-1250"),
        (RUSSIAN, "cp1251", "cp1252", "Windows-1251 read as Windows-1252"),
        (UKRAINIAN, "cp1251", "cp1252", "Windows-1251 read as Windows-1252"),
        (SERBIAN, "cp1251", "cp1252", "Windows-1251 read as Windows-1252"),
        (BELARUSIAN, "cp1251", "cp1252", "Windows-1251 read as Windows-1252"),
        (RUSSIAN, "koi8-r", "cp1251", "KOI8-R read as Windows-1251"),
    ],
)
def test_text_garbled_once_comes_back_exactly_with_a_note(text, written, read, label):
    data = garble(text, written, read)
    assert data.decode("utf-8") != text
    decoded = decode_bytes(data, "garbled.txt")
    assert decoded.text == text
    assert decoded.notes == (f"Repaired text that had been garbled once ({label})",)


def test_the_garblings_look_as_readers_meet_them():
    assert garble("Министр", "utf-8", "cp1251").decode() == "РњРёРЅРёСЃС‚СЂ"
    assert garble("Министр", "cp1251", "cp1252").decode() == "Ìèíèñòð"
    assert garble("Министр", "koi8-r", "cp1251").decode() == "нЙОЙУФТ"
    assert garble("Мин", "utf-8", "cp1252").decode() == "ÐœÐ¸Ð½"
    assert garble("été", "utf-8", "cp1252").decode() == "Ã©tÃ©"


def test_garbled_text_in_utf16_is_repaired_too():
    mangled = RUSSIAN.encode("utf-8").decode("cp1251")
    decoded = decode_bytes(codecs.BOM_UTF16_LE + mangled.encode("utf-16-le"), "wide.txt")
    assert decoded.text == RUSSIAN
    assert "UTF-8 read as Windows-1251" in decoded.notes[0]


def test_windows_1252_punctuation_kept_as_control_characters_is_restored():
    text = "“C’est la fin”, a-t-il dit – sans plus… Le débat reprendra l’été prochain."
    mangled = text.encode("cp1252").decode("latin-1")
    assert "\x92" in mangled and "\x93" in mangled
    decoded = decode_bytes(mangled.encode("utf-8"), "quotes.txt")
    assert decoded.text == text
    assert decoded.notes == (
        "Repaired punctuation that had been stored as control characters "
        "(Windows-1252 read as ISO-8859-1)",
    )


def test_a_lone_nel_still_ends_lines_in_text_without_other_line_ends():
    decoded = decode_bytes("first line\x85second line".encode(), "nel.txt")
    assert decoded.text == "first line\nsecond line"
    assert decoded.notes == ()


def test_one_garbled_paragraph_in_clean_text_is_repaired_alone():
    clean, quoted = RUSSIAN.split("\n\n")
    mangled = clean + "\n\n" + quoted.encode("utf-8").decode("cp1251") + "\n\n" + KAZAKH
    decoded = decode_bytes(mangled.encode("utf-8"), "pasted.txt")
    assert decoded.text == RUSSIAN + "\n\n" + KAZAKH
    assert decoded.notes == (
        "Repaired 1 line that had been garbled once (UTF-8 read as Windows-1251)",
    )


@pytest.mark.parametrize(
    ("text", "written", "read"),
    [
        (RUSSIAN, "utf-8", "cp1252"),  # "с" is D1 81, and 0x81 is undefined in Windows-1252
        ("Łódź leży w centrum Polski. " + POLISH, "utf-8", "cp1250"),  # "Ł" is C5 81
        (SERBIAN, "cp1251", "cp1252"),  # "Ђ" and "ђ" sit where Windows-1252 has nothing
    ],
)
def test_garbling_that_lost_letters_is_refused_with_a_reason_naming_the_file(text, written, read):
    lossy = text.encode(written).decode(read, errors="replace")
    assert "\ufffd" in lossy
    with pytest.raises(ArticleError) as caught:
        decode_bytes(lossy.encode("utf-8"), "lossy.txt")
    assert caught.value.name == "lossy.txt"
    assert str(caught.value).startswith("lossy.txt: ")
    assert "garbled once" in caught.value.reason
    assert "cannot be repaired exactly" in caught.value.reason


CLEAN = [
    RUSSIAN,
    KAZAKH,
    UKRAINIAN,
    SERBIAN,
    BELARUSIAN,
    FRENCH,
    TURKISH,
    GREEK,
    CZECH,
    POLISH,
    "МОСКВА. ПРЕЗИДЕНТ ПОДПИСАЛ УКАЗ О НАЗНАЧЕНИИ ПОСЛА В МИДе.",
    "Ті, хто прийшов, ді та ві: дієслова й прийменники українською.",
    "SÃO PAULO É A MAIOR CIDADE DO BRASIL. Ã, Â e À são letras portuguesas.",
    "Ça coûte 5 € à Paris. Ãpre débat, dit-il. « Où est-il ? »",
    "Þórður og Æsa fóru í ferðalag um Ísland í sumar.",
    "Die Bürger müssen größere Mühe für die Straßenreinigung aufbringen, ÄÖÜ.",
    "Hà Nội là thủ đô của Việt Nam. Thành phố có nhiều hồ nước đẹp.",
    "北京是中国的首都。今天天气很好！我们去公园散步吧。",
    "서울은 대한민국의 수도이다. 오늘 날씨가 매우 좋다.",
    "القاهرة هي عاصمة مصر. يعيش فيها ملايين الناس.",
    "Bucureşti este capitala României. Ştiri şi ţări, „citate” și țări.",
    "Tashkent — O‘zbekiston poytaxti. Ўзбекистон пойтахти Тошкент шаҳри.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_in_any_language_is_never_repaired(text):
    decoded = decode_bytes(text.encode("utf-8"), "clean.txt")
    assert decoded.text == text
    assert decoded.notes == ()


def test_a_web_page_garbled_once_is_repaired_with_a_note():
    """A page saved as UTF-8 after its Russian text had been read as Windows-1251."""
    from articles.reading import read_document

    body = ("Министр финансов заявил, что дефицит бюджета сократится в следующем году. "
            "Депутаты одобрили проект бюджета после долгих споров в парламенте.")
    garbled = body.encode("utf-8").decode("cp1251")
    page = (f"<html><head><meta charset='utf-8'><title>Бюджет</title></head><body><article>"
            f"<p>{garbled}</p><p>{garbled}</p></article></body></html>").encode()
    document = read_document(page, "budget.html")
    assert body in document.text
    assert any("garbled once" in note for note in document.notes)
