"""Words, shapes and small tests shared by the identifier checks (identifiers.py, names.py, places.py)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .context import PostContext
from .post import Post


# WordNet has no function words; these are never names either.
_FUNCTION_WORDS = set("""a an the this that these those my our your his her its their we you they he she it i me
myself yourself yourselves himself herself itself ourselves themselves
us him them and but or nor so yet for of in on at to from by with as if when what who whom whose which how why
where than then there here not no yes all any some each every both either neither one two three first last next
about after before over under up down out into onto upon off again also just only very too much many more most
among amongst amid amidst despite toward towards unlike beside besides beneath beyond within without throughout
against along alongside around across behind below above during until till unless whereas whether though although
such own same other another am is are was were be been being do does did goes went gets got have has had will would shall should
don't doesn't didn't isn't aren't wasn't weren't can't couldn't won't wouldn't shouldn't haven't hasn't hadn't
can could may might must dear hi hello thanks okay ok january february march april may june july august
september october november december monday tuesday wednesday thursday friday saturday sunday
whoever whatever whichever someone somebody anyone anybody everyone everybody nobody because while since
yo tú tu él ella ellos ellas usted nosotros mi mis su sus lo la las los el un una unos unas que qué de del al y o
pero por para con sin sí ya no muy más como cuando donde porque también hay es son era fue soy estoy está señor
señora sra sr don doña mija mijo hija hijo mamá papá abuela abuelo tía tío""".split())
_FRONT_MATTER = "front matter"
_GENERIC_PLACE_WORDS = {"road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "drive", "dr",
                        "county", "parish", "borough", "college", "university", "school", "middle",
                        "high", "elementary", "academy", "church", "hospital", "the", "of", "court", "uss",
                        "usns", "uscgc"}
_MY_KIN = re.compile(r"\bmy (?:late |own )?(?:grand(?:mother|father|ma|pa|dad|mom|mum)|gran|granny|nana|nanna|aunt|auntie|uncle|"
                     r"abuela|abuelo|abuelita|lola|lolo|oma|opa|bubbe|zayde|great-\w+)\b", re.I)
_MY_FAMILY = (r"\bmy (?:\w+\s+)?(?:husband|wife|partner|son|daughter|mother|father|mom|"
              r"dad|brother|sister|kids?|children|grandmother|grandfather|friend|dog|cat)")


@dataclass(frozen=True)
class Hit:
    """A decided identifier: kind (rule id suffix), file span, and why it was raised."""

    kind: str
    start: int
    end: int
    why: str


def _plain(text: str) -> str:
    """Casefolded, accents and possessives removed, punctuation to spaces: for comparisons."""
    # The ʻokina of Hawaiian ("Hawaiʻi") is a letter to Unicode, but no one spells the word with it in a list.
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ʻ", "").replace("ʼ", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.findall(r"[\w]+", text))


_STREET_WORDS = {"street": "st", "avenue": "ave", "av": "ave", "boulevard": "blvd", "road": "rd", "drive": "dr",
                 "lane": "ln", "highway": "hwy", "parkway": "pkwy", "place": "pl", "court": "ct", "suite": "ste"}


_TITLE_LIKE = ("heading", "admonition title", "front matter title", "front matter tags",
               "front matter categories", "front matter keywords")


def _title_like(where: str) -> bool:
    """Title Case text, where the language model sees names in every capitalised word."""
    return where.startswith(_TITLE_LIKE)


_KIN_WORDS = frozenset("grandma grandpa granny gran grandad granddad nana nanna nan mom mum dad mommy daddy mummy "
                       "auntie aunt uncle grandmother grandfather mamaw papaw meemaw memaw pawpaw mami papi amma appa "
                       "nonna nonno oma opa bubbe zayde sitto sitti teta tayta jiddo jeddo jido mother father".split())
# Many people from a place, not one client: "surrounded by neighbours from Caracas and Valencia",
# "men from Homestead and Hialeah".
_GROUP_FROM = re.compile(r"\b(?:neighbou?rs|people|families|men|women|friends|others|immigrants|workers|crews|"
                         r"students|refugees)\s+(?:who came\s+)?from\s+"
                         r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:,|and|or|&)\s+)*$")
_SINGULAR_PERSON = re.compile(r"\b(?:she|he|her|his|him)\b", re.I)


def _someone_elses(sentence: str) -> bool:
    """A sentence about one other person ("At 97 he still rides"), not the author's own family."""
    return bool(_SINGULAR_PERSON.search(sentence)) and not re.search(
        r"\bmy (?:\w+\s+)?(?:mother|father|mom|dad|grandmother|grandfather|grandma|grandpa|aunt|uncle|"
        r"husband|wife|partner|neighbou?r)\b", sentence, re.I)


