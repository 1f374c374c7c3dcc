"""Words that name no topic in the other languages people's notes are most often written in.

English's are in :mod:`.phrases` and :mod:`.headings`; these are Spanish, Portuguese, French,
German, Italian, Dutch, Vietnamese, Russian, Ukrainian, Polish, Persian, Hindi (in Devanagari and in Latin
letters), Turkish, Indonesian, Hebrew, Arabic, Korean, Romanian, Swedish, Czech, Greek, Hungarian, Malay and Bengali
(and, for :data:`FILLER` and :data:`GENERIC`, the words a FAQ's title is made of in Ukrainian, Polish, Turkish,
Indonesian, Vietnamese, Persian, Arabic, Hindi, Hebrew, Chinese, Japanese, Korean and Thai).
:data:`FUNCTION_WORDS` (articles, prepositions, pronouns,
conjunctions, auxiliaries, question words) are never key phrases: without them a French FAQ's
topics were ``et``, ``le`` and ``la-valeur``. :data:`FILLER` and :data:`GENERIC` are what a FAQ's
headings say besides their subject ("Preguntas frecuentes", "Allgemeine Fragen").

Each word is kept as written and without its accents, as :func:`.phrases.plain` reads text. A word
that is also an English topic (``ai``, ``ci``, ``io``, ``os``, ``vi``, ``bi``, ``it``, ``len``, ``rat``, ``nas``, ``war``,
``era``, ``sin``, ``door``, ``hat``, ``man``, ``pod``, ``var``, ``ada``, ``az``, ``hal``, ``mint``, ``volt``, ``pot``,
``pro``, ``men``, ``till``, ``det``, ``att``, ``cat``, ``care``, ``mar``, ``cu``, ``ii``) is left out: it costs a few foreign cards a topic
word rather than every English deck a topic.
"""

from __future__ import annotations

import re
import unicodedata


def unaccented(text: str) -> str:
    """``text`` without the accents of its Latin, Greek and Cyrillic letters ("réponse": "reponse"), its letters
    composed again: other scripts' marks are parts of their words (Japanese "データ" keeps its voicing marks,
    Hindi its vowel signs) and Hangul syllables, which decomposing splits into their letters, stay whole."""
    kept: list[str] = []
    base = ""
    for ch in unicodedata.normalize("NFKD", text):
        if not unicodedata.combining(ch):
            base = ch
        elif base < _LAST_ACCENTED:
            continue
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


#: Letters before this one (Latin, Greek, Cyrillic) lose their accents.
_LAST_ACCENTED = "\u0530"


def _marks(*blocks: tuple[int, int]) -> str:
    """The combining marks (Unicode's categories M) of ``blocks``, as the body of a regex character class."""
    marks = [code for first, last in blocks for code in range(first, last + 1)
             if unicodedata.category(chr(code))[0] == "M"]
    runs: list[list[int]] = []
    for code in marks:
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


#: The marks that are parts of words in the scripts that write vowels, tones and points as signs on a letter:
#: Hebrew and Arabic points, Devanagari, Bengali and the other Indic scripts, Thai, Lao, Myanmar, Khmer. Python's
#: ``\w`` takes them for punctuation, which cut "প্রশ্ন" into "প", "রশ" and "ন"; a word runs on through them.
WORD_MARKS = _marks((0x0591, 0x05C7), (0x0610, 0x06ED), (0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x1000, 0x109F),
                    (0x1780, 0x17FF))


def _words(text: str) -> frozenset[str]:
    words = text.split()
    return frozenset(words) | frozenset(map(unaccented, words))


