"""French number expressions: the number, its unit and scale, and the qualifier before it.

Reports of French public bodies write `9,3 M€`, `22 043` (thousands grouped with a space,
a no-break space or a narrow no-break space), `16 pour cent`, `quatre ETP` or `entre 300
et 590 euros par an et par agent`. This module reads one such expression, or every such
expression of a string, and resolves it to a value in a base unit (`9,3 M€` -> 9300000.0
EUR) so that downstream code never has to know French typography.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

# Qualifier wordings, as they appear just before the number. Matching is done on a
# lower-cased text with typographic apostrophes folded, longest wording first, so that
# "un peu moins de" wins over "moins de" and "pas plus de" over "plus de". A wording ending
# in " de" also matches its elided form ("plus d'").
# Present and imperfect endings of a first-group verb, for verbs that qualify the number
# they govern ("avoisine 9 M€", "dépassait 75 %", "plafonne à 16 %").
_VERB_ENDINGS = ("e", "ent", "ait", "aient")
APPROX_WORDINGS: tuple[str, ...] = (
    "près de",
    "environ",
    "autour de",
    "aux alentours de",
    "à peine",
    "quelque",
    "approximativement",
    "de l'ordre de",
    "quasiment",
    "presque",
    *(f"{verb}{ending}" for verb in ("avoisin", "approch", "frôl") for ending in _VERB_ENDINGS),
    "≈",  # signs, as chart labels and tables print them ("> 75", "≈ 9 M€")
)
BELOW_WORDINGS: tuple[str, ...] = (
    "moins de",
    "un peu moins de",
    "un peu de moins de",  # a slip seen in the press, kept so quotes parse too
    "inférieur à",
    "inférieure à",
    "inférieurs à",
    "inférieures à",
    "en deçà de",
    "en dessous de",
    "au-dessous de",
    # a threshold the figure stays under ("sous la barre des 200 000", "sous le seuil de 5 %")
    "sous la barre de",
    "sous la barre des",
    "sous le seuil de",
    "sous le seuil des",
    "<",
)
ABOVE_WORDINGS: tuple[str, ...] = (
    "plus de",
    "un peu plus de",
    "au-delà de",
    "au delà de",
    "au-dessus de",
    "au dessus de",
    "au-dessus de la barre des",
    "au-dessus du seuil de",
    "supérieur à",
    "supérieure à",
    "supérieurs à",
    "supérieures à",
    # "at least" has no qualifier of its own in the warehouse; "above" is the closest.
    "au moins",
    "au minimum",
    "pas moins de",
    # "dépassait 75 %"; "ne dépasse pas" is a longer wording of AT_MOST_WORDINGS and wins.
    *(f"dépass{ending}" for ending in _VERB_ENDINGS),
    ">",
    "≥",
)
AT_MOST_WORDINGS: tuple[str, ...] = (
    "ne dépasse pas",
    "ne dépassent pas",
    "ne dépassait pas",
    "ne dépassaient pas",
    "ne dépasse jamais",
    "ne dépassent jamais",
    "n'excède pas",
    "n'excèdent pas",
    "n'excédait pas",
    # "aucun produit ne dépasse 16 %": the negation without "pas"; longer than "dépasse", so
    # it wins over the plain verb of ABOVE_WORDINGS.
    *(f"ne dépass{ending}" for ending in _VERB_ENDINGS),
    *(f"n'excèd{ending}" for ending in ("e", "ent")),
    *(f"n'excéd{ending}" for ending in ("ait", "aient")),
    "au plus",
    "tout au plus",
    "au maximum",
    "pas plus de",
    "jusqu'à",
    "≤",
    *(f"plafonn{ending} à" for ending in (*_VERB_ENDINGS, "é", "ée", "és", "ées")),
)
# Signs printed before a figure instead of a word, in table cells and chart labels ("≈ 54 %",
# "< 10", "> 75"), with the qualifier each stands for ("at least" has no qualifier of its
# own: "above" is closest).
SIGN_QUALIFIERS: dict[str, str] = {
    "≈": "approx",
    "~": "approx",
    "∼": "approx",
    "<": "below",
    ">": "above",
    "≤": "at_most",
    "⩽": "at_most",
    "≥": "above",
    "⩾": "above",
}
# Verbs that turn a qualifier wording into plain French: "articulée autour de six axes"
# says how a plan is built, not that six is approximate.
NOT_QUALIFIER_PATTERNS: tuple[str, ...] = (
    r"\b(?:articul|organis|structur|construit|centr|bâti)\w*\s+autour\s+de$",
)
# Wordings that may follow the number instead ("75 € environ").
TRAILING_QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("environ", "approx"),
    ("au plus", "at_most"),
    ("au maximum", "at_most"),
    ("au moins", "above"),
    ("au minimum", "above"),
)
# "passé de 30 à 45": a change between two values, not a range.
CHANGE_WORDS: tuple[str, ...] = (
    "passé",
    "passée",
    "passés",
    "passées",
    "passer",
    "passant",
    "évolué",
    "augmenté",
    "progressé",
    "diminué",
    "baissé",
    "crû",
    "décru",
    "hausse",
    "baisse",
    "augmentation",
    "diminution",
    "progression",
    "réduction",
    "évolution",
)

_UNITS_0_16 = (
    *("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
    *("dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"),
)
_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}


def _number_words() -> dict[str, int]:
    """French spellings of 0..100, built rather than listed so compounds stay consistent."""
    words: dict[str, int] = {w: i for i, w in enumerate(_UNITS_0_16)}
    # "un"/"une" are far more often articles than numbers: never read them alone.
    del words["un"]
    for n in (17, 18, 19):
        words["dix-" + _UNITS_0_16[n - 10]] = n
    for tens, word in _TENS.items():
        words[word] = tens
        words[word + "-et-un"] = words[word + " et un"] = tens + 1
        for unit in range(2, 10):
            words[f"{word}-{_UNITS_0_16[unit]}"] = tens + unit
    words["soixante-dix"] = 70
    words["soixante-et-onze"] = words["soixante et onze"] = 71
    for n in range(72, 80):
        words["soixante-" + ("dix-" + _UNITS_0_16[n - 70] if n >= 77 else _UNITS_0_16[n - 60])] = n
    words["quatre-vingts"] = words["quatre-vingt"] = 80
    for n in range(81, 100):
        rest = n - 80
        tail = _UNITS_0_16[rest] if rest <= 16 else "dix-" + _UNITS_0_16[rest - 10]
        words["quatre-vingt-" + tail] = n
    words["cent"] = 100
    return words


NUMBER_WORDS: dict[str, int] = _number_words()
# Verbs that state a multiplying factor by themselves ("les crédits ont quintuplé"). Only the
# past participles: "un double objectif", "doubler d'ici 2027" are no measured factor.
RATIO_VERBS: dict[str, int] = {
    "doubl": 2,
    "tripl": 3,
    "quadrupl": 4,
    "quintupl": 5,
    "sextupl": 6,
    "décupl": 10,
    "centupl": 100,
}

UNIT_EUR = "EUR"
UNIT_EUR_PER_YEAR = "EUR_per_year"
UNIT_EUR_PER_MONTH = "EUR_per_month"
UNIT_EUR_PER_AGENT = "EUR_per_agent"
UNIT_EUR_PER_AGENT_PER_YEAR = "EUR_per_agent_per_year"
UNIT_PERCENT = "percent"
UNIT_COUNT = "count"
UNIT_FTE = "FTE"
UNIT_RATIO = "ratio"
UNIT_MONTHS = "months"
UNIT_YEARS = "years"
UNIT_DAYS = "days"

# The spaces French typesetting sets between groups of digits and before a unit: plain,
# no-break, narrow no-break and thin. Every reader of printed numbers uses this set.
SPACES = " \u00a0\u202f\u2009"
# Minus signs: the hyphen, the true minus and the en dash, which typesetting often uses for one
# (table and axis readers accept the same three). A dash between two numbers ("2021–2023")
# is not a sign: a sign follows a space or an opening bracket.
_MINUS = "-\u2212\u2013"

_DIGITS = (
    rf"\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?!\d)"  # 22 043, 1 850 000
    r"|\d{1,3}(?:\.\d{3})+(?![\d.])"  # 1.850.000, an older grouping style
    r"|\d+"
)
# A number glued to a word ("Covid-19", "T3", "agents12") is part of a name or a call.
_NUMBER_RE = re.compile(
    rf"(?<![\w.,])(?<![^\W\d_]-)"
    rf"(?P<sign>(?<![^\s(\[])[{_MINUS}+])?"
    rf"(?P<int>{_DIGITS})(?:,(?P<dec>\d+))?"
    rf"(?![.,]\d)"
)
_BELOW_HUNDRED = "|".join(
    re.escape(w) for w in sorted(set(NUMBER_WORDS) - {"cent"}, key=len, reverse=True)
)
# "deux cents", "trois cent quarante-cinq", "cent un": the hundreds, spelt with spaces or,
# since the 1990 spelling reform, with hyphens.
_HUNDREDS = (
    r"(?:(?:deux|trois|quatre|cinq|six|sept|huit|neuf)[-\s])?cents?"
    rf"(?:[-\s](?:{_BELOW_HUNDRED}|un)(?![\w-]))?"
)
_WORD_RE = re.compile(
    rf"(?<![\w'’-])(?:{_HUNDREDS}|{_BELOW_HUNDRED})(?![\w-])",
    re.IGNORECASE,
)
_PER_CENT_BEFORE_RE = re.compile(r"\bpour\s?$", re.IGNORECASE)
_HUNDREDS_RE = re.compile(r"(?:(?P<times>\w+)[- ])?cents?(?:[- ](?P<rest>.+))?")
# "un demi-ETP", "un million d'euros", "un ETP": "un"/"une" and "demi" are numbers only
# when a unit follows; elsewhere they are articles ("un outil", "une demi-mesure").
_ONE_OR_HALF_RE = re.compile(r"(?<![\w'’-])(?:(?P<half>(?:une?\s+)?demi-?)|une?\b)", re.I)
_UNITS_AFTER_ONE = frozenset({"EUR", "FTE", "percent"})
_RATIO_VERB_RE = re.compile(
    r"(?<![\w'’-])(?P<stem>" + "|".join(RATIO_VERBS) + r")(?:é|ée|és|ées)(?![\w-])",
    re.IGNORECASE,
)
# "un bâtiment neuf." / "un outil neuf et ...": the adjective, not the number.
_ADJECTIVE_NEUF_RE = re.compile(r"\s*(?:$|[.,;:!?)»]|et\b|ou\b)", re.IGNORECASE)

_CURRENCY = r"(?:€|(?i:euros?)\b|EUR\b)"
_UNIT_RE = re.compile(
    rf"(?P<scale>(?i:milliards?|millions?|milliers?|mille))\b"
    rf"(?:\s*(?i:d['’]\s*|de\s+)?(?P<cur1>{_CURRENCY}))?"
    rf"|(?P<abbr>Mds?|Mrds?|M|[kK])\s?(?:d['’]\s?)?(?P<cur2>{_CURRENCY})"
    rf"|(?P<cur3>{_CURRENCY})"
    r"|(?P<percent>%|(?i:pour\s?cent)\b)"
    r"|(?P<fte>ETPT?\b|(?i:équivalents?[\s-]temps[\s-]plein(?:[\s-]travaillés?)?))"
    r"|(?P<months>(?i:mois)\b)"
    r"|(?P<years>(?i:ans|années)\b)"
    r"|(?P<days>(?i:jours)\b)"
    r"|(?P<ratio>(?i:fois)\b)"
)
_SCALE_WORDS = {"milliard": 10**9, "million": 10**6, "millier": 10**3, "mille": 10**3}
_SCALE_ABBRS = {"md": 10**9, "mds": 10**9, "mrd": 10**9, "mrds": 10**9, "m": 10**6, "k": 10**3}
_RATE_RE = re.compile(
    r"\s*(?:(?P<agent_year>(?:par|/)\s*an(?:née)?\s*(?:et\s*)?(?:par|/)\s*agent"
    r"|(?:par|/)\s*agent\s*(?:et\s*)?(?:par|/)\s*an(?:née)?)"
    r"|(?P<year>(?:par|/)\s*an(?:née)?|annuels?)"
    r"|(?P<month>(?:par|/)\s*mois|mensuels?)"
    r"|(?P<agent>(?:par|/)\s*agent))\b",
    re.IGNORECASE,
)
_RATE_UNITS = {
    "agent_year": UNIT_EUR_PER_AGENT_PER_YEAR,
    "year": UNIT_EUR_PER_YEAR,
    "month": UNIT_EUR_PER_MONTH,
    "agent": UNIT_EUR_PER_AGENT,
}
_PLAIN_UNITS = {
    "percent": UNIT_PERCENT,
    "fte": UNIT_FTE,
    "months": UNIT_MONTHS,
    "years": UNIT_YEARS,
    "days": UNIT_DAYS,
    "ratio": UNIT_RATIO,
}
# Every unit a quantity can be read in: dbt's `units` seed must know each one.
UNITS = frozenset({UNIT_EUR, UNIT_COUNT, *_RATE_UNITS.values(), *_PLAIN_UNITS.values()})
# "Coût par agent : environ 75 € par an": a label names the rate an amount after its colon
# is counted in, the amount only the rest.
_PER_AGENT_LABEL_RE = re.compile(r"\bpar\s+agent\s*:\s*(?:[^\W\d]+[\s'’]+){0,4}$", re.IGNORECASE)
_PER_AGENT_UNITS = {UNIT_EUR: UNIT_EUR_PER_AGENT, UNIT_EUR_PER_YEAR: UNIT_EUR_PER_AGENT_PER_YEAR}
_RATIO_BEFORE_RE = re.compile(r"\bmultipli\w*\s+par\s*$", re.IGNORECASE)
_RANGE_BEFORE = {"entre": "et", "de": "à"}
_RANGE_RE = re.compile(r"(?:^|[\s(])(?P<word>entre|de)\s*$")
_SIGN_SPACE_RE = re.compile(rf"^([{_MINUS}+])\s+(?=\d)")


@dataclass(frozen=True)
class UnitScale:
    """What a unit wording means: multiply the printed number by `scale`, read it in `unit`."""

    scale: int
    unit: str


@dataclass(frozen=True)
class ParsedQuantity:
    """One number expression read in a string, resolved to a value in a base unit.

    `start`/`end` locate `raw_text` (the number and its unit, without the qualifier) in
    the string that was scanned. `explicit_unit` tells whether a unit was printed; a bare
    number reads as a count, but its neighbour in a range or a table's unit note may say
    otherwise.
    """

    value: float
    unit: str
    raw_text: str
    start: int
    end: int
    qualifier: str = "exact"
    range_role: str | None = None
    explicit_unit: bool = False
    scale: int = 1


_FOLD = str.maketrans({"’": "'", **{space: " " for space in SPACES if space != " "}, "\u2212": "-"})


def fold(text: str) -> str:
    """Lower-case, with typographic apostrophes and no-break spaces folded.

    The result has the length of `text`, so offsets found in it hold in the original.
    """
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    # str.lower reads a capital sigma by its context, and lowers a few chars to two: only
    # then is the text lowered char by char.
    if len(lowered) == len(folded) and "Σ" not in folded:
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def _qualifier_table() -> list[tuple[str, str]]:
    pairs = [
        *((w, "approx") for w in APPROX_WORDINGS),
        *((w, "below") for w in BELOW_WORDINGS),
        *((w, "above") for w in ABOVE_WORDINGS),
        *((w, "at_most") for w in AT_MOST_WORDINGS),
    ]
    pairs += [(w[:-3] + " d'", q) for w, q in pairs if w.endswith(" de")]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


_QUALIFIERS = _qualifier_table()


def is_qualifier_wording(text: str) -> bool:
    """Is the text only a qualifier's wording ("environ", "plus de", "≈"), without its figure?"""
    wording = re.sub(r"\s+", " ", fold(text)).strip().lower()
    return any(wording == w for w, _ in _QUALIFIERS)


