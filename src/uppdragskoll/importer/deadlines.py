"""Deadlines in a decision's sentences: which dates are deliveries, of what kind, to whom. Pure.

See extract.py for the rules in short and docs/importera.md for users."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from .amounts import (
    find_amounts,
    find_years,
)
from .dates import (
    ANNUAL_REPORT_DAY,
    DateHit,
    due_sort_key,
    find_dates,
    is_iso_day,
    last_year_before,
    later,
    on_day,
    with_year,
)
from .found import Extraction, FoundDeadline, short_text
from .identity import (
    AGENCY,
    agency_mentions,
    canonical_department,
    foreign_subject,
    one_of_the_boards,
)
from .text import BULLET, Sentence

# --- vocabulary -------------------------------------------------------------------------------

MODAL = re.compile(r"\b(?:ska|skall)\b", re.I)
_ASSIGNING = re.compile(r"\bi\s+uppdrag\s+(?:(?:åt|till)\s+[^.;]{1,200}?\s+)?att\b", re.I)
# "Regeringen uppdrar (vidare) åt Trafikverket att … årligen redovisa arbetet": an order that
# makes an undated delivery a duty (a date in such an opening is more often background)
_ORDERS = re.compile(
    r"\buppdrar(?:\s+(?:vidare|även|också|därför|dessutom))?\s+(?:åt|till)\s+[^.;]{1,200}?\s+att\b",
    re.I,
)
_DELIVER = re.compile(
    # ("slutrapporera": a typo on a published page)
    r"\b(?:(?:del|slut|åter)?redovis\w*|(?:del|slut|åter|av)?rapport?er\w*|lämna\w*|inkomm\w*|"
    r"ges\s+in|ge\s+in|överlämna\w*|rekvir\w*|rekvisition\w*|återbetal\w*|betala[s]?\s+tillbaka|"
    # "Underlaget ska vara regeringen (Näringsdepartementet) tillhanda senast den 20 juni 2018"
    r"tillhanda|"
    # "Länsstyrelserna bidrar senast 30 juni 2021 med underlag för en nationell lägesbild"
    r"bidra\w*(?=\s+(?:\S+\s+){0,8}?med\s+underlag\b)|"
    # "Universiteten ska beskriva hur arbetet har bedrivits i respektive årsredovisning …"
    r"(?:beskriv|kommenter)\w*(?=\s+(?:\S+\s+){0,8}?i\s+(?:(?:sin|sina|respektive|"
    r"myndighetens|myndigheternas|dess)\s+)?årsredovisning)|"
    r"returner\w*|återförs|återföras|"
    # informing is a delivery when the government is told or it goes on ("löpande
    # informera"); "informera om stödmaterialet" to others is not
    r"(?<=löpande\s)informera\w*|håll\w*\s+(?:\S+\s+){0,5}?(?:informera|uppdatera)\w*|informera\w*(?=\s+(?:\S+\s+){0,3}?(?:regeringskansliet|regeringen|"
    r"\w+departementet)\b)|"
    # "Regeringskansliet (Justitiedepartementet) ska informeras om hur arbetet fortlöper senast …"
    r"(?:regeringskansliet|regeringen|departementet)\s*(?:\([^)]{0,80}\)\s*)?(?:ska|skall)\s+"
    r"(?:\S+\s+)?informeras|redogör\w*|presentera\w*|(?:del|slut|läges)?rapport(?:en|er)?|plan(?:en)?|"
    r"föreslå|(?:fort)?löpande\s+dialog|kontinuerlig\s+dialog|i\s+dialog\s+med\s+regeringskansliet|"
    r"(?:genomförande|projekt|arbets|tids|aktivitets)plan\w*|"
    # "Regeringen förlänger tiden för X:s uppdrag att … till den 11 december 2020"
    r"förlänger\s+(?:tiden|uppdragstiden|redovisningstiden)|"
    r"(?:uppdrags|redovisnings)tiden\s+förlängs|uppdraget\s+förlängs(?=\s+till\s+den\b)|"
    # "Regeringen ändrar tiden för redovisningen. Den förlängs till den 31 mars 2021."
    r"^\s*(?:Den|Tiden)\s+förlängs(?=\s+till\s+den\b)|"
    # "sammanställa ett underlag till Kammarkollegiet senast …": what the agency hands over
    r"underlag\s+till\s+(?=(?:regeringskansliet|regeringen|kammarkollegiet|\w+departementet)\b)|"
    # "ska i sitt budgetunderlag för 2024–2026 räkna in …": said in the budgetunderlag
    r"(?<=i\s)(?:sitt|sina|sitt\s+kommande|myndighetens)\s+budgetunderlag|"
    # "Konsekvenserna … ska framgå av myndighetens budgetunderlag för 2018–2021"
    r"(?<=framgå\sav\s)(?:sitt|myndighetens|dess)\s+budgetunderlag)\b",
    re.I,
)
# "underlag till den klimatplan som regeringen ska lämna till Europeiska kommissionen senast
# den 30 juni 2025": the government's own delivery, and its date
_GOVERNMENTS_OWN = (
    r"\bsom\s+(?:regeringen|sverige)\s+(?:ska|skall)\s+(?:\S+\s+){0,2}?"
    r"(?:lämna|överlämna|redovisa|rapportera|ge\s+in|notifiera)\w*[^.;]*"
)
# "redovisas mot anslaget": bookkeeping, not a delivery
_NOT_DELIVERY = re.compile(
    r"\bredovisas\s+(?:mot|under|på)\s+(?:det\b|anslag|utgiftsområde)|"
    # "årligen publicera en rapport": for the public, not a delivery to the government
    r"\b(?:publicera\w*|ge\s+ut)\s+(?:en\s+|sin\s+|årliga\s+)?(?:[\wåäö]+\s+)?rapport\w*|"
    # "ska utan rekvisition senast den 26 november 2018 betala ut": no requisition at all
    r"\butan\s+(?:föregående\s+)?rekvisition\w*|"
    # "Boverket inte behöver lämna någon slutredovisning …", "ska inte heller varje år lämna
    # förslag …": a delivery the decision takes away
    # (a modal negated, not "Medel som inte har redovisats ska återbetalas …")
    r"\b(?:(?:ska|skall|behöver)\s+(?:\S+\s+)?(?:inte|ej|icke)|(?:inte|ej|icke)\s+behöver)\s+"
    r"(?!bara\b|enbart\b|endast\b)(?:heller\s+|längre\s+)?(?:\S+\s+){0,3}?"
    r"\w*(?:lämna|redovis|rapporter)\w*[^.;]*|"
    # "Jordbruksverket har hemställt att uppdraget ska upphöra från och med den redovisning som
    # ska ske senast den 30 april 2025": what the agency asked for
    r"\b(?:hemställt|hemställer|begärt|anhållit|anhåller)\s+(?:om\s+)?att\b[^.;]*|"
    rf"{_GOVERNMENTS_OWN}|"
    # "inordna uppgifterna, inklusive ansvaret för den ekonomiska redovisningen": a duty that
    # moves, not a report
    r"\bansvar(?:et)?\s+för\s+(?:den\s+|sin\s+|dess\s+)?(?:[\wåäö]+\s+)?\w*(?:redovisning|rapportering)\w*|"
    # "remissyttrandena ska lämnas till Regeringskansliet senast …": the consulted bodies'
    # answers, not the agency's delivery
    r"\bremiss(?:yttrande|svar)\w*\s+(?:ska|skall)\s+(?:\S+\s+){0,2}?(?:lämnas|ges\s+in|inkomma|ha\s+inkommit)[^.;]*|"
    # "inom tre månader efter att Kriminalvården lämnat sitt underlag": an event that starts
    # the clock, not a delivery of the sentence
    r"\b(?:efter\s+att|sedan|när)\s+(?:[\wåäö]+\s+){1,4}?(?:har\s+)?"
    r"(?:lämnat|lämnade|redovisat|redovisade|rapporterat|rapporterade|inkommit)\b",
    re.I,
)
# "synpunkter som har lämnats till Regeringskansliet under hearingen om … den 29 november
# 2023": what others have already handed in, however long the clause
_ALREADY_HANDED_IN = re.compile(
    r"\bsom\s+(?:har|hade)\s+(?:lämnats|redovisats|överlämnats|framförts|inkommit|getts|"
    r"hållits|genomförts)\s+(?:(?!senast\b|ska\b|skall\b)[^\s.;]+\s+){0,10}?(?:den\s+)?$",
    re.I,
)
_PAST_OR_CITED = re.compile(
    # a past act, a few words before its date: "som regeringen lämnade till Statens
    # servicecenter den 27 maj 2021"
    r"\b(?:redovisade|lämnade|beslutade|gav|gavs|fick|inkom|överlämnade|presenterade|publicerade|"
    r"publicerades|godkändes|antogs|fattade|fattat|daterad|daterat|daterade|tillsattes|beslutades|"
    r"inrättades|trädde\s+i\s+kraft|började|startade|påbörjades|avslutades|slutredovisades|"
    r"redovisades|delredovisades|lämnades|"
    # "som Åklagarmyndigheten har redovisat till regeringen i mars 2018", "barnkonventionen
    # blir lag den 1 januari 2020"
    r"(?:har|hade)\s+(?:redovisat|lämnat|överlämnat|presenterat|publicerat|beslutat|gett|givit|"
    r"fått|inkommit)|blir\s+lag)\s+(?:(?!senast\b|ska\b|skall\b)\S+\s+){0,4}?"
    r"(?:den\s+)?$|"
    # a reference or a starting point right before the date
    # "utgå från regeringens uppdrag till Trafikverket den 20 mars 2025 att …" (not "förlänger
    # tiden för redovisning av uppdraget till den 1 september 2026")
    r"\buppdrag(?:et)?\s+(?:till|åt)\s+(?!Regeringskansliet|Regeringen|[\wåäö]+departementet)"
    r"[A-ZÅÄÖ][\wåäö-]*\s+"
    r"(?:(?!(?:ska|skall|senast|får|och|i|att)\b)[\wåäö-]+\s+){0,2}?(?:den\s+)?$|"
    r"\b(?:beslut(?:et)?|regeringsbeslut(?:et)?|från\s+och\s+med|fr\.\s?o\.\s?m\.?|efter|"
    r"från|mellan|skrivelse|promemoria|rapport(?:en)?\s+från|i\s+stället\s+för|istället\s+för|"
    r"ändras\s+från|tidigare|ursprungligen|t\.\s?o\.\s?m\.?|till\s+och\s+med|perioden)\s+"
    r"(?:(?!senast\b|före\b|innan\b)\S+\s+){0,2}?(?:den\s+)?$|"
    # "rapporten Förslag på nytt förarutbildningssystem (TSV 2018-796) den 13 mars 2019": the
    # date of a document cited by its number
    r"\([^()]*\d[^()]*\)\s+(?:den\s+)?$|"
    # "perioden 1 juli 2021–31 december 2021": the end of a span of days
    r"\b(?:19|20)\d{2}\s*[–-]\s*(?:den\s+)?$|"
    # "sedan den 1 juli 2024" (since), not "ska sedan årligen den 15 februari" (then)
    r"\bsedan\s+(?:den\s+)?$|"
    # "förordning (EU) 2021/241 av den 12 februari 2021": the date of an act
    r"\b\d{1,4}/\d{1,4}(?:/[A-ZÅÄÖ]{2,4})?\s+av\s+(?:den\s+)?$",
    re.I,
)
# "medel som inte har använts vid utgången av 2025": a condition on money, not a deadline
_USED_MONEY_BEFORE = re.compile(
    r"\b(?:använts|förbrukats|utnyttjats|disponerats|använda|användas|disponeras)\s+"
    r"(?:(?:vid|per|före|senast|under|efter|t\.\s?o\.\s?m\.|till\s+och\s+med)\s+"
    r"(?:\S+\s+){0,2}?)?(?:den\s+)?$",
    re.I,
)
_PAST_MODAL = re.compile(r"\bskulle\b", re.I)
# "Det ursprungliga redovisningsdatumet var 30 december 2019."
_ORIGINAL_DATE = re.compile(
    r"\b(?:ursprungliga|tidigare)\s+(?:\w*datum\w*|\w*tidpunkt\w*)\s+(?:var|är|har\s+varit)\b",
    re.I,
)
_PRESENT_PASSIVE = re.compile(
    r"\b(?:\w*redovisas|\w*rapporteras|lämnas|återbetalas|returneras|återförs|rekvireras|"
    r"ges\s+in)\b|"
    r"\b(?:\w*redovisning(?:en|ar|arna)?|\w*rapport(?:en|er|erna)?)\s+(?:sker|lämnas)\b",
    re.I,
)
_OLD_DATE_BEFORE = re.compile(
    r"(?:i\s+stället\s+för|istället\s+för|ändras\s+från|från|tidigare|ursprungligen)\s+"
    r"(?:\S+\s+){0,2}?(?:den\s+)?$",
    re.I,
)
_AMENDMENT = re.compile(
    r"\b(?:i\s+stället|istället|ändras|ändrar|senareläggs|senarelägger|förlängs|förlänger)\b", re.I
)
_EXTENDED_TO = re.compile(r"\bförläng(?:s|er)\b[^.;]{0,160}?\btill\s+den\b", re.I)
_DEADLINE_WORD = re.compile(
    r"\b(?:senast|före|innan|inom|till\s+och\s+med|t\.\s?o\.\s?m\.|vid\s+utgången)\b", re.I
)
_CLAUSE_CUT = re.compile(r"\s(?:och|samt|medan)\s|;|\s[–-]\s")
_AFTER_CUT = re.compile(r"\s(?:och|samt|medan|med\s+(?:en|ett)|jämte)\s|;|\s[–-]\s|,")
_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("rekvisition", r"\brekvir\w*|\brekvisition\w*"),
        (
            "återbetalning",
            r"\båterbetal\w*|\bbetala[s]?\s+tillbaka|\båterföras|\båterförs|\breturner\w*",
        ),
        (
            "ekonomisk redovisning",
            # ("En årlig ekonomisk uppföljning ska lämnas senast …")
            r"\bekonomisk\w*\s+(?:redovis\w*|rapport\w*|slutredovis\w*|uppföljning\w*)|"
            r"\bredovis\w*\s+(?:de\s+)?"
            r"(?:kostnaderna|utgifterna)\b|\bkostnadsredovis\w*|\bredovisning\s+av\s+"
            r"(?:de\s+)?(?:använda|förbrukade|utbetalade|erhållna)\s+medel|\bredovis\w*\s+(?:\S+\s+){0,3}?(?:de\s+)?"
            r"(?:använda|förbrukade|utbetalade|erhållna)\s+medel(?:en)?\b|\bredovis\w*\s+(?:hur\s+)?"
            r"(?:[\wåäö]+\s+){0,3}?(?:medlen|medel|bidraget|beloppet|pengarna)\s+(?:har\s+)?(?:använts|"
            r"förbrukats|disponerats)|\bmedlen\s+ska\s+"
            r"redovisas|\bredovisning\s+av\s+(?:hur\s+)?medlen|"
            # "redovisa uppdragets ekonomi för kalenderåret 2023"
            r"\bredovis\w*\s+(?:uppdragets|dess|verksamhetens|projektets)\s+ekonomi\b",
        ),
        (
            "plan",
            r"\b(?:genomförande|projekt|arbets|tids|aktivitets|verksamhets)plan(?:en)?\b|"
            # (not "den nationella planen mot rasism", a policy the task follows)
            r"(?<![\wåäö-])(?<!nationella\s)(?<!regeringens\s)plan(?:en)?\b|"
            # "redovisa hur myndigheten avser att genomföra uppdraget", "hur uppdraget är
            # planerat att genomföras"
            r"\bhur\s+(?:[\wåäö]+\s+){1,3}?(?:avser|planerar|har\s+planerat)\s+(?:att\s+)?"
            r"genomföra\b|"
            r"\bhur\s+(?:[\wåäö]+\s+){1,2}?(?:är\s+planerat|planeras)\s+att\s+genomföras\b",
        ),
        (
            "slutredovisning",
            r"\bslutredovis\w*|\bslutrapport?\w*|\bslutlig\w*\s+redovis\w*|\bslutgiltig\w*\s+"
            r"redovis\w*|\bredovisas\s+slutligt",
        ),
        (
            "delredovisning",
            r"\bdelredovis\w*|\bdelrapport\w*|\blägesrapport\w*|\blägesredovis\w*|\blägesbild\w*|"
            r"\bdelresultat\w*|\bstatusrapport\w*|\bmellanrapport\w*|\bavrapporter\w*|"
            r"\blägesbeskrivning\w*|\b(?:denna|den)\s+del(?:en)?\s+av\s+uppdraget\b|"
            # "lämna en redovisning av de delar av uppdraget som rör avgifter"
            r"\b(?:de|vissa|följande)\s+delar\s+av\s+uppdraget\b|"
            # "redovisa uppdraget i den del det rör separata ansökningar"
            r"\bi\s+(?:den|de)\s+del(?:ar)?\s+(?:det|den|som)\s+(?:rör|avser|gäller)\b|"
            r"\bhur\s+arbetet\s+(?:fortskrider|fortlöper|"
            r"framskrider|går\s+framåt)|\barbetets\s+fortskridande|\bläget\s+i\s+arbetet|"
            r"\bredovisa\s+läget\b|\bframdriften\b|"
            # "En första redovisning ska dock lämnas …"
            r"\bförsta\s+(?:redovisning|rapport|avrapportering)\w*|"
            # "Uppdraget ska såvitt avser punkterna 1 och 2 redovisas …": a part of it
            r"\b(?:såvitt|vad)\s+(?:avser|gäller)\s+(?:punkt(?:erna)?|deluppdrag(?:en|et)?)\s+\d",
        ),
        ("årlig redovisning", r"\bårligen\b|\bårlig\w*|\bvarje\s+år\b|\ben\s+gång\s+per\s+år\b"),
        # "Ansökan ska ha inkommit till Energimarknadsinspektionen senast …": an application
        # the agency makes, not a report
        # ("Ansökan med skälen för de föreslagna åtgärderna ska ha inkommit …")
        ("övrigt", r"\b(?:ansökan|ansökningen)(?:\s+[^\s.;]+){0,8}?\s+(?:ska|skall)\b"),
    )
)
_ECONOMIC_WORDS = next(p for kind, p in _KIND_WORDS if kind == "ekonomisk redovisning")
_SPECIFICITY = {
    "rekvisition": 0,
    "återbetalning": 0,
    "ekonomisk redovisning": 0,
    "plan": 1,
    "slutredovisning": 1,
    "delredovisning": 1,
    "årlig redovisning": 2,
    "övrigt": 3,
}
_ANNUAL = re.compile(
    r"\b(?:årligen|varje\s+år|en\s+gång\s+per\s+år|årlig\w*|per\s+år|respektive\s+år)\b", re.I
)
_OTHER_RECURRENCE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I))
    for name, pattern in (
        ("kvartalsvis", r"\bkvartalsvis\b|\bvarje\s+kvartal\b|\ben\s+gång\s+per\s+kvartal\b"),
        ("halvårsvis", r"\bhalvårsvis\b|\bvarje\s+halvår\b|\ben\s+gång\s+per\s+halvår\b"),
        ("månadsvis", r"\bmånadsvis\b|\bvarje\s+månad\b|\ben\s+gång\s+per\s+månad\b"),
    )
)
# "enligt sin instruktion": a standing duty of the agency, not part of this assignment
STANDING_DUTY = re.compile(
    r"\benligt\s+(?:sin|sitt|sina|dess|myndighetens|kommitténs|utredningens|[\wåäö]+s)\s+"
    r"(?:instruktion|regleringsbrev|direktiv|tilläggsdirektiv|kommittédirektiv)|"
    r"\bi\s+(?:sin|sitt|sina)\s+(?:instruktion|regleringsbrev|direktiv)|"
    # "pågående uppdrag i regleringsbrevet för Bolagsverket … som ska redovisas senast …"
    r"\buppdrag(?:et)?\s+i\s+regleringsbrevet\b|"
    r"\bi\s+enlighet\s+med\s+(?:sin|sitt|sina|dess)\s+(?:instruktion|regleringsbrev|direktiv)|"
    # "Enligt Skolverkets förslag i delredovisningen ska central rättning införas våren 2027"
    r"^\s*Enligt\s+(?:\S+\s+){0,3}?(?:förslag(?:et)?|bedömning(?:en)?|rapport(?:en)?|"
    r"tidsplan(?:en)?)\b|"
    # "Vattenmyndigheterna ska enligt förordningen (2017:868) redovisa …", "Sida ska enligt
    # strategin årligen redovisa …": the duty comes from elsewhere ("ska enligt beslutet …"
    # in an amendment is the decision's own)
    r"\b(?:ska|skall)\s+enligt\s+(?:\S+\s+){0,2}?(?:förordning(?:en)?|lag(?:en)?|"
    r"strategi(?:n)?|instruktion(?:en)?|regleringsbrev(?:et|en)?|föreskrift(?:en|erna)?)\b|"
    r"^\s*Enligt\s+(?:\S+\s+){0,2}?(?:förordning(?:en)?|lag(?:en)?|strategi(?:n)?|"
    r"instruktion(?:en)?|regleringsbrev(?:et)?|föreskrift(?:en|erna)?)\b|"
    # "Av regleringsbrevet för 2026 framgår att Skolverket ska redovisa …"
    # "Av Europaparlamentets och rådets förordning (EU) 2021/2115 av den … framgår att …"
    r"^\s*Av\s+(?:\S+\s+){0,3}?(?:förordning(?:en)?|lag(?:en)?|strategi(?:n)?|"
    r"instruktion(?:en)?|regleringsbrev(?:et)?|föreskrift(?:en|erna)?|direktiv(?:en)?)\b"
    r"[^;]{0,600}?\bframgår\b|"
    # "Utredningen ska redovisa sitt uppdrag senast … (dir. 2025:12)": a committee's directive
    r"\(\s*dir\.\s*\d{4}:\d{1,4}\s*\)",
    re.I,
)
# "Regeringen gav den 16 mars 2023 Försäkringskassan i uppdrag att redovisa … senast den 31
# mars 2024", "Regeringen har i regleringsbrevet för 2025 gett ESV i uppdrag att senast …": an
# earlier assignment, cited; its dates are at most the ones an amendment replaces
# "Kommunerna kan söka bidrag fram till … och ska redovisa …": the duty of those who receive
# the money, not of the agency the decision addresses
_GRANTEE_SUBJECT = re.compile(
    r"\s*(?:(?:Därefter|Dessutom|Även|Vidare|Samtidigt|Också)\s+)?(?:De|Den|Varje|Alla|En)?\s*"
    r"(?:kommuner(?:na)?|regioner(?:na)?|huvudm(?:än(?:nen)?|annen)|kommunen|regionen|"
    r"organisation(?:en|er|erna)|förening(?:en|ar|arna)|(?:stöd|bidrags|medels)?mottagar(?:e|en|na)|"
    r"sökand(?:e|en|na)|företag(?:et|en)?|aktör(?:en|er|erna)|"
    r"projekt(?:et|en)?ägar\w*|kommittén|utredaren|utredningen|"
    r"som\s+(?:beviljas|har\s+beviljats|tar\s+emot|får)\s+\w+)\b"
    r"(?:\s+som\s+(?:beviljas|har\s+beviljats|tar\s+emot|får)\s+\w+)?"
    r"(?=\s+(?:kan|får|ska|skall|bör|måste|redovisar|lämnar|återbetalar|rapporterar|rekvirerar)\b)",
    re.I,
)


_EARLIER_ASSIGNMENT = re.compile(
    r"\b(?:gav|gett|givit|gavs|fick|fått|uppdrog)\b[^.;]{0,160}?\bi\s+uppdrag\b|"
    r"\bbeslutade\s+(?:\S+\s+){0,6}?att\s+ge\b[^.;]{0,120}?\bi\s+uppdrag\b",
    re.I,
)
# "Det uppdraget ska redovisas senast …" (in the reasons, about another assignment)
_OTHER_ASSIGNMENT = re.compile(
    r"^\s*(?:Även\s+)?(?:Det|Det\s+tidigare|Det\s+förra|Det\s+nämnda|Det\s+senare)\s+"
    r"(?:uppdraget|regeringsuppdraget)\b",
    re.I,
)
# "Den delredovisning som enligt det ursprungliga beslutet skulle lämnas senast den 1 oktober
# 2023 ska i stället lämnas …": the date under "skulle" is the replaced one
_CHANGED_AS_FOLLOWS = re.compile(
    r"\b(?:ändras|justeras)\s+(?:enligt\s+följande|på\s+följande\s+sätt|enligt\s+nedan)\b", re.I
)
_SKULLE_BEFORE = re.compile(r"\bskulle\b(?:(?!\b(?:ska|skall)\b).)*$", re.I | re.S)
# "Enligt det beslutet ska uppdraget slutredovisas senast den 31 mars 2024" (under Bakgrund)
_BY_EARLIER_DECISION = re.compile(
    r"\b(?:enligt|i)\s+(?:det\s+|detta\s+|regeringens\s+)?(?:(?:ursprungliga|tidigare|"
    r"nämnda)\s+)?beslut(?:et)?\b",
    re.I,
)
# "ESV ska föreslå hur uppföljningen kan redovisas i årsredovisningarna": what a report is
# about, not when it is due
_CONTENT_CLAUSE = re.compile(
    r"\bhur\s+(?:(?!\b(?:ska|skall|senast)\b)[^,;])*?\b(?:kan|bör|skulle|kunde|borde)\b"
    r"(?:(?!\bsenast\b)[^,;])*$",
    re.I,
)
_ONGOING = re.compile(
    # ("ska ha en nära dialog med Socialdepartementet", but not "i nära dialog med … samverka")
    r"\b(?:(?:fort)?löpande|kontinuerlig|regelbunden|(?<=\bha\sen\s)nära|(?<=\bföra\sen\s)nära|"
    r"regelbundet\s+(?:och\s+)?i)\s+dialog\s+"
    r"(?:[^.;]{0,60}?\s)?med\s+(?:regeringskansliet|"
    r"regeringen|\w+departementet)|"
    # "Dialog ska föras löpande med Regeringskansliet (…)"
    r"\bdialog(?:en)?\s+(?:ska|skall)\s+föras\s+(?:fort)?(?:löpande|kontinuerligt|regelbundet)\s+"
    r"med\s+(?:regeringskansliet|regeringen|\w+departementet)|"
    # "ska under uppdragstiden ha en dialog med Regeringskansliet (…)"
    r"\bha\s+en\s+dialog\s+med\s+(?:regeringskansliet|regeringen|\w+departementet)|"
    r"\b(?:fort)?löpande\s+(?:\S+\s+){0,4}?(?:informera\w*|uppdatera\w*|(?:åter|av)?rapportera\w*|"
    r"redovisa\w*|hålla\w*|stämma\s+av|samråda|underrätta\w*)|\b(?:informera\w*|hålla\w*|(?:åter)?rapportera\w*|"
    r"redovisa\w*|underrätta\w*)\s+(?:\S+\s+){0,5}?(?:fort)?löpande\b|\b(?:kontinuerligt|"
    r"regelbundet)\s+(?:\S+\s+){0,3}?(?:informera\w*|hålla\w*\s+(?:\S+\s+){0,4}?informerad\w*)|"
    # "ska under uppdragets genomförande hålla Regeringskansliet (…) informerat" (or
    # "uppdaterad"), "ska
    # informera Regeringskansliet om arbetets gång / om hur arbetet fortskrider"
    r"\bhåll(?:a|er)\s+(?:\S+\s+){0,3}?(?:regeringskansliet|regeringen|\w+departementet)\s*"
    r"(?:\([^)]{0,120}\)\s*)?(?:informera|uppdatera)[dt]\w*|\binformera\s+(?:regeringskansliet|regeringen|\w+departementet)\s*"
    r"(?:\([^)]{0,120}\)\s*)?(?:och\s+\w+departementet\s+)?om\s+(?:hur\s+(?:arbetet|uppdraget)\s+(?:med\s+\S+\s+)?(?:fortskrider|"
    r"fortlöper|utvecklas|går)|arbetets\s+(?:gång|fortskridande))|"
    # "ska stämma av med Regeringskansliet under arbetets gång med minst två muntliga …"
    r"\bstämma\s+av\s+med\s+(?:regeringskansliet|regeringen|\w+departementet)\b[^.;]{0,40}?"
    r"\bunder\s+arbetets\s+gång|"
    # "ska informera Justitiedepartementet om fall som är av särskild betydelse": whenever
    # they occur
    r"\binformera\s+(?:regeringskansliet|regeringen|(?:\w+-\s*och\s+)?\w+departementet)\s*"
    r"(?:\([^)]{0,120}\)\s*)?om\s+(?:(?:de|alla|sådana|eventuella)\s+)?(?:fall|händelser|ärenden|incidenter|avvikelser|"
    r"väsentliga\s+förändringar)\b|"
    # "alltid underrätta Regeringskansliet när avtal har ingåtts", "informera Regeringskansliet
    # innan åtgärder utförs"
    r"\b(?:informera|underrätta)\s+(?:regeringskansliet|regeringen|(?:\w+-\s*och\s+)?"
    r"\w+departementet)\s*(?:\([^)]{0,120}\)\s*)?(?:,\s*)?(?:när|innan|så\s+snart)\b|"
    # "ska vid de tidpunkter och i den form som beslutas i dialog med Regeringskansliet
    # informera om arbetet"
    r"\bvid\s+(?:de\s+)?tidpunkter\b[^.;]{0,160}?\b(?:informera|redovisa|rapportera)\w*|"
    # "Avstämning ska ske med Regeringskansliet (…) under arbetets gång"
    r"\bavstämning(?:ar)?\s+(?:ska|skall)\s+ske\s+(?:(?:löpande|kontinuerligt|regelbundet)\s+)?"
    r"med\s+(?:regeringskansliet|\w+departementet)|"
    # "ha löpande avstämningar med Regeringskansliet (…) under arbetets gång"
    r"\b(?:(?:fort)?löpande|kontinuerliga|regelbundna)\s+avstämning(?:ar)?\s+med\s+"
    r"(?:regeringskansliet|regeringen|\w+departementet)|"
    # "Delredovisning ska ske löpande enligt närmare anvisning från Regeringskansliet"
    r"\b\w*(?:redovisning|rapportering)\w*\s+(?:ska|skall)\s+(?:ske|lämnas)\s+(?:fort)?löpande\b|"
    # "ska veckovis lämna en redovisning till Regeringskansliet", "ska uppdraget varje månad
    # redovisas": too often to date each
    r"\b(?:veckovis|varje\s+vecka|en\s+gång\s+(?:i|per)\s+(?:veckan|månaden)|månadsvis|"
    r"varje\s+månad|regelbundet)\s+(?:\S+\s+){0,3}?(?:lämna\w*|redovisa\w*|rapportera\w*|informera\w*|"
    r"skicka\w*)|"
    # "ska lämna en skriftlig rapport till Regeringskansliet (…) en gång per månad", "ska
    # varannan månad rapportera"
    r"\b(?:lämna\w*|redovisa\w*|rapportera\w*)\b[^.;]{0,120}?\b(?:en\s+gång\s+(?:i|per)\s+"
    r"(?:vecka|veckan|månad|månaden)|varannan\s+(?:vecka|månad)|veckovis|månadsvis|månatligen|"
    r"varje\s+(?:vecka|månad))\b|"
    r"\b(?:varannan\s+(?:vecka|månad)|månatligen)\s+(?:\S+\s+){0,3}?(?:lämna\w*|redovisa\w*|"
    r"rapportera\w*|informera\w*)|"
    # "Löpande redovisning av uppdraget ska lämnas …", "De redovisar löpande …"
    r"\b(?:fort)?löpande\s+(?:redovisning|rapportering|återrapportering|avrapportering)\w*|"
    r"\b\w*redovisa[rs]\s+(?:\S+\s+){0,2}?löpande\b",
    re.I,
)
# "lämna förslag till format och tidsintervall för en löpande redovisning": a proposal about
# ongoing reports, not one
_ONGOING_PROPOSED = re.compile(
    r"\b(?:förslag\w*|föreslå\w*|format|formerna|former)\b[^.;]{0,80}$", re.I
)


def _find_ongoing(text: str) -> re.Match[str] | None:
    """The first phrase of an ongoing duty in `text` that is not a proposal about one."""
    for m in _ONGOING.finditer(text):
        if not _ONGOING_PROPOSED.search(text, 0, m.start()):
            return m
    return None


# "senast tre månader efter att förordningen har trätt i kraft", "inom sex veckor från det att
# avtalet har undertecknats": a deadline counted from an event, whose date the decision lacks
_NUMBER_WORDS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "arton": 18, "tjugofyra": 24,
}  # fmt: skip
_NUMBER_WORD = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + ")"


def _count(word: str) -> int:
    """A `_NUMBER_WORD` as a number: "14" or "tre"."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