def _after_my_kin(context: PostContext, offset: int, kin: re.Pattern = _MY_KIN) -> bool:
    """The sentence before says whose this is: "My abuela raised me. She is 94 now"."""
    sentence = context.sentence_at(offset)
    previous = context.sentence_before(sentence) if sentence else None
    return previous is not None and bool(kin.search(previous.text))


def _sentence_text(context: PostContext, offset: int) -> str:
    sentence = context.sentence_at(offset)
    return sentence.text if sentence else ""


_HYPOTHETICAL = re.compile(r"\b(?:imagine|suppose|pretend|let's say|let's invent|invent|made-up|for example|for instance|e\.g\.|"
                           r"hypothetical(?:ly)?|a client like|someone like|what if|picture (?:a|an|this|yourself|someone|somebody))\b|^\W*(?:say|consider|take|"
                           r"meet)\s+(?:a\s+|an\s+)?(?-i:[A-Z][a-z]+\b)(?!\s+(?-i:[A-Z]))", re.I)


def _hypothetical(context: PostContext, offset: int) -> bool:
    """An invented example person ("Imagine Sarah, a busy mom...")."""
    sentence = context.sentence_at(offset)
    if sentence is None:
        return False
    previous = context.sentence_before(sentence)
    texts = [sentence.text] + ([previous.text] if previous else [])
    return any(_HYPOTHETICAL.search(text) for text in texts)


# Italics (a single * or _): how Markdown writes the title of a book, film or show. Bold is emphasis.
_EMPHASIS = re.compile(r"(?<![*_\w])([*_])(?![*_\s])(.+?)(?<=[^*_\s])\1(?![*_\w])")


def _line_at(text: str, a: int, b: int | None = None) -> tuple[int, str]:
    """The line that holds text[a:b] (b defaults to a): where it starts, and the line itself."""
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", a if b is None else b)
    return start, text[start:end if end >= 0 else len(text)]


def _in_title(view_or_text: str, a: int, b: int) -> bool:
    """Inside an emphasised Title Case phrase: the title of a book, film or show."""
    line_start, line = _line_at(view_or_text, a, b)
    for m in _EMPHASIS.finditer(line):
        if line_start + m.start(2) <= a and b <= line_start + m.end(2) and _title_case(m.group(2)):
            return True
    return False


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    major = [w for w in words if w.casefold() not in _FUNCTION_WORDS]
    return bool(major) and all(w[:1].isupper() for w in major)


# "## The Father (2020)", "**Jabari Jumps** by Gaia Cornwall": a work's title without italics
_WORK_HEADING = re.compile(r"(?m)^#{2,4} [A-Z][^\n]*\((?:19|20)\d\d\)[ \t]*$|\*\*[A-Z][^*\n]+\*\*,? by [A-Z]")
_WORK_WORDS = re.compile(r"\b(?:novel|book review|book club|character|characters|film|movie|series|episode|season \d|chapter|"
                         r"protagonist|narrator|author|the show|the book|this book|memoir)\b", re.I)


# A sentence in a post about a work that speaks of a client of the author's, not a character.
_A_CLIENT = re.compile(r"\b(?:client|patient)\b|\b(?:our|my) (?:last )?sessions?\b|\bin session\b", re.I)


def _italic_titles(text: str) -> list[str]:
    """The Title Case phrases a text sets in italics or bold: the titles of works (*Dreamland*)."""
    return [m.group(2) for m in _EMPHASIS.finditer(text) if _title_case(m.group(2))]


def _about_a_work(text: str) -> bool:
    """A post about a book, film or show, whose first names are its characters."""
    return len(_WORK_WORDS.findall(text)) >= 3 and (bool(_italic_titles(text)) or bool(_WORK_HEADING.search(text)))


