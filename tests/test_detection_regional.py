"""Every language of the region is named, a language we do not name is "und", and a
paragraph in another script is read in a language of that script, however short."""
import pytest

from languages.detection import (
    KNOWN,
    best_in_script,
    detect_article_language,
    detect_language,
)

# News-like paragraphs written for these tests: a president meets investors.
NEWS = {
    "kk": "Қазақстан Республикасының Президенті бүгін Астанада шетелдік инвесторлармен "
          "кездесті. Кездесуде экономикалық ынтымақтастық мәселелері талқыланды. Тараптар "
          "энергетика және көлік салаларындағы бірлескен жобалардың маңызын атап өтті.",
    "ky": "Кыргыз Республикасынын Президенти бүгүн Бишкекте чет элдик инвесторлор менен "
          "жолукту. Жолугушууда экономикалык кызматташтык маселелери талкууланды. Тараптар "
          "энергетика жана транспорт тармагындагы биргелешкен долбоорлордун маанисин "
          "белгилешти.",
    "uz": "Oʻzbekiston Prezidenti bugun Toshkentda xorijiy investorlar bilan uchrashdi. "
          "Uchrashuvda iqtisodiy hamkorlik masalalari muhokama qilindi. Tomonlar energetika "
          "va transport sohasidagi qoʻshma loyihalarning ahamiyatini taʼkidladi.",
    "uz-Cyrl": "Ўзбекистон Президенти бугун Тошкентда хорижий инвесторлар билан учрашди. "
               "Учрашувда иқтисодий ҳамкорлик масалалари муҳокама қилинди. Томонлар "
               "энергетика ва транспорт соҳасидаги қўшма лойиҳаларнинг аҳамиятини таъкидлади.",
    "tg": "Президенти Ҷумҳурии Тоҷикистон имрӯз дар Душанбе бо сармоягузорони хориҷӣ мулоқот "
          "кард. Дар мулоқот масъалаҳои ҳамкории иқтисодӣ баррасӣ шуданд. Ҷонибҳо аҳамияти "
          "лоиҳаҳои муштаракро дар соҳаи энергетика ва нақлиёт қайд карданд.",
    "tk": "Türkmenistanyň Prezidenti şu gün Aşgabatda daşary ýurtly maýadarlar bilen duşuşdy. "
          "Duşuşykda ykdysady hyzmatdaşlyk meseleleri ara alnyp maslahatlaşyldy. Taraplar "
          "energetika we ulag ulgamlarynda bilelikdäki taslamalaryň ähmiýetini bellediler.",
    "tt": "Татарстан Президенты бүген Казанда чит ил инвесторлары белән очрашты. Очрашуда "
          "икътисади хезмәттәшлек мәсьәләләре каралды. Яклар энергетика һәм транспорт "
          "өлкәсендә уртак проектларның әһәмиятен билгеләп үттеләр.",
    "ba": "Башҡортостан Башлығы бөгөн Өфөлә сит ил инвесторҙары менән осрашты. Осрашыуҙа "
          "иҡтисади хеҙмәттәшлек мәсьәләләре ҡаралды. Яҡтар энергетика һәм транспорт "
          "өлкәһендә уртаҡ проекттарҙың әһәмиәтен билдәләне.",
    "ug": "ئۈرۈمچى شەھىرىدە بۈگۈن يېڭى مەكتەپ ئېچىلدى. مەكتەپتە مىڭدىن ئارتۇق ئوقۇغۇچى "
          "ئوقۇيدۇ. ئاتا-ئانىلار بۇ قارارنى قىزغىن قارشى ئالدى.",
    "mn": "Монгол Улсын Ерөнхийлөгч өнөөдөр Улаанбаатарт гадаадын хөрөнгө оруулагчидтай "
          "уулзлаа. Уулзалтаар эдийн засгийн хамтын ажиллагааны асуудлыг хэлэлцэв.",
    "az": "Azərbaycan Prezidenti bu gün Bakıda xarici investorlarla görüşüb. Görüşdə iqtisadi "
          "əməkdaşlıq məsələləri müzakirə olunub.",
    "be": "Прэзідэнт Рэспублікі Беларусь сёння ў Мінску сустрэўся з замежнымі інвестарамі. "
          "На сустрэчы абмеркавалі пытанні эканамічнага супрацоўніцтва.",
    "ru": "Президент Казахстана сегодня в Астане встретился с иностранными инвесторами. "
          "На встрече обсуждались вопросы экономического сотрудничества.",
    "tr": "Türkiye Cumhurbaşkanı bugün Ankara'da yabancı yatırımcılarla bir araya geldi. "
          "Görüşmede ekonomik işbirliği konuları ele alındı.",
}