# "Tre månader efter att uppdraget har slutredovisats ska …", "senast sex veckor efter
# slutredovisningen"
_AFTER_FINAL = re.compile(
    rf"\b(?:(?:senast|inom)\s+)?(?P<n>{_NUMBER_WORD})\s+(?P<u>dagar|veckor|månader)\s+efter\s+"
    r"(?:(?:att|det\s+att)\s+)?(?:uppdraget\s+(?:har\s+)?slutredovisa(?:ts|s)|"
    r"slutredovisning(?:en)?|slutrapport(?:en)?)\b",
    re.I,
)
_AFTER_EVENT = re.compile(
    rf"\b(?:senast|inom)\s+(?:{_NUMBER_WORD}\s+)?(?:kalender|arbets)?(?:dag(?:ar)?|veck(?:a|or)|"
    r"månad(?:er)?|år)\s+(?:efter|från)\s+(?:det\s+att|att|det\s+att\s+|det\s+)?",
    re.I,
)
# "senast fyra månader efter beslutet", "inom tre veckor från dagen för detta beslut"
_AFTER_DECISION = re.compile(
    rf"\b(?:senast|inom)\s+(?P<n>{_NUMBER_WORD})\s+(?P<u>dag|dagar|vecka|veckor|månad|månader)\s+"
    r"(?:efter|från)\s+(?:dagen\s+för\s+)?(?:detta\s+beslut|beslutet|regeringens\s+beslut|"
    r"beslutsdagen|beslutsdatum(?:et)?|att\s+(?:detta\s+)?beslut(?:et)?\s+(?:har\s+)?fattats)\b",
    re.I,
)
_SAME_TIME = re.compile(
    r"\b(?:vid\s+samma\s+(?:tidpunkt|tillfälle|tid)|samtidigt|samma\s+(?:dag|datum)|"
    r"senast\s+samma\s+(?:dag|datum)|"
    r"vid\s+den\s+tidpunkten)\b",
    re.I,
)
_WITH_REPORT = re.compile(
    r"\bi\s+samband\s+med\s+(?:(?P<k>slut|del)?(?:redovisning(?:en)?|rapport(?:en)?|"
    r"rapportering(?:en)?))\b",
    re.I,
)
_VALIDITY = re.compile(
    # (not "en plan för hur uppdraget ska genomföras")
    r"(?<!\bhur\s)\buppdraget\s+(?:gäller|löper|pågår|ska\s+(?:vara\s+)?(?:slutfört|avslutat|"
    r"genomfört|slutföras|avslutas|genomföras))\b",
    re.I,
)
_COPY_START = r"\b(?:med\s+)?(?:en\s+)?kopia\s+(?:för\s+kännedom\s+)?till\s+"
# "med kopia till Finansdepartementet": a copy, not a recipient; only the names are removed
_COPY = re.compile(rf"{_COPY_START}{AGENCY}(?:\s*(?:,|och|samt)\s*{AGENCY})*")
_RECIPIENT = re.compile(
    rf"\b(?:till|hos|från)\s+(?P<r>{AGENCY})"
    # "ska vara regeringen (Näringsdepartementet) tillhanda senast …"
    rf"|\bvara\s+(?P<h>{AGENCY})(?=\s*(?:\([^)]{{1,80}}\)\s*)?tillhanda\b)"
    # "Uppdraget slutredovisas Socialdepartementet senast …" (the "till" left out)
    # "till respektive ansvarigt departement i Regeringskansliet"
    r"|\btill\s+(?:(?:respektive|berört|berörda|ansvarigt|ansvariga)\s+)+departement(?:et)?"
    r"(?P<rk>\s+i\s+Regeringskansliet)?"
    # ("Försäkringskassan redovisar uppdraget Socialdepartementet senast …", "ska … lämna
    # Socialdepartementet en redovisning")
    r"|\b(?:\w*redovisas|lämnas|\w*redovisar(?:\s+uppdraget)?|lämna)\s+"
    r"(?P<d>[A-ZÅÄÖ][a-zåäö]+(?:-\s*och\s+[a-zåäö]+)?departementet)\b"
)