FUNCTION_WORDS = _words("""
al algo alguna algunas alguno algunos ante antes aquí así aún bajo bien cada como cómo con contra cual cuál cuales
cuáles cuando cuándo cuanto cuánto cuantos de del desde donde dónde dos el él ella ellas ellos en entre es esa esas
ese eso esos esta está están estas este esto estos fue fueron ha han hasta hay la las le les lo los más me mi
mientras muy nada ni nos otra otras otro otros para pero poco por porque puede pueden que qué quien quién quienes se
según ser si sí sido sobre son su sus también tan tanto te tiene tienen todo todos tu tú un una unas uno unos usted
ya yo
ao aos às até com da das dela dele deles do dos ela elas ele eles em essa essas esse esses está estão estas este
estes foi for foram há isso isto já lhe mais mas mesmo muito na não nem no nós pela pelas pelo pelos pode podem
qual quais quando quem sem seu seus sua suas são também tem têm ter um uma umas uns você
au aux avec ce ces cet cette comme comment dans des du elle elles est et être été il ils je la le les leur leurs
lui mais même mes moi mon ne nos notre nous où par pas plus pour pourquoi qu que quel quelle quelles quels qui quoi
sa sans se ses son sont sur ta te tes toi ton tous tout très tu un une vos votre vous est-ce lorsque lorsqu quand
peut peuvent fait faire avoir ont sera cela ceci ça aussi donc alors ainsi entre
aber alle allem allen aller alles als also auch auf aus bei bis bist damit dann das dass daß dein deine dem den denn
der des dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er
etwas euch euer für gegen hatte hier ich ihm ihn ihnen ihr ihre im ist ja jede jeder jedes jetzt kann kein keine
können mehr mein meine mit muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind
solche soll sollte um und uns unser unter viel vom von vor waren warum was weil welche welcher welches wenn wer
werden wie wieder wir wird wo wurde wurden zu zum zur zwischen
ad agli alla alle allo anche che chi come cosa cui dal dalla dei del della delle dello di dove ed gli hanno il
lei lo loro lui ma ne nei nel nella noi non per perché più poi quale quali quanto quella quelle quello questa
queste questo sia sono sua sue suo suoi sul sulla tra tutti tutto uno
aan als bij dan dat deze die dit een en er het hij hoe ik is je kan maar met mijn naar niet nog of om ook op te
tot uit van voor waar wat wie wij wordt zijn zo zij waarom welke
là gì và của có không được cho các những một trong với để khi này đó thì ra nào sao như thế về từ cũng đã sẽ đang
bởi nếu hay hoặc nhưng mà rằng tại theo trên dưới sau trước nhiều hơn nhất cần phải làm dùng gồm bao nhiêu
đâu nhau lại còn mỗi khác giữa giúp thể hãy bạn tôi chúng họ nó đến vào xuống qua nên vậy
а без более бы будет будут был была были было быть в вам вас весь во вот все всё всего всех вы где да даже для до его ее её
если есть еще ещё же за здесь и из или им их к как какие какой какая каков когда кто ли либо между меня мне может
можно мы на над надо не него нее неё нет ни них но ну о об однако он она они оно от очень по под при про с со так
также такое такой там те тем то того тоже только том тот ту ты у уже чем что чтобы эта эти это этот я зачем почему
של את על עם אל מה מי איך למה מדוע מתי איפה היכן זה זו זאת אלה אלו הוא היא הם הן אני אתה אנחנו אתם
יש אין לא כן גם או אבל אך כי אם כמו רק כל עוד אז כבר מאוד יותר פחות בין אחרי לפני עד אשר כאשר משהו מישהו להיות היה
היתה היו הזה הזאת האם ביותר כך לכן אותו אותה אותם שלו שלה שלהם
في من على إلى الى عن مع هو هي هم هذا هذه ذلك تلك التي الذي الذين ما ماذا كيف لماذا متى أين اين هل لا نعم أو او ثم
لكن إن أن ان كان يكون كانت قد لقد كل بعض عند بين بعد قبل حتى إذا اذا أي غير مثل أيضا ايضا فقط جدا وهو وهي التى
که از به در با این آن را و یا برای است هست هستند هستن چی چیه چیست چه چطور چطوری چگونه کدام کدوم کدوما چرا کجا آیا
یک های ها ای تر ترین می نمی شود میشه شه کنیم کنید کند میکنه میکنن توی تو روی رو بین بعد قبل اگر ولی اما هم فقط خیلی
بیشتر کمتر باید نباید داره دارد دارند بود شده کرد کردن تونیم تونی تونه میتونیم یه چیا میشن کنی بدیم باشه نه مثال تعریف
هدف تفاوت روش استفاده زیر بر کنه کنین کنم میکنی میکنیم میکنین تونین تونم میتونی میتونین میتونم شما ما من
اون دیگه صورت ارائه ایجاد ویژگی مورد انجام هستش میده بشه بشن داریم دارن دارین نیست هر منظور وجود
ی کاری میدن کنن تا عنوان همه زمانی بیاین اگه حالی
है हैं का की के को से में और क्या कैसे क्यों यह वह आप नहीं भी तो हो कर पर लिए एक
hai hain ka ki ke ko se mein aur kya kaise kyun kyu yeh wo woh aap tum hum nahi nahin bhi ho kar kare karna karte
tha thi liye
ve ile bir bu şu da de mi mı mu mü ne nasıl neden niçin hangi için gibi kadar daha en çok ama fakat veya ya ise
olan olarak olur yok değil her bazı şey nedir nelerdir midir nedenleri yani örneğin eder eden edilir edilen fazla birden
farklı farkı farkları şekilde sağlar sağlanır neler kullanılır kullanılan kullanılabilir olduğu olduğunu sayesinde
yang dan di ke dari untuk dengan pada adalah ini itu atau tidak juga akan dalam oleh sebagai bisa dapat apa
apakah bagaimana mengapa kenapa kapan dimana siapa sudah belum lebih paling karena jika kalau namun tetapi serta
antara setelah sebelum tersebut seperti
się nie jest że jak co czy dla od po przez przy ale lub oraz albo jego jej ich ten ta te tego tym który która
które jaki jaka jakie kiedy gdzie dlaczego czym czego może można są być był była było też już tylko bardzo więcej
mniej między nad gdy gdyż za pomocą poprzez jakich jakim jakiej opisz wyjaśnij omów podaj wymień działa działają
różnice różnica różnic różnicę zastosowanie zastosowania używane używa używać sposób sposoby ze we na oto jeden
і й та із від для про як що це чи або його її їх він вона вони воно ми ви ти який яка яке які коли чому навіщо
між під над також вже лише дуже більш бути був була було
것 수 등 및 또는 그리고 그러나 하지만 그렇다면 그런데 무엇 무엇인가요 무엇인지 무엇이며 무엇입니까 어떻게 어떤 왜 언제 어디
누구 있다 있는 있습니다 없다 없는 하는 한다 합니다 하나요 됩니다 되는 이다 입니다 인가요 대해 대해서 대한 위해 위한 통해
什么 如何 怎么 怎样 为什么 哪些 哪个 是否 可以 能否 方法 区别 的区别 有什么区别 作用 以下 下列 下面 关于 描述 正确 错误 说明
とは について 違い 何 なぜ どう
경우 때 때문 설명 설명해 설명해주세요 설명하세요 설명하시오 주세요 해주세요 차이 차이점 사용 사용하는 방법 이유 장점 단점
și si sau dar nu în pe din dintr dintre pentru prin despre fără până după între ce cum când unde cine câte
este sunt fost fi are au avea poate trebuie mai foarte doar tot toate toți orice fiecare acest această aceasta
acestea acești aceste acel acea cel cea cei cele lui ei lor să se ne vă le ale unui unei unor înseamnă următoarele
următorul următoarea următoarelor folosit folosită folosite folosește utilizat utilizată utilizează explică descrie
și-a s-a dacă astfel fie
och som ett är på av för med den har inte om jag du han hon så kan ska vad hur varför när vilken
vilket vilka vem där eller från också än detta dessa denna sitt sina finns blir bli används mellan
je na se že to ten ta jak co proč kdy kde který která které jaký jaká jaké nebo ale také při od po jsou být byl
mezi lze jejich jeho její
και το τα τη την της του των τον οι σε στο στη στην στον στα στους για με από ως που πως πώς τι ποιο ποια ποιος ποιες
ποιοι γιατί πότε πού είναι ένα μια μία ένας δεν θα να ή αλλά επίσης μεταξύ χρησιμοποιείται χρησιμοποιούμε
és egy is hogy nem vannak mit mik milyen miért hogyan mikor hol melyik kik meg vagy ha csak között
lehet kell ez azt ezt 
ialah bagi kepada daripada boleh maksud bermaksud
কী কি কেন কীভাবে কিভাবে কোন কোনো কোথায় কখন কে এবং ও বা এটি এটা এই সেই যে যা হয় হলো হল করে করা করতে থাকে
হয়েছে আছে নেই না জন্য মধ্যে থেকে সাথে দিয়ে এর একটি একটা কিছু সব তার তাদের আমরা আপনি যদি তবে কিন্তু ব্যবহৃত
ব্যবহার পার্থক্য কাজ সাহায্য নির্ধারণ
""")
FILLER = _words("""
pregunta preguntas respuesta respuestas frecuentes entrevista entrevistas
pergunta perguntas resposta respostas frequentes entrevista entrevistas
réponse réponses fréquentes fréquemment posées entretien entretiens foire
frage fragen antwort antworten häufig häufige häufigen gestellte gestellten vorstellungsgespräch
domanda domande risposta risposte frequenti colloquio colloqui
vraag vragen antwoord antwoorden veelgestelde gestelde sollicitatiegesprek
вопрос вопросы вопроса вопросов ответ ответы ответа ответов частые часто задаваемые задаваемых собеседование
собеседования
питання запитання запитань відповідь відповіді часті поширені співбесіда
pytanie pytania pytań odpowiedź odpowiedzi często najczęściej zadawane
soru sorular soruları cevap cevaplar yanıt yanıtlar sık sıkça sorulan sss mülakat
pertanyaan jawaban sering diajukan umum tanya jawab wawancara
سوال سوالات سؤال سؤالات پرسش پرسشها پاسخ پاسخها جواب جوابها مصاحبه پرتکرار متداول
أسئلة اسئلة الأسئلة الاسئلة السؤال إجابة اجابة الإجابة الاجابة إجابات الشائعة شائعة مقابلة المقابلة مقابلات
المقابلات
प्रश्न प्रश्नोत्तर उत्तर साक्षात्कार सवाल जवाब
שאלה שאלות תשובה תשובות ראיון ראיונות נפוצות
câu hỏi trả lời thường phỏng vấn
常见问题 常见问题解答 常見問題 常見問題解答 常见问答 问题 问答 面试题 面试 面試 试题 試題 题目 題目 汇总 彙總 大全 合集 集锦 笔记 筆記
よくある質問 よくあるご質問 よく聞かれる質問 質問 回答 面接 자주 묻는 질문 답변 면접관
întrebare întrebări întrebările intrebari răspuns răspunsuri răspunsul interviu interviuri frecvente
fråga frågor frågan svar svaren intervjufrågor intervju vanliga
otázka otázky otázek odpověď odpovědi pohovor pohovoru časté
ερώτηση ερωτήσεις απάντηση απαντήσεις συνέντευξη συνέντευξης συχνές
kérdés kérdések válasz válaszok interjú interjúkérdések gyakori
soalan jawapan temuduga kuiz kuis
প্রশ্ন প্রশ্নোত্তর উত্তর ইন্টারভিউ সাক্ষাৎকার
คำถาม คำตอบ สัมภาษณ์ ข้อสอบ
""") | {"gặp"}  # Vietnamese "met" ("câu hỏi thường gặp"), as written only: without its accents it is English "gap"

