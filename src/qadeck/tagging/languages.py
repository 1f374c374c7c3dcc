"""Words that name no topic in the other languages people's notes are most often written in.

English's are in :mod:`.phrases` and :mod:`.headings`; these are Spanish, Portuguese, French,
German, Italian, Dutch, Vietnamese and Russian (and, for :data:`FILLER` and :data:`GENERIC`, the words a FAQ's title
is made of in Ukrainian, Polish, Turkish, Indonesian, Vietnamese, Chinese, Japanese and Korean).
:data:`FUNCTION_WORDS` (articles, prepositions, pronouns,
conjunctions, auxiliaries, question words) are never key phrases: without them a French FAQ's
topics were ``et``, ``le`` and ``la-valeur``. :data:`FILLER` and :data:`GENERIC` are what a FAQ's
headings say besides their subject ("Preguntas frecuentes", "Allgemeine Fragen").

Each word is kept as written and without its accents, as :func:`.phrases.plain` reads text. A word
that is also an English topic (``ai``, ``ci``, ``io``, ``os``, ``vi``, ``bi``, ``it``, ``len``, ``rat``, ``nas``, ``war``,
``era``, ``sin``, ``door``, ``hat``, ``man``) is left out: it costs a few foreign cards a topic
word rather than every English deck a topic.
"""

from __future__ import annotations

import unicodedata


def _words(text: str) -> frozenset[str]:
    words = text.split()
    bare = ("".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)) for word in words)
    return frozenset(words) | frozenset(bare)


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
câu hỏi trả lời thường phỏng vấn
常见问题 常见问题解答 常見問題 常見問題解答 常见问答 问题 问答 面试题 よくある質問 よくあるご質問 質問 回答 자주 묻는 질문 답변
""") | {"gặp"}  # Vietnamese "met" ("câu hỏi thường gặp"), as written only: without its accents it is English "gap"

GENERIC = _words("""
general generales introducción índice contenido contenidos resumen ejemplo ejemplos diferencia
geral gerais introdução sumário conteúdo exemplo exemplos diferença
général généraux généralités introduction sommaire exemple exemples différence
allgemein allgemeine allgemeines einführung inhalt inhaltsverzeichnis beispiel beispiele unterschied
generale generali introduzione indice sommario esempio esempi differenza
algemeen algemene inleiding inhoud voorbeeld voorbeelden verschil
общие общее введение содержание пример примеры разница отличие раздел
розділ sekcja bölüm bölümü bagian phần sección seção secção sezione abschnitt
""")
