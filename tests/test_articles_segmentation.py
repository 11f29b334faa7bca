"""One sentence segmentation for every language the detector can report."""
import pytest

from articles.segmentation import MAX_WORDS, split_sentences


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "ru",
            "Проф. С.В. Лавров, т.е. министр, приехал в г. Москву. Он сказал: «Мы готовы.» "
            "Потом ушёл.",
            [
                "Проф. С.В. Лавров, т.е. министр, приехал в г. Москву.",
                "Он сказал: «Мы готовы.»",
                "Потом ушёл.",
            ],
        ),
        (
            "ru",
            "Музей им. Пушкина открылся в 2005 г. в Москве. Его посетили 1,5 млн человек.",
            ["Музей им. Пушкина открылся в 2005 г. в Москве.", "Его посетили 1,5 млн человек."],
        ),
        (
            "en",
            "Dr. Smith arrived in the U.S. at 5 p.m. yesterday. He said “It is fine.” "
            "Then he left.",
            [
                "Dr. Smith arrived in the U.S. at 5 p.m. yesterday.",
                "He said “It is fine.”",
                "Then he left.",
            ],
        ),
        (
            "en",
            "Pi is about 3.14 here. Wait... Really? Yes!",
            ["Pi is about 3.14 here.", "Wait...", "Really?", "Yes!"],
        ),
        (
            "en",
            "He moved to the U.S. He likes it. Mr. J. Smith met him.",
            ["He moved to the U.S.", "He likes it.", "Mr. J. Smith met him."],
        ),
        (
            "de",
            "Dr. Müller kam am 3. Mai nach Berlin, d.h. gestern. Er blieb z.B. zwei Tage. "
            "Dann fuhr er ab.",
            [
                "Dr. Müller kam am 3. Mai nach Berlin, d.h. gestern.",
                "Er blieb z.B. zwei Tage.",
                "Dann fuhr er ab.",
            ],
        ),
        (
            "fr",
            "M. Dupont est arrivé à Paris. Il a dit : « Bonjour ! » Puis il est parti.",
            ["M. Dupont est arrivé à Paris.", "Il a dit : « Bonjour ! »", "Puis il est parti."],
        ),
        ("zh", "我爱北京。你好吗？很好！谢谢。", ["我爱北京。", "你好吗？", "很好！", "谢谢。"]),
        (
            "ar",
            "ذهب الرجل إلى السوق. هل اشترى شيئا؟ نعم، اشترى خبزا.",
            ["ذهب الرجل إلى السوق.", "هل اشترى شيئا؟", "نعم، اشترى خبزا."],
        ),
        (
            "kk",
            "Президент Қ.К. Тоқаев Астанада сөз сөйледі. Ол экономика туралы айтты. "
            "2024 жылы бюджет қабылданды.",
            [
                "Президент Қ.К. Тоқаев Астанада сөз сөйледі.",
                "Ол экономика туралы айтты.",
                "2024 жылы бюджет қабылданды.",
            ],
        ),
        (
            "zh",
            "一天早晨，格里高尔．萨姆沙醒来了。他变成了甲虫。",
            ["一天早晨，格里高尔．萨姆沙醒来了。", "他变成了甲虫。"],
        ),
        (
            "ar",
            "دشن رئيس المدينة د. محمد السويل البوابة. وحضر الحفل عدد كبير.",
            ["دشن رئيس المدينة د. محمد السويل البوابة.", "وحضر الحفل عدد كبير."],
        ),
        (
            "tr",
            "Kanunun 47. maddesi uygulanır. Karar kesindir.",
            ["Kanunun 47. maddesi uygulanır.", "Karar kesindir."],
        ),
        (
            "ky",
            "Бишкек – Кыргызстандын борбору. Шаарда 1 млн. адам жашайт. Ал чоң шаар.",
            ["Бишкек – Кыргызстандын борбору.", "Шаарда 1 млн. адам жашайт.", "Ал чоң шаар."],
        ),
        pytest.param(
            "en",
            'He said: "It was fine. "It is still fine," she added.',
            ['He said: "It was fine.', '"It is still fine," she added.'],
            id="quote-opening-the-next-sentence-goes-with-it",
        ),
        pytest.param(
            "uk",
            "2. Оцінка економічного потенціалу. Висновки.",
            ["2. Оцінка економічного потенціалу.", "Висновки."],
            id="numbered-item-stays-with-its-text",
        ),
        pytest.param(
            "kk",
            "Тұрғындар саны 1005 адамды құрайды. 2006 жылы мектеп ашылды.",
            ["Тұрғындар саны 1005 адамды құрайды.", "2006 жылы мектеп ашылды."],
            id="sentence-starting-with-a-number-is-split-off",
        ),
    ],
)
def test_sentences_in_several_languages(language, text, expected):
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize("language", ["und", "xx", "", "EN-us", "zz-Latn"])
def test_unknown_or_undetermined_language_still_splits(language):
    assert split_sentences("First one. Second one! Third?", language) == [
        "First one.",
        "Second one!",
        "Third?",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n", "\u3000 \u00a0"])
def test_blank_text_gives_no_sentences(text):
    assert split_sentences(text, "en") == []


def test_no_sentence_is_whitespace_or_padded():
    sentences = split_sentences("  One.   \n\n  Two.  \t Three.  ", "en")
    assert sentences == ["One.", "Two.", "Three."]


def test_forty_thousand_words_without_a_sentence_end_are_cut_into_bounded_chunks():
    words = [f"слово{i}" for i in range(40_000)]
    sentences = split_sentences(" ".join(words), "ru")
    assert all(0 < len(s.split()) <= MAX_WORDS for s in sentences)
    assert " ".join(sentences).split() == words  # nothing lost, order kept


def test_long_run_on_sentence_is_cut_after_a_comma_when_it_can():
    text = ", ".join(f"часть{i} текста" for i in range(300)) + "."
    sentences = split_sentences(text, "ru")
    assert len(sentences) > 1
    assert all(len(s.split()) <= MAX_WORDS for s in sentences)
    assert all(s.endswith(",") for s in sentences[:-1])


def test_a_200_kb_line_without_spaces_or_punctuation_is_bounded():
    sentences = split_sentences("ж" * 200_000, "kk")
    assert "".join(sentences) == "ж" * 200_000
    assert len(sentences) >= 200
    assert max(len(s) for s in sentences) <= 1000


def test_long_chinese_text_without_punctuation_is_bounded():
    sentences = split_sentences("中" * 50_000, "zh")
    assert "".join(sentences) == "中" * 50_000
    assert max(len(s) for s in sentences) <= 1000


def test_ordinary_sentences_are_not_cut():
    sentence = " ".join(["word"] * 60) + "."
    assert split_sentences(sentence, "en") == [sentence]


def test_a_giant_token_inside_normal_words_is_cut_too():
    sentences = split_sentences("word " * 200 + "x" * 5000 + " end.", "en")
    assert max(len(s) for s in sentences) <= 1000
    assert max(len(s.split()) for s in sentences) <= MAX_WORDS
    assert "".join("".join(sentences).split()) == "word" * 200 + "x" * 5000 + "end."


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        pytest.param(
            "ru",
            "В 1941 г. Германия напала на СССР. Музей на ул. Ленина открыли в 1990-х гг. в "
            "центре. Всё было тихо.",
            ["В 1941 г. Германия напала на СССР.",
             "Музей на ул. Ленина открыли в 1990-х гг. в центре.", "Всё было тихо."],
            id="ru-year-and-street",
        ),
        pytest.param(
            "ru",
            "Подробности см. рис. 3. Расходы, т. е. Налоги и сборы, выросли. "
            "Акад. Сахаров выступил.",
            ["Подробности см. рис. 3.", "Расходы, т. е. Налоги и сборы, выросли.",
             "Акад. Сахаров выступил."],
            id="ru-before-number-never-final-title",
        ),
        pytest.param(
            "uk",
            "У 1991 р. Україна стала незалежною. Вул. Хрещатик закрили. Проф. Іваненко виступив. "
            "Див. с. 5.",
            ["У 1991 р. Україна стала незалежною.", "Вул. Хрещатик закрили.",
             "Проф. Іваненко виступив.", "Див. с. 5."],
            id="uk-year-street-title-number",
        ),
        pytest.param(
            "kk",
            "1995 ж. Конституция қабылданды. Проф. Б. Нұрланов сөйледі. Ол Абай көш. тұрады.",
            ["1995 ж. Конституция қабылданды.", "Проф. Б. Нұрланов сөйледі.",
             "Ол Абай көш. тұрады."],
            id="kk-year-title-initial-street",
        ),
        pytest.param(
            "tr",
            "Toplantıya Prof. Dr. Ahmet Yılmaz katıldı. Doç. Dr. Ayşe Kaya da oradaydı. "
            "Av. Mehmet Öz konuştu. Bkz. Tablo 3.",
            ["Toplantıya Prof. Dr. Ahmet Yılmaz katıldı.", "Doç. Dr. Ayşe Kaya da oradaydı.",
             "Av. Mehmet Öz konuştu.", "Bkz. Tablo 3."],
            id="tr-academic-titles",
        ),
        pytest.param(
            "tr",
            "Ankara Üniv. Tıp Fak. öğrencileri geldi. Yrd. Doç. Ali Can konuştu.",
            ["Ankara Üniv. Tıp Fak. öğrencileri geldi.", "Yrd. Doç. Ali Can konuştu."],
            id="tr-institutions",
        ),
        pytest.param(
            "fr",
            "M. Dupont et Mme Durand sont arrivés. Le Pr. Blanc parle. Cf. chap. 3. "
            "C.-à-d. rien. Fin.",
            ["M. Dupont et Mme Durand sont arrivés.", "Le Pr. Blanc parle.", "Cf. chap. 3.",
             "C.-à-d. rien.", "Fin."],
            id="fr-titles-references",
        ),
        pytest.param(
            "de",
            "Teuer sind z. B. Berlin und München. Vgl. S. 5. Hr. Meier kam, d. h. Er war da. "
            "Sie sagte ggf. Ja.",
            ["Teuer sind z. B. Berlin und München.", "Vgl. S. 5.",
             "Hr. Meier kam, d. h. Er war da.",
             "Sie sagte ggf. Ja."],
            id="de-never-final-and-page",
        ),
        pytest.param(
            "en",
            "Gen. Smith met Sen. Jones. It costs approx. 5 dollars. See Fig. 3. The end.",
            ["Gen. Smith met Sen. Jones.", "It costs approx. 5 dollars.", "See Fig. 3.",
             "The end."],
            id="en-titles-approx-figure",
        ),
        pytest.param(
            "ko",
            "오늘은 날씨가 좋은 날. 우리는 공원에 갔다.",
            ["오늘은 날씨가 좋은 날.", "우리는 공원에 갔다."],
            id="ko-one-syllable-word-is-no-initial",
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(language, text, expected):
    assert split_sentences(text, language) == expected


def test_a_year_mark_at_a_line_end_still_ends_the_sentence():
    from articles.segmentation import continues

    assert continues("В 1941 г.", "Германия напала", "ru")
    assert not continues("Он родился в 2008 г.", "Потом переехал", "ru", line_break=True)
    assert continues("Приехал проф.", "Иванов", "ru", line_break=True)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        pytest.param(
            "sv",
            "Säljes: objektiv för Nikon, med lock och originalkartong. (1742/22) "
            "Det är endast köparen som kan avgöra riskerna.",
            [
                "Säljes: objektiv för Nikon, med lock och originalkartong. (1742/22)",
                "Det är endast köparen som kan avgöra riskerna.",
            ],
            id="sv-reference-number-belongs-to-the-sentence-before",
        ),
        pytest.param(
            "en",
            "Shares fell by a third on Monday. (Reporting by Anna Lee) The bank said it "
            "would not comment.",
            [
                "Shares fell by a third on Monday. (Reporting by Anna Lee)",
                "The bank said it would not comment.",
            ],
            id="en-credit-in-parentheses",
        ),
        pytest.param(
            "sv",
            "Öberg, Per, Hermansson, Jörgen. & Berg, Per-Åke, I väntan på solnedgången.",
            ["Öberg, Per, Hermansson, Jörgen. & Berg, Per-Åke, I väntan på solnedgången."],
            id="sv-ampersand-never-starts-a-sentence",
        ),
        pytest.param(
            "sv",
            "Schönbäck, H: Grönlandet södra 13. - Stockholms stadsmuseum, 2000. Sedan inget mer.",
            [
                "Schönbäck, H: Grönlandet södra 13. - Stockholms stadsmuseum, 2000.",
                "Sedan inget mer.",
            ],
            id="sv-dash-item-of-a-reference",
        ),
        pytest.param(
            "tr",
            "Fiyatlar bölge şartlarına göre değişiklik gösterebilir. ) Lisanslama işlemleri "
            "için siteye bakın.",
            [
                "Fiyatlar bölge şartlarına göre değişiklik gösterebilir. ) Lisanslama işlemleri "
                "için siteye bakın."
            ],
            id="tr-stray-closing-bracket",
        ),
    ],
)
def test_what_follows_a_period_but_cannot_start_a_sentence_stays(language, text, expected):
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        pytest.param(
            "ro",
            "Cererea se depune cu acte doveditoare. (3) Începând cu data de 1 ianuarie se "
            "aplică noile reguli.",
            [
                "Cererea se depune cu acte doveditoare.",
                "(3) Începând cu data de 1 ianuarie se aplică noile reguli.",
            ],
            id="ro-list-label-starts-its-item",
        ),
        pytest.param(
            "en",
            "The vote is on Monday. - Is that certain? Nobody knows.",
            ["The vote is on Monday. - Is that certain?", "Nobody knows."],
            id="en-dash-runs-on-after-a-period-not-after-a-question",
        ),
    ],
)
def test_parenthetical_sentences_and_list_labels_still_start_sentences(
    language, text, expected
):
    assert split_sentences(text, language) == expected