def qualifier_before(text: str, start: int) -> str:
    """The qualifier whose wording ends right before `start` in `text`, else "exact"."""
    before = re.sub(r"\s+", " ", fold(text[max(0, start - 60) : start])).rstrip()
    if any(re.search(pattern, before) for pattern in NOT_QUALIFIER_PATTERNS):
        return "exact"
    for wording, qualifier in _QUALIFIERS:
        cut = len(before) - len(wording)
        if before.endswith(wording) and (cut <= 0 or not before[cut - 1].isalnum()):
            return qualifier
    return "exact"


def _qualifier_after(text: str, end: int) -> str | None:
    after = fold(text[end : end + 20]).lstrip()
    for wording, qualifier in TRAILING_QUALIFIERS:
        if after.startswith(wording) and not after[len(wording) : len(wording) + 1].isalnum():
            return qualifier
    return None


def parse_number(text: str) -> float | None:
    """The value of a bare French number ("22 043", "-3,2", "vingt-deux"), else None."""
    text = text.strip()
    word = words_value(text)
    if word is not None:
        return float(word)
    match = _NUMBER_RE.fullmatch(_SIGN_SPACE_RE.sub(r"\1", text))
    return float(_decimal(match)) if match else None


def words_value(text: str) -> int | None:
    """The value of a number written in French words ("vingt-six", "deux cent un"), else None."""
    words = re.sub(r"\s+", " ", fold(text.strip()))
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    hundreds = _HUNDREDS_RE.fullmatch(words)
    if not hundreds:
        return None
    times = NUMBER_WORDS.get(hundreds["times"], 0) if hundreds["times"] else 1
    rest = {"un": 1}.get(hundreds["rest"], NUMBER_WORDS.get(hundreds["rest"] or "zéro"))
    if not 2 <= times <= 9 and hundreds["times"] or rest is None:
        return None
    return times * 100 + rest


