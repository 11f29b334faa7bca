"""Multi-paragraph articles for the summarizer tests (no ../shared data in tests)."""
# ruff: noqa: E501 - one paragraph a line, as people write them

ENGLISH = """River towns prepare for spring floods

The regional water agency warned on Monday that snow in the mountains is twice as deep as usual. Engineers expect the river to rise quickly once the warm weather arrives. Several towns along the river have started to build temporary walls of sand bags.

The mayor of the largest town said the new flood wall would protect the old market. Last spring the market was closed for three weeks after the river flooded the lower streets. Traders lost much of their stock and some never reopened.

Farmers are worried about their fields near the river. Many of them moved seed and machinery to higher ground. The agency said it would publish river levels every hour on its website.

Scientists say warmer winters bring more rain and less snow, but this year was unusual. Heavy snow fell in February and stayed on the mountains. The agency will decide next week whether to open the dam upstream to lower the reservoir.

Residents can collect free sand bags at the fire station. Volunteers will help older people move furniture to upper floors. The mayor thanked the volunteers and asked everyone to follow the river warnings.
"""

RUSSIAN = """Весенний паводок угрожает прибрежным городам

Региональное водное агентство в понедельник предупредило, что снега в горах в два раза больше обычного. Инженеры ожидают быстрого подъёма реки с приходом тепла. Несколько городов вдоль реки уже начали строить временные стены из мешков с песком.

Мэр крупнейшего города заявил, что новая дамба защитит старый рынок. Прошлой весной рынок был закрыт три недели после того, как река затопила нижние улицы. Торговцы потеряли большую часть товара, а некоторые так и не открылись.

Фермеры беспокоятся о своих полях у реки. Многие из них перевезли семена и технику на возвышенность. Агентство обещало каждый час публиковать уровень воды в реке на своём сайте.

Учёные говорят, что тёплые зимы приносят больше дождя и меньше снега, но этот год необычный. Сильный снег выпал в феврале и остался в горах. На следующей неделе агентство решит, открывать ли плотину выше по течению.

Жители могут бесплатно получить мешки с песком в пожарной части. Волонтёры помогут пожилым людям перенести мебель на верхние этажи. Мэр поблагодарил волонтёров и попросил всех следить за предупреждениями о реке.
"""

KAZAKH = """Көктемгі су тасқыны өзен жағасындағы қалаларға қауіп төндіреді

Аймақтық су агенттігі дүйсенбі күні таудағы қар әдеттегіден екі есе көп екенін ескертті. Инженерлер жылы күн келгенде өзен суы тез көтеріледі деп күтеді. Өзен бойындағы бірнеше қала құм салынған қаптардан уақытша қабырға тұрғыза бастады.

Ең үлкен қаланың әкімі жаңа бөгет ескі базарды қорғайтынын айтты. Өткен көктемде өзен төменгі көшелерді су басқаннан кейін базар үш апта жабық тұрды. Саудагерлер тауарының көп бөлігін жоғалтты.

Фермерлер өзен жанындағы егістіктері үшін алаңдаулы. Олардың көбі тұқым мен техниканы биік жерге көшірді. Агенттік өзендегі су деңгейін әр сағат сайын жариялайтынын айтты.

Ғалымдар жылы қыс көбірек жаңбыр мен азырақ қар әкелетінін айтады, бірақ биылғы жыл ерекше болды. Ақпанда қалың қар жауып, тауда қалып қойды. Агенттік келесі аптада жоғарыдағы бөгетті ашу туралы шешім қабылдайды.

Тұрғындар өрт сөндіру бөлімінен құм салынған қаптарды тегін ала алады. Еріктілер қарт адамдарға жиһазды жоғарғы қабатқа көшіруге көмектеседі. Әкім еріктілерге алғыс айтып, барлығын өзен туралы ескертулерді қадағалауға шақырды.
"""

TEXTS = {"en": ENGLISH, "ru": RUSSIAN, "kk": KAZAKH}