# --- validity ("Uppdraget gäller t.o.m. …") ----------------------------------------------------


def read_validity(ex: Extraction, sentence: Sentence) -> None:
    m = _VALIDITY.search(sentence.text)
    if m is None:
        return
    for hit in find_dates(sentence.text):
        if hit.start > m.start() and hit.values:
            span = (sentence.start + hit.start, sentence.start + hit.end)
            ex.validity.append((hit.values[-1], sentence, span))
            return


# --- deadlines -------------------------------------------------------------------------------


def _deliveries(text: str) -> list[re.Match[str]]:
    bad = [m.span() for m in _NOT_DELIVERY.finditer(text)]
    return [m for m in _DELIVER.finditer(text) if not any(a <= m.start() < b for a, b in bad)]


def _clause_bounds(text: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _CLAUSE_CUT.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


_CITED_DECISION_AFTER = re.compile(
    r"\s*\((?:dnr\.?:?\s*)?[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\s?\d{4}\s?/\s?\d{2,6}|"
    # "regeringens beslut den 4 februari 2016 om … och den 19 april 2018 om uppdrag till …"
    r"\s*om\s+(?:ett\s+|det\s+)?(?:regerings)?uppdrag(?:et)?\s+(?:till|åt|att)\b",
    re.I,
)


_PERIOD_ABOUT = re.compile(
    r"\b(?:avseende|för|om)\s+(?:tiden|tid|perioden|åren)\s+(?:före|efter|fram\s+till|från)\s+"
    r"(?:och\s+med\s+)?(?:den\s+)?$",
    re.I,
)


# "förlänger uppdragstiden till och med den 1 februari 2026, då uppdraget slutredovisas": the
# end of the term is the day of the report
_THEN_REPORTED = re.compile(
    r"\s*,?\s*då\s+(?:(?:uppdraget|det|arbetet)\s+)?(?:ska\s+)?(?:\S+\s+){0,2}?"
    r"\w*(?:redovisas|rapporteras|lämnas)\b",
    re.I,
)


def _accept_date(text: str, hit: DateHit, deliveries: list[re.Match[str]], modal: bool) -> bool:
    before = text[max(0, hit.start - 60) : hit.start]
    if _THEN_REPORTED.match(text, hit.end):
        return True
    if re.search(r"\bmed\s+(?:start|början)\s+(?:den\s+)?$", before, re.I) and not re.search(
        r"\b(?:årligen|halvårsvis|kvartalsvis|varje\s+(?:år|halvår|kvartal)|per\s+(?:år|kvartal))\b",
        text,
        re.I,
    ):
        # "veckovis redovisa … med start den 1 juli 2020", "redovisa omfattningen …, med start
        # den 1 juli 2020": when something begins, not the first of a dated series
        return False
    if _ALREADY_HANDED_IN.search(text, max(0, hit.start - 160), hit.start):
        return False
    if _PAST_OR_CITED.search(before):
        return False
    used = _USED_MONEY_BEFORE.search(before)
    if used and not (
        re.search(r"\bsenast\s+(?:den\s+)?$", before, re.I)
        and re.search(
            # "… återbetalas senast …", "lämna en redovisning över hur medlen har använts
            # senast den 31 mars 2023": the report on the money is due then
            r"\båterbetal\w*|\bbetala\w*\s+tillbaka|\bredovisning\s+(?:över|av|om)\s+hur\b",
            text[: hit.start],
            re.I,
        )
    ):
        return False  # "medel som inte har använts vid utgången av 2025": a condition
    if re.search(r"\b(?:har|hade)\s+(?:den\s+)?$", before, re.I):
        return False  # "X har den 20 maj 2025 begärt …"
    if any(m.start() < hit.start < m.end() for m in re.finditer(_GOVERNMENTS_OWN, text, re.I)):
        return False
    if _PERIOD_ABOUT.search(before):
        return False  # "kostnaderna … avseende tid före den 1 januari 2027": what, not when
    if re.search(
        r"\b(?:fram\s+till|till\s+och\s+med|t\.\s?o\.\s?m\.?)\s+(?:den\s+)?$", before, re.I
    ) and ((ongoing := _find_ongoing(text)) is not None and ongoing.end() <= hit.start):
        return False  # "redovisas löpande … fram till den 31 december 2021": how long, not when
    if re.search(
        r"\befter\s+(?:tidpunkten\s+för|det\s+att)\b(?:(?!\bsenast\b)[^.;]){0,150}$",
        text[max(0, hit.start - 200) : hit.start],
        re.I,
    ):
        return False  # "Det ska ske efter tidpunkten för avvecklingen … den 31 december 2017"
    if re.search(
        r"\bsom\s+(?:\S+\s+){0,3}?(?:träder|ska\s+träda|föreslås\s+träda|avses\s+träda)\s+i\s+"
        r"kraft\s+(?:den\s+)?$",
        before,
        re.I,
    ):
        return False  # "ändringarna i lagen om barn som närstående som träder i kraft den 1 juli"
    if re.search(
        # (not "senast i samband med att lagändringarna träder i kraft den 1 juli 2026")
        r"\b(?:avslutas|upphör|upphöra|löper\s+ut|löpa\s+ut)\s+(?:den\s+)?$",
        before,
        re.I,
    ):
        return False  # "Uppdraget ska redovisas löpande … och avslutas den 31 december 2021"
    if re.search(r"\b(?:riksdagen|regeringen)\s+(?:\S+\s+){0,3}$", before, re.I) and re.match(
        r"\s+(?:beslutar|beslutat|fattar|antar|har\s+beslutat)\b", text[hit.end :], re.I
    ):
        return False  # "baserad på antagandet att riksdagen under slutet av 2018 beslutar om …"
    if _CITED_DECISION_AFTER.match(text, hit.end):
        return False  # "… den 17 maj 2018 (N2018/03101/SK)": the date of a decision cited
    if re.search(r"\bbetänkande\w*,?\s+som\s+(?:ska|skall)\s+(?:\S+\s+){0,3}?$", before, re.I):
        return False  # "… i sitt betänkande, som ska redovisas senast …": an inquiry's
    if _CONTENT_CLAUSE.search(text[max(0, hit.start - 150) : hit.start]):
        return False
    if hit.kind == "year" and (hit.prefix.startswith("under") or hit.prefix == "före"):
        # A bare year is a deadline only when governed: "senast 2026", "före utgången av
        # 2026", or "redovisas under 2026" (a delivery verb right before "under").
        near = text[max(0, hit.start - 30) : hit.start]
        if not re.search(r"\b(?:\w*redovisas|\w*rapporteras|lämnas|ske)\s+$", near, re.I):
            return False
    if (
        hit.kind in ("season", "half", "quarter")
        and re.search(r"\bunder\s+$", text[max(0, hit.start - 12) : hit.start], re.I)
        and not re.search(r"\b(?:\w*redovisas|\w*rapporteras|lämnas|ske)\s+under\s+$", before, re.I)
        and re.search(r"\bsenast\s+(?:den\s+)?\d{1,2}\s+[a-zåäö]+", text[hit.end :], re.I)
    ):
        # "Arbetet genomförs under våren 2026 och redovisas … senast den 30 september": when
        # the work is done; the day after "senast" (which may take its year) is the deadline
        return False
    if hit.kind in ("half", "quarter", "month") and re.search(
        r"\bför\s+(?:det\s+)?$", before, re.I
    ):
        return False  # "en bedömning av behovet för andra halvåret 2022": what it is about
    if hit.kind == "annual" and not hit.values:
        return bool(deliveries) and modal
    if _event_before(text, hit.start):
        return False  # the date of the event a deadline is counted from, not the deadline
    senast = _DEADLINE_WORD.search(text[max(0, hit.start - 40) : hit.start]) is not None
    return bool(deliveries) and (modal or senast)


def _described(ex: Extraction, text: str, accepted: list[DateHit]) -> list[DateHit]:
    """ "Redovisningen som ska inkomma senast den 20 oktober 2023 ska innehålla ett förslag på
    genomförandeplan": the delivery found before, described; what it contains may name its
    kind."""
    kept = []
    for h in accepted:
        earlier = [d for d in ex.deadlines if d.due and d.due in h.values]
        in_series = [v for v in h.values for d in ex.deadlines if _in_series(d, v)]
        described = _DESCRIBED.search(text[max(0, h.start - 80) : h.start]) or (
            # "Delredovisningen den 1 mars 2030 ska även innehålla förslag …"
            re.search(
                r"\b\w*(?:redovisning|rapport)(?:en)?\s+$", text[max(0, h.start - 40) : h.start]
            )
            and re.match(r"\s+(?:ska|skall)\s+(?:även\s+|också\s+)?innehålla\b", text[h.end :])
        )
        if not h.values or len(earlier) + len(in_series) < len(set(h.values)) or not described:
            kept.append(h)
            continue
        kind = _kind_near(text, h.end, h.end, len(text))
        for d in earlier:
            if d.kind is None and kind is not None and not d.repeats:
                d.kind = kind
    return kept


def _in_series(d: FoundDeadline, value: str) -> bool:
    """`value` is one of the dates of the yearly series `d` after its first (one whose end
    is not yet known counts too)."""
    if d.repeats != "årligen" or not d.due or value == d.due:
        return False
    if not is_iso_day(value) or value[4:] != d.due[4:]:
        return False
    return d.due < value and (d.until is None or value <= d.until)


_DESCRIBED = re.compile(
    r"\b(?:\w*redovisning|\w*rapport)(?:en|erna)?\s+som\s+(?:ska|skall)\s+(?:\S+\s+){0,3}?"
    r"(?:senast\s+)?(?:den\s+)?$",
    re.I,
)


def _without_event_dates(text: str, accepted: list[DateHit]) -> list[DateHit]:
    """ "… ska lämnas senast den 1 oktober 2016 för möjlig användning i samband med
    Innovationsveckan i Brasilien i oktober 2016": a later date that no deadline word or
    delivery governs, only an event, is when the event happens."""
    out: list[DateHit] = []
    for hit in accepted:
        if out and hit.values and out[-1].values:
            between = text[out[-1].end : hit.start]
            if (
                re.search(r"\bi\s+samband\s+med\b", between, re.I)
                and not _DEADLINE_WORD.search(between)
                and not _deliveries(between)
                and not re.search(r"\b(?:och|samt|respektive)\b", between, re.I)
            ):
                continue
        out.append(hit)
    return out


def _event_before(text: str, pos: int) -> re.Match[str] | None:
    """ "senast tre månader efter att lagen har trätt i kraft den 1 juli 2026": the nearest
    deadline word before pos counts from an event."""
    a, _ = _clause_bounds(text, pos)
    last: re.Match[str] | None = None
    for m in _AFTER_EVENT.finditer(text, max(0, a - 200), pos):
        last = m
    if last is None:
        return None
    later = _DEADLINE_WORD.search(text, last.end(), pos)
    return None if later else last


def _event_deadlines(
    ex: Extraction, sentence: Sentence, text: str, accepted: list[DateHit]
) -> bool:
    """Deliveries due some time after an event: one undated entry each, with a note."""
    added = False
    for m in _AFTER_EVENT.finditer(text):
        a, b = _clause_bounds(text, m.start())
        if any(a <= h.start < b and not _event_before(text, h.start) for h in accepted):
            continue
        clause_start = max(0, text.rfind(".", 0, m.start()) + 1)
        if not _deliveries(text[clause_start:]):
            continue
        counted = _counted_from_decision(ex, sentence, text, m.start())
        if counted is not None:
            ex.deadlines.append(counted)
            added = True
            continue
        tail = re.split(r"[.;]", text[m.end() :], maxsplit=1)[0]
        event = short_text(text[m.start() : m.end() + len(tail)].strip(), 120)
        ex.deadlines.append(
            FoundDeadline(
                _kind_near(text, m.start(), 0, len(text)),
                None,
                sentence,
                (sentence.start + m.start(), sentence.start + m.end()),
                ongoing=True,
                recipient=_first_recipient(text, ex.identity.alias_of),
                title=_title_for(text, None),
                note=(
                    f"Beslutet räknar tiden från en händelse ({event}) och anger inget datum; "
                    "räkna ut datumet när händelsen är känd."
                ),
            )
        )
        added = True
    return added


def _counted_from_decision(
    ex: Extraction, sentence: Sentence, text: str, at: int
) -> FoundDeadline | None:
    """ "ska redovisas senast fyra månader efter beslutet": the decision's date plus the time,
    when the date is known (from the text or --beslutad)."""
    m = _AFTER_DECISION.match(text, at)
    decided = ex.identity.decided
    if m is None or decided is None:
        return None
    n, unit = _count(m.group("n")), m.group("u").lower()
    due = later(date.fromisoformat(decided), n, unit)
    return FoundDeadline(
        _kind_near(text, m.start(), 0, len(text)),
        due.isoformat(),
        sentence,
        (sentence.start + m.start(), sentence.start + m.end()),
        recipient=_first_recipient(text, ex.identity.alias_of),
        title=_title_for(text, None),
        note=f"Datumet är räknat: {n} {unit} efter beslutsdagen {decided}. Kontrollera.",
    )


# "Regeringen har gett en utredning i uppdrag att … . … Uppdraget ska slutredovisas senast den
# 22 december 2025.": the inquiry's assignment, in its paragraph
_INQUIRY = re.compile(
    r"\b(?:gett|gav|givit)\s+(?:en\s+)?(?:särskild\s+)?(?:utredning|utredare|kommitté)\w*\s+"
    r"i\s+uppdrag\b",
    re.I,
)
_ITS_ASSIGNMENT = re.compile(r"\s*(?:Uppdraget|Utredningen|Utredaren|Kommittén)\b")
_SUPPORTS_GOVERNMENT = re.compile(
    r"\W*(?:bistå|förse|stödja)\s+(?P<r>Regeringskansliet(?:\s*\([^)]{1,120}\))?|regeringen),?\s+"
    r"med\s+(?:underlag|information|kunskap)",
    re.I,
)


def read_deadlines(ex: Extraction, sentence: Sentence) -> None:
    text = _COPY.sub(lambda m: " " * len(m.group()), sentence.text)
    if _INQUIRY.search(text):
        ex.inquiry_paragraphs.add(sentence.paragraph)
    if _VALIDITY.search(text) and not re.search(r"\b(?:redovis|rapporter|lämna)", text, re.I):
        return
    lead = sentence.lead  # "Socialstyrelsen ska bland annat:" before "• senast den … redovisa"
    grantee = _GRANTEE_SUBJECT.match(lead or text)
    if grantee and (lead or text)[: grantee.end()].strip().lower() in ex.identity.aliases:
        grantee = None  # "Regeringen beslutar att regionerna får rekvirera …": they are ours
    if STANDING_DUTY.search(text) or grantee:
        return
    if _ITS_ASSIGNMENT.match(text) and sentence.paragraph in ex.inquiry_paragraphs:
        return
    if (
        lead
        and re.search(r"\blöpande\b", lead, re.I)
        and (support := _SUPPORTS_GOVERNMENT.match(text))
    ):
        # "Skogsstyrelsen ska löpande …: – bistå Regeringskansliet (Näringsdepartementet) med
        # underlag …": an ongoing duty towards the government
        d = _ongoing(ex, sentence, text, support)
        d.recipient = _normalise_recipient(support.group("r"), ex.identity.alias_of)
        ex.deadlines.append(d)
        return
    promise = _GRANTEE_PROMISES.search(lead) if lead else None
    if promise and not _OWN_ITEM.match(BULLET.sub("", text, count=1)):
        who = promise.group("who").lower()
        if not any(re.search(rf"\b{re.escape(a)}\b", who) for a in ex.identity.aliases):
            return  # (an addressed agency's own promises are its duties)
    if lead and STANDING_DUTY.search(lead):
        return
    deliveries = _deliveries(text)
    anaphora = _ANAPHORA.match(text)
    verbless = None
    if anaphora is None and ex.undated_delivery is not None and not MODAL.search(text):
        # "Uppdraget ska redovisas till … vid två olika tillfällen. En delredovisning den 1
        # april 2019 och en slutredovisning den 31 mars 2020."
        anaphora = verbless = _VERBLESS_LIST.match(text)
    if anaphora:
        deliveries.append(anaphora)
    amendment = _AMENDMENT.search(text) is not None
    modal = (
        MODAL.search(text) is not None
        or _present_duty(ex, text)
        or amendment
        or _PRESENT_PASSIVE.search(text) is not None
        or MODAL.search(lead) is not None
        # "I uppdraget ingår att: • veckovis redovisa …"
        or re.search(r"\bi\s+uppdraget\s+ingår\b", lead, re.I) is not None
        # "Regeringen ger X i uppdrag att … lämna en årsredovisning för 2017"
        or _ASSIGNING.search(text) is not None
        or verbless is not None
    )
    _moved_from(ex, text)
    hits = _without_series_end(text, find_dates(text))
    if any(h.kind == "annual" and h.values for h in hits):
        # "årligen i årsredovisningen med start i årsredovisningen för 2019": one report
        hits = [h for h in hits if h.kind != "annual" or h.values]
    earlier = _EARLIER_ASSIGNMENT.search(text) is not None and not amendment
    if (
        (_PAST_MODAL.search(text) and not MODAL.search(text))
        or earlier
        or _ORIGINAL_DATE.search(text)
    ):
        # "Uppdraget skulle redovisas senast den 31 mars 2025": an earlier deadline, kept
        # only as the date a later "i stället" replaces.
        _replaced(ex, text, deliveries)
        return
    if (changed := _CHANGED_AS_FOLLOWS.search(text)) and not any(
        h.start > changed.start() for h in hits
    ):
        # "Det krav på redovisning senast den 15 juni 2026 som avser … ändras enligt följande.":
        # the date the next sentences replace
        _replaced(ex, text, deliveries)
        return
    if _OTHER_ASSIGNMENT.match(text) or (
        # "Uppdraget ska enligt beslutet redovisas … senast den 1 april 2024" in a decision
        # that changes it: the date the change replaces
        ex.amending and (_AS_DECIDED.match(text) or (_PER_DECISION.search(text) and not amendment))
    ):
        _replaced(ex, text, deliveries)
        return
    accepted: list[DateHit] = []
    old_dates: list[str] = []
    past: DateHit | None = None  # the last date rejected as a past act
    for hit in _recurring_series(text, hits):
        before = text[max(0, hit.start - 60) : hit.start]
        if amendment and hit.values and _OLD_DATE_BEFORE.search(before):
            old_dates.extend(hit.values)
            continue
        if amendment and hit.values and _SKULLE_BEFORE.search(text[: hit.start]):
            old_dates.extend(hit.values)
            continue
        if past is not None and _GLUE.fullmatch(text[past.end : hit.start]):
            # "som X lämnade den 19 juni 2024 respektive den 30 augusti 2024": the whole list
            past = hit
            continue
        if _accept_date(text, hit, deliveries, modal):
            accepted.append(hit)
            past = None
        else:
            past = hit if _PAST_OR_CITED.search(before) else None
    accepted = _annual_series(text, accepted)
    if any(h.kind == "day" and not h.values for h in accepted):
        # "senast den 28 februari varje år … lämna en förvaltningsförklaring … vilket även ska
        # omfatta utfallet i myndighetens årsredovisning": the day says when; the
        # årsredovisning is what the report covers
        accepted = [h for h in accepted if h.kind != "annual" or h.values]
    accepted = _without_event_dates(text, accepted)
    accepted = _described(ex, text, accepted)
    if any(h.kind in _DAY_KINDS and h.values for h in accepted):
        # "senast den 9 juni 2022 inkomma med ett kompletterande budgetunderlag för 2023":
        # the document is what is delivered, the date says when
        accepted = [
            h
            for h in accepted
            if h.kind not in ("budget", "annual")
            or re.match(r"(?:i|genom|via)\s", text[h.start : h.end], re.I)
        ]
    found: list[FoundDeadline] = []
    kinds = _kinds_for(text, accepted)
    if (accepted or deliveries) and foreign_subject(ex.identity, subject_text(text, lead)):
        keep = [i for i, k in enumerate(kinds) if k in FINANCIAL]
        if not keep:
            return
        accepted = [accepted[i] for i in keep]
        kinds = [kinds[i] for i in keep]
    recipients = _recipients_for(text, accepted, ex.identity.alias_of)
    if accepted and not any(recipients):
        # "ska årligen före september månads utgång informera Regeringskansliet (…) om …"
        informed = _informed(text, ex.identity.alias_of)
        recipients = [informed] * len(accepted)
    if anaphora and ex.undated_delivery is not None:
        # "Statskontoret ska muntligen redovisa till regeringen hur arbetet fortskrider. Det
        # ska ske senast 1 juni 2017 och 1 juni 2018.": the delivery of the sentence before
        previous, earlier_kind, earlier_recipient = ex.undated_delivery
        if previous.paragraph == sentence.paragraph:
            kinds = [k or earlier_kind for k in kinds]
            recipients = [r or earlier_recipient for r in recipients]
    ex.undated_delivery = None
    if deliveries and not accepted and not anaphora:
        ex.undated_delivery = (
            sentence,
            _kind_near(text, deliveries[0].start(), 0, len(text)),
            _first_recipient(text, ex.identity.alias_of),
        )
    for i, hit in enumerate(accepted):
        found.extend(_deadlines_from_hit(ex, sentence, text, hit, kinds[i], recipients[i]))
    found = _also_to(ex, text, _each_financial(text, accepted, found))
    if old_dates:
        for d in found:
            d.changes.extend(v for v in old_dates if v not in d.changes and v != d.due)
    elif (
        (amendment and re.search(r"\bi\s*stället\b", text, re.I))
        or re.match(r"\s*Med\s+ändring\s+av\b", text, re.I)
        # "Uppdraget förlängs till den 1 september 2021" under a later heading
        or _EXTENDED_TO.search(text)
        or (ex.amending and not re.search(r"\b(?:ytterligare|även|dessutom|också)\b", text, re.I))
    ):
        for d in found:
            d.supersedes = True
    ex.deadlines.extend(found)
    if not accepted and deliveries:
        recipient = _first_recipient(text, ex.identity.alias_of)
        if recipient and recipient.startswith("Regeringskansliet"):
            ex.recipient_hints.append(recipient)  # "Redovisningarna ska lämnas till …"
    after_final = None if accepted else _AFTER_FINAL.search(text)
    if after_final and deliveries:
        # "Tre månader efter att uppdraget har slutredovisats ska X återbetala …": counted
        # from the final report's date once it is known
        n = _count(after_final.group("n"))
        ex.deadlines.append(
            FoundDeadline(
                _kind_near(text, after_final.end(), 0, len(text)),
                None,
                sentence,
                (sentence.start + after_final.start(), sentence.start + after_final.end()),
                recipient=_first_recipient(text, ex.identity.alias_of),
                title=_title_for(text, None),
                anchor="slutredovisning",
                offset=(n, after_final.group("u").lower()),
            )
        )
    elif deliveries and _event_deadlines(ex, sentence, text, accepted):
        pass
    elif (
        not accepted
        and (modal or _ORDERS.search(text))
        and (deliveries or _ongoing_to_government(text))
    ):
        _undated(ex, sentence, text)
    elif accepted:
        _undated_annual_besides(ex, sentence, text, accepted)
        _ongoing_besides(ex, sentence, text, accepted)


_SERIES_ENDS = re.compile(
    r"\b(?:första\s+gången|med\s+början)\b.*\b(?:sista\s+gången|(?:till\s+och|t\.\s?o\.)\s*med)\b",
    re.I | re.S,
)


# "Det ska ske senast …": the delivery named in the sentence before
_PRESENT_DELIVERY = re.compile(
    r"\b(?:redovisar|slutredovisar|delredovisar|rapporterar|återrapporterar|lämnar|informerar|"
    r"håller(?=[^.;]{0,80}\binformera[dt]\b))\b",
    re.I,
)


def _present_duty(ex: Extraction, text: str) -> bool:
    """ "Varje år, med början 2022, redovisar Länsstyrelserna … till Folkhälsomyndigheten":
    a decision also speaks in the present tense when an agency it addresses is the subject."""
    m = _PRESENT_DELIVERY.search(text)
    if m is None:
        return False
    addressed = set(ex.identity.addressed_names)
    near = text[max(0, m.start() - 20) : m.end() + 60]
    if re.match(r"\s*(?:De|Myndigheterna|Myndigheten)\s+$", text[: m.start()]):
        return True  # "Myndigheterna redovisar senast den 9 december …", "De redovisar löpande …"
    if re.match(r"\s+(?:myndigheten|myndigheterna|de)\b", text[m.end() :], re.I):
        return True  # "Den 1 oktober 2024 slutredovisar myndigheten uppdraget."
    if any(_one_of(name, addressed) for _, _, name in agency_mentions(ex.identity, near)):
        return True
    # "Statskontoret samverkar med ESV och informerar löpande …", "Under arbetets gång håller
    # Pensionsmyndigheten Regeringskansliet informerat …": the subject opens the sentence
    first = agency_mentions(ex.identity, text[: m.end() + 40])[:1]
    return bool(first) and first[0][0] <= 40 and _one_of(first[0][2], addressed)


def _one_of(name: str, addressed: set[str]) -> bool:
    """An agency the decision addresses, or one of them (a county board of the boards)."""
    return name in addressed or one_of_the_boards(name, addressed)


# "Kammarkollegiet får betala ut medel under förutsättning att kommunen försäkrar att den
# kommer att: • redovisa …": the list is what the receiver promises
_GRANTEE_PROMISES = re.compile(
    r"\b(?:under\s+förutsättning|på\s+villkor|förutsatt)\s+att\s+(?P<who>[^.;]{3,160}?)"
    r"\s+(?:försäkrar|intygar|förbinder\s+sig|åtar\s+sig|garanterar)\s+att\b",
    re.I,
)
# "• Folkhälsomyndigheten ska …": a list item with a subject of its own
_OWN_ITEM = re.compile(r"\s*\S+(?:\s+\S+){0,5}?\s+(?:ska|skall)\b")


def subject_text(text: str, lead: str) -> str:
    """The text whose start names who acts: a list item's own ("• Folkhälsomyndigheten ska
    …"), else the list's lead ("Socialstyrelsen ska bland annat:")."""
    item = BULLET.sub("", text, count=1)
    if not lead or _OWN_ITEM.match(item):
        return item
    return lead


_VERBLESS_LIST = re.compile(
    r"\s*(?:(?:en|ett|den\s+första|första)\s+)?(?:del|slut)?(?:redovisning|rapport|avrapportering)"
    r"\w*\s+(?:senast\s+)?(?:den\s+)?\d{1,2}\s",
    re.I,
)
_ANAPHORA = re.compile(
    r"\s*(?:(?:Det|Detta|Så|Redovisningen|Rapporteringen|Återrapporteringen|Rapporten)\s+"
    r"(?:ska|skall)\s+(?:ske|göras)|"
    # "… lämna in en särskild redovisning till MFD. Redovisningen ska lämnas in senast …"
    r"(?:Redovisningen|Rapporteringen|Återrapporteringen|Rapporten)\s+(?:ska|skall)\s+"
    r"(?:lämnas|ges\s+in|skickas|inkomma|ha\s+inkommit))\b",
    re.I,
)
_SERIES_FIRST = re.compile(
    r"\b(?:första\s+gången|med\s+början)\s+"
    r"(?:(?:senast|den|i|under)\s+){0,2}$",
    re.I,
)
_SERIES_LAST = re.compile(
    r"\b(?:sista\s+gången|(?:till\s+och|t\.\s?o\.)\s*m(?:ed|\.))\s+"
    r"(?:(?:senast|den|i|under)\s+){0,2}$",
    re.I,
)
_DAY_KINDS = frozenset({"iso", "numeric", "day"})  # a day of the calendar
_EXACT_KINDS = _DAY_KINDS | {"month", "quarter", "half"}


def _recurring_series(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "kvartalsvis, första gången den 31 mars 2027 och sista gången den 31 december 2027":
    one recurring report from the first date to the last, not two separate ones."""
    repeats = next((name for name, rx in _OTHER_RECURRENCE if rx.search(text)), None)
    if repeats is None and _ANNUAL.search(text):
        repeats = "årligen"
    if repeats is None:
        # "senast den 30 november 2024, 30 november 2025 och 30 november 2026 delredovisa":
        # three or more listed dates a year or a quarter apart (or two with "respektive") are
        # one recurring report even where the sentence does not say "årligen"
        return _yearly_list(text, hits, listed_only=True) or _then_every(text, hits) or hits
    out = list(hits)
    if repeats == "årligen":
        listed = _yearly_list(text, out) or _then_yearly(text, out) or _same_day_yearly(text, out)
        if listed is not None:
            return listed
    then = _then_every(text, out)
    if then is not None:
        return then
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        if first.kind not in _EXACT_KINDS or last.kind not in _EXACT_KINDS:
            continue
        if len(first.values) != 1 or len(last.values) != 1:
            continue
        if not _SERIES_FIRST.search(text[max(0, first.start - 40) : first.start]):
            continue
        if not _SERIES_LAST.search(text[max(0, last.start - 40) : last.start]):
            continue
        if due_sort_key(first.values[0]) >= due_sort_key(last.values[0]):
            continue
        merged = DateHit(
            first.kind,
            first.start,
            last.end,
            (first.values[0], last.values[0]),
            year_range=True,
            repeats=repeats,
        )
        return [*out[:i], merged, *out[i + 2 :]]
    return hits


def _yearly_list(
    text: str, hits: list[DateHit], *, listed_only: bool = False
) -> list[DateHit] | None:
    """ "årligen senast den 31 mars 2025 och den 31 mars 2026": the same day in consecutive
    years, listed, is one yearly series. With `listed_only` (the sentence does not say how
    often) it takes three or more dates, or two joined by "respektive", and also finds quarter
    ends in a row ("den 31 mars, den 30 juni, den 30 september och den 31 december 2022")."""

    def one_day(h: DateHit) -> bool:
        return h.kind in _DAY_KINDS and len(h.values) == 1

    for i, hit in enumerate(hits):
        # "i årsredovisningarna för 2025, 2026 och 2027": the list inside one phrase
        if hit.kind not in (*_DAY_KINDS, "annual") or len(hit.values) < 2 or hit.year_range:
            continue
        if _steps(list(hit.values)) != "årligen":
            continue
        listed = text[hit.start : hit.end]
        if listed_only and len(hit.values) < 3 and not re.search(r"\brespektive\b", listed, re.I):
            continue
        merged = replace(hit, year_range=True, repeats="årligen", listed=listed_only)
        return [*hits[:i], merged, *hits[i + 1 :]]
    for i in range(len(hits) - 1):
        if not one_day(hits[i]):
            continue
        run = [hits[i]]
        for nxt in hits[i + 1 :]:
            if not one_day(nxt) or not _GLUE.fullmatch(text[run[-1].end : nxt.start]):
                break
            run.append(nxt)
        values = [h.values[0] for h in run]
        if len(run) < 2:
            continue
        repeats = _steps(values)
        if repeats is None or (not listed_only and repeats != "årligen"):
            continue
        if listed_only and len(run) < 3:
            between = text[run[0].end : run[-1].start]
            if repeats != "årligen" or not re.search(r"\brespektive\b", between, re.I):
                continue
        merged = DateHit(
            run[0].kind,
            run[0].start,
            run[-1].end,
            (values[0], values[-1]),
            True,
            repeats=repeats,
            listed=listed_only,
        )
        return [*hits[:i], merged, *hits[i + len(run) :]]
    return None


def _steps(values: list[str]) -> str | None:
    """ "årligen" for the same day in consecutive years, "kvartalsvis" / "halvårsvis" for the
    same day (or each month's last day) three or six months apart; None otherwise."""
    days = [date.fromisoformat(v) for v in values]
    months = [d.year * 12 + d.month for d in days]
    steps = {b - a for a, b in itertools.pairwise(months)}
    if len(steps) != 1:
        return None
    same_day = len({d.day for d in days}) == 1
    month_ends = all((d + timedelta(days=1)).day == 1 for d in days)
    step = steps.pop()
    if step == 12 and same_day and len({d.month for d in days}) == 1:
        return "årligen"
    if step in (3, 6) and (same_day or month_ends):
        return "kvartalsvis" if step == 3 else "halvårsvis"
    return None


_DELIVERY_VERB = re.compile(r"\b(?:\w*redovisa\w*|lämna\w*|rapportera\w*|inkomma|redogöra)\b", re.I)


def _then_yearly(text: str, hits: list[DateHit]) -> list[DateHit] | None:
    """ "Den första redovisningen ska lämnas den 1 mars 2019 … och därefter den 1 mars varje
    år fram till att uppdraget slutredovisas den 1 mars 2023": one yearly series from the
    first date, ending the year before the final report (or "till och med 2022")."""
    for i in range(len(hits) - 1):
        first, nxt = hits[i], hits[i + 1]
        if first.kind not in _DAY_KINDS or len(first.values) != 1:
            continue
        if nxt.kind != "day" or nxt.values or nxt.day_month is None:
            continue
        value = first.values[0]
        if nxt.day_month != (int(value[5:7]), int(value[8:])):
            continue
        gap = text[first.end : nxt.start]
        if not re.search(r"\b(?:därefter|årligen|varje\s+år)\b", gap, re.I):
            continue
        if re.match(
            r"\s*(?:\S+\s+){0,2}?(?:redovisa|lämna|rapportera|delredovisa)\b", text[nxt.end :]
        ) and _DELIVERY_VERB.search(text[: first.start] + gap):
            # "… redovisa en plan senast den 1 mars 2025 och därefter årligen senast den 1 mars
            # redovisa resultaten": another one ("• senast den 1 september 2026 och årligen
            # senast den 1 september delredovisa uppdraget": the verb after governs both)
            continue
        last: str | None = None
        until = UNTIL_YEAR.search(text, nxt.end)
        final = next(
            (h for h in hits[i + 2 :] if h.kind in _DAY_KINDS and len(h.values) == 1), None
        )
        if until:
            last = with_year(value, int(until.group("y")))
        elif final is not None:
            last = with_year(value, last_year_before(value, final.values[0]))
        values = (value, last) if last and last > value else (value,)
        merged = DateHit(first.kind, first.start, nxt.end, values, True, repeats="årligen")
        return [*hits[:i], merged, *hits[i + 2 :]]
    return None


_SAME_DAY_AFTER = re.compile(
    r"\s*,?\s*(?:och|samt)\s+därefter\s+(?:årligen|varje\s+år)"
    r"(?:\s+(?:senast\s+)?(?:samma\s+(?:datum|dag)|vid\s+samma\s+tidpunkt))?",
    re.I,
)
# "… och därefter årligen 2023–2026", "… under perioden 2023–2026"
_YEARS_AFTER = re.compile(
    r"\s+(?:(?:under|för)\s+(?:perioden|åren)\s+)?(?:19|20)\d{2}\s*[–-]\s*(?P<y>(?:19|20)\d{2})\b"
)


# "senast den 15 mars 2025 och därefter halvårsvis", "… och därefter en gång per år"
_THEN_EVERY = re.compile(
    r"\s*,?\s*(?:och|samt)\s+därefter\s+(?:"
    r"(?P<årligen>årligen|varje\s+år|en\s+gång\s+(?:per|om)\s+år(?:et)?)|"
    r"(?P<halvårsvis>halvårsvis|varje\s+halvår|var\s+sjätte\s+månad|två\s+gånger\s+per\s+år)|"
    r"(?P<kvartalsvis>kvartalsvis|varje\s+kvartal|var\s+tredje\s+månad)|"
    r"(?P<månadsvis>månadsvis|månatligen|varje\s+månad|en\s+gång\s+(?:per|i)\s+månaden?)"
    r")\b",
    re.I,
)


def _then_every(text: str, hits: list[DateHit]) -> list[DateHit] | None:
    """ "en lägesrapport senast den 15 mars 2025 och därefter halvårsvis": a series from the
    date with no last time written (the final report, if any, ends it later). A date after
    the words ("och därefter årligen senast den 1 juli …", "… i årsredovisningen för 2026")
    is read by the rules for those."""
    for i, hit in enumerate(hits):
        if hit.kind not in _DAY_KINDS or len(hit.values) != 1 or hit.repeats:
            continue
        then = _THEN_EVERY.match(text, hit.end)
        if then is None or any(h.start >= then.end() for h in hits[i + 1 :]):
            continue
        repeats = next(name for name, value in then.groupdict().items() if value)
        merged = replace(hit, end=then.end(), repeats=repeats)
        return [*hits[:i], merged, *hits[i + 1 :]]
    return None


def _without_series_end(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "årligen i årsredovisningen fram till och med årsredovisningen för 2018": the second
    names the last time of the first, which has no year; it is no delivery of its own."""
    ends = [
        (h.end, until.end())
        for h in hits
        if h.kind == "annual" and not h.values and (until := UNTIL_YEAR.match(text, h.end))
    ]
    return [h for h in hits if not any(a <= h.start < b for a, b in ends)]


def _same_day_yearly(text: str, hits: list[DateHit]) -> list[DateHit] | None:
    """ "senast den 1 mars 2018 och därefter årligen senast samma datum till och med 2021",
    "senast den 1 maj 2022 och därefter årligen 2023–2026": one yearly series."""
    for i, hit in enumerate(hits):
        if hit.kind not in _DAY_KINDS or len(hit.values) != 1:
            continue
        same = _SAME_DAY_AFTER.match(text, hit.end)
        until = same and (
            UNTIL_YEAR.match(text, same.end()) or _YEARS_AFTER.match(text, same.end())
        )
        if not same or not until:
            continue
        value = hit.values[0]
        last = with_year(value, int(until.group("y")))
        if last <= value:
            continue
        merged = DateHit(hit.kind, hit.start, until.end(), (value, last), True, repeats="årligen")
        return [*hits[:i], merged, *hits[i + 1 :]]
    return None


def _annual_series(text: str, hits: list[DateHit]) -> list[DateHit]:
    """ "årligen …, första gången i årsredovisningen för 2025 och sista gången i
    årsredovisningen för 2027": one yearly report from the first to the last."""
    annual = [h for h in hits if h.kind == "annual" and len(h.values) == 1]
    if len(annual) != 2 or not (_ANNUAL.search(text) or _SERIES_ENDS.search(text)):
        return hits
    first, last = annual
    a, b = int(first.values[0][:4]), int(last.values[0][:4])
    if not a < b <= a + 15:
        return hits
    month, day = ANNUAL_REPORT_DAY
    merged = DateHit(
        "annual",
        first.start,
        last.end,
        tuple(f"{y:04d}-{month:02d}-{day:02d}" for y in range(a, b + 1)),
        year_range=True,
    )
    return [merged if h is first else h for h in hits if h is not last]


_SAME_YEAR = re.compile(r"\s*(?:,\s*)?(?:samma|detta)\s+år\b", re.I)
_THIS_YEAR = re.compile(r"\s*(?:,\s*)?(?:i\s+år|innevarande\s+år)\b", re.I)


def _deadlines_from_hit(
    ex: Extraction,
    sentence: Sentence,
    text: str,
    hit: DateHit,
    kind: str | None,
    recipient: str | None,
) -> list[FoundDeadline]:
    span = (sentence.start + hit.start, sentence.start + hit.end)
    if hit.kind in ("budget", "budget_of"):
        # "ska i sitt budgetunderlag för 2024–2026 räkna in …": the budgetunderlag goes to
        # the government; what it says is no report on the assignment
        kind = kind or "övrigt"
        if recipient and not recipient.startswith("Regeringskansliet"):
            recipient = None
    clause = text[slice(*_clause_bounds(text, hit.start))]
    annual = _ANNUAL.search(clause) is not None or kind == "årlig redovisning"
    other = next((name for name, rx in _OTHER_RECURRENCE if rx.search(clause)), None)
    title = _title_for(text, hit)
    if hit.kind == "invalid":
        # "senast den 31 november 2025": a day past the month's end means its last day;
        # anything else ("2026-13-40") stays undated. Either way a human checks it.
        invalid = (
            f"Beslutet anger datumet «{hit.written}» i meningen «{short_text(text)}»; det datumet "
            "finns inte i kalendern. "
        )
        return [
            FoundDeadline(
                kind,
                hit.clamped,
                sentence,
                span,
                ongoing=hit.clamped is None,
                recipient=recipient,
                title=title,
                note=invalid
                + (
                    f"Utkastet använder månadens sista dag, {hit.clamped}. Kontrollera."
                    if hit.clamped
                    else "Kontrollera datumet i beslutet."
                ),
            )
        ]
    if annual:
        kind = _yearly_kind(kind, text, keep_none=True)
    values = list(hit.values)
    note = None
    if not values and hit.day_month is not None and _SAME_YEAR.match(text, hit.end):
        # "… senast den 15 oktober 2020 redovisa … Uppdraget ska slutredovisas senast den 31
        # december samma år": the year of the date before
        earlier = [d.due for d in ex.deadlines if d.due and re.match(r"\d{4}-", d.due)]
        earlier += [h.values[-1] for h in find_dates(text[: hit.start]) if h.values]
        if earlier:
            values = [on_day(int(earlier[-1][:4]), *hit.day_month)]
    if (
        not values
        and hit.day_month is not None
        and ex.identity.decided
        and _THIS_YEAR.match(text, hit.end)
    ):
        # "en första version ska lämnas senast 31 augusti i år": the decision's year
        values = [on_day(int(ex.identity.decided[:4]), *hit.day_month)]
    if not values and hit.day_month is not None:
        values, ranged = _years_from_context(text, hit, ex.identity.decided)
        if ranged:
            annual = True
            kind = _yearly_kind(kind, text, keep_none=True)
        if hit.kind == "annual" and values:
            values = [f"{int(v[:4]) + 1}-02-22" for v in values]
        elif values:
            month, day = hit.day_month
            values = [on_day(int(v[:4]), month, day) for v in values]
        later = _later_day(text, hit)
        if values and not ranged and annual and (_until_after(text, hit.end) or later):
            # "årligen före september månads utgång fram till 2022", "årligen senast den 30
            # november delredovisa och … senast den 30 september 2032 slutredovisa": the last
            # time is known, the first is not
            return [
                FoundDeadline(
                    _yearly_kind(kind, text),
                    None,
                    sentence,
                    span,
                    ongoing=True,
                    repeats="årligen",
                    until=values[-1],
                    recipient=recipient,
                    title=title,
                    # the decision date, when known, gives the first
                    day_month=hit.day_month if hit.kind != "annual" else None,
                    in_annual_report=hit.kind == "annual",
                    note=(
                        f"Beslutet säger att redovisningen ska ske årligen, sista gången "
                        f"{values[-1]}, men inte när den börjar. Sätt `datum` till första gången, "
                        f"`upprepas: årligen`, `till: {values[-1]}` och ta bort `löpande: true`."
                    ),
                )
            ]
    if not values:
        what = "årsredovisningen" if hit.kind == "annual" else "datumet"
        note = f"Beslutet anger inget år för {what}; ange datum."
        return [
            FoundDeadline(
                kind or ("årlig redovisning" if annual else None),
                None,
                sentence,
                span,
                ongoing=True,
                repeats="årligen" if annual else other,
                recipient=recipient,
                title=title,
                note=note,
                day_month=hit.day_month if hit.kind != "annual" else None,
                in_annual_report=hit.kind == "annual",
            )
        ]
    if (
        hit.repeats == "årligen"
        and (hit.listed or re.search(r"\brespektive\b", text[hit.start : hit.end], re.I))
        and kind in ("rekvisition", "återbetalning")
        and len(values) == 2
        and int(values[1][:4]) == int(values[0][:4]) + 1
    ):
        # "Medlen betalas ut efter rekvisition senast den 1 november 2021 respektive 2022",
        # "ska återbetalas senast den 30 december 2021 respektive den 30 december 2022": each
        # year's money is requisitioned or repaid on its own, two dates rather than a series
        return [
            FoundDeadline(kind, value, sentence, span, recipient=recipient, title=title)
            for value in values
        ]
    if hit.repeats:
        # ("i årsredovisningarna för 2025, 2026 och 2027" is a yearly report, the last one too)
        untyped_list = hit.listed and kind is None and hit.kind != "annual"
        # a series is never the final report, whatever word ends the sentence
        kind = kind if kind not in (None, "slutredovisning") else "delredovisning"
        if hit.repeats == "årligen":
            kind = _yearly_kind(kind, text)
        return [
            FoundDeadline(
                kind,
                values[0],
                sentence,
                span,
                repeats=hit.repeats,
                until=values[-1] if len(values) > 1 else None,
                recipient=recipient,
                title=title,
                untyped_list=untyped_list,
            )
        ]
    if other and not hit.year_range and len(values) == 1:
        # "Delrapporter ska lämnas kvartalsvis, första gången senast den 15 januari 2026"
        return [
            FoundDeadline(
                kind, values[0], sentence, span, repeats=other, recipient=recipient, title=title
            )
        ]
    # "i årsredovisningarna för 2022 och 2023": the report that goes with each year's annual
    # report is a yearly series, however the years are listed
    yearly_reports = (
        hit.kind == "annual"
        and len(values) > 1
        and all(int(b[:4]) == int(a[:4]) + 1 for a, b in itertools.pairwise(values))
    )
    # "En årlig ekonomisk uppföljning ska lämnas senast den 15 juni 2019 respektive den 15
    # mars 2020": dates the sentence lists in full are the times, not the start of a series
    # with no end (the sentence is read again only where a series would be made)
    if (annual or hit.year_range or yearly_reports) and not (
        len(values) == 1
        and len(hit.values) == 1
        and not hit.year_range
        and any(h.values and h.start != hit.start for h in find_dates(text))
    ):
        return [
            FoundDeadline(
                _yearly_kind(kind, text),
                values[0],
                sentence,
                span,
                repeats="årligen",
                until=values[-1] if len(values) > 1 else None,
                recipient=recipient,
                title=title,
            )
        ]
    return [
        FoundDeadline(kind, v, sentence, span, recipient=recipient, title=title) for v in values
    ]


_NAMED_PARTIAL = re.compile(r"\bdelredovis\w*|\bdelrapport\w*", re.I)


def _later_day(text: str, hit: DateHit) -> bool:
    """A dated day later in the sentence gives a yearless day its year ("årligen senast den 30
    november delredovisa och … senast den 30 september 2032 slutredovisa")."""
    return hit.kind == "day" and any(
        h.start > hit.start and len(h.values) == 1 and h.kind == "day" for h in find_dates(text)
    )


def _yearly_kind(kind: str | None, text: str, *, keep_none: bool = False) -> str | None:
    """A report that recurs every year is an årlig redovisning ("en årlig lägesrapport",
    "årligen redovisa hur arbetet fortskrider"), unless the decision calls it a
    delredovisning in so many words ("ska årligen … delredovisa")."""
    if kind == "delredovisning" and _NAMED_PARTIAL.search(text):
        return kind
    if kind == "delredovisning" or (kind is None and not keep_none):
        return "årlig redovisning"
    return kind


UNTIL_YEAR = re.compile(
    r"\s*\b(?:(?:fram\s+)?till\s+och\s+med|(?:fram\s+)?t\.\s?o\.\s?m\.?|fram\s+till(?:\s+och\s+med)?|"
    r"sista\s+gången)\s+"
    # "årligen i årsredovisningen fram till och med årsredovisningen för 2018"
    r"(?:(?:årsredovisningen|verksamhetsåret)\s+(?:för\s+)?)?(?:år\s+)?(?P<y>(?:19|20)\d{2})\b",
    re.I,
)


_EVERY_YEAR = re.compile(r"\s*,?\s*(?:varje\s+år|årligen)\b", re.I)


def _until_after(text: str, pos: int) -> re.Match[str] | None:
    """ "… den 28 februari (varje år) fram t.o.m. 2024": the last year right after a date."""
    every = _EVERY_YEAR.match(text, pos)
    return UNTIL_YEAR.match(text, every.end() if every else pos)


_STARTING_YEAR = re.compile(
    r"\s*,?\s*(?:från\s+och\s+med|fr\.\s?o\.\s?m\.?|med\s+(?:början|start)(?:\s+i)?)\s+"
    r"(?:år\s+)?(?P<y>(?:19|20)\d{2})\b",
    re.I,
)


def _years_from_context(
    text: str, hit: DateHit, decided: str | None = None
) -> tuple[list[str], bool]:
    """Year(s) for "senast den 31 mars" from "under åren 2026–2028" in the same sentence."""
    others = [h for h in find_dates(text) if h.start != hit.start]
    earlier = [h for h in others if h.end <= hit.start and h.values]
    if earlier and re.search(r"\bdärefter\b", text[earlier[-1].end : hit.start], re.I):
        # "den 1 juli 2026 och därefter årligen senast den 1 juli …, sista gången 2028"; "senast
        # den 31 december 2022 och därefter årligen i årsredovisningen": the first annual
        # report due after it is the one for 2022
        first = int(earlier[-1].values[-1][:4]) + (0 if hit.kind == "annual" else 1)
        later_years = [
            v
            for y in find_years(text[hit.end :], [])
            for v in y.years
            if v >= first and not y.budget_year
        ]
        last = max(later_years, default=first)
        return [str(v) for v in range(first, last + 1)], True
    # the years the sentence names outside its other date phrases, budget years left out
    years = [
        y
        for y in find_years(text, [(h.start, h.end) for h in others if h.kind != "year"])
        if not y.budget_year
    ]
    governing = [y for y in years if y.first != y.last and not y.listed and y.end <= hit.start]
    if governing and re.search(
        r"\b(?:under|för)\s+(?:åren|perioden)\s*$",
        text[max(0, governing[-1].start - 20) : governing[-1].start],
        re.I,
    ):
        # "ska under åren 2026–2028 senast den 15 april delredovisa och senast den 15 april
        # 2029 slutredovisa": the span before the date, not the later date's year
        y = governing[-1]
        return [str(v) for v in range(y.first, y.last + 1)], True
    spans = [y for y in years if y.first != y.last and not y.listed and y.start >= hit.end]
    if spans and re.fullmatch(
        r"\s*,?\s*(?:under|för)\s+(?:åren|perioden)\s*", text[hit.end : spans[0].start], re.I
    ):
        # "senast den 12 april under åren 2021–2023 samt … en slutrapport … senast den 15
        # september 2023": the span right after the date, not the later date's year
        y = spans[0]
        return [str(v) for v in range(y.first, y.last + 1)], True
    until = _until_after(text, hit.end)
    if until and not decided and _ANNUAL.search(text):
        # "årligen … den 28 februari till och med 2024" with no decision date: the last year
        # is known, the first is not
        return [until.group("y")], False
    later = [h for h in others if h.start > hit.start and len(h.values) == 1 and h.kind == "day"]
    if later and hit.kind == "day" and hit.day_month:
        # "senast den 1 mars och … senast den 1 september 2027": the year written later; a
        # date that would fall after the later one is the year before ("senast den 28
        # februari delredovisa och den 27 februari 2027 slutredovisa")
        year = int(later[0].values[0][:4])
        month, day = hit.day_month
        later_day = (int(later[0].values[0][5:7]), int(later[0].values[0][8:]))
        yearly = _ANNUAL.search(text[max(0, hit.start - 40) : hit.end + 40]) is not None
        if (month, day) > later_day or (yearly and (month, day) == later_day):
            # "senast den 31 mars årligen delredovisa och senast den 31 mars 2029
            # slutredovisa": the yearly reports come before the final one
            year -= 1
        start = _STARTING_YEAR.match(text, hit.end)
        if yearly and start and int(start.group("y")) <= year:
            # "årligen senast den 31 mars fr.o.m. 2019 och slutredovisas … senast den 31 mars
            # 2028": from the year named until the one before the final report
            return [str(v) for v in range(int(start.group("y")), year + 1)], True
        return [str(year)], False
    ranged = [y for y in years if y.first != y.last and not y.listed]
    if ranged:
        y = ranged[0]
        return [str(v) for v in range(y.first, y.last + 1)], True
    named = sorted({v for y in years for v in y.years})
    until = UNTIL_YEAR.search(text)
    if (
        len(named) <= 1  # (none when the year is the last årsredovisning's, a date of its own)
        and until
        and decided
        and hit.day_month
        and _ANNUAL.search(text)
        and not re.search(r"\b(?:med\s+början|första\s+gången|från\s+och\s+med)\b", text, re.I)
    ):
        # "den 15 mars varje år till och med 2021" in a decision of 2018-01-25: from the first
        # such day after the decision
        month, day = hit.day_month
        first = int(decided[:4])
        if hit.kind != "annual" and f"{first:04d}-{month:02d}-{day:02d}" <= decided:
            first += 1  # (the first årsredovisning is the one for the year of the decision)
        last = int(until.group("y"))
        if first <= last <= first + 15:
            return [str(v) for v in range(first, last + 1)], True
    if named and _ANNUAL.search(text):
        # "senast den 1 mars varje år, med början 2026 och fram till och med 2028"
        return [str(v) for v in range(named[0], named[-1] + 1)], True
    if hit.kind == "annual" and len(named) == 1:
        # "För 2026 ska … redovisas i samband med årsredovisningen"
        return [str(named[0])], False
    dated_before = [h for h in earlier if h.kind in _DAY_KINDS and len(h.values) == 1]
    if hit.kind == "day" and hit.day_month and dated_before and not _ANNUAL.search(text):
        # "senast den 5 februari 2026 delredovisa och senast den 15 juni slutredovisa": the
        # year of the date before, or the next if the day would come before it
        before = dated_before[-1].values[0]
        year = int(before[:4])
        if on_day(year, *hit.day_month) <= before:
            year += 1
        return [str(year)], False
    work = [
        h
        for h in others
        if h.end <= hit.start
        and len(h.values) == 1
        and h.kind in ("season", "half", "quarter", "month", "year")
        and _WORK_PERIOD.search(text, max(0, h.start - 12), h.start + 8)
    ]
    if hit.kind == "day" and hit.day_month and len(work) == 1 and not _ANNUAL.search(text):
        # "Arbetet genomförs under våren 2026 och redovisas … senast den 30 september": the
        # year of the work; a day before the work ends is the year after ("under 2026 …
        # senast den 31 mars" is 2027)
        period = work[0].values[0]
        year = int(due_sort_key(period)[:4])
        yearless = [h for h in others if h.kind == "day" and not h.values and h.day_month]
        within = work[0].kind == "year" and (
            # "vid fem tillfällen under 2025: den 30 januari, den 15 april …", "ska under 2025
            # lämna prognoser den 30 januari och den 15 april": dates listed within the year
            bool(yearless)
            or _TIMES_DURING.search(text, max(0, work[0].start - 20), work[0].end + 2)
        )
        if on_day(year, *hit.day_month) < due_sort_key(period) and not within:
            year += 1
        return [str(year)], False
    return [], False


_WORK_PERIOD = re.compile(r"\bunder\s", re.I)
_TIMES_DURING = re.compile(r"\btillfällen\s+under\s+\d{4}|\bunder\s+\d{4}\s*:", re.I)


_UNCHANGED = re.compile(
    r"\b(?:fortfarande|ligger\s+fast|oförändrad\w*|kvarstår|som\s+tidigare)\b", re.I
)


def supersede(ex: Extraction, new: FoundDeadline) -> None:
    """ "ska i stället …": the latest earlier deadline of the same kind is the replaced one."""

    def similar(kind: str | None) -> bool:
        if kind == new.kind:
            return True
        # a report of unnamed kind may be the one replaced; a named final report is not
        # replaced by a partial one ("ska istället lämna en delrapportering … ska fortfarande
        # lämna en slutredovisning")
        vague = (None, "övrigt")
        reports = (*vague, "delredovisning", "slutredovisning")
        return kind in reports and new.kind in reports and (kind in vague or new.kind in vague)

    for exact in (True, False):
        for old in reversed(ex.deadlines):
            usable = (
                old.due
                and old.due != new.due
                # the replaced one stands before, or says it is the earlier decision's
                and (
                    old.sentence.start < new.sentence.start
                    or _BY_EARLIER_DECISION.search(old.sentence.text) is not None
                    or re.search(
                        r"\benligt\s+(?:det\s+)?(?:ursprungliga\s+)?uppdraget\b",
                        old.sentence.text,
                        re.I,
                    )
                    is not None
                )
                and not re.search(r"\bytterligare\b", old.sentence.text, re.I)
                and not old.changes
                and not old.supersedes
                and not _UNCHANGED.search(old.sentence.text)
            )
            if usable and ((old.kind == new.kind) if exact else similar(old.kind)):
                assert old.due is not None
                ex.deadlines.remove(old)
                new.changes.append(old.due)
                return
        for kind, due in reversed(ex.replaced):
            if due != new.due and ((kind == new.kind) if exact else similar(kind)):
                new.changes.append(due)
                return


def _ongoing_to_government(text: str) -> bool:
    """ "ska löpande stämma av arbetet med Regeringskansliet": an ongoing duty towards the
    government, not "kontinuerligt informera och stödja utförare av äldreomsorg"."""
    m = _find_ongoing(text)
    return m is not None and (
        re.search(r"\b(?:regeringskansliet|regeringen|\w*departementet)\b", text[m.start() :], re.I)
        is not None
        # "Regeringskansliet (Näringsdepartementet) ska informeras löpande under arbetets gång"
        or _TOLD_GOVERNMENT.match(text) is not None
    )


# what settles the money at the end: not "redovisning av rekvirerade medel" (a requisition)
_SETTLING = ("ekonomisk redovisning", "återbetalning")


def _undated(ex: Extraction, sentence: Sentence, text: str) -> None:
    """Deliveries without a date: ongoing, yearly, or at the same time as another one."""
    if m := _find_ongoing(text):
        ex.deadlines.append(_ongoing(ex, sentence, text, m))
        annual = next((a for a in _reporting_annual(text) if a.start() > m.end()), None)
        if annual and re.search(
            r"\boch\s+(?:\S+\s+){0,2}?(?:redovisa|rapportera|lämna)\w*\b",
            text[m.end() : annual.start()],
            re.I,
        ):
            # "ska löpande informera Regeringskansliet (…) och redovisa uppdraget i samband
            # med de årliga genomföranderapporterna": a yearly report besides
            ex.deadlines.append(_undated_annual(sentence, text, annual, ex.identity.alias_of))
        return
    same = _SAME_TIME.search(text)
    if same:
        previous = next((d for d in reversed(ex.deadlines) if d.due), None)
        if previous is not None and previous.sentence.paragraph == sentence.paragraph:
            kind = _kind_near(text, same.start(), 0, len(text))
            first = FoundDeadline(
                kind,
                previous.due,
                sentence,
                (sentence.start + same.start(), sentence.start + same.end()),
                repeats=previous.repeats,  # same time as the previous one
                until=previous.until,
                recipient=_first_recipient(text, ex.identity.alias_of),
                title=_title_for(text, None),
            )
            # "Vid samma tidpunkt ska en ekonomisk redovisning lämnas … och medel som inte har
            # använts återbetalas …": each financial delivery the sentence names
            also = sorted(
                {k for k, pattern in _KIND_WORDS if k in _SETTLING and pattern.search(text)}
                - {kind}
            )
            ex.deadlines.append(first)
            if kind in _SETTLING:
                ex.deadlines.extend(replace(first, kind=k, title=None) for k in also)
            return
    with_report = _WITH_REPORT.search(text)
    if with_report:
        # "i samband med slutredovisningen redovisa hur medlen har använts": the words of
        # the anchor phrase name the other report, not this one
        blanked = (
            text[: with_report.start()]
            + " " * (with_report.end() - with_report.start())
            + text[with_report.end() :]
        )
        kind = _kind_near(blanked, with_report.start(), 0, len(text))
        anchor = {"slut": "slutredovisning", "del": "delredovisning"}.get(
            (with_report.group("k") or "").lower(), "*"
        )
        ex.deadlines.append(
            FoundDeadline(
                kind,
                None,
                sentence,
                (sentence.start + with_report.start(), sentence.start + with_report.end()),
                recipient=_first_recipient(text, ex.identity.alias_of),
                title=_title_for(text, None),
                anchor=anchor,
            )
        )
        return
    annual = next(_reporting_annual(text), None)
    if annual and not find_amounts(text):
        ex.deadlines.append(_undated_annual(sentence, text, annual, ex.identity.alias_of))


def _ongoing_besides(
    ex: Extraction, sentence: Sentence, text: str, accepted: list[DateHit]
) -> None:
    """ "ska löpande informera Regeringskansliet om arbetet, … och i 2026 års budgetunderlag
    redovisa …": the ongoing duty as well as the dated one."""
    m = _find_ongoing(text)
    if m is None:
        return
    a, b = _clause_bounds(text, m.start())
    if any(a <= h.start < b for h in accepted):
        return
    ex.deadlines.append(_ongoing(ex, sentence, text, m, informed_first=True))


def _ongoing(
    ex: Extraction,
    sentence: Sentence,
    text: str,
    m: re.Match[str],
    *,
    informed_first: bool = False,
) -> FoundDeadline:
    """ "ska löpande informera Regeringskansliet …": an undated duty of type övrigt. Next to
    dated deliveries the one informed is the recipient, not the first "till …"."""
    aliases = ex.identity.alias_of
    if informed_first:
        recipient = _informed(text, aliases) or _first_recipient(text, aliases)
    else:
        # "tillvarata kunskaper hos Socialstyrelsen samt ha löpande avstämningar med
        # Regeringskansliet": the one named in the ongoing phrase, not the first agency
        told = _INFORMED.search(text, m.start())
        recipient = (
            _normalise_recipient(told.group("r"), aliases)
            if told and told.start() < m.end()
            else None
        ) or (_first_recipient(text, aliases) or _informed(text, aliases))
    return FoundDeadline(
        "övrigt",
        None,
        sentence,
        (sentence.start + m.start(), sentence.start + m.end()),
        ongoing=True,
        recipient=recipient,
        title="Löpande information om arbetet",
    )


def _undated_annual(
    sentence: Sentence, text: str, m: re.Match[str], aliases: dict[str, str]
) -> FoundDeadline:
    return FoundDeadline(
        "årlig redovisning",
        None,
        sentence,
        (sentence.start + m.start(), sentence.start + m.end()),
        ongoing=True,
        repeats="årligen",
        recipient=_first_recipient(text, aliases),
        title=_title_for(text, None) or "Årlig redovisning",
        note="Beslutet säger att redovisningen ska ske årligen men anger inget datum.",
    )


_ANNUAL_REPORT_NOUN = re.compile(
    r"\s+(?:[\wåäö]+\s+)?(?:\w*redovisning|\w*rapport|\w*uppföljning|redogörelse|"
    r"verksamhetsberättelse|sammanställning|lägesbild|statusrapport)\w*",
    re.I,
)


def _reporting_annual(text: str) -> Iterator[re.Match[str]]:
    """The words for "every year" that may say how often a report is due: not "redovisa hur
    stora intäkter som årligen behövs" or "för varje år uppskatta …" (what each year needs)."""
    for m in _ANNUAL.finditer(text):
        if re.search(r"\bför\s+$", text[: m.start()], re.I):
            continue  # "ska för varje år under perioden uppskatta …": what, not how often
        if re.search(r"\bsom\s+$", text[: m.start()], re.I) and not re.match(
            r"\s+(?:ska|skall|bör|redovisa|lämna|rapportera)", text[m.end() :], re.I
        ):
            continue
        word = m.group().lower()
        if (
            word.startswith("årlig")
            and word != "årligen"
            and not _ANNUAL_REPORT_NOUN.match(text, m.end())
        ):
            continue  # "en indikativ årlig kostnadsutveckling": a yearly figure, not a report
        if re.search(r"\bmöjliggöra\s+(?:för\s+)?(?:en\s+)?$", text[: m.start()], re.I):
            continue  # "ska möjliggöra för en årlig redovisning": others report
        yield m


def _undated_annual_besides(
    ex: Extraction, sentence: Sentence, text: str, accepted: list[DateHit]
) -> None:
    """ "ska årligen redovisa … och senast den 15 oktober 2028 lämna en slutredovisning"."""
    for m in _reporting_annual(text):
        a, b = _clause_bounds(text, m.start())
        if any(a <= h.start < b for h in accepted):
            continue
        if not _deliveries(text[a:b]) or find_amounts(text[a:b]):
            continue
        ex.deadlines.append(_undated_annual(sentence, text[a:b], m, ex.identity.alias_of))
        return


def _kind_near(text: str, pos: int, lo: int, hi: int) -> str | None:
    """The most specific kind word in text[lo:hi], the nearest to pos breaking ties."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in _KIND_WORDS:
        for m in pattern.finditer(text, lo, hi):
            distance = min(abs(m.start() - pos), abs(m.end() - pos))
            candidate = (_SPECIFICITY[kind], distance, kind)
            if best is None or candidate < best:
                best = candidate
    return best[2] if best else None


_GLUE = re.compile(r"\s*(?:,|och|samt|respektive|resp\.)?\s*(?:senast\s+)?", re.I)


def _kinds_for(text: str, hits: list[DateHit]) -> list[str | None]:
    """The kind of each dated delivery: words before the date in its clause, else after."""
    kinds: list[str | None] = []
    for i, hit in enumerate(hits):
        prev_end = hits[i - 1].end if i else 0
        next_start = hits[i + 1].start if i + 1 < len(hits) else len(text)
        lo = prev_end
        for m in _CLAUSE_CUT.finditer(text, prev_end, hit.start):
            lo = m.end()
        hi = next_start
        cut = _AFTER_CUT.search(text, hit.end, next_start)
        if cut:
            hi = cut.start()
        if i and _GLUE.fullmatch(text[prev_end : hit.start]):
            kinds.append(kinds[-1])  # "den 1 mars 2026 och den 1 mars 2027"
            continue
        kind = _kind_near(text, hit.start, lo, hit.start)
        last = i
        while last + 1 < len(hits) and _GLUE.fullmatch(text[hits[last].end : hits[last + 1].start]):
            last += 1  # "senast den 15 maj 2025 och den 15 november 2025 lämna lägesrapporter"
        if last > i:
            hi = hits[last + 1].start if last + 1 < len(hits) else len(text)
            cut = _AFTER_CUT.search(text, hits[last].end, hi)
            hi = cut.start() if cut else hi
        if kind is None or kind == "årlig redovisning":
            after = _kind_near(text, hits[last].end, hits[last].end, hi)
            if after is not None and (kind is None or _SPECIFICITY[after] < _SPECIFICITY[kind]):
                kind = after
        if kind is None and len(hits) == 1:
            kind = _kind_near(text, hit.start, 0, len(text))
        elif kind is None and (intro := _LIST_INTRO.search(text, 0, hits[0].start)):
            # "redovisa framdriften av uppdraget vid följande tillfällen; den 8 juni 2018, …":
            # the dates are a list the words before introduce
            kind = _kind_near(text, intro.start(), 0, intro.start())
        if kind == "plan" and (whole := _CONTAINING.search(text, 0, hit.start)):
            # "en delredovisning innehållande en utvärdering och en plan för det fortsatta
            # arbetet": the plan is what the partial report contains
            kind = "slutredovisning" if whole.group("k").lower() == "slut" else "delredovisning"
        if kind == "ekonomisk redovisning" and _WITH_FINANCIAL.search(text):
            # "En slutredovisning av uppdraget och en ekonomisk redovisning ska lämnas …": one
            # delivery, known by the main report; the financial one goes with it
            blanked = _ECONOMIC_WORDS.sub(lambda m: " " * len(m.group()), text)
            kind = _kind_near(blanked, hit.start, 0, len(text))
            kind = None if kind in FINANCIAL else kind
        kinds.append(kind)
    return kinds


_CONTAINING = re.compile(
    r"\b(?P<k>del|slut)(?:redovisning|rapport)\w*\s+(?:innehållande|som\s+(?:ska\s+)?"
    r"innehåll\w*|inklusive|omfattande)\b",
    re.I,
)
_LIST_INTRO = re.compile(
    r"\b(?:följande|dessa|nedanstående)\s+(?:tillf[äa]llen|datum|tidpunkter|dagar)\s*[;:,]", re.I
)
_FINANCIAL_PART = (
    r"(?:(?:en\s+)?ekonomisk\w*\s+(?:redovis|rapport)|(?:redovisa|(?:en\s+)?redovisning\s+av)\s+"
    r"(?:hur\s+)?(?:[\wåäö]+\s+){0,3}?(?:medlen|medel)\s+(?:har\s+)?(?:använts|förbrukats))"
)
_ECONOMIC = re.compile(r"\bekonomisk\w*\s+(?:redovis\w*|rapport\w*|slutredovis\w*)", re.I)
# a report and an economic report as one coordinated subject
# ("… lämna en slutrapport, inklusive en ekonomisk redovisning, …", "ska redovisa uppdraget
# samt lämna en ekonomisk redovisning")
_WITH_FINANCIAL = re.compile(
    r"(?:(?:\b(?:en|ett|sin)\s+|^\s*)(?:[a-zåäö]+\s+)?(?:redovisning|rapport|slutredovisning|"
    r"delredovisning|slutrapport|delrapport|lägesrapport)|\b(?:slut|del)?redovisa\s+uppdraget|"
    # "Myndigheten ska redovisa planerade insatser … samt lämna en ekonomisk redovisning"
    r"\b(?:ska|skall)\s+(?:slut|del)?redovisa\s+(?!hur\b))"
    r"\b[^.;]{0,200}?(?:\s(?:och|samt|jämte)|,?\s(?:inklusive|inbegripet|tillsammans\s+med))\s+"
    rf"(?:även\s+)?(?:lämna\s+)?{_FINANCIAL_PART}|"
    # "Uppdraget, inklusive en ekonomisk redovisning, ska slutredovisas …", "Uppdraget ska
    # redovisas, inklusive en ekonomisk redovisning, senast …"
    r"\b(?:uppdraget|redovisas|slutredovisas),?\s+(?:inklusive|inbegripet|tillsammans\s+med)\s+"
    rf"{_FINANCIAL_PART}",
    re.I,
)


_NO_ALIASES: dict[str, str] = {}


# "om uppdrag till Trafikverket att …" names the assignee; "redovisa uppdraget till X" does not
_ASSIGNEE_BEFORE = re.compile(r"\b(?:regerings)?uppdrag(?:et|en)?\s*$", re.I)
# ("om uppdrag till Ekonomistyrningsverket på så sätt att uppdraget i stället …")
_ASSIGNEE_AFTER = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:på\s+så\s+sätt\s+att|att|om)\b", re.I)
_DELIVERED_ASSIGNMENT = re.compile(
    r"\b(?:\w*redovisa|\w*rapportera|lämna)\s+(?:hela\s+)?uppdraget\s*$", re.I
)


_TOLD_GOVERNMENT = re.compile(
    r"\s*(?P<r>(?:Regeringskansliet|Regeringen)\s*(?:\([^)]{2,120}\))?|[A-ZÅÄÖ][\wåäö-]*"
    r"(?:\s+och\s+[\wåäö]+)?departementet)\s+(?:ska|skall)\s+(?:\S+\s+)?"
    r"(?:informeras|underrättas|hållas\s+(?:\S+\s+)?informerad\w*)\b"
)


def _recipient_spans(text: str, aliases: dict[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for m in _RECIPIENT.finditer(text):
        before = text[max(0, m.start() - 50) : m.start()]
        if (
            _ASSIGNEE_BEFORE.search(before)
            and _ASSIGNEE_AFTER.match(text, m.end())
            # "delredovisa uppdraget till Regeringskansliet om …" is a delivery
            and not _DELIVERED_ASSIGNMENT.search(before)
        ):
            continue  # "om uppdrag till Trafikverket att …": the assignee, not a recipient
        who = m.group("r") or m.group("h") or m.group("d")
        name = _normalise_recipient(who or "Regeringskansliet", aliases)
        if name:
            out.append((m.start(), m.end(), name))
    if not out and (told := _TOLD_GOVERNMENT.match(text)):
        # "Regeringskansliet (Justitiedepartementet) ska informeras om … senast …": the one
        # told is the recipient
        name = _normalise_recipient(told.group("r"), aliases)
        if name:
            out.append((told.start("r"), told.end("r"), name))
    # a short name the decision introduces: "Myndigheten för digital förvaltning (Digg)" …
    # "Rekvisition till Digg ska ske …"
    pattern = _to_alias_pattern(tuple(sorted(aliases, key=lambda a: (-len(a), a))))
    if pattern is not None:
        for m in pattern.finditer(text):
            if not any(a <= m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), aliases[m.group("a").lower()]))
    out.sort()
    return out


@lru_cache(maxsize=16)
def _to_alias_pattern(aliases: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "till Digg", "hos Energimyndigheten": every short name in one cached pattern."""
    usable = [a for a in aliases if len(a) >= 3 and not a.isupper()]
    if not usable:
        return None
    alternatives = "|".join(re.escape(a) for a in usable)
    return re.compile(rf"\b(?:till|hos)\s+(?P<a>{alternatives})(?![\wåäö])", re.I)


def _each_financial(
    text: str, accepted: list[DateHit], found: list[FoundDeadline]
) -> list[FoundDeadline]:
    """ "ska lämna en ekonomisk redovisning samt till Kammarkollegiet återbetala medel som inte
    har utnyttjats senast den 30 september 2021": two deliveries with one date."""
    if len(accepted) != 1 or len(found) != 1 or found[0].kind not in FINANCIAL:
        return found
    named = {
        kind
        for kind, pattern in _KIND_WORDS
        if kind in FINANCIAL and pattern.search(text, 0, accepted[0].start)
    }
    also = re.search(
        r"\b(?:då|samtidigt)\s+(?:ska\s+)?(?:också|även)\b", text[accepted[0].end :], re.I
    )
    if also:
        # "… senast den 1 mars 2017 då också medel som inte utnyttjats ska återbetalas"
        tail = accepted[0].end + also.start()
        named |= {
            kind
            for kind, pattern in _KIND_WORDS
            if kind in FINANCIAL and pattern.search(text, tail)
        }
    named.discard(found[0].kind)
    if not named:
        return found
    d = found[0]
    extra = [replace(d, kind=kind, changes=list(d.changes), title=None) for kind in sorted(named)]
    return [d, *extra]


_ALSO_TO = re.compile(
    rf"\s*(?:\([^)]{{1,80}}\)\s*)?(?:,|och|samt)\s+(?:till\s+)?(?P<r>{AGENCY})"
    r"(?!\s+(?:ska|skall|får|har|kan)\b)"
)


_SECOND_DELIVERY = re.compile(
    r"\s*(?:\([^)]{1,80}\)\s*)?,?\s*(?:och|samt)\s+(?:ska\s+)?(?:även\s+|också\s+)?"
    r"(?P<v>(?:\w*redovis\w*|\w*rapporter\w*|lämna\w*))\s+(?:[\wåäö-]+\s+){0,6}?",
    re.I,
)


def _also_to(ex: Extraction, text: str, found: list[FoundDeadline]) -> list[FoundDeadline]:
    """ "ska lämnas till regeringen (Näringsdepartementet) och Tillväxtverket senast …": the
    same delivery to each recipient."""
    spans = _recipient_spans(text, ex.identity.alias_of)
    if len(spans) == 2 and len(found) == 1 and found[0].recipient == spans[0][2]:
        # "Senast den 31 mars 2024 slutrapporterar X projektet till Kammarkollegiet och
        # redovisar arbetsresultatet till Regeringskansliet": a second delivery, same day
        second = _SECOND_DELIVERY.fullmatch(text, spans[0][1], spans[1][0])
        if second and spans[1][2] != spans[0][2]:
            d = found[0]
            kind = _kind_near(text, spans[1][0], second.start("v"), spans[1][0]) or d.kind
            return [d, replace(d, kind=kind, recipient=spans[1][2], changes=list(d.changes))]
        # "… till Regeringskansliet (Arbetsmarknadsdepartementet) samt till
        # Folkhälsomyndigheten som har i uppdrag att …": the same report to both
        if (
            re.fullmatch(r"\s*(?:,|och|samt)\s+(?:till\s+)?", text[spans[0][1] : spans[1][0]], re.I)
            and spans[1][2] != spans[0][2]
            and not spans[1][2].startswith("Regeringskansliet")
        ):
            d = found[0]
            return [d, replace(d, recipient=spans[1][2], changes=list(d.changes))]
    if len(spans) != 1 or not found:
        return found
    _, end, first = spans[0]
    m = _ALSO_TO.match(text, end)
    if m is None:
        return found
    other = _normalise_recipient(m.group("r"), ex.identity.alias_of)
    if other is None or other == first:
        return found
    if first == "Regeringskansliet" and other.startswith("Regeringskansliet ("):
        # "till Regeringskansliet, Socialdepartementet": one recipient written with a comma
        return [replace(d, recipient=other) if d.recipient == first else d for d in found]
    departments = [
        r.removeprefix("Regeringskansliet (").removesuffix(")")
        for r in (first, other)
        if r.startswith("Regeringskansliet (") and r.endswith("departementet)")
    ]
    if len(departments) == 2 and re.match(r"\s*och\b", text[end:], re.I):
        # "till Miljö- och energidepartementet och Kulturdepartementet": one delivery to the
        # Government Offices, as "Regeringskansliet (A och B)" writes it
        joint = f"Regeringskansliet ({departments[0]} och {departments[1]})"
        return [replace(d, recipient=joint) if d.recipient == first else d for d in found]
    out = list(found)
    for d in found:
        if d.recipient == first:
            out.append(replace(d, recipient=other, changes=list(d.changes), also_to=True))
    return out


_DEPARTMENT_STEM = (
    r"(?:arbetsmarknads|finans|försvars|infrastruktur|justitie|näringslivs|kultur|miljö|"
    r"närings|social|utbildnings|utrikes|landsbygds|jordbruks|energi|integrations)"
)


def _normalise_recipient(name: str, aliases: dict[str, str]) -> str | None:
    """ "till Socialdepartementet" -> Regeringskansliet (Socialdepartementet); a short name
    the decision introduces ("till FRA") -> the agency's name."""
    name = re.sub(r",?\s+med\s+kopia\s+(?:för\s+kännedom\s+)?till\s+[^)]*", "", name)
    name = re.sub(r"\(\s*(.*?)[\s,;]*\)", r"(\1)", " ".join(name.split()))
    name = re.sub(r"^Regeringskansliet\(", "Regeringskansliet (", name)
    # "Landsbygds- och Infrastrukturdepartementet"
    name = re.sub(
        r"(?<=- och )[A-ZÅÄÖ](?=[a-zåäö]+departementet)", lambda m: m.group().lower(), name
    )
    # "(det blivande Landsbygds- och infrastrukturdepartementet)": the department's name
    name = re.sub(r"\((?:det\s+)?blivande\s+", "(", name, flags=re.I)
    # "(Infrastrukturdepartement)": the name without its article
    name = re.sub(r"(?<=[a-zåäö])departement\)", "departementet)", name)
    # "Landsbygds- och infrastruktur departementet", "infrastruktur-departementet"
    name = re.sub(rf"\b({_DEPARTMENT_STEM})[\s-]+(?=departementet\b)", r"\1", name, flags=re.I)
    name = re.sub(r"(?<=[a-zåäö])-(?=[a-zåäö])", "", name)  # "Kammar-kollegiet"
    name = re.sub(
        # ("Klimat och näringslivsdepartementet", "Klimatoch näringslivsdepartementet")
        r"[A-ZÅÄÖ][a-zåäö]+(?:(?:-?\s*och)?\s+[a-zåäö]+)?departe(?:ment(?:et)?|m\w*)\b",
        lambda m: canonical_department(m.group()),
        name,
    )
    if name.lower() in aliases:
        return aliases[name.lower()]  # "till FRA", "till Energimyndigheten" (a short name)
    if name.lower() in ("regeringen", "departementet"):
        # "hålla departementet löpande uppdaterat": the decision's own department
        return "Regeringskansliet"
    if m := re.fullmatch(r"[Rr]egeringen\s*\(([^)]+)\)", name):
        return f"Regeringskansliet ({m.group(1).strip()})"  # "till regeringen (Socialdep.)"
    if name.endswith("departementet") or name == "Statsrådsberedningen":
        return f"Regeringskansliet ({name})"
    if re.fullmatch(r"[A-ZÅÄÖ]{2,6}", name) and name not in ("ESV", "SCB", "SKR", "MUCF", "SIDA"):
        return None
    return name


_INFORMED = re.compile(
    rf"\b(?:informera\w*|hålla\w*|underrätta\w*|(?:dialog|avstämning\w*)\s+med)\s+(?:\w+\s+)?"
    rf"(?P<r>{AGENCY}|departementet\b)"
)


def _informed(text: str, aliases: dict[str, str]) -> str | None:
    """ "hålla Regeringskansliet (Socialdepartementet) löpande informerat"."""
    m = _INFORMED.search(text)
    return _normalise_recipient(m.group("r"), aliases) if m else None


def _first_recipient(text: str, aliases: dict[str, str] = _NO_ALIASES) -> str | None:
    spans = _recipient_spans(_COPY.sub(lambda m: " " * len(m.group()), text), aliases)
    return spans[0][2] if spans else None


def _recipients_for(text: str, hits: list[DateHit], aliases: dict[str, str]) -> list[str | None]:
    spans = _recipient_spans(text, aliases)
    if not hits:
        return []
    if len(hits) == 1:
        if not spans:
            return [None]
        nearest = min(spans, key=lambda s: min(abs(s[0] - hits[0].end), abs(hits[0].start - s[1])))
        return [nearest[2]]
    before: list[str | None] = []
    after: list[str | None] = []
    for i, hit in enumerate(hits):
        lo = hits[i - 1].end if i else 0
        hi = hits[i + 1].start if i + 1 < len(hits) else len(text)
        b = [s for s in spans if lo <= s[0] and s[1] <= hit.start]
        a = [s for s in spans if hit.end <= s[0] and s[1] <= hi]
        before.append(b[-1][2] if b else None)
        after.append(a[0][2] if a else None)
    if all(after) and not all(before):
        return after
    if all(before):
        return before
    chosen = [b or a for b, a in zip(before, after, strict=True)]
    fallback = spans[0][2] if spans else None
    # "ska redovisas till X senast den 1 mars och senast den 1 juni": X for both
    return [c or fallback for c in chosen]


_TITLE_NOUN = re.compile(
    r"\b(?:en|ett|sin|sina|den|det)\s+(?P<t>(?:[a-zåäö]+\s+){0,2}?(?:(?:genomförande|projekt|"
    r"arbets|tids)?plan|(?:del|slut|läges|ekonomisk|skriftlig)?(?:redovisning|rapport)|"
    r"redogörelse|analys|utvärdering|kartläggning|förslag|sammanställning)"
    r"(?:\s+(?:för|av|om|över|kring|till|med)\s+[^,.;]{2,90}?)?)"
    r"(?=\s+(?:senast|till\s|hos\s|den\s\d|\d|i\s+samband|före|lämnas|redovisas|ges\s|"
    r"inom|under|vid|och\s+senast|ska\s+(?:lämnas|redovisas|ges\s|inkomma|ges\s+in|skickas))|"
    r"\s*[,.;]|$)",
    re.I,
)


def _title_for(text: str, hit: DateHit | None) -> str | None:
    best: re.Match[str] | None = None
    for m in _TITLE_NOUN.finditer(text):
        if hit is None:
            best = best or m
            continue
        if best is None or abs(m.start() - hit.start) < abs(best.start() - hit.start):
            best = m
    if best is None:
        return None
    title = " ".join(best.group("t").split())
    if len(title) > 120:
        return None
    return title[0].upper() + title[1:]


# "Enligt beslutet ska uppdraget redovisas senast den 31 december 2019." in a decision that
# extends it: what the earlier decision said
_PER_DECISION = re.compile(
    r"\benligt\s+(?:det\s+)?(?:ursprungliga\s+|tidigare\s+)?beslutet\b", re.I
)
_AS_DECIDED = re.compile(
    r"\s*Enligt\s+(?:det\s+)?(?:ursprungliga\s+|tidigare\s+)?(?:beslutet|uppdraget)\b", re.I
)


def read_replaced_in_background(ex: Extraction, sentence: Sentence) -> None:
    """ "Enligt beslutet skulle uppdraget slutredovisas senast …" under Bakgrund: the date an
    amendment replaces. Nothing else under Bakgrund is read."""
    text = sentence.text
    if (
        (_PAST_MODAL.search(text) and not MODAL.search(text))
        or _BY_EARLIER_DECISION.search(text)
        or _AS_DECIDED.match(text)
    ):
        _replaced(ex, text, _deliveries(text))
        return
    _moved_from(ex, text)


def _moved_from(ex: Extraction, text: str) -> None:
    """ "… har därför förlängt tiden för delredovisning, från 30 april 2024 till 14 juni
    2024": the date moved from is the one an amendment replaces."""
    moved = _MOVED_FROM.search(text)
    if moved is None:
        return
    for hit in find_dates(text):
        if hit.values and moved.start("from") <= hit.start < moved.end("from"):
            kind = _kind_near(text, moved.end("from"), 0, moved.end("from"))
            ex.replaced.extend((kind, v) for v in hit.values)


_MOVED_FROM = re.compile(
    r"\b(?:förläng\w*|senarelagt|senarelägg\w*|ändra\w*|flytta\w*)\s+(?:\S+\s+){0,6}?"
    r"från\s+(?P<from>(?:den\s+)?\d{1,2}\s+\w+\s+(?:19|20)\d{2})\s+till\s+(?:den\s+)?\d",
    re.I,
)


def _replaced(ex: Extraction, text: str, deliveries: list[re.Match[str]]) -> None:
    hits = [h for h in find_dates(text) if h.values and _accept_date(text, h, deliveries, True)]
    for hit, kind in zip(hits, _kinds_for(text, hits), strict=True):
        ex.replaced.extend((kind, v) for v in hit.values)


def read_invalid_dates(ex: Extraction, sentence: Sentence) -> None:
    """ "den 31 april 2026": a date that does not exist is a fact and a review note."""
    for hit in find_dates(sentence.text):
        if hit.kind != "invalid":
            continue
        span = (sentence.start + hit.start, sentence.start + hit.end)
        ex.invalid_dates.append((hit.written, sentence, span))
        if any(d.span == span for d in ex.deadlines):
            continue  # an undated deadline whose own note says it
        ex.review.append(
            f"Datumet «{hit.written}» finns inte i kalendern och har inte tolkats; kontrollera "
            f"meningen i beslutet: «{short_text(sentence.text)}»"
        )


REPORTS = ("plan", "delredovisning", "årlig redovisning", "slutredovisning", "övrigt")
FINANCIAL = ("ekonomisk redovisning", "rekvisition", "återbetalning")
