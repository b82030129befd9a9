"""Word lists the reference tagger reads as features (lower case).

Lists, not rules: a word on a list only tells the CRF that it *may* be a month, a place or a
publisher word; the model learns from context what it is in each string.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in re.split(r"\s+", text.strip()) if w)


MONTHS = _words("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn winter fall""")

PARTICLES = _words("van von der den de del della di da du la le ten ter dos das bin ibn al el mac st")

GIVEN = _words("""john james david michael robert william richard thomas mark paul peter andrew stephen
simon christopher daniel matthew anthony george joseph charles edward alan brian kevin ian martin
mary sarah julie alison anne emma elizabeth jane helen susan karen rachel claire catherine laura kate
lucy ruth rebecca hannah jennifer linda patricia barbara margaret deborah nicola louise victoria
shery shery larry patrick mike ann maria jose juan carlos luis ana sofia mohammed ahmed ali fatima
aisha omar hassan wei li ming hui yan jun xin hiroshi yuki kenji sakura ji min soo priya anil
raj sunita deepak kwame ama chinedu ngozi oluwaseun ade lars ingrid sven anna eva hans jan pieter
katrin marta piotr agnieszka dimitri elena ivan olga francesca giulia marco luca pierre marie jean
sophie nadia sean siobhan niamh aoife ciaran""")

FAMILY = _words("""smith jones williams brown taylor davies evans thomas johnson roberts wilson
robinson wright thompson white hughes edwards green hall wood harris martin jackson clarke lewis
walker scott young king turner hill moore cooper ward morris baker mead repper perkins davidson
chinman slade deegan faulkner gillard watson carter kelly murphy o'brien o’brien mcdonald
macdonald campbell stewart anderson miller garcia martinez rodriguez lopez gonzalez hernandez
silva santos kim lee park chen wang zhang liu yang huang tanaka suzuki sato nakamura patel
shah singh kumar gupta sharma khan ahmed ali okafor mensah adeyemi nielsen hansen johansson
larsen müller schmidt schneider fischer weber meyer rossi russo bianchi dubois moreau laurent
kowalski nowak ivanov petrov""")

CONTAINER_WORDS = _words("""journal journals review bulletin quarterly proceedings annals archives
psychiatry psychiatric psychology psychological psychiatrica psychiatr psychol health ment mental
nursing nurs rehabilitation rehabil social soc services serv research res practice pract science
sci medicine med lancet bmj bmc plos international int j american am british br european eur
community care policy clinical clin disorders therapy studies education times guardian magazine
newsletter today world evidence systematic cochrane database syst rev epidemiology epidemiol
advances adv perspectives forum letters frontiers front open""")

PUBLISHER_WORDS = _words("""press publishing publishers publisher books routledge sage wiley springer
elsevier palgrave macmillan kingsley penguin guilford norton pearson blackwell baillière bailliere
tindall churchill livingstone polity harper hodder arnold lippincott mosby saunders karnac pccs
emerald taylor francis hazelden praeger jossey bass apa oxford cambridge verlag beacon vintage
open mcgraw hill academic""")

PLACE_WORDS = _words("""london new york oxford cambridge manchester edinburgh glasgow birmingham leeds
nottingham bristol brighton abingdon basingstoke maidenhead chichester cardiff belfast dublin
bingley ross-on-wye monmouth sheffield liverpool york exeter norwich leicester southampton
washington dc chicago boston philadelphia francisco baltimore thousand oaks los angeles rockville
toronto ottawa vancouver montreal melbourne sydney auckland wellington geneva berlin paris
amsterdam heidelberg cham hoboken munich vienna zurich copenhagen stockholm oslo milton keynes
nashville westport newbury park center city hove harlow dordrecht tn ny ca ma pa nj md ct mn il
uk usa""")

ORG_WORDS = _words("""department ministry organization organisation association foundation institute
council network centre center trust nhs commission society college university agency alliance
board committee government office services service authority coalition federation health""")

STOPWORDS = _words("a an the of and for to on with in at from by is are as its their or")

#: structural words of reference styles -> the field they introduce
MARKERS: dict[str, str] = {
    "vol": "vol", "volume": "vol", "no": "no", "nos": "no", "issue": "no", "iss": "no", "number": "no",
    "pp": "pp", "p": "pp", "pages": "pp", "page": "pp", "in": "in", "ed": "ed", "eds": "ed",
    "edn": "edn", "edition": "edn", "editor": "ed", "editors": "ed", "edited": "ed", "by": "by",
    "available": "avail", "retrieved": "avail", "accessed": "acc", "viewed": "acc", "cited": "acc",
    "doi": "doi", "et": "etal", "al": "etal", "and": "and", "internet": "medium", "online": "medium",
    "from": "from", "chapter": "chap", "chap": "chap", "ch": "chap",
}

NOTE_WORDS = _words("""google scholar pubmed crossref medline isi web science wos scopus find resource
link article pmc free full text abstract view record download citation""")

GENRE_WORDS = _words("""thesis dissertation phd doctoral masters master's msc ma dclinpsy dphil
unpublished report briefing paper working discussion occasional technical bachelor's degree""")