def _sentence_initial(view: str, offset: int) -> bool:
    return bool(re.search(r"(?:^|[.!?:\n\"“(]\s*|^\s*)$", view[max(0, offset - 4):offset]))


def _on_a_route(view: str, a: int, b: int) -> bool:
    """ "the Denver–Chicago lane", "every truck stop from Laramie to Joplin": a route, not a home."""
    route = r"(?:lane|run|route|corridor|haul|loop)\b"
    return bool(re.match(r"\s*[–—-]\s*[A-Z][a-z]+(?: [A-Z][a-z]+)? " + route, view[b:b + 40])
                or re.search(r"[A-Z][a-z]+\s*[–—-]\s*$", view[max(0, a - 20):a]) and re.match(" " + route, view[b:b + 10])
                or re.search(r"\b(?:every|all the|any)\b(?!\s+(?:morning|day|night|evening|afternoon|week|weekend|month|year|"
                             r"time|other|\w+day)\b)[^.!?\n]{0,30}\bfrom (?:[A-Z][a-z]+ to )?$", view[max(0, a - 70):a]))


def _segment_at(post: Post, offset: int):
    for segment in post.segments:
        if segment.start <= offset < segment.end and segment.text[offset - segment.start] != " ":
            return segment
    return None


# The small words of a surname: "van der" of "Bessel van der Kolk".
_SURNAME_PARTICLES = r"(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|al)"


def _trim_name(view: str, a: int, b: int) -> tuple[int, int]:
    """Drop a possessive, surrounding punctuation and a leading title from an entity span."""
    text = view[a:b]
    inner = re.search(r"(?:'s|’s)\s", text)  # "Theo's Story": the name ends at the possessive
    text_end = inner.start() if inner else len(text)
    m = re.search(r"(?:'s|’s|'|’)$", text[:text_end])
    if m:
        text_end = m.start()
    while text_end > 0 and text[text_end - 1] in " ,.;:!?\"”)":
        if text[text_end - 1] == "." and re.search(r"(?:^|\s|[A-Z]\.)[A-Z]\.$", text[:text_end]):
            break  # keep the dot of an initial ("Bill W.", "T.R.")
        text_end -= 1
    tail = re.search(r"\s+(?:on|in|at|of|and|for|to|by|with)$", text[:text_end])
    if tail:
        text_end = tail.start()  # the model's "the Home Depot on": the name ends before the word
    start = 0
    m = re.match(r"(?:the\s+|(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+|(?:From|To|In|At|On|Of)\s+(?=[A-Z])|[\"“(']+)", text[:text_end])
    if m:
        start = m.end()
    return a + start, a + text_end


def _in_citation(view: str, a: int, b: int) -> bool:
    """Inside parentheses that hold a year: "(Hayes, Strosahl & Wilson, 2011)"."""
    open_paren = view.rfind("(", max(0, a - 80), a)
    if open_paren < 0 or ")" in view[open_paren:a]:
        return False
    close = view.find(")", b, b + 80)
    return close >= 0 and bool(re.search(r"\b(?:19|20)\d\d[a-z]?\b", view[open_paren:close]))


def _in_case_name(view: str, a: int, b: int) -> bool:
    """A party in a court case's name: "Bostock v. Clayton County", "Brown vs. Board"."""
    return bool(re.match(r"\s+vs?\.\s+[A-Z]", view[b:b + 8])
                or re.search(r"[A-Z][\w'’.-]*\s+vs?\.\s+$", view[max(0, a - 40):a]))


def _in_front_matter(post: Post, offset: int) -> bool:
    return offset < post.front.end


# An author's note about a client, or about a private person's contact ("<!-- Renee asked to be first. Her email is ... -->").
_CLIENT_WORD = re.compile(r"\b(?:client|patient|intake|session|chart)s?\b|\b(?:her|his|their) (?:email|cell|number|address)\b", re.I)


def _client_note(post: Post, offset: int) -> bool:
    """An author's note about a client: "<!-- mail the list to our client Ruth Feldstein (94), 1142 Beechwood Blvd -->"."""
    segment = _segment_at(post, offset)
    return segment is not None and segment.where == "HTML comment" and bool(_CLIENT_WORD.search(segment.text))
