"""Tests for fanboard.resolve.timeexpr.

All sentences below are invented for these tests (not taken from any article).
The anchor (publication date) is Tuesday 15 December 2020 unless a test says otherwise.
"""

from datetime import date

import pytest

from fanboard.resolve.timeexpr import (
    DateValue,
    TimeExpr,
    anchor_window,
    find_time_expressions,
    resolve,
    resolve_window,
)

A = date(2020, 12, 15)  # a Tuesday
REL = "relative_to_publication"
ST = "stated"


def day(y, m, d, basis=REL):
    return DateValue(date(y, m, d), date(y, m, d), "day", basis)


def span(a, b, precision="range", basis=REL):
    return DateValue(date(*a), date(*b), precision, basis)


def only(sentence: str, lang: str) -> TimeExpr:
    found = find_time_expressions(sentence, lang)
    assert len(found) == 1, found
    return found[0]


# (lang, invented sentence, expected surface text, kind, expected value at anchor A)
CASES = [
    # ---- weekdays with modifiers
    ("en", "Atalanta beat Fiorentina last Sunday.", "last Sunday", "weekday", day(2020, 12, 13)),
    ("nl", "Atalanta won afgelopen zondag van Fiorentina.", "afgelopen zondag", "weekday", day(2020, 12, 13)),
    ("it", "L'Atalanta ha battuto la Fiorentina domenica scorsa.", "domenica scorsa", "weekday", day(2020, 12, 13)),
    ("it", "Lo scorso sabato la squadra ha pareggiato.", "Lo scorso sabato", "weekday", day(2020, 12, 12)),
    ("en", "The team trains again next Wednesday.", "next Wednesday", "weekday", day(2020, 12, 16)),
    ("nl", "De ploeg speelt komende woensdag tegen Ajax.", "komende woensdag", "weekday", day(2020, 12, 16)),
    ("nl", "Ajax speelt volgende zaterdag uit.", "volgende zaterdag", "weekday", day(2020, 12, 19)),
    ("it", "La squadra giocherà mercoledì prossimo.", "mercoledì prossimo", "weekday", day(2020, 12, 16)),
    ("it", "La prossima domenica si gioca a Roma.", "La prossima domenica", "weekday", day(2020, 12, 20)),
    # ---- bare / possessive weekdays: the tense of the sentence decides
    ("en", "The striker is set to return in Wednesday's match.", "Wednesday's", "weekday", day(2020, 12, 16)),
    ("en", "The coach scored on Sunday night, fans said.", "Sunday night", "weekday", day(2020, 12, 13)),
    ("nl", "De spits zal woensdag weer spelen.", "woensdag", "weekday", day(2020, 12, 16)),
    ("nl", "De spits speelde zondag niet.", "zondag", "weekday", day(2020, 12, 13)),
    ("it", "L'attaccante sarà in campo mercoledì.", "mercoledì", "weekday", day(2020, 12, 16)),
    ("it", "Il capitano giocherà mercoledi contro l'Ajax.", "mercoledi", "weekday", day(2020, 12, 16)),
    ("it", "Il capitano ha giocato domenica.", "domenica", "weekday", day(2020, 12, 13)),
    # no tense cue at all: a range from the previous to the next such day, never a guess
    ("en", "Friday: training.", "Friday", "weekday", span((2020, 12, 11), (2020, 12, 18))),
    # ---- N days / weeks ago
    ("en", "The row began two weeks ago.", "two weeks ago", "weeks_ago", span((2020, 11, 28), (2020, 12, 4))),
    ("nl", "De ruzie begon twee weken geleden.", "twee weken geleden", "weeks_ago", span((2020, 11, 28), (2020, 12, 4))),
    ("it", "La lite è iniziata due settimane fa.", "due settimane fa", "weeks_ago", span((2020, 11, 28), (2020, 12, 4))),
    ("en", "He was injured 3 weeks ago.", "3 weeks ago", "weeks_ago", span((2020, 11, 21), (2020, 11, 27))),
    ("en", "He signed three days ago.", "three days ago", "days_ago", day(2020, 12, 12)),
    ("nl", "Hij tekende drie dagen geleden.", "drie dagen geleden", "days_ago", day(2020, 12, 12)),
    ("it", "Ha firmato tre giorni fa.", "tre giorni fa", "days_ago", day(2020, 12, 12)),
    ("en", "He scored a week ago.", "a week ago", "weeks_ago", span((2020, 12, 5), (2020, 12, 11))),
    # ---- last week, yesterday, today, tomorrow
    ("en", "He trained alone last week.", "last week", "week", span((2020, 12, 7), (2020, 12, 13))),
    ("nl", "Hij trainde vorige week alleen.", "vorige week", "week", span((2020, 12, 7), (2020, 12, 13))),
    ("it", "Si è allenato da solo la settimana scorsa.", "la settimana scorsa", "week", span((2020, 12, 7), (2020, 12, 13))),
    ("en", "The club confirmed it yesterday.", "yesterday", "yesterday", day(2020, 12, 14)),
    ("nl", "De club bevestigde het gisteren.", "gisteren", "yesterday", day(2020, 12, 14)),
    ("it", "Il club lo ha confermato ieri.", "ieri", "yesterday", day(2020, 12, 14)),
    ("en", "The verdict comes tomorrow.", "tomorrow", "tomorrow", day(2020, 12, 16)),
    ("nl", "Het oordeel volgt morgen.", "morgen", "tomorrow", day(2020, 12, 16)),
    ("it", "Il verdetto arriva domani.", "domani", "tomorrow", day(2020, 12, 16)),
    ("nl", "Hij traint vandaag apart.", "vandaag", "today", day(2020, 12, 15)),
    # ---- weekends
    ("en", "Atalanta will host Fiorentina this weekend.", "this weekend", "weekend", span((2020, 12, 19), (2020, 12, 20))),
    ("nl", "Atalanta speelt dit weekend thuis.", "dit weekend", "weekend", span((2020, 12, 19), (2020, 12, 20))),
    ("nl", "Atalanta speelt komend weekend thuis.", "komend weekend", "weekend", span((2020, 12, 19), (2020, 12, 20))),
    ("it", "L'Atalanta gioca in casa questo fine settimana.", "questo fine settimana", "weekend", span((2020, 12, 19), (2020, 12, 20))),
    ("it", "L'Atalanta giocherà nel weekend.", "nel weekend", "weekend", span((2020, 12, 19), (2020, 12, 20))),
    ("en", "They lost last weekend.", "last weekend", "weekend", span((2020, 12, 12), (2020, 12, 13))),
    ("nl", "Ze verloren afgelopen weekend.", "afgelopen weekend", "weekend", span((2020, 12, 12), (2020, 12, 13))),
    # ---- months: relative ones cross the year boundary
    ("en", "He will leave the club in January.", "in January", "month", span((2021, 1, 1), (2021, 1, 31), "month")),
    ("nl", "Hij zal in januari vertrekken.", "in januari", "month", span((2021, 1, 1), (2021, 1, 31), "month")),
    ("it", "Lascerà il club a gennaio.", "a gennaio", "month", span((2021, 1, 1), (2021, 1, 31), "month")),
    ("it", "Partirà in gennaio.", "in gennaio", "month", span((2021, 1, 1), (2021, 1, 31), "month")),
    ("it", "Lascerà il club nel mese di gennaio.", "nel mese di gennaio", "month", span((2021, 1, 1), (2021, 1, 31), "month")),
    ("en", "He was injured in March.", "in March", "month", span((2020, 3, 1), (2020, 3, 31), "month")),
    ("nl", "Hij raakte in maart geblesseerd en was lang weg.", "in maart", "month", span((2020, 3, 1), (2020, 3, 31), "month")),
    ("en", "He joined in January 2021.", "in January 2021", "month", span((2021, 1, 1), (2021, 1, 31), "month", ST)),
    ("nl", "Hij kwam in januari 2021.", "in januari 2021", "month", span((2021, 1, 1), (2021, 1, 31), "month", ST)),
    ("it", "È arrivato a gennaio 2021.", "a gennaio 2021", "month", span((2021, 1, 1), (2021, 1, 31), "month", ST)),
    # ---- seasons and windows
    ("nl", "Ze gaan komende winter uit elkaar.", "komende winter", "season", span((2020, 12, 1), (2021, 2, 28))),
    ("nl", "Hij vertrekt deze winter.", "deze winter", "season", span((2020, 12, 1), (2021, 2, 28))),
    ("en", "He could leave this winter.", "this winter", "season", span((2020, 12, 1), (2021, 2, 28))),
    ("en", "He could leave in the winter.", "in the winter", "season", span((2020, 12, 1), (2021, 2, 28))),
    ("it", "Potrebbe partire quest'inverno.", "quest'inverno", "season", span((2020, 12, 1), (2021, 2, 28))),
    ("en", "He will move in the winter transfer window.", "the winter transfer window", "season", span((2021, 1, 1), (2021, 2, 1))),
    ("nl", "Hij vertrekt in de januari-transferwindow.", "in de januari-transferwindow", "season", span((2021, 1, 1), (2021, 2, 1))),
    ("it", "Partirà nel mercato di gennaio.", "nel mercato di gennaio", "season", span((2021, 1, 1), (2021, 2, 1))),
    ("it", "Partirà con il mercato invernale.", "il mercato invernale", "season", span((2021, 1, 1), (2021, 2, 1))),
    ("nl", "Hij vertrekt in de winterstop.", "in de winterstop", "season", span((2020, 12, 20), (2021, 1, 31))),
    # ---- mid-year, summer of a year, until a year
    ("nl", "Hij heeft een contract tot medio 2022.", "medio 2022", "mid_year", span((2022, 6, 1), (2022, 7, 31), basis=ST)),
    ("nl", "Het contract loopt tot halverwege 2022.", "halverwege 2022", "mid_year", span((2022, 6, 1), (2022, 7, 31), basis=ST)),
    ("en", "His deal runs until mid-2022.", "mid-2022", "mid_year", span((2022, 6, 1), (2022, 7, 31), basis=ST)),
    ("it", "Il contratto scade a metà 2022.", "a metà 2022", "mid_year", span((2022, 6, 1), (2022, 7, 31), basis=ST)),
    ("en", "He may leave in the summer of 2022.", "the summer of 2022", "season", span((2022, 6, 1), (2022, 8, 31), basis=ST)),
    ("nl", "Hij vertrekt in de zomer van 2022.", "de zomer van 2022", "season", span((2022, 6, 1), (2022, 8, 31), basis=ST)),
    ("it", "Partirà nell'estate 2022.", "nell'estate 2022", "season", span((2022, 6, 1), (2022, 8, 31), basis=ST)),
    ("en", "He is under contract until 2022.", "until 2022", "year", span((2022, 1, 1), (2022, 12, 31), "year", ST)),
    ("nl", "Hij ligt vast tot 2022.", "tot 2022", "year", span((2022, 1, 1), (2022, 12, 31), "year", ST)),
    ("it", "Ha un contratto fino al 2022.", "fino al 2022", "year", span((2022, 1, 1), (2022, 12, 31), "year", ST)),
    # ---- full dates
    ("en", "The match was played on 13 December 2020.", "13 December 2020", "date", day(2020, 12, 13, ST)),
    ("en", "The match was played on December 13, 2020.", "December 13, 2020", "date", day(2020, 12, 13, ST)),
    ("en", "Kick-off: 2020-12-13.", "2020-12-13", "date", day(2020, 12, 13, ST)),
    ("en", "Kick-off: 13/12/2020.", "13/12/2020", "date", day(2020, 12, 13, ST)),
    ("nl", "De wedstrijd werd op 13 december 2020 gespeeld.", "13 december 2020", "date", day(2020, 12, 13, ST)),
    ("nl", "Gespeeld op zondag 13 december 2020.", "zondag 13 december 2020", "date", day(2020, 12, 13, ST)),
    ("it", "La partita si è giocata il 13 dicembre 2020.", "il 13 dicembre 2020", "date", day(2020, 12, 13, ST)),
    ("it", "Si gioca il 1º maggio 2021.", "il 1º maggio 2021", "date", day(2021, 5, 1, ST)),
    # day and month without a year take the nearer occurrence
    ("nl", "Atalanta speelt op 3 januari tegen Sassuolo.", "3 januari", "date", day(2021, 1, 3)),
    # ---- since a year, N years ago, in a year
    ("nl", "Hij speelt al sinds 2014 voor de club.", "al sinds 2014", "since_year", DateValue(date(2014, 1, 1), A, "year", ST)),
    ("en", "He has played there since 2014.", "since 2014", "since_year", DateValue(date(2014, 1, 1), A, "year", ST)),
    ("it", "Gioca lì dal 2014.", "dal 2014", "since_year", DateValue(date(2014, 1, 1), A, "year", ST)),
    ("en", "The club signed him six years ago.", "six years ago", "years_ago", span((2014, 1, 1), (2014, 12, 31), "year")),
    ("nl", "De club nam hem zes jaar geleden over.", "zes jaar geleden", "years_ago", span((2014, 1, 1), (2014, 12, 31), "year")),
    ("it", "Il club lo ha preso sei anni fa.", "sei anni fa", "years_ago", span((2014, 1, 1), (2014, 12, 31), "year")),
    ("en", "He debuted in 2017.", "in 2017", "year", span((2017, 1, 1), (2017, 12, 31), "year", ST)),
    ("nl", "In 2017 debuteerde hij.", "In 2017", "year", span((2017, 1, 1), (2017, 12, 31), "year", ST)),
    ("it", "Ha esordito nel 2017.", "nel 2017", "year", span((2017, 1, 1), (2017, 12, 31), "year", ST)),
    # ---- recently
    ("en", "Relations soured in recent weeks.", "in recent weeks", "recent", span((2020, 11, 17), (2020, 12, 15))),
    ("en", "The two recently argued.", "recently", "recent", span((2020, 11, 17), (2020, 12, 15))),
    ("nl", "De verhouding verslechterde de afgelopen weken.", "de afgelopen weken", "recent", span((2020, 11, 17), (2020, 12, 15))),
    ("nl", "Ze hadden onlangs ruzie.", "onlangs", "recent", span((2020, 11, 17), (2020, 12, 15))),
    ("it", "Il rapporto si è rotto nelle ultime settimane.", "nelle ultime settimane", "recent", span((2020, 11, 17), (2020, 12, 15))),
    ("it", "I due hanno litigato di recente.", "di recente", "recent", span((2020, 11, 17), (2020, 12, 15))),
]