def test_a_sentence_in_parentheses_is_no_annotation_of_the_one_before():
    sentences = split_sentences("He left the room. (He did not come back.) She stayed.", "en")
    assert sentences[0] == "He left the room."


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        pytest.param(
            "en",
            "“We will win. The team is ready,” he said. Then he left.",
            ["“We will win.", "The team is ready,” he said.", "Then he left."],
            id="en-sentences-inside-a-quotation",
        ),
        pytest.param(
            "ru",
            "«Мы победим. Команда готова», — сказал он. Потом ушёл.",
            ["«Мы победим.", "Команда готова», — сказал он.", "Потом ушёл."],
            id="ru-guillemets",
        ),
        pytest.param(
            "ko",
            "“특본이 노력했고 성과도 있었다고 봅니다. 지난 해에는 1위에 오르기도 했다. "
            "그러나 무난할 듯하다. 당에 대해 “처지가 어려운 일”이라며 꼬집었다.",
            [
                "“특본이 노력했고 성과도 있었다고 봅니다.",
                "지난 해에는 1위에 오르기도 했다.",
                "그러나 무난할 듯하다.",
                "당에 대해 “처지가 어려운 일”이라며 꼬집었다.",
            ],
            id="ko-a-stray-mark-does-not-swallow-the-paragraph",
        ),
        pytest.param(
            "zh",
            "他说：“我们会赢。队伍准备好了。”然后他走了。已经实现了。“今年8月8日，他被刑拘。",
            ["他说：“我们会赢。", "队伍准备好了。”", "然后他走了。", "已经实现了。",
             "“今年8月8日，他被刑拘。"],
            id="zh-marks-without-spaces-go-by-their-shape",
        ),
        pytest.param(
            "de",
            "„Wir gewinnen. Das Team ist bereit“, sagte er. Dann ging er.",
            ["„Wir gewinnen.", "Das Team ist bereit“, sagte er.", "Dann ging er."],
            id="de-low-high-quotes",
        ),
    ],
)
def test_sentences_of_a_quotation_are_sentences_and_marks_stay_with_theirs(
    language, text, expected
):
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        pytest.param(
            "ru", "«Почему вы молчите?» — спросил журналист.", "Министр не ответил.",
            id="ru-speech-verb-stays-1",
        ),
        pytest.param(
            "ru", "«Тут акула!», — сказал Хаммел.", "Спасатели вывели людей из воды.",
            id="ru-speech-verb-stays-2",
        ),
        pytest.param(
            "ru", "\"Мы не сдадимся\", – написала Кори Шульман.", "Пост набрал тысячи откликов.",
            id="ru-speech-verb-stays-3",
        ),
        pytest.param(
            "uk", "«Ми готові до переговорів!» — заявив міністр.", "Зустріч відбудеться у Варшаві.",
            id="uk-speech-verb-stays-1",
        ),
        pytest.param(
            "kk", "«Біз дайынбыз», — деді министр.", "Кездесу Астанада өтеді.",
            id="kk-speech-verb-stays-1",
        ),
        pytest.param(
            "kk", "«Неге үндемейсіз?» — деп сұрады журналист.", "Министр жауап бермеді.",
            id="kk-speech-verb-stays-2",
        ),
        pytest.param(
            "ky", "«Эмне үчүн унчукпайсыз?» — деп сурады журналист.", "Министр жооп берген жок.",
            id="ky-speech-verb-stays-1",
        ),
        pytest.param(
            "uz", "“Nega jimsiz?” — deb soʻradi jurnalist.", "Vazir javob bermadi.",
            id="uz-speech-verb-stays-1",
        ),
        pytest.param(
            "uz", "«Кафолат қани?» — деб сўради эксперт.", "Идорадан ҳозирча жавоб йўқ.",
            id="uz-speech-verb-stays-2",
        ),
        pytest.param(
            "be", "«Чаму вы маўчыце?» — спытаў журналіст.", "Міністр не адказаў.",
            id="be-speech-verb-stays-1",
        ),
        pytest.param(
            "tr", "Bakan, \"Kimse savaş istemiyor\". görüşünü savundu.", "Toplantı iki saat sürdü.",
            id="tr-speech-verb-stays-1",
        ),
        pytest.param(
            "tr", "\"Türkiye hazır.\" ifadesine yer verildi.", "Açıklama sitede yayımlandı.",
            id="tr-speech-verb-stays-2",
        ),
        pytest.param(
            "tr", "\"Hazırız.\" dedi.", "Bakan daha sonra salondan ayrıldı.",
            id="tr-speech-verb-stays-3",
        ),
        pytest.param(
            "tr", "Yeni yetenekleri görmek için okulları ziyaret ediyorum. dedi.", "Sonra gitti.",
            id="tr-speech-verb-stays-4",
        ),
        pytest.param("zh", "“我们准备好了。”他说。", "会议随后结束。", id="zh-speech-verb-stays-1"),
        pytest.param("ru", "«Мы готовы».", "Министр ушёл.", id="ru-split-before-a-capital-1"),
        pytest.param(
            "uk", "«Ми готові!»", "Міністр залишив залу.",
            id="uk-split-before-a-capital-1",
        ),
        pytest.param(
            "kk", "«Біз дайынбыз».", "Министр залдан шығып кетті.",
            id="kk-split-before-a-capital-1",
        ),
        pytest.param(
            "tr", "\"Hazırız\".", "Bakan salondan ayrıldı.",
            id="tr-split-before-a-capital-1",
        ),
        pytest.param(
            "zh", "他说：『我们准备好了。』", "然后离开了会场。", id="zh-split-before-a-capital-1",
        ),
    ],
)
def test_a_quotation_ends_its_sentence_where_a_reader_would(language, first, second):
    """A quotation followed by its speech verb ("— спросил журналист") is one sentence with
    it; one that ends its sentence before a capital is split off."""
    assert split_sentences(f"{first} {second}", language) == [first, second]