GENERIC = _words("""
general generales introducción índice contenido contenidos resumen ejemplo ejemplos diferencia
geral gerais introdução sumário conteúdo exemplo exemplos diferença
général généraux généralités introduction sommaire exemple exemples différence
allgemein allgemeine allgemeines einführung inhalt inhaltsverzeichnis beispiel beispiele unterschied
generale generali introduzione indice sommario esempio esempi differenza
algemeen algemene inleiding inhoud voorbeeld voorbeelden verschil
общие общее введение содержание пример примеры разница отличие раздел
глава главы часть тема урок лекция розділ sekcja bölüm bölümü bagian phần sección seção secção sezione abschnitt
lista listy odnośniki odnośnikami odnośników linki przykład przykłady wstęp spis treści podsumowanie
基础 基礎 基本 注意 概述 概要 总结 總結 简介 簡介 介绍 介紹 目录 目錄 其他 其它 补充 補充 综合 綜合 基础知识 基礎知識 まとめ 目次 その他
정리 추가 기타 개요 요약 목차 예시 예제 기본 기초 심화 면접
generalități introducere cuprins rezumat exemplu exemple diferența diferență diferențe capitol secțiune examen
allmänt inledning innehåll sammanfattning exempel skillnad skillnaden kapitel avsnitt
obecné úvod obsah shrnutí příklad příklady rozdíl kapitola
γενικά εισαγωγή περιεχόμενα περίληψη παράδειγμα παραδείγματα διαφορά κεφάλαιο ενότητα
általános bevezetés tartalom összefoglalás példa példák különbség fejezet
pengenalan kandungan ringkasan contoh perbezaan bab bahagian
ভূমিকা সূচিপত্র উদাহরণ অধ্যায়
أساسيات الأساسيات أساسية الأساسية إضافية إضافي متنوعة عامة مقدمة دليل شامل
""")