@pytest.mark.parametrize("lang,sentence,text,kind,expected", CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_expression_found_and_resolved(lang, sentence, text, kind, expected):
    e = only(sentence, lang)
    assert (e.text, e.kind, e.lang) == (text, kind, lang)
    assert sentence[e.start : e.end] == text
    assert resolve(e, A) == expected


def test_values_and_directions():
    e = only("Atalanta won afgelopen zondag.", "nl")
    assert (e.direction, e.value) == ("past", (6,))
    e = only("We play next Wednesday.", "en")
    assert (e.direction, e.value) == ("future", (2,))
    e = only("He is set to return in Wednesday's match.", "en")
    assert (e.direction, e.tense, e.value) == ("nearest", "future", (2,))
    e = only("De ruzie begon twee weken geleden.", "nl")
    assert (e.direction, e.value) == ("past", (2,))
    e = only("Contract tot medio 2022.", "nl")
    assert (e.direction, e.value) == ("none", (2022, "mid"))
    e = only("He leaves in January.", "en")
    assert e.value == (1,)


def test_several_expressions_in_text_order_without_overlap():
    found = find_time_expressions("Twee weken geleden had hij ruzie; afgelopen zondag zat hij op de bank.", "nl")
    assert [(e.text, e.kind) for e in found] == [("Twee weken geleden", "weeks_ago"), ("afgelopen zondag", "weekday")]
    found = find_time_expressions("Since 2016 he has led the club; in January he will leave.", "en")
    assert [(e.text, e.kind) for e in found] == [("Since 2016", "since_year"), ("in January", "month")]


def test_longest_match_wins():
    # the full date contains a weekday and a day-month; only the full date is reported
    found = find_time_expressions("Sunday, 13 December 2020 was a cold day.", "en")
    assert [(e.text, e.kind, e.value) for e in found] == [("Sunday, 13 December 2020", "date", (2020, 12, 13))]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "The coach and the player argued in the dressing room."),
        ("en", "He was replaced at half-time by Ilicic."),
        ("nl", "In de rust wilde de trainer hem wisselen."),
        ("it", "All'intervallo l'allenatore lo ha sostituito."),
        ("en", "Gomez may leave the club, and the fans march on."),  # 'may'/'march' are verbs here
        ("nl", "Maartje zag de wedstrijd met Meike."),  # 'maart'/'mei' not inside names
        ("nl", "Hij traint 's morgens en rust 's middags."),  # 'morgens' is not 'morgen'
        ("en", "He played on Sundays for years."),  # plural weekday: habitual, not a date
        ("it", "Ha vinto 3-1 con la Fiorentina."),
        ("en", ""),
    ],
)
def test_no_time_expression(lang, text):
    assert find_time_expressions(text, lang) == []