@pytest.mark.parametrize(
    ("language", "sentences"),
    [
        ("kk", ["Қала б.з.б. 500 ж. салынған.", "Көрмеге кітаптар, суреттер т.б. қойылды.",
                "Сіз қайда тұрасыз?"]),
        ("ky", ["Ал 2020-ж. шайланган.", "Китептер, гезиттер ж.б. басылмалар сатылат.",
                "Дүкөн эртең ачылат."]),
        ("uz", ["Bu yil hosil mo‘l bo‘ldi.", "O‘tgan yili esa kam edi.",
                "Ma’lumot uchun rahmat.", "Yangi bog‘ ochildi."]),
        ("uz", ["Oʻzbekiston 1991-yil mustaqil boʻldi.", "Gʻalaba bizniki!", "Toʻrtta kitob."]),
        ("uz", ["Мен ўқитувчи эмасман.", "Ғалаба бизники!", "Тошкентда ёмғир ёғди."]),
        ("tg", ["Ӯ дар ш. Душанбе зиндагӣ мекунад.", "Вай муаллим аст.", "Шумо англисӣ медонед?"]),
        ("tk", ["Men mugallym däl.", "Ol 2020-nji ýylda geldi.", "Biz garaşýarys!"]),
        ("tt", ["Ул 1990 елда туган.", "Хәзер Казанда яши.", "Син кайда яшисең?"]),
        ("ba", ["Өфө – Башҡортостандың баш ҡалаһы.", "Унда күп халыҡ йәшәй.", "Һин ҡайҙа?"]),
        ("ug", ["ئۇ كەلدىمۇ؟", "ياق، كەلمىدى.", "\"چۈشتىن كېيىن ئۆگەنەمسەن؟\"، دەپ سورىدى.",
                "بىز ساقلايمىز."]),
        pytest.param(
            "tr",
            ["II. Dünya Savaşı 1945'te sona erdi.", "Papa VI. Paul, 1969'da cezayı kaldırdı."],
            id="tr-roman-ordinals-do-not-end-sentences",
        ),
        pytest.param(
            "tr",
            ["Cumhuriyetin 100. Yıl kutlamaları başladı.", "Geçici 6. Maddesi uygulanacak."],
            id="tr-ordinals-before-a-capital-do-not-end-sentences",
        ),
        pytest.param(
            "tr",
            ["Takım 4.’lük elde etti.", "Türkiye’nin ‘yeni’ planı açıklandı.", "Sonra gitti."],
            id="tr-apostrophes-after-ordinals-do-not-end-sentences",
        ),
    ],
)
def test_paragraphs_of_the_regions_languages_split_into_their_sentences(language, sentences):
    assert split_sentences(" ".join(sentences), language) == sentences