def _levels(table: dict[str, str]) -> dict[str, str]:
    levels: dict[str, str] = {}
    for level, words in table.items():
        for word in words.split():
            levels[word] = levels[unaccented(word)] = level
    return levels


#: Words that name a level in headings and file names ("Preguntas avanzadas", "Средний уровень"), each to its level:
#: Spanish, Portuguese, French, Italian, German, Dutch, Russian, Ukrainian, Polish, Turkish, Indonesian, Vietnamese,
#: Romanian, Swedish, Czech, Greek, Hungarian, Malay, Arabic,
#: and the "middle" of Junior, Middle and Senior (Brazil's "pleno" of Júnior, Pleno and Sênior). Words that are also
#: English words a heading may name a subject with ("base", "mittel") are left out.
LEVELS = _levels({
    "easy": """fácil fáciles básico básica básicos básicas principiante principiantes iniciante iniciantes facile
               facili débutant débutants débutante facile elementare leicht leichte anfänger makkelijk gemakkelijk
               легкий лёгкий легкие лёгкие простой простые базовый базовые начальный легкі простий базовий
               початковий łatwy łatwe podstawowy podstawowe kolay başlangıç mudah dasar júnior ușor usoare începător începători lätt nybörjare snadné lehké
               začátečník εύκολο εύκολες αρχάριος αρχάριοι könnyű kezdő senang مبتدئ المبتدئين سهل سهلة""",
    "medium": """intermedio intermedia intermedios medio intermediário intermediária intermediario médio
                 intermédiaire intermédiaires moyen moyenne mittelschwer gemiddeld средний средние середній
                 średni średnie średniozaawansowany orta menengah sedang middle pleno mediu intermediar medel střední μέτριο μέτριες
                 közepes sederhana متوسط متوسطة""",
    "hard": """difícil difíciles avanzado avanzada avanzados avanzadas experto expertos avançado avançada
               avançados difficile difficiles avancé avancée avancés avancées avanzato avanzata avanzati
               schwer schwierig schwierige fortgeschritten fortgeschrittene moeilijk gevorderd gevorderde сложный
               сложные трудный продвинутый продвинутые складний просунутий trudny trudne zaawansowany zaawansowane
               zor ileri sulit lanjut lanjutan sênior avansat avansate dificil dificile svår svåra avancerad
               pokročilé těžké δύσκολο δύσκολες προχωρημένο προχωρημένες nehéz haladó sukar متقدم متقدمة
               المتقدم المتقدمة صعب صعبة""",
})
#: Vietnamese levels are words of two syllables ("Phần 1: Cơ bản", "Nâng cao"), kept as written only: without their
#: accents they would be other words.
LEVELS |= {"cơ bản": "easy", "trung cấp": "medium", "trung bình": "medium", "nâng cao": "hard"}
#: The same in Chinese, Japanese and Korean, found inside a title's words ("一、基础知识（初级）", "高级篇").
CJK_LEVELS = _levels({
    "easy": "初级 初級 入门 入門 초급",
    "medium": "中级 中級 进阶 進階 중급",
    "hard": "高级 高級 上級 资深 資深 架构级 架構級 고급 심화",
})
#: What makes a run of Chinese or Japanese characters (a word to :mod:`.phrases`, as no space splits it) a clause
#: rather than a subject's name: a question word or particle, "as follows".
CJK_CLAUSE = re.compile("什么|什麼|如何|怎么|怎麼|为什么|為什麼|哪|吗|嗎|呢|如下|以下|下列|ですか|ますか")