def test_may_is_a_month_with_in_a_day_or_a_year():
    assert only("He could leave in May.", "en").kind == "month"
    assert only("He signed on 5 May 2021.", "en").value == (2021, 5, 5)
    assert only("He signed in May 2021.", "en").value == (5, 2021)


def test_nl_morgen_is_tomorrow_but_not_morning():
    assert only("Morgen speelt Ajax.", "nl").kind == "tomorrow"
    assert find_time_expressions("In de morgen trainde hij.", "nl") == []


def test_relative_needs_an_anchor_absolute_does_not():
    rel = only("He left two weeks ago.", "en")
    assert resolve(rel, None) is None
    assert resolve(only("Played on 13 December 2020.", "en"), None) == day(2020, 12, 13, ST)
    assert resolve(only("He debuted in 2017.", "en"), None) == span((2017, 1, 1), (2017, 12, 31), "year", ST)
    assert resolve(only("Hij speelt al sinds 2014 voor Atalanta.", "nl"), None) == DateValue(date(2014, 1, 1), None, "year", ST)


def test_invalid_date_is_not_a_date():
    assert find_time_expressions("It was 31 February 2020.", "en") == []


def test_months_year_boundary_both_ways():
    jan = only("He will leave in January.", "en")
    assert resolve(jan, date(2020, 12, 15)) == span((2021, 1, 1), (2021, 1, 31), "month")
    # in January itself, "in January" is this month
    assert resolve(jan, date(2021, 1, 20)) == span((2021, 1, 1), (2021, 1, 31), "month")
    # past tense early in the year: last December
    dec = only("Hij raakte in december geblesseerd.", "nl")
    assert resolve(dec, date(2021, 1, 10)) == span((2020, 12, 1), (2020, 12, 31), "month")
    # no tense cue: the nearer occurrence
    assert resolve(only("Transfers in januari.", "nl"), date(2020, 12, 15)) == span((2021, 1, 1), (2021, 1, 31), "month")