def _decimal(match: re.Match[str]) -> Decimal:
    digits = re.sub(rf"[{SPACES}.]", "", match["int"])
    value = Decimal(f"{digits}.{match['dec']}" if match["dec"] else digits)
    return -value if match["sign"] and match["sign"] in _MINUS else value


def unit_at(text: str, pos: int) -> tuple[UnitScale, int] | None:
    """The unit wording starting at `pos` (after optional spaces) and where it ends."""
    match = _UNIT_RE.match(text, _skip_spaces(text, pos))
    if not match:
        return None
    end = match.end()
    currency = match["cur1"] or match["cur2"] or match["cur3"]
    if match["scale"]:
        scale = _SCALE_WORDS[match["scale"].lower().rstrip("s")]
    elif match["abbr"]:
        scale = _SCALE_ABBRS[match["abbr"].lower()]
    else:
        scale = 1
    if currency:
        unit = UNIT_EUR
        rate = _RATE_RE.match(text, end)
        if rate:
            unit = _RATE_UNITS[next(k for k, v in rate.groupdict().items() if v)]
            end = rate.end()
    elif match["scale"]:
        unit = UNIT_COUNT  # "4,8 millions de messages"
    else:
        unit = next(_PLAIN_UNITS[k] for k in _PLAIN_UNITS if match[k])
    return UnitScale(scale, unit), end


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in SPACES:
        pos += 1
    return pos