@pytest.mark.parametrize("label", sorted(NEWS))
def test_each_language_of_the_region_is_named(label):
    code = label.split("-")[0]
    detection = detect_language(NEWS[label])
    assert detection.code == code, detection
    assert detection.probability >= 0.5


@pytest.mark.parametrize("label", ["ky", "tk", "tt", "ba", "ug", "uz", "uz-Cyrl", "tg"])
def test_a_first_sentence_alone_is_right_or_undetermined(label):
    """An opening sentence is never given a neighbour's name (Kyrgyz as Kazakh or
    Mongolian, Turkmen as Turkish, Tatar as Russian, Uyghur as Arabic)."""
    first = NEWS[label].split(". ")[0] + "."
    assert detect_language(first).code in (label.split("-")[0], "und")


def test_uzbek_in_cyrillic_says_its_script():
    cyrillic = detect_language(NEWS["uz-Cyrl"])
    latin = detect_language(NEWS["uz"])
    assert (cyrillic.script, latin.script) == ("Cyrl", "Latn")
    assert cyrillic.label == "Uzbek (Cyrillic)"
    assert latin.label == "Uzbek"
    assert detect_language(NEWS["ru"]).label == "Russian"


@pytest.mark.parametrize("text", [
    # Chuvash and Yakut: languages the project does not name.
    "Чӑваш Республикин Пуҫлӑхӗ паян Шупашкарта ют ҫӗршыври инвесторсемпе тӗл пулчӗ. "
    "Тӗл пулура экономика ӗҫтешлӗхӗн ыйтӑвӗсене пӑхса тухрӗҫ.",
    "Саха Өрөспүүбүлүкэтин Баһылыга бүгүн Дьокуускайга атын дойду инвестордарын кытта "
    "көрүстэ. Көрсүһүүгэ экэнэмиичэскэй үлэни-хамнаһы кэпсэттилэр.",
])
def test_a_language_we_do_not_name_is_undetermined_with_its_candidates(text):
    detection = detect_language(text)
    assert detection.code == "und"
    assert detection.alternatives, "the reader is shown the best guesses"
    assert all(code in KNOWN for code, _ in detection.alternatives)


@pytest.mark.parametrize("text", ["a" * 400, "ааааааааааааааааааа " * 20, "ab" * 300,
                                  "12345 67890 " * 30])
def test_a_file_of_one_repeated_letter_is_not_a_language(text):
    assert detect_language(text).code == "und"


def test_an_english_quotation_in_a_russian_report_is_english_however_short():
    paragraphs = [
        "Президент Казахстана сегодня в Астане встретился с иностранными инвесторами. "
        "На встрече обсуждались вопросы экономического сотрудничества и энергетики.",
        "\"We are ready to invest,\" he said.",
        "Встреча продлилась два часа, сообщила пресс-служба.",
    ]
    found = detect_article_language(paragraphs)
    assert found.main.code == "ru"
    assert found.paragraph_codes()[1] == "en"
    assert found.paragraph_codes()[2] == "ru"


def test_a_short_cyrillic_line_in_a_latin_uzbek_article_is_not_uzbek_latin():
    paragraphs = [NEWS["uz"], "«Мы готовы», — сказал министр.", NEWS["uz"]]
    codes = detect_article_language(paragraphs).paragraph_codes()
    assert codes[0] == codes[2] == "uz"
    assert codes[1] == "ru"


def test_best_in_script_picks_a_language_written_in_that_script():
    assert best_in_script("OK, thanks.", "Latn").code in ("en", "und")
    found = best_in_script("Спасибо, хорошо.", "Cyrl")
    assert found.code in ("ru", "und") and found.code != "en"


def test_a_short_paragraph_in_the_same_script_does_not_make_the_article_mixed():
    paragraphs = [NEWS["kk"], "Астана, 2 желтоқсан.", NEWS["kk"]]
    found = detect_article_language(paragraphs)
    assert found.main.code == "kk"
    assert not found.mixed