def test_weekday_same_day_rules():
    wed = date(2020, 12, 9)  # a Wednesday
    nxt = only("We play next Wednesday.", "en")
    assert resolve(nxt, wed) == day(2020, 12, 16)  # 'next' skips today
    poss = only("He will start Wednesday's game.", "en")
    assert resolve(poss, wed) == day(2020, 12, 9)  # match-day preview: today
    last = only("Atalanta won afgelopen woensdag.", "nl")
    assert resolve(last, wed) == day(2020, 12, 2)  # 'afgelopen' skips today


def test_resolve_window():
    sunday = only("Atalanta won afgelopen zondag.", "nl")
    # published some time Mon 14 .. Wed 16 Dec: all point to Sun 13 Dec
    assert resolve_window(sunday, date(2020, 12, 14), date(2020, 12, 16)) == day(2020, 12, 13)
    # published Sun 13 .. Tue 15 Dec: Sun 6 or Sun 13 → a range, not a guess
    assert resolve_window(sunday, date(2020, 12, 13), date(2020, 12, 15)) == span((2020, 12, 6), (2020, 12, 13))
    jan = only("He will leave in January.", "en")
    assert resolve_window(jan, date(2020, 12, 1), date(2020, 12, 31)) == span((2021, 1, 1), (2021, 1, 31), "month")
    ago = only("He left two weeks ago.", "en")
    assert resolve_window(ago, date(2020, 12, 14), date(2020, 12, 16)) == span((2020, 11, 27), (2020, 12, 5))