def test_a_bullet_item_is_split_into_its_sentences_and_keeps_its_bullet():
    text = "Toplantıda şunlar konuşuldu. • Yollar onarılacak. Okullar açılacak. • Su kesilmeyecek."
    assert split_sentences(text, "tr") == [
        "Toplantıda şunlar konuşuldu.",
        "• Yollar onarılacak.",
        "Okullar açılacak.",
        "• Su kesilmeyecek.",
    ]


# Chinese is written with no space between sentences: each paragraph below is joined as
# a Chinese paper prints it.
@pytest.mark.parametrize(
    "sentences",
    [
        pytest.param(
            [
                "新华社北京3月5日电（记者王明）十四届全国人大二次会议5日上午在人民大会堂开幕。",
                "2023年，我国经济总量超过126万亿元，比上年增长5.2%。",
                "5G基站总数达到337.7万个。",
            ],
            id="a-figure-right-after-the-full-stop",
        ),
        pytest.param(
            ["比亚迪、蔚来等企业加快布局海外市场。", "iPhone 15系列在华销量则有所下滑。"],
            id="a-lowercase-latin-word-after-the-full-stop",
        ),
        pytest.param(
            ["这意味着什么?", "专家认为，市场正在回暖!", "2024年有望继续增长。"],
            id="half-width-question-and-exclamation-marks",
        ),
        pytest.param(
            ["他强调：“安全生产是不可逾越的红线。”", "2024年，全省将开展专项整治行动。"],
            id="a-figure-after-a-closing-quote",
        ),
        pytest.param(
            ["《奋斗！2024》节目今晚播出。", "节目共分十二期。"],
            id="no-sentence-end-inside-a-title",
        ),
        pytest.param(
            ["会议指出，要坚持稳中求进；要推动高质量发展。", "会议强调，各级政府要切实扛起责任。"],
            id="a-semicolon-does-not-end-the-sentence",
        ),
        pytest.param(
            [
                "董事長在致詞時表示，「我們要成為業界的標竿！",
                "公司今年營收成長10%。",
                "股價當日上漲8.3%。",
            ],
            id="a-corner-quote-left-open-does-not-swallow-the-paragraph",
        ),
        pytest.param(
            ["她说：「这次比赛我真的很紧张。」", "她还透露：「明年还会再来。」"],
            id="a-corner-quote-closes-its-own-sentence",
        ),
        pytest.param(
            ["新产品的试点工作进展顺利。", "」记者随后走访了车间，厂长说：「订单已经排满！」"],
            id="a-closing-mark-that-closes-nothing-goes-with-what-follows",
        ),
        pytest.param(
            ["专家写道，“市场正在回暖。", "」随后公布的数据也证实了这一点。"],
            id="a-corner-bracket-does-not-close-a-double-quote",
        ),
        pytest.param(
            ["“这次改革的力度前所未有。”一位参与方案起草的专家告诉记者。", "方案将于下月公布。"],
            id="a-speaker-after-a-quotation",
        ),
        pytest.param(
            [
                "“经济运行总体平稳。”国家统计局新闻发言人16日在发布会上表示。",
                "他同时指出，外部环境依然复杂严峻。",
            ],
            id="a-speaker-and-a-date-after-a-quotation",
        ),
        pytest.param(
            [
                "“今年的订单已经排到了年底。”企业负责人李强说，“工人们正在加班赶工。”",
                "该企业今年出口额有望突破10亿元。",
            ],
            id="a-speaker-between-two-quotations",
        ),
        pytest.param(
            ["“太不可思议了！”看到比赛结果后，球迷张先生激动地说。", "这是该队时隔20年再次夺冠。"],
            id="a-speaker-after-an-exclamation-in-quotes",
        ),
        pytest.param(
            ["「政府會繼續密切留意市場情況。」特區政府發言人說。", "恒生指數今日下跌1.2%。"],
            id="a-speaker-after-a-corner-quote",
        ),
        pytest.param(
            ["有记者问：“中方如何看待此次会谈？”", "发言人说：“我们乐见各方保持沟通。”"],
            id="a-question-in-quotes-ends-the-sentence",
        ),
        pytest.param(
            ["“我们准备好了。”", "运动员们走上赛场，观众席上响起热烈的掌声。"],
            id="a-quotation-alone-then-a-new-sentence",
        ),
        pytest.param(
            ["“你们什么时候能修好？”", "他没有回答。"],
            id="a-question-in-quotes-alone-then-a-reply",
        ),
    ],
)
def test_chinese_news_paragraphs_split_where_a_reader_would(sentences):
    assert split_sentences("".join(sentences), "zh") == sentences


def test_chinese_decimals_and_thousands_are_not_sentence_ends():
    text = "恒生指数今日收报16,512点，跌1.2%，成交额为1,023.5亿港元。"
    assert split_sentences(text, "zh") == [text]
