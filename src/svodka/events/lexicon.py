"""What the events stage knows: the words that tell an event (triggers) and its CAMEO code, how
specific each type is, and the words for format, duration and common topics."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    type: str
    cameo: str | None  # None where no CAMEO code fits (appointments)
    family: str  # types of one family describe one happening: a "встреча" told as "переговоры"


# CAMEO 1.1b3: 010 make statement, 018 make empathetic comment (congratulations), 040 consult,
# 041 discuss by telephone, 042 make a visit, 043 host a visit, 046 engage in negotiation,
# 057 sign formal agreement, 111 criticize or denounce, 112 accuse, 141 demonstrate or rally,
# 163 impose embargo, boycott or sanctions, 190 use conventional military force.
KINDS = {
    "meeting": Kind("meeting", "040", "consult"),
    "call": Kind("call", "041", "consult"),
    "negotiations": Kind("negotiations", "046", "consult"),
    "visit": Kind("visit", "042", "visit"),
    "host": Kind("host", "043", "visit"),
    "statement": Kind("statement", "010", "statement"),
    "congratulation": Kind("congratulation", "018", "congratulation"),
    "agreement": Kind("agreement", "057", "agreement"),
    "criticism": Kind("criticism", "111", "criticism"),
    "accusation": Kind("accusation", "112", "criticism"),
    "sanctions": Kind("sanctions", "163", "sanctions"),
    "appointment": Kind("appointment", None, "appointment"),
    "military": Kind("military", "190", "military"),
    "protest": Kind("protest", "141", "protest"),
}
ROOT_QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2}  # else 9-13: 3, 14-20: 4

# lemma → event type; verbs and nouns
TRIGGERS = {
    "встретиться": "meeting", "встречаться": "meeting", "встреча": "meeting", "беседа": "meeting",
    "побеседовать": "meeting", "беседовать": "meeting", "разговор": "meeting", "контакт": "meeting", "саммит": "meeting", "переговоры": "negotiations",
    "переговорить": "negotiations", "созвониться": "call", "позвонить": "call", "визит": "visit",
    "посетить": "visit", "посещать": "visit", "прибыть": "visit", "приехать": "visit", "прилететь": "visit",
    "принять": "host", "принимать": "host", "поздравить": "congratulation", "поздравлять": "congratulation",
    "поздравление": "congratulation", "подписать": "agreement", "подписывать": "agreement",
    "подписание": "agreement", "раскритиковать": "criticism", "критиковать": "criticism",
    "осудить": "criticism", "обвинить": "accusation", "обвинять": "accusation", "обвинение": "accusation",
    "санкция": "sanctions", "назначить": "appointment", "назначение": "appointment",
    "назначать": "appointment", "избрать": "appointment", "избирать": "appointment", "удар": "military", "обстрел": "military", "обстрелять": "military",
    "атаковать": "military", "атака": "military", "бомбардировка": "military", "наступление": "military",
    "протест": "protest", "митинг": "protest", "протестовать": "protest", "демонстрация": "protest",
}
# words of a meeting's content, not of a meeting: they add evidence, people and topics to a meeting
# or call the article tells of elsewhere, but open none ("Лукашенко и Путин обсудили …")
DISCUSSING = frozenset({"обсудить", "обсуждать", "обсуждение", "рассмотреть", "затронуть", "уделить",
                        "договориться", "выступить"})
# passive forms of those: who discusses follows in the instrumental ("обсуждается генсеком ООН Паном Ги Муном")
PASSIVE_DISCUSSING = frozenset({"обсуждаться", "рассматриваться"})
# "телефонный разговор", "телефонные переговоры": a call whatever the noun says
CALL_WORDS = re.compile(r"(?i)\bтелефонн\w+|\bпо телефону\b|\bсозвон\w+|\bвидеосвяз\w+|\bвидеоконференц\w+")
# a trigger whose word is right but means something else: "принял решение", "принял участие"
ACCEPTED_THINGS = (r"(?:решени|участи|закон|меры|мер\b|поправк|во внимание|к сведению|резолюци|документ|"
                   r"постановлени|бюджет|присяг|на себя|в расчет|обращени|доз|препарат|вакцин|план|отставк|"
                   r"предложени|позици|ислам|христианств|гражданств|вызов|извинени|соболезновани|командовани|эстафет|"
                   r"душ\b|ванн|ставк|санкци)")
# "принимать никаких стратегических решений": up to two words between the verb and the thing
ACCEPTING_A_THING = re.compile(rf"(?i)^\w+\s+(?:\S+\s+){{0,2}}[\"«]?{ACCEPTED_THINGS}")
NOT_EVENTS = {
    "принять": ACCEPTING_A_THING,
    "принимать": ACCEPTING_A_THING,
    "удар": re.compile(r"(?i)^\w+\s+(?:по репутации|по экономике|по бюджету|по карману)"),
    "подписать": re.compile(r"(?i)^\w+\s+(?:на\s|петици)"),
    "контакт": re.compile(r"(?i)^\w+\b(?!\s+(?:\S+\s+)?со?\s)"),  # a contact is a meeting only "с" someone
}
# ... or by the words before it: "участие во встрече, вероятно, примет Лавров" (taking part, not
# hosting), "санкции принял именно Обама" (the thing accepted before the verb), "сексуальные
# контакты с …", "тесный контакт с заболевшим"
TAKING_PART_OR_A_THING = re.compile(rf"(?i)\bучасти[еия]\b|\b{ACCEPTED_THINGS}\w*[\s»\"]+(?:\w+\s+){{0,3}}$")
NOT_AFTER = {
    "принять": TAKING_PART_OR_A_THING,
    "принимать": TAKING_PART_OR_A_THING,
    "контакт": re.compile(r"(?i)(?:сексуальн|половы|интимн|тесн)\w*\s+$"),
}
SPECIFICITY = ("call", "meeting", "negotiations")  # most specific first, within the consult family

FORMAT = re.compile(r"(?i)\b(тет-а-тет|в узком составе|в расширенном составе|в формате видеоконференции|"
                    r"по видеосвязи|по телефону|в режиме видеоконференции|неформальн\w+|с глазу на глаз)")
DURATION = re.compile(r"(?i)\b((?:около|более|почти|свыше|порядка|менее|больше)\s+)?(?:(\d+(?:[.,]\d+)?|"
                      r"полутора|двух|трех|трёх|четырех|четырёх|пяти|часа|полу?часа)\s*)?(час(?:а|ов)?|минут\w*)\b")

# topic label → what names it in a sentence
TOPICS = {
    "коронавирус": r"коронавирус\w*|covid|пандеми\w+",
    "открытие границ": r"открыти\w+ границ\w*",
    "интеграция": r"интеграц\w+",
    "двустороннее сотрудничество": r"двусторонн\w+ (?:сотрудничеств|взаимодейств|отношени|повестк)\w*",
    "торговля": r"товарооборот\w*|торгов\w+ (?:отношени|связ|сотрудничеств)\w*",
    "энергетика": r"энергетик\w*|\bгаз\w*\b|нефт\w+",
    "безопасность": r"безопасност\w+",
    "оборона": r"оборонн\w+|военно-техническ\w+",
    "санкции": r"санкци\w+",
    "импортозамещение": r"импортозамещ\w+",
    "экономика": r"экономическ\w+ (?:сотрудничеств|взаимодейств|вопрос)\w*",
}
TOPIC_PATTERNS = {label: re.compile(rf"(?i)(?:{pattern})") for label, pattern in TOPICS.items()}