def test_anchor_window_weekday_past():
    e = only("Atalanta won afgelopen zondag met 3-0.", "nl")
    assert anchor_window(e, date(2020, 12, 13)) == (date(2020, 12, 14), date(2020, 12, 20))
    assert anchor_window(e, date(2020, 12, 12)) is None  # a Saturday cannot be 'zondag'


def test_anchor_window_weekday_future_nearest():
    e = only("The Argentine is set to return in Wednesday's match.", "en")
    # same day allowed (match-day preview), up to six days before
    assert anchor_window(e, date(2020, 12, 9)) == (date(2020, 12, 3), date(2020, 12, 9))
    it = only("Il capitano sarà in campo mercoledì.", "it")
    assert anchor_window(it, date(2020, 12, 9)) == (date(2020, 12, 3), date(2020, 12, 9))


def test_anchor_window_weeks_ago_tolerance():
    for sentence, lang in [("It began two weeks ago.", "en"), ("Het begon twee weken geleden.", "nl"), ("È iniziato due settimane fa.", "it")]:
        e = only(sentence, lang)
        # 7N days ± 3 → around 15 Dec
        assert anchor_window(e, date(2020, 12, 1)) == (date(2020, 12, 12), date(2020, 12, 18))


def test_anchor_window_weekend():
    for sentence, lang in [("Atalanta will host Fiorentina this weekend.", "en"), ("Atalanta speelt dit weekend thuis.", "nl"), ("L'Atalanta giocherà questo fine settimana.", "it")]:
        e = only(sentence, lang)
        assert anchor_window(e, date(2020, 12, 13)) == (date(2020, 12, 7), date(2020, 12, 13))