def unit_from_note(note: str | None) -> UnitScale | None:
    """The unit a table or chart note announces ("en M€", "(en %)", "Unité : ETP")."""
    if not note:
        return None
    for match in re.finditer(r"[^\W\d_]+|[%€]", note):
        found = unit_at(note, match.start())
        if found:
            return found[0]
    return None


def find_quantities(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[ParsedQuantity]:
    """Every number expression of `text`, in order, with unit, qualifier and range role.

    Numbers overlapping a `skip` span (period wordings, URLs, footnote calls) are left out;
    the caller reads those differently.
    """
    quantities: list[ParsedQuantity] = []
    taken = list(skip)
    # Digits first: "16 pour cent" must not also yield the word "cent".
    for q in _digit_quantities(text) + _word_quantities(text):
        if not any(q.start < e and s < q.end for s, e in taken):
            quantities.append(q)
            taken.append((q.start, q.end))
    quantities.sort(key=lambda q: q.start)
    return _link_ranges(text, quantities)


def _digit_quantities(text: str) -> list[ParsedQuantity]:
    found = []
    for match in _NUMBER_RE.finditer(text):
        quantity = _with_unit(text, match.start(), match.end(), _decimal(match))
        if quantity:
            found.append(quantity)
    return found


def _word_quantities(text: str) -> list[ParsedQuantity]:
    found = []
    for match in _WORD_RE.finditer(text):
        word = fold(match.group())
        value = words_value(word)
        if value is None or word == "neuf" and _ADJECTIVE_NEUF_RE.match(text, match.end()):
            continue
        if _PER_CENT_BEFORE_RE.search(text, 0, match.start()):
            continue  # the "cent" of "un pour cent" is the unit of the number before it
        quantity = _with_unit(text, match.start(), match.end(), Decimal(value))
        if quantity:
            found.append(quantity)
    for match in _ONE_OR_HALF_RE.finditer(text):
        value = Decimal("0.5") if match["half"] else Decimal(1)
        quantity = _with_unit(text, match.start(), match.end(), value)
        if quantity and quantity.explicit_unit and quantity.unit in _UNITS_AFTER_ONE:
            found.append(quantity)
    for match in _RATIO_VERB_RE.finditer(text):
        factor = RATIO_VERBS[fold(match["stem"])]
        found.append(
            ParsedQuantity(
                value=float(factor),
                unit=UNIT_RATIO,
                raw_text=match.group(),
                start=match.start(),
                end=match.end(),
                qualifier=qualifier_before(text, match.start()),
                explicit_unit=True,
            )
        )
    return found


def _with_unit(text: str, start: int, end: int, number: Decimal) -> ParsedQuantity | None:
    unit = unit_at(text, end)
    # A number glued to letters that are not a unit is an ordinal or a name ("1er", "2e").
    if not unit and end < len(text) and text[end].isalpha():
        return None
    if unit:
        scale, unit_name, end = unit[0].scale, unit[0].unit, unit[1]
    elif _RATIO_BEFORE_RE.search(text[:start]):
        scale, unit_name = 1, UNIT_RATIO
    else:
        scale, unit_name = 1, UNIT_COUNT
    if unit_name in _PER_AGENT_UNITS and _PER_AGENT_LABEL_RE.search(
        text[max(0, start - 80) : start]
    ):
        unit_name = _PER_AGENT_UNITS[unit_name]
    qualifier = _qualifier_after(text, end) or qualifier_before(text, start)
    return ParsedQuantity(
        value=float(number * scale),
        unit=unit_name,
        raw_text=text[start:end],
        start=start,
        end=end,
        qualifier=qualifier,
        explicit_unit=unit is not None or unit_name == UNIT_RATIO,
        scale=scale,
    )


def _link_ranges(text: str, quantities: list[ParsedQuantity]) -> list[ParsedQuantity]:
    """Mark "entre A et B" / "de A à B" pairs and let a bare member borrow the other's unit."""
    result = list(quantities)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        opener = _RANGE_RE.search(fold(text[: first.start]))
        if not opener or first.range_role:
            continue
        joiner = _RANGE_BEFORE[opener["word"].lower()]
        if fold(text[first.end : second.start]).strip() != joiner:
            continue
        if joiner == "à" and _after_change_word(text[: opener.start("word")]):
            role_min, role_max = None, None
        else:
            role_min, role_max = "min", "max"
        first, second = _share_unit(first, second)
        result[i] = replace(first, range_role=role_min, qualifier="exact")
        result[i + 1] = replace(second, range_role=role_max, qualifier="exact")
    return result


def _after_change_word(before: str) -> bool:
    words = re.findall(r"[^\W\d_]+", fold(before))
    return bool(words) and words[-1] in CHANGE_WORDS


def _share_unit(
    first: ParsedQuantity, second: ParsedQuantity
) -> tuple[ParsedQuantity, ParsedQuantity]:
    if first.explicit_unit and second.explicit_unit:
        # "entre 300 € et 590 € par agent et par an": the rate written after the second
        # bound qualifies both, when the first bound only names the currency.
        if first.unit == "EUR" and second.unit.startswith("EUR_per_"):
            return replace(first, unit=second.unit), second
        return first, second
    if not first.explicit_unit and not second.explicit_unit:
        return first, second
    source, bare = (first, second) if first.explicit_unit else (second, first)
    borrowed = replace(
        bare,
        value=float(Decimal(str(bare.value)) * source.scale),
        unit=source.unit,
        scale=source.scale,
        explicit_unit=True,
    )
    return (source, borrowed) if first.explicit_unit else (borrowed, source)


def parse_quantity(text: str, default_unit_note: str | None = None) -> ParsedQuantity | None:
    """Read a table cell, chart label or axis tick as one quantity.

    The first number expression of the cell is read; a unit printed in the cell wins over
    the table's unit note ("en M€", "en %", "en millions"), which otherwise scales the
    bare number. Cells without a number ("n.d.", "-") give None.
    """
    cleaned = _SIGN_SPACE_RE.sub(r"\1", text.strip())
    quantities = find_quantities(cleaned)
    if not quantities:
        return None
    quantity = quantities[0]
    note = unit_from_note(default_unit_note)
    if quantity.explicit_unit or note is None:
        return quantity
    return replace(
        quantity,
        value=float(Decimal(str(quantity.value)) * note.scale),
        unit=note.unit,
        scale=note.scale,
    )