def test_anchor_window_years_ago():
    for sentence, lang in [("He arrived six years ago.", "en"), ("Hij kwam zes jaar geleden.", "nl"), ("È arrivato sei anni fa.", "it")]:
        e = only(sentence, lang)
        assert anchor_window(e, date(2014, 8, 1)) == (date(2020, 1, 1), date(2020, 12, 31))


def test_anchor_window_absolute_is_unconstrained():
    assert anchor_window(only("Played on 13 December 2020.", "en"), date(2020, 12, 13)) is None


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="unsupported language"):
        find_time_expressions("domingo", "es")


def test_tense_is_read_in_the_clause_first():
    # 'will' is nearer in characters but belongs to the other clause
    e = only("He signed a new contract in May and will stay for years.", "en")
    assert resolve(e, A) == span((2020, 5, 1), (2020, 5, 31), "month")
    # no cue in the clause: the sentence decides
    e = only("Given the importance of Wednesday's game, Gasperini will start Gomez.", "en")
    assert (e.tense, resolve(e, A)) == ("future", day(2020, 12, 16))
    e = only("Atalanta en Gómez zullen in januari uit elkaar gaan.", "nl")
    assert resolve(e, A) == span((2021, 1, 1), (2021, 1, 31), "month")


def test_written_weekday_picks_the_year_of_a_yearless_date():
    e = only("Ajax - Atalanta wordt woensdag 9 december gespeeld.", "nl")
    assert e.value == (None, 12, 9, 2)
    assert resolve(e, date(2020, 12, 1)) == day(2020, 12, 9)  # 9 Dec 2020 is a Wednesday
    assert resolve(e, date(2020, 12, 20)) == day(2020, 12, 9)  # 2021's 9 December is a Thursday
    # without a weekday the tense decides: a birthday in the past
    assert resolve(only("Gomez turned 32 on 15 February.", "en"), A) == day(2020, 2, 15)


@pytest.mark.parametrize(
    "lang,sentence,text,kind,expected",
    [
        ("en", "They meet again in two weeks.", "in two weeks", "weeks_ahead", span((2020, 12, 26), (2021, 1, 1))),
        ("nl", "Over twee weken speelt Atalanta tegen Roma.", "Over twee weken", "weeks_ahead", span((2020, 12, 26), (2021, 1, 1))),
        ("it", "Tra due settimane si gioca con la Roma.", "Tra due settimane", "weeks_ahead", span((2020, 12, 26), (2021, 1, 1))),
        ("nl", "Over drie dagen volgt de uitspraak.", "Over drie dagen", "days_ahead", day(2020, 12, 18)),
        ("en", "He played in Ukraine last year.", "last year", "year_offset", span((2019, 1, 1), (2019, 12, 31), "year")),
        ("nl", "Hij speelde vorig jaar in Oekraïne.", "vorig jaar", "year_offset", span((2019, 1, 1), (2019, 12, 31), "year")),
        ("it", "Ha giocato in Ucraina l'anno scorso.", "l'anno scorso", "year_offset", span((2019, 1, 1), (2019, 12, 31), "year")),
        ("en", "Gasperini has been in charge since June 2016.", "since June 2016", "since_year", DateValue(date(2016, 6, 1), A, "month", ST)),
        ("it", "Nel 2019-20 l'Atalanta ha segnato 98 gol.", "Nel 2019-20", "season", span((2019, 7, 1), (2020, 6, 30), basis=ST)),
        ("nl", "Vorig seizoen werd Atalanta derde.", "Vorig seizoen", "season", span((2019, 7, 1), (2020, 6, 30))),
        ("en", "Atalanta led the league in goals last season.", "last season", "season", span((2019, 7, 1), (2020, 6, 30))),
        ("en", "The club thrived in the 2019-20 season.", "the 2019-20 season", "season", span((2019, 7, 1), (2020, 6, 30), basis=ST)),
        ("it", "Domenica sera la Dea giocherà contro il Napoli.", "Domenica sera", "weekday", day(2020, 12, 20)),
        ("nl", "Zondagmiddag won Atalanta met 3-0.", "Zondagmiddag", "weekday", day(2020, 12, 13)),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 25 else None,
)
def test_more_kinds(lang, sentence, text, kind, expected):
    e = only(sentence, lang)
    assert (e.text, e.kind) == (text, kind)
    assert resolve(e, A) == expected


def test_context_sentence_gives_the_tense_of_a_fragment():
    e = find_time_expressions("Wednesday's match", "en", context="Gomez is set to return in Wednesday's match.")[0]
    assert (e.tense, resolve(e, A)) == ("future", day(2020, 12, 16))
    e = find_time_expressions("Wednesday's match", "en")[0]
    assert (e.tense, resolve(e, A)) == ("", span((2020, 12, 9), (2020, 12, 16)))


def test_month_without_tense_takes_the_nearer_occurrence():
    e = only("Transfers in januari.", "nl")
    assert e.tense == ""
    assert resolve(e, date(2020, 12, 15)) == span((2021, 1, 1), (2021, 1, 31), "month")
    assert resolve(e, date(2021, 3, 15)) == span((2021, 1, 1), (2021, 1, 31), "month")
