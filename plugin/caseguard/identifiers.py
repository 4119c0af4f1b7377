"""Client identifiers (HIPAA Safe Harbor), decided in context.

Candidates come from the language model (people, places, organisations) and from the patterns
of rules/identifiers.yml. Each is then decided: does it belong to a client? Contact details and
record numbers do wherever they stand, unless they are the practice's own or a public line.
Names, places, dates and ages do only in a client's story (a case study, or a post that narrates
a client) and in a sentence that is about the client. A name found once is then looked for
everywhere else in the post: headings, front matter, alt text, file names and URLs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from urllib.parse import unquote, urlparse

from .config import Settings
from .context import PostContext, Sentence
from .post import Post
from .rulepack import RuleSet, word_list
from .segments import PROSE, URL

# Entity labels of the language model that can name a client's person, place or organisation.
NER_LABELS = ("PERSON", "GPE", "LOC", "FAC", "ORG")

# Words that end an organisation's name: "the Dave Thomas Foundation", "Grandfamilies & Kinship Support Network".
_ORG_WORDS = ("foundation", "institute", "network", "alliance", "coalition", "association", "society", "fund",
              "trust", "center", "centre", "project", "award", "prize", "scholarship", "lecture", "collaborative")
_ORG_AFTER = re.compile(r"s?(?:\s+(?:&|and)\s+[A-Z][\w'’-]+)?(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:"
                        + "|".join(w.capitalize() for w in _ORG_WORDS) + r")\b")
_NOT_A_NAME_ENDINGS = re.compile(r"(?:ing|ness|tion|sion|ment|ity|ism|ology|phobia|ship|ence|ance|ful|less|ified|ized|ised|ated)$")
# WordNet has no function words; these are never names either.
_FUNCTION_WORDS = set("""a an the this that these those my our your his her its their we you they he she it i me
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
_PERSON_NOUN = re.compile(
    r"\b(?:man|woman|boy|girl|teen|teenager|veteran|student|nurse|teacher|widow|widower|retiree|"
    r"mother|father|mom|dad|grandmother|grandfather|daughter|son|wife|husband|client|patient|they|"
    r"them|their|family|couple|session|sessions|appointment)\b", re.I)
_FRONT_MATTER = "front matter"
_SEPARATORS = r"[-_.\s/+]"
_GENERIC_PLACE_WORDS = {"road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "drive", "dr",
                        "county", "parish", "borough", "college", "university", "school", "middle",
                        "high", "elementary", "academy", "church", "hospital", "the", "of", "court", "uss",
                        "usns", "uscgc"}
_SCHOOL_LEVELS = {"junior", "senior", "primary", "intermediate", "prep", "preparatory", "north", "south", "east", "west"}
# Words that make a name a place: "Green Valley", "Oak Ridge".
_PLACE_WORDS = _GENERIC_PLACE_WORDS | {"valley", "ridge", "creek", "hill", "hills", "heights", "park", "springs",
                                       "falls", "lake", "lakes", "bay", "beach", "point", "harbor", "harbour",
                                       "island", "mountain", "grove", "woods", "village", "town", "city", "view",
                                       "center", "centre", "square", "river", "mill", "mills", "farm", "ranch"}
_GENERIC_FAMILY_WORDS = {"new", "big", "little", "young", "old", "happy", "blended", "modern", "whole", "perfect",
                         "busy", "extended", "chosen", "foster", "adoptive", "military", "immigrant", "first",
                         "second", "same", "other", "average", "american", "typical", "anxious", "grieving",
                         "sandwich", "stepfamily", "family", "kids", "real", "nuclear", "whole", "working"}
_PERSONAL_SITE = re.compile(r"(?i)(?!www\.)[\w-]+\.(?:blogspot|wordpress|substack|tumblr|wixsite|weebly|carrd)\.(?:com|co)\b")
_URL_CUE = re.compile(
    r"\b(?:her|his|their|the client's|the family's)\s+(?:[\w-]+\s+)?(?:blog|page|profile|fundraiser|"
    r"gofundme|obituary|story|article|website|site|channel|account|instagram|facebook|tiktok|twitter|"
    r"youtube|feed|post|video|podcast|memorial|campaign|shop|band|art|handle)\b|\b(?:obituary|"
    r"fundraiser|gofundme|news story|news coverage|local news|story about (?:her|him|them|the)|"
    r"(?:client|patient)\s+of\s+(?:mine|ours))\b"
    r"|\b(?:she|he)(?:'s| has| is)?\s+(?:since\s+|now\s+|also\s+)?(?:started\s+|begun\s+)?(?:sharing|posting|writing|"
    r"publishing|blogging)\b[^.!?]{0,40}\b(?:at|on)\s+\S+\.\w",
    re.I)
_THEIR_NUMBER = re.compile(r"\b(?:his|her|their|the client's|my client's)\s+(?:own\s+)?(?:cell|cellphone|mobile|phone|"
                           r"number|landline|home phone)\b[^.\n]{0,15}$", re.I)
_MEASURE_BEFORE = re.compile(r"\b(?:rate|pressure|speed|score|level|temperature|temp|weight|count|pulse|mph|bpm|"
                             r"percent|points?|degrees|minutes|dollars|miles|pages|feet|pounds|lbs|sugar|glucose|"
                             r"a1c|iq|number|room|exit|highway|route)\b[^.\n]{0,18}$", re.I)
_BIRTH_CONTEXT = re.compile(r"\b(?:date of birth|dob|d\.o\.b|birth ?date|birthday|born(?: on)?)[^\n\d]{0,40}$"
                            r"|\bturn(?:s|ed)? \d{1,3} on\s+(?:\w+day,?\s+)?$", re.I)
# A law, a ruling, a raid, a feast day or a dam's failure: its date is history ("the Marriage Equality
# Act took effect on July 24, 2011", "on March 14 the Spencer Dam on the Niobrara River failed").
_PUBLIC_EVENT = re.compile(r"(?-i:\b(?:Supreme Court|[A-Z][a-z]+ Act)\b)|\b(?:v\.|signed into law|took effect|went into effect|"
                           r"raid(?:s|ed)|feast (?:day|of)|decision|ruling|legali[sz]ed)\s"
                           r"|(?-i:\b(?:Dam|Levee)\b)[\w ]{0,30}\b(?:failed|broke|burst|collapsed|gave way)\b", re.I)
# "at our closing session on April 3", "admitted on 2 May": the date of one client's care.
_SESSION_DATE = re.compile(r"\b(?:our (?:[\w-]+ )?(?:session|appointment)|intake|discharged?|admitted|admission)"
                           r"\s+(?:was\s+)?on\s+(?:\w+day,?\s+)?(?:the\s+)?$", re.I)
# Someone's dated session ("K.M.'s 2025-06-03 session"); "| Date of service | ... | 10/07/2025 |": the date of one client's care.
_SESSION_AFTER = re.compile(r"\s+(?:session|appointment|intake|assessment|visit)\b", re.I)
_DATE_FIELD = re.compile(r"(?-i:\b(?:DOS|DOB)\b)|(?i:\b(?:date of (?:service|session|birth|admission|discharge|death|"
                         r"injury|loss|visit)|(?:service|session|visit|admission|discharge) date)\b)[^\n]{0,50}$")
# A ZIP code in a form's labelled field: "| ZIP | 85716 |", "ZIP: 85716".
# One client, not clients in general: "from the client on", "one of our clients has", "Client:".
_ONE_CLIENT = re.compile(r"(?i:\b(?:the|my|our|this|that|from|by|with|her|his)\s+(?:[\w-]+\s+)?(?:client|patient)\b(?![s'’-])"
                         r"(?!\s+(?:portal|forms?|intake|handbook|area|login|account|services?|care|experience|survey|"
                         r"feedback|base|list|rights|records?|files?|fees?|polic(?:y|ies)|newsletter|resources?|agreement)\b)"
                         r"|\bone of (?:my|our) (?:clients|patients)\b|(?<!\bnot )\bone (?:client|patient)\b(?!s| at a time)"
                         r"|\ba client(?:'s|’s)\s+(?:car|house|home|phone|laptop|wallet|bag|purse|bike|truck)\b)"
                         r"|(?-i:\b(?:Client|Patient):)")
_ANYONE_IN_THEIR = re.compile(r"(?i)\b(?:an?|any|every|some)\s+(?:[\w-]+\s+){0,2}?(?:person|caregiver|husband|wife|man|woman|"
                             r"someone|adult|parent|mother|father|patient|client|widow|widower|spouse|partner)\s+"
                             r"in\s+(?:her|his|their)\s+(?:early\s+|mid-?|late\s+)?$")
_A_CLIENT_WHO = re.compile(r"(?i)\ba (?:client|patient) (?:who|whose|of mine)\b")
_ADDRESS_FIELD = re.compile(r"(?-i:\b(?:[Hh]ome |[Mm]ailing |[Ss]treet )?[Aa]ddress)[ \t]*[:|][ \t]*(\d+ [A-Z][^|\n]*?)[ \t]*(?=\||$)", re.M)
_ZIP_FIELD = re.compile(r"(?-i:(?:\b[Cc]lient |\b[Hh]ome |\b[Pp]atient )?\bZIP(?: [Cc]ode)?)(?:[ \t]*[:|][ \t]*|[ \t]{2,}|"
                        r"(?<=[Cc]lient ZIP)[ \t]|(?<=[Hh]ome ZIP)[ \t]|(?<=[Pp]atient ZIP)[ \t])(\d{5}(?:-\d{4})?)\b")
_FORM_NAME = re.compile(
    r"(?-i:\b(?:[Cc]lient|[Pp]atient|[Cc]hild|[Ss]tudent|[Ii]nsured|[Ss]ubscriber|[Mm]ember|[Gg]uardian)"
    r"(?:'s)?\s+(?:[Ff]ull\s+|[Ll]egal\s+)?[Nn]ame\b\W{0,6}(?:[A-Z][a-z]+(?: [a-z]+)*\s{2,})?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][\w'’-]+)?))")
_VERBS_AFTER_A_TITLE = frozenset("taught teaches told tells showed shows gave gives said says knew knows learned "
                                  "wanted saw sees made makes becomes became comes came returns finds keeps".split())
# Table headers that say what a column holds.
_COLUMN_KINDS = [
    (re.compile(r"(?i)serial(?: number| no\.?| #)?|imei|device id|mac(?: address)?"), "device"),
    (re.compile(r"(?i)mrn|member id|(?:case|policy|account|record|claim|file)(?: number| no\.?| #)|student id"), "record-number"),
    (re.compile(r"(?i)(?:client|patient|student|child|member)(?: name)?|household|family"), "person-name"),
    (re.compile(r"(?i)age"), "age-over-89"),
]
# Spanish words that no English sentence uses twice: a sentence with two is in Spanish.
_SPANISH_WORDS = frozenset("de la el los las que y en con por para sin un una es del al lo mi su se muy más pero como "
                           "cuando también nuestra nuestro nosotros ustedes está están hay".split())
_TO_THE_READER = re.compile(r"\W*(?:if|when) you(?:'re|’re| are|r)?\b", re.I)
_KIN_TITLE_BEFORE = re.compile(r"\b(?:Grandma|Grandpa|Granny|Gran|Nana|Nanna|Grandad|Granddad|Auntie|Aunty|Aunt|Uncle)\s+$")
_MY_KIN = re.compile(r"\bmy (?:late |own )?(?:grand(?:mother|father|ma|pa|dad|mom|mum)|gran|granny|nana|nanna|aunt|auntie|uncle|"
                     r"abuela|abuelo|abuelita|lola|lolo|oma|opa|bubbe|zayde|great-\w+)\b", re.I)
_MY_FAMILY = (r"\bmy (?:\w+\s+)?(?:husband|wife|partner|son|daughter|mother|father|mom|"
              r"dad|brother|sister|kids?|children|grandmother|grandfather|friend|dog|cat)")
_AUTHOR_FAMILY = re.compile(_MY_FAMILY + r",?\s+$", re.I)  # just before a name: "my husband, Sam"
_ABOUT_MY_FAMILY = re.compile(_MY_FAMILY + r"\b", re.I)


@dataclass(frozen=True)
class Hit:
    """A decided identifier: kind (rule id suffix), file span, and why it was raised."""

    kind: str
    start: int
    end: int
    why: str


def _latin(pattern: str) -> str:
    """Let [A-Z] and [a-z] in a pattern take accented Latin letters too (Rubén, Treviño, Côté)."""
    return pattern.replace("A-Z", "A-ZÀ-ÖØ-ÞĀ-ž").replace("a-z", "a-zß-öø-ÿĀ-ž")


def _plain(text: str) -> str:
    """Casefolded, accents and possessives removed, punctuation to spaces: for comparisons."""
    # The ʻokina of Hawaiian ("Hawaiʻi") is a letter to Unicode, but no one spells the word with it in a list.
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ʻ", "").replace("ʼ", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.findall(r"[\w]+", text))


_STREET_WORDS = {"street": "st", "avenue": "ave", "av": "ave", "boulevard": "blvd", "road": "rd", "drive": "dr",
                 "lane": "ln", "highway": "hwy", "parkway": "pkwy", "place": "pl", "court": "ct", "suite": "ste"}


def _short_streets(plain: str) -> str:
    """ "1585 kapiolani boulevard" -> "1585 kapiolani blvd": the practice's street however it is written."""
    return " ".join(_STREET_WORDS.get(w, w) for w in plain.split())


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


class AllowList:
    """Phrases that are not a client's: config `allow`, the post's own, the site's, public lists."""

    def __init__(self, entries):
        self.phrases, self.patterns, self.numbers = [], [], set()
        for entry in entries:
            entry = str(entry)
            if entry.startswith("re:"):
                self.patterns.append(re.compile(entry[3:], re.I))
                continue
            plain = _short_streets(_plain(entry))
            if plain:
                self.phrases.append(f" {plain} ")
            if len(_digits(entry)) >= 3 and not re.search(r"[A-Za-z]{3}", entry):
                self.numbers.add(_digits(entry))

    def covers(self, text: str) -> bool:
        plain = _short_streets(_plain(text))
        if not plain:
            return True
        if any(p.fullmatch(text.strip()) for p in self.patterns):
            return True
        if len(_digits(text)) >= 3 and _digits(text) in self.numbers:
            return True
        if any(f" {plain} " in phrase for phrase in self.phrases):
            return True
        # "ray-marcus" in a slug: each name in it is allowed on its own
        tokens = plain.split()
        return len(tokens) > 1 and all(any(f" {t} " in phrase for phrase in self.phrases) for t in tokens)


class IdentifierCheck:
    """Holds the compiled patterns and lists; `find` decides one post."""

    def __init__(self, ruleset: RuleSet, settings: Settings):
        self.settings = settings
        detect = {rid.split("/", 1)[1]: rule.detect for rid, rule in ruleset.rules.items()
                  if rid.startswith("identifier/")}
        self.detect = detect
        compile_ = lambda p: re.compile(_latin(p), re.I)  # noqa: E731
        person = detect["person-name"]
        self.name_cues = [(key, compile_(person[key])) for key in
                          ("honorifics", "relatives", "named", "pseudonym_note", "family", "tribute", "contact_name")]
        self.family_slug = compile_(person["family_slug"])
        self.contact_link = compile_(person["contact_link"])
        self.initials = compile_(person["initials"])
        self.not_initials = set(person["not_initials"])
        self.cited_after = compile_(person["cited_after"])
        self.cited_verbs = compile_(person["cited_verbs"])
        self.culture_before = compile_(person["culture_before"])
        self.reference_entry = compile_(person["reference_entry"])
        self.cited_before = compile_(person["cited_before"])
        self.provider_before = compile_(person["provider_before"])
        self.provider_after = compile_(person["provider_after"])
        self.employer_cue = compile_(person["employer_cue"])
        self.employer_cue_strong = compile_(person["employer_cue_strong"])
        self.employer_after = compile_(person["employer_after"])
        self.institution = compile_(person["institution"])
        place = detect["location"]
        self.place_by_key = {key: compile_(place[key]) for key in ("street", "street_name", "zip", "county", "ward", "ship",
                                                                   "zip_after_town", "postcode", "zip_alone")}
        self.place_patterns = list(self.place_by_key.values())
        self.after_preposition = compile_(place["after_preposition"])
        self.exit_pattern = re.compile(r"\b(exit\s+\d{1,3}[AB]?)\b", re.I)
        self.date_patterns = [compile_(p) for p in detect["date"]["patterns"]]
        self.age_patterns = [compile_(p) for p in detect["age-over-89"]["patterns"]]
        self.born_in = compile_(detect["age-over-89"]["born_in"])
        self.age_standalone = compile_(detect["age-over-89"]["standalone"])
        phone = detect["phone"]
        self.phone_patterns = [compile_(p) for p in phone["patterns"]]
        self.resource_context = compile_(phone["resource_context"])
        self.fax_context = compile_(phone["fax_context"])
        self.toll_free = compile_(phone["toll_free"])
        self.email_pattern = compile_(detect["email"]["patterns"][0])
        self.role_address = compile_(detect["email"]["role_addresses"])
        self.ssn_patterns = [compile_(p) for p in detect["ssn"]["patterns"]]
        self.ssn_context = [compile_(p) for p in detect["ssn"]["context_patterns"]]
        # A label wrapped across lines ("case\nnumber, 2014-CPS-0418827") still labels the number.
        self.record_patterns = [compile_(p.replace(" ", r"\s+")) for p in detect["record-number"]["patterns"]]
        self.vehicle_patterns = [compile_(p) for p in detect["vehicle"]["patterns"]]
        self.device_patterns = [compile_(p) for p in detect["device"]["patterns"]]
        self.url_patterns = [compile_(p) for p in detect["url"]["patterns"]]
        self.handle_pattern = compile_(detect["url"]["handle"])
        self.profile_hosts = compile_(detect["url"]["profile_hosts"])
        self.ip_patterns = [compile_(p) for p in detect["ip-address"]["patterns"]]
        self.ip_unless = compile_(detect["ip-address"]["unless_before"])
        self.public_figures = {_plain(n) for n in word_list("public-figures")}
        self.public_surnames = {_plain(n).split()[-1] for n in word_list("public-figures")}
        self.scripture_figures = {_plain(n) for n in word_list("scripture-and-myth")}
        self.storm_names = {_plain(n) for n in word_list("storms")}
        self.common_words = {w.casefold() for w in word_list("common-words")}
        self.therapy_terms = {_plain(w) for w in word_list("therapy-terms")}
        # "Día" in "Día de los Muertos", "Ocean" in "Window of Tolerance", "Elisabeth" in "Elisabeth
        # Kübler-Ross": a word inside a longer term or a public figure's whole name.
        self.long_terms = re.compile(r"(?<!\w)(?:" + "|".join(
            sorted((re.escape(w) for w in word_list("therapy-terms") + word_list("public-figures") if " " in w),
                   key=len, reverse=True)) + r")(?!\w)")
        self.regions = {_plain(w) for w in word_list("regions")}
        self.first_names = {w.casefold() for w in word_list("first-names")} - self.common_words - _FUNCTION_WORDS
        self.word_first_names = {w.casefold() for w in word_list("first-names")} - self.first_names - _FUNCTION_WORDS
        self.surnames = {w.casefold() for w in word_list("surnames")} - _FUNCTION_WORDS
        self.words = frozenset(word_list("english-words"))
        self.name_words = frozenset(word_list("name-words"))  # words that are also names
        self.site_allow = AllowList(list(settings.allow) + list(settings.site_allow)
                                    + list(word_list("public-lines")) + list(settings.crisis_lines))
        self.own_hosts, self.own_urls, self.own_handles = set(), [], set()
        for url in settings.site_urls:
            parsed = urlparse(url if "//" in url else "//" + url)
            host = (parsed.hostname or "").removeprefix("www.")
            path = parsed.path.strip("/")
            if not path and host:
                self.own_hosts.add(host)
            self.own_urls.append(host + "/" + path)
            if path:
                self.own_handles.add(path.split("/")[-1].lstrip("@").casefold())

    # -- the decision for one post --------------------------------------------------------

    def find(self, post: Post, context: PostContext, entities: list[tuple]) -> list[Hit]:
        """Decide one post. `entities` are (label, start, end, where) from the language model."""
        allow = AllowList(_post_allow(post.meta))
        view = _visible(post)
        self._headings = [(s.start, s.end) for s in post.segments if s.where in ("heading", "table")]
        self._view, self._post_plain, self._named_figures = view, None, None
        self._term_spans = [(m.start(), m.end()) for m in self.long_terms.finditer(view)]
        # Figures of scripture or myth named in a paragraph about them ("Ruth and Naomi ... the Hebrew
        # Bible"); elsewhere in the post (its title) they are the same figures.
        self._scripture_names = {_plain(w) for paragraph in view.split("\n\n") if _SCRIPTURE.search(paragraph)
                                 for w in re.findall(r"[A-Z][a-z]+", paragraph) if _plain(w) in self.scripture_figures}
        trusted = [(label, a, b) for label, a, b, where in entities if not _title_like(where)]
        self._entities = trusted
        # Words the post itself writes in lower case in its prose: "Burnout among nurses rose" at
        # the start of a sentence, or "Coming Back From Burnout", is the word of "the burnout we
        # see", not a name or a town.
        self._lower_words = {w for s in post.segments if s.kind == PROSE and not s.where.startswith(_FRONT_MATTER)
                             for w in _LOWER_WORD.findall(s.text)}
        hits: list[Hit] = []
        self._patterns(post, context, view, hits)
        names = self._names(post, context, view, trusted)
        # A guest author's bio ("About the author: ...") names the guest, their workplace and town.
        bios = _bio_spans(post)
        guest = {w for n in [(a, b) for _label, a, b in trusted] + [(n.start, n.end) for n in names]
                 if any(start <= n[0] < end for start, end in bios)
                 for w in [view[n[0]:n[1]]] + view[n[0]:n[1]].split()}
        for m in _STAFF_INTRO.finditer(view):  # "Welcome, Priya", "Priya Raman, MBACP, joins the practice"
            if context.narrative and not re.search(r"our new|join", m.group()):
                continue  # in a client's story, "## Meet Sissy" introduces the client
            who = m.group(1) or m.group(2)
            guest.update([who] + who.split())
        for m in _CREDENTIALED.finditer(view):  # "Dr. Anh Tran, PsyD": a clinician, not a client
            guest.update([m.group(1)] + m.group(1).split())
        # Compared without case, and joined by hyphens too: "anh-tran" in the slug is the guest's.
        guest = {g.casefold() for g in guest} | {"-".join(g.split()).casefold() for g in guest if " " in g}
        names = [n for n in names if post.text[n.start:n.end].casefold() not in guest]
        names += self._propagate(post, names)
        # A declared pseudonym still marks a client's sentence; the practice's own people do not.
        names = [n for n in names if not self.site_allow.covers(post.text[n.start:n.end])]
        hits.extend(names)
        client_hits = [h for h in hits + names if not self._allowed(post.text[h.start:h.end], h.kind, allow)]
        hits.extend(self._client_dates_and_ages(context, names, client_hits))
        hits.extend(self._table_columns(post))
        hits.extend(self._places(post, context, view, trusted, names))
        hits.extend(self._url_names(post, context, hits))
        hits.extend(self._propagate(post, hits))
        hits.extend(self._named_sites(post, [post.text[h.start:h.end] for h in hits if h.kind == "person-name"
                                             and not self._allowed(post.text[h.start:h.end], h.kind, allow)]))
        hits.extend(self._same_site(post, hits))
        decided = []
        # Sorted on every field, so that of two findings on one span the same one is kept on every run.
        for hit in sorted(set(hits), key=lambda h: (h.start, -h.end, _KIND_ORDER.get(h.kind, 9), h.kind, h.why)):
            text = post.text[hit.start:hit.end]
            if self._allowed(text, hit.kind, allow) or text.casefold() in guest or any(a <= hit.start < b for a, b in bios):
                continue
            if any(d.start <= hit.start and hit.end <= d.end for d in decided):
                continue  # inside a wider finding (a name within a reported URL)
            decided.append(hit)
        return decided

    def _region(self, plain: str) -> bool:
        """A state or larger, or a broad part of one ("Central Oregon", "upstate New York"), which
        no one lives at: not a place that identifies."""
        head, _, rest = plain.partition(" ")
        return plain in self.regions or (head in _DIRECTIONS and rest in self.regions)

    def is_word(self, token: str, depth: int = 0) -> bool:
        """An English dictionary word, inflections included ("Goes", "Treasures")."""
        word = token.casefold().replace("’", "'")
        if word in self.words or word in _FUNCTION_WORDS:
            return True
        for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""),
                                    ("ed", "e"), ("ing", ""), ("ing", "e"), ("ers", ""), ("er", ""),
                                    ("ly", ""), ("'s", "")):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3 \
                    and word[:-len(suffix)] + replacement in self.words:
                return True
        if depth == 0 and word.endswith("s") and not word.endswith("ss"):
            return self.is_word(word[:-1], 1)  # "mornings": the plural of an inflected word
        return False

    def _allowed(self, text: str, kind: str, allow: AllowList) -> bool:
        text = re.sub(r"-(?:area|based|born|region)$", "", text)  # "Duluth-area" for an allowed Duluth
        if allow.covers(text) or self.site_allow.covers(text):
            return True
        if kind == "url":
            return self._own_url(text)
        if kind == "email":
            return text.rsplit("@", 1)[-1].casefold().removeprefix("www.") in self.own_hosts
        return False

    def _own_url(self, text: str) -> bool:
        if text.startswith("@"):
            return text[1:].casefold() in self.own_handles
        parsed = urlparse(text if "//" in text else "//" + text)
        host = (parsed.hostname or "").removeprefix("www.")
        if host in self.own_hosts:
            return True
        full = host + "/" + parsed.path.strip("/")
        return any(full.casefold().startswith(own.casefold()) for own in self.own_urls if "/" in own.strip("/"))

    # -- contact details, numbers and dates: patterns -------------------------------------

    def _patterns(self, post: Post, context: PostContext, view: str, hits: list[Hit]):
        def each(patterns, text=view):
            for pattern in patterns:
                for m in pattern.finditer(text):
                    group = 1 if m.groups() and m.group(1) is not None else 0
                    yield m, m.start(group), m.end(group)

        def line_of(offset):
            a = view.rfind("\n", 0, offset) + 1
            b = view.find("\n", offset)
            return view[a:b if b >= 0 else len(view)]

        def author_only(offset):
            """The author's own number: "my license number is ...", "our fax: ..." (not a client's
            "my Rx #..." in a quoted message)."""
            sentence = context.sentence_at(offset)
            if sentence is not None and _client_voice(post, sentence, self.site_allow):
                return False
            return bool(re.search(r"\b(?:my|our)\s+(?!(?:files?|notes?|records?|charts?|clients?|patients?|caseload)\b)"
                                  r"(?:[\w'’-]+[\s:#]+){0,3}$", view[max(0, offset - 60):offset]))  # not "my files: chart PC-…"

        def author_sentence(offset):
            sentence = context.sentence_at(offset)
            return sentence is not None and sentence.about_author_only and not context.cue_in(sentence)

        for _m, a, b in each(self.ssn_patterns):
            if _valid_ssn(view[a:b]):
                hits.append(Hit("ssn", a, b, "pattern: Social Security number format (a valid area, group and serial)"))
        for _m, a, b in each(self.ssn_context):
            hits.append(Hit("ssn", a, b, "pattern: a number next to \"SSN\" or \"social security\""))
        for kind, patterns, why in (("record-number", self.record_patterns, "a number next to a record word (MRN, member ID, account, licence)"),
                                    ("vehicle", self.vehicle_patterns, "a licence plate or VIN"),
                                    ("device", self.device_patterns, "a serial number, IMEI or MAC address")):
            for _m, a, b in each(patterns):
                value = view[a:b]
                if not (re.search(r"\d", value) and (kind != "vehicle" or re.search(r"[A-Z]", value))):
                    continue  # "tag photos" is not a plate
                if not author_only(a):
                    hits.append(Hit(kind, a, b, f"pattern: {why}"))
        for _m, a, b in each(self.ip_patterns):
            if not self.ip_unless.search(view[max(0, a - 30):a]) and _plausible_ip(view[a:b]):
                hits.append(Hit("ip-address", a, b, "pattern: an IPv4 or IPv6 address"))
        for _m, a, b in each(self.phone_patterns):
            number = view[a:b]
            if len(_digits(number)) < 10 or self.toll_free.match(number.strip()):
                continue
            before = view[max(0, a - 40):a]
            kind = "fax" if self.fax_context.search(before) else "phone"
            line_start = view.rfind("\n", 0, a) + 1
            if not view[line_start:a].strip() or view[line_start:line_start + 2] == "  ":
                # a wrapped list item: whose number it is may be on the line above
                line_start = view.rfind("\n", 0, max(0, line_start - 1)) + 1
            near = view[max(line_start, a - 60):a] + " " + view[b:b + 30].split("\n")[0]
            # "- **Callen-Lorde Health Center** — ...\n  (212) 271-7200.": the item's first line says whose
            near = _item_first_line(post.text, a) + " " + near
            row = post.text[post.text.rfind("\n", 0, a) + 1:a]
            if row.lstrip().startswith("|"):
                near = row.lstrip()[1:].split("|")[0] + " " + near  # a table row: its first cell names whose number it is
            sentence = context.sentence_at(a)
            quoted = sentence is not None and _client_voice(post, sentence, self.site_allow)
            theirs = _THEIR_NUMBER.search(view[max(line_start, a - 40):a])
            resource = self.resource_context.search(near)
            if quoted and resource and re.fullmatch(r"(?i)call me|text me", resource.group()):
                resource = None  # someone quoted saying "call me at": their own number
            if kind == "phone" and not theirs and resource:
                continue  # a helpline or the practice
            if kind == "phone" and (author_only(a) or author_sentence(a)):
                continue
            hits.append(Hit(kind, a, b, f"pattern: a {kind} number that is not a public or practice line"))
        for _m, a, b in each([self.email_pattern]):
            address = view[a:b]
            sentence = context.sentence_at(a)
            if self.role_address.match(address) and not (context.narrative and context.about_client(a)):
                continue
            if sentence is not None and sentence.about_author_only and not context.narrative:
                continue
            hits.append(Hit("email", a, b, "pattern: an email address outside the practice's own domain"))
        for m, a, b in each(self.url_patterns):
            url = view[a:b]
            if self._own_url(url):
                continue
            host_path = re.sub(r"^(?:https?://)?", "", url, flags=re.I)
            sentence = context.sentence_at(a)
            line = line_of(a)
            cue = bool(sentence and _URL_CUE.search(sentence.text)) or bool(_URL_CUE.search(line)) or any(
                m.group(1).casefold() in self.first_names and not re.search(r"[A-Z][\w'’-]*\s+$", line[:m.start(1)])
                for m in _FIRST_NAME_SITE.finditer(line))
            profile = bool(self.profile_hosts.match(host_path)) and "/" in host_path.strip("/") \
                or bool(_PERSONAL_SITE.match(host_path))  # "doblebendicion.blogspot.com": someone's own blog
            if cue or (profile and context.narrative):
                hits.append(Hit("url", a, b, "pattern: a web address that leads to the client "
                                "(a profile, fundraiser, obituary or story about them)"))
                hits.extend(self._link_text_names(post.text, a))
        for _m, a, b in each([self.handle_pattern]):
            handle = view[a:b]
            if handle[1:].casefold() in self.own_handles:
                continue
            sentence = context.sentence_at(a)
            text = sentence.text if sentence else line_of(a)
            if self._public_handle(handle, line_of(a)):
                continue
            if _FOLLOW.search(text) and not context.narrative:
                continue  # "follow @drbecky" in a post that tells no client's story: a public account
            if _EXAMPLE_HANDLE.fullmatch(handle[1:]):
                continue  # "@yourname": how to write a handle, nobody's own
            # Any other handle is a private person's: clean posts name only the practice's and public accounts.
            hits.append(Hit("url", a, b, "pattern: a social media handle of a private person"))
        for m in _USERNAME.finditer(view):  # "plays under the tag FrostByte_906", "a reply from moth_lantern"
            if _USERNAME_CUE.search(view[max(0, m.start() - 30):m.start()]) and not self._public_handle(m.group(1), ""):
                hits.append(Hit("url", m.start(1), m.end(1), "pattern: a username or gamer tag"))
        # Dates: day-precise ones in a client's story, or next to "born" / "date of birth". The
        # rest wait for the names: a date in a sentence that names a client is theirs too.
        self._undecided_dates, self._undecided_ages = [], []
        dates = [(a, b) for _m, a, b in each(self.date_patterns)]
        # A day the post ties to a public event is public wherever it appears: the title "December
        # 12" of a post about the raids of December 12, 2006.
        public_days = {_month_day(view[a:b]) for a, b in dates if _PUBLIC_EVENT.search(_sentence_text(context, a))}
        for a, b in dates:
            if "|" in post.text[a:b]:
                continue  # "| Sept | 14 |": a month and a score in two cells of a table
            if _BIRTH_CONTEXT.search(view[max(0, a - 60):a]):
                if self._public_passage(context, a) or re.search(r"\b(?:I|we)\s+(?:was\s+|were\s+)?(?:born|turned)\b",
                                                                  view[max(0, a - 60):a]):
                    continue  # "Dr. Martin Luther King Jr.'s birthday, January 15, 1929"; "I turned 50 on May 2"
                hits.append(Hit("date", a, b, "pattern: a day-precise date of birth"))
            elif _SESSION_DATE.search(view[max(0, a - 40):a]) or _DATE_FIELD.search(view[view.rfind("\n", 0, a) + 1:a]) \
                    or _SESSION_AFTER.match(view, b) and view[a - 3:a].rstrip().endswith(("'s", "’s")):
                hits.append(Hit("date", a, b, "pattern: the date of a client's session, admission or discharge"))
            elif _month_day(view[a:b]) in public_days:
                continue  # "the Marriage Equality Act took effect on July 24, 2011": history, not a client's
            elif self._story_fact(context, a, post):
                hits.append(Hit("date", a, b, "pattern: a day-precise date in a client's story"))
            else:
                self._undecided_dates.append((a, b))
        for _m, a, b in each(self.age_patterns):
            if _MEASURE_BEFORE.search(view[max(0, a - 30):a]) or self._public_passage(context, a):
                continue  # "her heart rate was at 110": a reading; "the Queen worked until 96": public
            if _ANYONE_IN_THEIR.search(view[max(0, a - 60):a]) and not context.cue_in(context.sentence_at(a)):
                continue  # "a caregiver ... caring for a husband in his nineties": anyone, not a client
            if self._client_fact(context, a, post) or context.cue_in(context.sentence_at(a)) or \
                    not context.narrative and _someone_elses(_sentence_text(context, a)) and not _after_my_kin(context, a):
                hits.append(Hit("age-over-89", a, b, "pattern: an age over 89 in a client's story"))
            else:
                self._undecided_ages.append((a, b))
        if context.narrative:
            for _m, a, b in each([self.age_standalone]):
                if self._story_fact(context, a, post):
                    hits.append(Hit("age-over-89", a, b, "pattern: an age over 89, in words, in a client's story"))
        year = _post_year(post.meta)
        for _m, a, b in each([self.born_in]):
            if year - int(view[a:b]) > 89 and self._client_fact(context, a, post):
                hits.append(Hit("age-over-89", a, b, f"pattern: a birth year that makes the client over 89 in {year}"))
        places = self.place_by_key
        for pattern in self.place_patterns + [self.exit_pattern]:
            for _m, a, b in each([pattern]):
                before = view[max(0, a - 8):a]
                if _plain(view[a:b]) in self.regions or _in_case_name(view, a, b):
                    continue
                if pattern is places["county"] and (re.search(r"\b[A-Z]{3,}\s+$", before) or re.match(r"[A-Z]{3,}\s", view[a:b])):
                    continue  # "YWCA Pierce County": an organisation's name
                if pattern is places["zip_alone"] and (view[a:b].endswith("000") or not context.narrative
                                                       or re.search(r"\b(?:text|to|dial|call)\s+$", before, re.I)):
                    continue  # five digits alone are a ZIP code only in a client's story: not a round number or a text line
                if self._story_fact(context, a, post) or pattern in (places["zip"], places["zip_after_town"]) \
                        and _someone_elses(_sentence_text(context, a)):
                    hits.append(Hit("location", a, b, "pattern: a street, ZIP code, county or exit in a client's story"))
        for m in _ZIP_FIELD.finditer(view):
            hits.append(Hit("location", m.start(1), m.end(1), "pattern: a ZIP code in a form's field"))
        for m in _ADDRESS_FIELD.finditer(post.text):  # "| Address | 2208 Williams Blvd, Kenner, LA 70062 |"
            if self.site_allow.covers(m.group(1).split(",")[0]):
                continue  # the practice's own address, suite and all
            for part in re.finditer(r"[^,]+", m.group(1)):
                words = part.group().strip()
                state_zip = re.fullmatch(r"(?:[A-Z]{2}\s+)?(\d{5}(?:-\d{4})?)", words)
                a = m.start(1) + part.start() + len(part.group()) - len(part.group().lstrip())
                if state_zip:
                    a += state_zip.start(1)
                    words = state_zip.group(1)
                elif self._region(_plain(words)):
                    continue
                hits.append(Hit("location", a, a + len(words), "pattern: an address in a form's field"))

    def _client_dates_and_ages(self, context: PostContext, names: list[Hit], client_hits: list[Hit]) -> list[Hit]:
        """A day-precise date or an age over 89 the patterns left undecided, in a sentence that
        names a client (even by a declared pseudonym: "Florence is 93.") or speaks of one client:
        "referred by his EAP after a screen on June 16, 2025", "photos sent by the client on March 9";
        in "He ..." right after a sentence that names one ("Harold ... He turned 90 on January 27");
        or in a table or log that holds a client's name, email or address."""
        found = []
        for kind, spans, one_client, why in (
                ("date", self._undecided_dates, _ONE_CLIENT, "a day-precise date"),
                ("age-over-89", self._undecided_ages, _A_CLIENT_WHO, "an age over 89")):
            for a, b in spans:
                block = _record_block(context.post, a)
                if block and any(block[0] <= h.start < block[1] for h in client_hits):
                    found.append(Hit(kind, a, b, f"pattern: {why} in a table or log that holds a client's details"))
                    continue
                sentence = context.sentence_at(a)
                if sentence is None or sentence.not_client:
                    continue
                previous = context.sentence_before(sentence) if re.match(r"\W*(?:She|He)\b", sentence.text) else None
                if any(s and s.start <= n.start < s.end for n in names for s in (sentence, previous)) \
                        or one_client.search(sentence.text):
                    found.append(Hit(kind, a, b, f"pattern: {why} in a sentence about a client"))
        return found

    def _public_passage(self, context: PostContext, offset: int) -> bool:
        """Is the sentence about a public figure, by name or as "she" right after one ("Rosalynn
        Carter said that often. She died ... at the age of 96")?"""
        sentence = context.sentence_at(offset)
        if sentence is None:
            return False
        if self._public_sentence(sentence.text):
            return True
        previous = context.sentence_before(sentence)
        return bool(re.match(r"\W*(?:She|He|They)\b", sentence.text) and previous
                    and self._public_sentence(previous.text))

    def _public_sentence(self, text: str) -> bool:
        """Does the sentence name a public figure ("Queen Elizabeth II worked until ... 96")?"""
        if re.search(r"\b(?:Sir|Dame|Queen|King|Prince|Princess|Lord|Duke|Duchess|Pope|President|Senator|Governor)\b", text):
            return True
        words = _plain(text).split()
        if any(" ".join(words[i:i + n]) in self.public_figures for n in (2, 3, 4) for i in range(len(words) - n + 1)):
            return True
        # "Withers was born on July 4, 1938" in a post that names Bill Withers
        return any(_plain(w) in self.public_surnames and self._named_public_figure(_plain(w))
                   for w in re.findall(r"\b[A-Z][a-z]+\b", text))

    def _public_handle(self, handle: str, line: str) -> bool:
        """An organisation's account (@gottmaninstitute), or one spelling a public figure's name or a
        name its own line gives (@BreneBrown; "Becky Kennedy ... @drbeckyatgoodinside")."""
        letters = re.sub(r"[^a-z]", "", _plain(handle))
        if _ORG_HANDLE.search(letters):
            return True
        if any(len(s) >= 5 and s in letters and not self._private_surname(s) for s in self.public_surnames):
            return True  # "@davidkessler_grief", but not "@brikessler.makes" beside "Brianna Kessler"
        named = [w for w in re.findall(r"\b[A-Z][a-z]{3,}\b", line)
                 if not _sentence_initial(line, line.find(w)) and _plain(w) not in self.first_names]
        return any(_plain(w) in letters for w in named) and _FOLLOW.search(line) is not None

    def _link_text_names(self, text: str, url_start: int) -> list[Hit]:
        """"[Lily's fundraiser](https://gofundme.com/...)": the link text names the client too."""
        m = re.search(r"\[([^\]\n]{1,80})\]\(\s*<?$", text[max(0, url_start - 90):url_start])
        if not m:
            return []
        base = url_start - len(text[max(0, url_start - 90):url_start]) + m.start(1)
        found = []
        part = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ'’]+)*"
        for word in re.finditer(rf"(?<![\w'’-])({part}(?:\s+{part})?)(?![\w])", m.group(1)):  # not "Tik" of "TikTok"
            name = re.sub(r"(?:'s|’s)$", "", word.group(1))
            tokens = _plain(name).split()
            if tokens and (tokens[0] in self.first_names or not (self.is_word(tokens[0]) or tokens[0] in self.name_words)) \
                    and _plain(name) not in self.public_figures and _plain(name) not in self.therapy_terms:
                found.append(Hit("person-name", base + word.start(1), base + word.start(1) + len(name),
                                 "pattern: a name in the text of a link to the client's page"))
        return found

    def _story_fact(self, context: PostContext, offset: int, post: Post) -> bool:
        """Part of a client's story unless the sentence is about the author, an event or research;
        for facts that are client facts by their nature (a day-precise date, an age over 89)."""
        if not context.narrative:
            return False
        sentence = context.sentence_at(offset)
        if sentence is None or context.cue_in(sentence):
            return True
        if sentence.not_client or _TO_THE_READER.match(sentence.text):
            return False  # "If you're entering drug court in Raleigh County, ...": the reader's
        return not sentence.about_author_only or _client_voice(post, sentence)

    def _client_fact(self, context: PostContext, offset: int, post: Post, names=()) -> bool:
        """Is a date, place or age at `offset` part of a client's story?"""
        if not context.narrative:
            return False
        sentence = context.sentence_at(offset)
        if sentence is None or _in_front_matter(post, offset):
            return True
        if context.cue_in(sentence):
            return True
        if sentence.not_client:
            return False
        if sentence.about_author_only and not _client_voice(post, sentence) or _TO_THE_READER.match(sentence.text):
            return False  # the author's, or the reader's: "If you are raising grandchildren in DeKalb, ..."
        if any(a <= offset < b for a, b in self._headings):
            return True  # a case study's headings and tables tell its story
        if _PERSON_NOUN.search(sentence.text) or sentence.third_person:
            return True
        if any(sentence.start <= n.start < sentence.end for n in names):
            return True
        previous = context.sentence_before(sentence)
        return bool(previous and not previous.not_client
                    and (previous.third_person or _PERSON_NOUN.search(previous.text)))

    # -- people -----------------------------------------------------------------------------

    def _names(self, post, context, view, entities) -> list[Hit]:
        """People's names. In a client's story any private person's name counts; elsewhere only a
        name that something marks as a private person's (a relative, a title, a family, a
        contact link, a first name on its own)."""
        narrative = context.narrative
        self._invented = _invented_names(context) | _title_names(post.text)
        # "Hurricane Ida" makes every later "Ida" the storm's; in a post about hurricanes, "lived
        # through Betsy" and "before Francine came ashore" are storms too.
        self._storms = {m.casefold() for m in _STORM_NAME.findall(view)}
        if _ABOUT_STORMS.search(view):
            self._storms |= {_plain(m.group(1) or m.group(2)) for m in _STORM_CONTEXT.finditer(view)
                             if _plain(m.group(1) or m.group(2)) in self.storm_names}
        # Every surname a citation names: "(Amabile & Kramer, 2011)" cites Kramer too.
        self._cited_surnames = {_plain(w) for m in _CITED_SURNAME.finditer(view)
                                for w in re.findall(r"[A-Z][\w'’-]+", m.group())}
        about_a_work = self._about_a_work = not narrative and _about_a_work(post.text)
        candidates: list[tuple[int, int, str, str]] = []  # start, end, why, cue kind ("" for the model)
        for kind, pattern in self.name_cues:
            for m in pattern.finditer(view):
                group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g) is not None)
                a, b = _trim_name(view, m.start(group), m.end(group))
                if b <= a or view[a:b].casefold() in _FUNCTION_WORDS:
                    continue  # "What She Told Me": no name
                if kind == "honorifics":
                    head, _, tail = view[a:b].rpartition(" ")
                    if head and (self.is_word(tail) or tail.casefold() in _VERBS_AFTER_A_TITLE) and tail.casefold() not in self.surnames:
                        b = a + len(head)  # "Grandma Dot Goes Back to Kindergarten": the name is Dot
                    word = view[a:b].casefold()
                    if word in _VERBS_AFTER_A_TITLE or " " not in word and re.search(r"(?:s|ed)$", word) and self.is_word(word) \
                            and word not in self.first_names and word not in self.surnames:
                        continue  # "What a Deputy Taught Me", "A Peer Coach Looks Back": a title, no name
                first = view[a:b].split()[0]
                owner = re.match(r"([A-Z][a-z]+)(?:'s|’s)", m.group(0)) if kind == "relatives" else None
                if owner and (not narrative or owner.group(1).casefold() not in self.first_names
                              or re.search(r"\s{2,}|\n", view[m.start():a])):
                    continue  # "Priya's mother, Anjali Raman" in a story; not "Nemo's mother", nor across cells
                if kind == "contact_name" and first.casefold() not in self.first_names:
                    continue  # "call Samaritans on 116 123": a service, not a person
                if kind == "family" and not self._family_name(view[a:b], m.group(0), narrative) or \
                        kind == "tribute" and first.casefold() not in self.first_names and self.is_word(first):
                    continue  # "Young children"; "What One Mother Taught Me"
                candidates.append((a, b, f"pattern: a name after {_CUE_LABEL[kind]}", kind))
        for m in self.contact_link.finditer(post.text):
            candidates.append((m.start(1), m.end(1), "pattern: the name on an email or phone link", "contact"))
        for pattern in (_FORM_NAME, _FORM_CELL, _HEADER_NAME):
            for m in pattern.finditer(view):
                candidates.append((m.start(1), m.end(1), "pattern: a name in a client-name field", "form"))
        for segment in post.segments:  # "<!-- send this list to Renata Gallegos -->": an author's note names a client
            if segment.where == "HTML comment":
                for m in _NOTE_NAME.finditer(segment.text):
                    first, last = m.group(1), m.group(2)
                    if (len(first) == 2 or first.casefold() in self.first_names) and not self.is_word(last):
                        candidates.append((segment.start + m.start(), segment.start + m.end(),
                                           "pattern: a person's full name in an author's note", "note"))
        for m in _CLIENT_APPOSITIVE.finditer(view):  # "One of my clients, Rosa, was nine": a name even when a word
            candidates.append((m.start(1), m.end(1), "pattern: a name the post gives a client", "client"))
        for m in _INITIALLED.finditer(view):  # "a photo from Marisol A.", "— Priya S., Oak Park": a name cut short
            after = re.match(r"\s*([A-Z][\w'’-]*)", view[m.end():m.end() + 30])
            if m.group(1).casefold() in self.first_names and not (after and after.group(1).casefold() not in _FUNCTION_WORDS) \
                    and not re.search(r"[A-Z][\w'’.-]*,?\s+$", view[max(0, m.start() - 25):m.start()]):  # "Gottman, John M."
                candidates.append((m.start(1), m.end(), "pattern: a first name and the initial of a surname", "initialled"))
        for m in _SIGNATURE.finditer(view):
            signer = m.group(1).casefold()
            if signer in self.first_names or narrative and not self.is_word(signer):
                candidates.append((m.start(1), m.end(1), "pattern: a first name signing a message", "signature"))
        if not narrative:
            for m in self.initials.finditer(view):
                if m.group(1) in self.not_initials:
                    continue
                if _RECORD_OF.match(view, m.end(1)):
                    candidates.append((m.start(1), m.end(1), "pattern: initials whose record or number follows", "initials"))
                elif len(m.group(1)) > 2 and _MADE_BY.search(view[max(0, m.start() - 20):m.start(1)]):
                    candidates.append((m.start(1), m.end(1), "pattern: initials credited with a drawing or a letter", "initials"))
        if narrative:
            # The model misses some first names ("Hector did most of the work"): a capitalised word
            # that the story has saying, feeling or deciding things is someone's name when it is a
            # known first name, or no dictionary word and the story does so twice.
            subjects = [m for m in _SUBJECT_NAME.finditer(view)
                        if not re.search(r"(?:[A-Z][\w'’-]*\.?|\b(?:Dr|Mr|Mrs|Ms))\s+$", view[max(0, m.start() - 20):m.start()])]
            counts = Counter(_plain(m.group(1)) for m in subjects)
            for m in subjects:
                folded = _plain(m.group(1))  # "Andrés" is "andres" in the names list
                if folded in self._lower_words or folded in self.common_words or folded in _FUNCTION_WORDS:
                    continue
                if folded in self.first_names or (counts[folded] >= 2 and not self.is_word(folded)):
                    candidates.append((m.start(1), m.end(1), "pattern: a first name the story has doing things", ""))
            # A known first name that no dictionary has, anywhere in the story: "Liam drew a volcano".
            for m in _LONE_CAPITALISED.finditer(view):
                folded = _plain(m.group(1))
                if not self._bare_first_name(folded) or m.group(1).casefold() in self._lower_words:
                    continue
                previous = re.search(r"([A-Z][\w'’-]*)\.?(?:[ \t]+|[ \t]*\n[ \t]*)\Z", view[max(0, m.start() - 25):m.start()])
                if previous and previous.group(1).casefold() not in _FUNCTION_WORDS:
                    continue  # the second word of a longer name (one line break may wrap it, a blank line ends it)
                candidates.append((m.start(1), m.end(1), "pattern: a known first name in a client's story", ""))
        if narrative:
            for m in _POSSESSIVE_NAME.finditer(view):
                a, b = m.start(1), m.end(1)
                if re.search(r"\b(?:to|at|from)\s+$", view[max(0, a - 6):a]):
                    continue  # "went to Powell's": a shop
                word = m.group(1).casefold()
                if (word in self.first_names or not self.is_word(word)) and self._client_fact(context, a, post):
                    candidates.append((a, b, "pattern: a capitalised name with a possessive in a client's story", ""))
            for m in self.initials.finditer(view):
                a, b = m.start(1), m.end(1)
                text = m.group(1)
                if text in self.not_initials or len(text) == 2 and re.search(r"(?:^|\n)[ \t>*+-]*$", view[max(0, a - 6):a]) \
                        or len(text) == 2 and re.search(r"(?i)\b(?:plan|vitamin|type|option|grade|hepatitis|part|section|step)\s+$",
                                                        view[max(0, a - 12):a]):
                    continue  # an abbreviation, "A. First point" labelling a line, or "Have a plan B."
                name_before = re.search(r"([A-Z][a-z]+),? $", view[max(0, a - 20):a])
                opener = name_before and self.is_word(name_before.group(1)) and \
                    re.search(r"(?:^|\n)[ \t#>*]*$", view[max(0, a - 30):a - len(name_before.group())])
                if name_before and name_before.group(1).casefold() not in _FUNCTION_WORDS and not opener \
                        or self._in_reference_entry(view, a):
                    continue  # the middle or last initial of a name ("Bill W.", "Perry, B. D."), not "For J.R.", "Meet J.R."
                sentence = context.sentence_at(a)
                if sentence is None or not (sentence.not_client or sentence.about_author_only):
                    candidates.append((a, b, "pattern: initials standing for a client", "initials"))
            for segment in post.segments:
                if segment.where == "front matter title":
                    # "Why I Still Think About Gavin": a story's title names its client.
                    for m in re.finditer(r"(?<![\w'’-])([A-Z][a-z]{2,})(?=(?:'s|’s)?\b)", segment.text):
                        folded = m.group(1).casefold()
                        if self._bare_first_name(folded):
                            candidates.append((segment.start + m.start(1), segment.start + m.end(1),
                                               "a first name in the title of a client's story", ""))
                if segment.where.startswith("image") and segment.kind == PROSE:
                    for m in re.finditer(r"(?-i:\b([A-Z][a-z]+ [A-Z][\w'’-]+?))(?:'s|’s)?\b", segment.text):
                        if self._name_shaped(m.group(1)):
                            candidates.append((segment.start + m.start(1), segment.start + m.end(1),
                                               "a first name and surname in an image's alt text or title", ""))
                if segment.where.startswith(_FRONT_MATTER) and _title_like(segment.where) or segment.where == "table":
                    m = re.fullmatch(r"\s*([A-Z][a-z'’-]+ [A-Z][\w'’-]+)\s*", segment.text)
                    if m and self._name_shaped(m.group(1)):
                        candidates.append((segment.start + m.start(1), segment.start + m.end(1),
                                           "a first name and surname in a tag, title or table cell", ""))
        for segment in post.segments:
            if segment.where.startswith("image") and segment.kind == PROSE:
                # "Renee at the Lakefront with her husband": the person a photo shows, first in its alt text.
                subject = _PHOTO_SUBJECT.match(segment.text)
                if subject and self._bare_first_name(subject.group(1).casefold()):
                    candidates.append((segment.start + subject.start(1), segment.start + subject.end(1),
                                       "a first name opening a photo's alt text", "named"))
                # "Gary, Rick and Dwayne after group": the people in a photo, named in its alt text.
                for m in _NAME_LIST.finditer(segment.text):
                    words = re.findall(r"[A-Z][a-z]+", m.group())
                    if all(w.casefold() in self.first_names for w in words):
                        for w in re.finditer(r"[A-Z][a-z]+", m.group()):
                            a = segment.start + m.start() + w.start()
                            candidates.append((a, a + len(w.group()), "first names of the people in a photo", "named"))
        for m in _BORN_NAME.finditer(view):  # "Sophie was born June 2, 2023"
            if any(p.match(view, m.end()) for p in self.date_patterns):
                candidates.append((m.start(1), m.end(1), "pattern: a name with a day-precise birth date", "named"))
        if narrative:
            # A first name that is also a word ("Dusty", "Hope"): a name when the post writes it
            # capitalised inside sentences at least twice and never in lower case.
            inside = [(segment.start + m.start(1), segment.start + m.end(1))
                      for segment in post.segments if segment.kind == PROSE and not _title_like(segment.where)
                      for m in _LONE_CAPITALISED.finditer(segment.text)
                      if m.group(1).casefold() in self.word_first_names and m.group(1).casefold() not in self._lower_words
                      and not _sentence_initial(segment.text, m.start(1))]
            counts = Counter(_plain(view[a:b]) for a, b in inside)
            candidates += [(a, b, "pattern: a first name the story writes as a name", "named")
                           for a, b in inside if counts[_plain(view[a:b])] >= 2]
        for label, a, b in entities:
            if label != "PERSON":
                # The model sometimes calls a first name a place ("When Rebecca first told me"):
                # a first name that no place word leads into is a person.
                word = _plain(view[a:b])
                # Outside a story, only a first name that is no surname, alone, saying or doing something.
                alone = (_PERSON_AFTER.match(view, b) or _CLIENT_AFTER.match(view, b)) and word not in self.surnames \
                    and not re.search(r"[A-Z][\w'’.-]*\s+$", view[max(0, a - 25):a])
                if word in self.first_names and " " not in word and (narrative or alone) \
                        and not re.search(r"(?i)\b(?:in|from|to|near|at|of|outside|through)\s+(?:the\s+)?$", view[max(0, a - 12):a]):
                    candidates.append((a, b, "language model: a first name it read as a place", ""))
                continue
            a, b = _trim_name(view, a, b)
            first = re.match(r"[\w'’-]+\s+", view[a:b])
            if first and (self.is_word(first.group().strip()) or first.group().strip().casefold() in _KIN_WORDS) \
                    and first.group().strip().casefold() not in self.first_names:
                a += first.end()  # "Letting Marisol" at the start of a sentence is "Marisol"; "Mamaw Opal" is "Opal"
            if b <= a:
                continue
            if narrative:
                candidates.append((a, b, "language model: a person's name in a client's story", ""))
            elif len(view[a:b].split()) > 1 and (_CONTACT_NEAR.search(view[b:b + 40]) or _CONTACT_AFTER.search(view[b:b + 40])
                                                 and _plain(view[a:b]).split()[0] in self.first_names):
                candidates.append((a, b, "language model: a private person's name next to their contact details", "contact"))
            elif _site_of(view[a:b], view[b:b + 80]):
                candidates.append((a, b, "language model: a person whose own web site is linked", "contact"))
            elif _CLIENT_AFTER.match(view, b):
                candidates.append((a, b, "language model: a person the sentence says is a client", "client"))
            elif len(view[a:b].split()) > 1 and _RECORD_OF.match(view, b):
                candidates.append((a, b, "language model: a person whose record or number follows", "record"))
            elif _plain(view[a:b]) in self.first_names and not about_a_work and not _hypothetical(context, a) \
                    and not re.match(r"\s+[A-Z][a-z]", view[b:b + 3]) and (
                    _PERSON_BEFORE.search(view[max(0, a - 30):a]) or _PERSON_AFTER.match(view, b)) \
                    and not self._someones_surname(view[a:b]):
                # Public figures and authors go by their full names; a first name alone, doing or
                # saying something, is someone the author knows (unless the post wrote it as a
                # surname: "Stewart is married" after "Breanna Stewart").
                candidates.append((a, b, "language model: a private person's first name", ""))
        # Of several candidates on one span, a client's name wins, except that the model's guess
        # alone does not outweigh a reason that holds everywhere (a public figure's son Moses).
        found_by: dict = {}
        for a, b, why, cue in candidates:
            found_by.setdefault((a, b), []).append((self._person_verdict(view, context, post, a, b, cue), cue))
        verdicts = {}
        for span, results in found_by.items():
            strong_clear = any(v in _EVERYWHERE for v, _cue in results)
            client = any(v is None and (cue or not strong_clear) for v, cue in results)
            verdicts[span] = None if client else next(v for v, _cue in results if v is not None)
        _clear_coordinated(view, verdicts)
        # A name cleared for a reason that holds wherever it appears (a public figure, a citation)
        # is cleared everywhere in the post; a weaker reason clears only that mention.
        cleared = {_plain(view[a:b]) for (a, b), v in verdicts.items() if v is not None and v in _EVERYWHERE}
        cleared.update(name.split()[-1] for name in list(cleared) if " " in name)  # "Amador's book" after "Xavier Amador"
        cleared.update(_plain(view[a:b]).split()[0] for (a, b), v in verdicts.items()  # "Serena" after "Serena Williams"
                       if v == "a public figure or cited author" and len(_plain(view[a:b]).split()) == 2)
        for (a, b), v in verdicts.items():
            if v == "a character or author of a work" and len(view[a:b].split()) > 1:
                cleared.add(_plain(view[a:b]))  # "Luisa Madrigal" from *Encanto*: "Luisa" too
                cleared.update(_plain(view[a:b]).split())
        self._cleared = cleared | self._invented
        found = []
        for a, b, why, cue in candidates:
            if verdicts[(a, b)] is not None or (not cue and _plain(view[a:b]) in cleared):
                continue
            found.append(Hit("person-name", a, b, why))
        return found

    def _family_name(self, name: str, matched: str, narrative: bool) -> bool:
        """"the Pelletier family" names a family; "the Simpsons" names a show, outside a client's story."""
        folded = name.casefold()
        if self._region(folded + "s") or self._region("the " + folded + "s") or folded + "s" in self.therapy_terms:
            return False  # "the Catalinas glowed": a mountain range; "the Astros": a team
        plural = not re.search(r"(?i)family|household|kids|children|twins|boys|girls|farm|house|home|kitchen|place", matched)
        if self.is_word(name) and folded not in self.surnames and folded not in self.first_names:
            return False
        if not re.match(r"(?i)the |\(", matched) and (self.is_word(name) or folded in _FUNCTION_WORDS):
            return False  # "Young children", "Because kids": no "the" before, so an ordinary word
        singular = folded[:-2] + "y" if folded.endswith("ie") else folded  # "the Stories We Don't Translate"
        if plural and (self.is_word(name + "s") or self.is_word(singular) or {folded, folded + "s", singular} & self.name_words) \
                or _NOT_A_NAME_ENDINGS.search(folded):
            return False  # "the Crisis Text Line" is not "the Crisi family"; "Parentified kids"
        return narrative or not plural

    def _in_reference_entry(self, view: str, offset: int) -> bool:
        line_start = view.rfind("\n", 0, offset) + 1
        line_end = view.find("\n", offset)
        return bool(self.reference_entry.search(view[line_start:line_end if line_end >= 0 else len(view)]))

    def _public_surname(self, surname: str) -> bool:
        """"Rogers" alone is Carl Rogers; "Dana" alone is a client unless the post names Deb Dana."""
        return surname not in self.first_names or self._named_public_figure(surname)

    def _someones_surname(self, word: str) -> bool:
        """Does the post write this word after a first name, as a surname ("Breanna Stewart")?"""
        return any(m.group(1).casefold() in self.first_names
                   for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", self._view))

    def _named_public_figure(self, surname: str) -> bool:
        """Does the post name a public figure with this surname?"""
        if self._named_figures is None:  # looked up once per post: asked for every surname and date
            plain = self._plain_post()
            self._named_figures = [full for full in self.public_figures if f" {full} " in plain]
        return any(full.endswith(" " + surname) for full in self._named_figures)

    def _table_columns(self, post: Post) -> list[Hit]:
        """A table's header says what its column holds: every cell under "Serial" is a device's
        serial, under "Household" a family's name."""
        found, starts = [], post._line_starts
        lines = post.text.split("\n")
        for i in range(len(lines) - 1):
            header, rule = lines[i], lines[i + 1]
            if "|" not in header or not re.fullmatch(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?", rule):
                continue
            if getattr(_segment_at(post, starts[i] + header.find("|") + 2), "where", "") != "table":
                continue  # a table in a code block is not published as one
            kinds = [next((kind for pattern, kind in _COLUMN_KINDS if pattern.fullmatch(c.strip(" *_"))), None)
                     for c in header.strip().strip("|").split("|")]
            j = i + 2
            while j < len(lines) and "|" in lines[j]:
                row, offset = lines[j], starts[j]
                for kind, cell in zip(kinds, row.strip().strip("|").split("|")):
                    a = post.text.find(cell, offset) + len(cell) - len(cell.lstrip())
                    b = a + len(cell.strip())
                    offset = b
                    value = post.text[a:b]
                    if kind in ("device", "record-number") and re.search(r"\d", value) and len(value) >= 5:
                        found.append(Hit(kind, a, b, "pattern: a cell under a table header that names it"))
                    elif kind == "age-over-89" and re.fullmatch(r"\d{2,3}", value) and int(value) > 89:
                        found.append(Hit(kind, a, b, "pattern: an age over 89 under a table's \"Age\" header"))
                    elif kind == "person-name" and (re.fullmatch(r"[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,2}", value)
                                                    and not all(self.is_word(w) for w in value.split())
                                                    or re.fullmatch(r"[A-Z]\.(?: ?[A-Z]\.){0,2}", value)):  # "J.R."
                        found.append(Hit(kind, a, b, "pattern: a name under a table header such as \"Client\""))
                j += 1
        return found

    def _foreign(self, context: PostContext, offset: int) -> bool:
        """Is the sentence in Spanish, or mostly words no English dictionary has ("Dormir sin soñar feo")?"""
        words = re.findall(r"\b[a-zà-ÿ]+\b", _sentence_text(context, offset))
        return len(words) >= 2 and (sum(w in _SPANISH_WORDS for w in words) >= 2
                                    or sum(self.is_word(w) for w in words) * 2 < len(words))

    def _inside_term(self, a: int, b: int) -> bool:
        return any(start <= a and b <= end and (start, end) != (a, b) for start, end in self._term_spans)

    def _plain_post(self) -> str:
        """The post's visible text in plain words, made once per post when first needed."""
        if self._post_plain is None:
            self._post_plain = " " + _plain(self._view) + " "
        return self._post_plain

    def _private_surname(self, surname: str) -> bool:
        """The post names a private person with this surname ("Brianna Kessler", not "David Kessler")."""
        return any(f"{m.group(1)} {surname}" not in self.public_figures
                   for m in re.finditer(rf"\b([a-zà-ÿ]+) {re.escape(surname)}\b", self._plain_post())
                   if m.group(1) in self.first_names)

    def _bare_first_name(self, folded: str) -> bool:
        """A known first name that is no dictionary word ("liam", not "grace"; common words are
        already out of first_names)."""
        return folded in self.first_names and not self.is_word(folded)

    def _name_shaped(self, text: str) -> bool:
        first, last = text.split(" ", 1)
        return (first.casefold() in self.first_names or first.casefold() in self.common_words) and \
            (last.casefold() in self.surnames or not self.is_word(last))

    def _person_verdict(self, view, context, post, a, b, cue="") -> str | None:
        """None if the name at [a, b) is a client's; else the reason it is not. `cue` names the
        pattern that found it ("relatives", "family", ...), empty for the language model."""
        from_cue = bool(cue)
        text = view[a:b]
        plain = _plain(text)
        tokens = plain.split()
        raw_tokens = text.split()
        if not tokens or not text[:1].isupper():
            return "not capitalised"
        if plain in self._invented or re.match(r" [A-Z]\b", view[b:b + 3]) and plain in _ROLE_LABELS:
            return "an invented example person"  # "Partner A and Partner B"
        if re.match(r"(?:'s|’s|s'|s’)?\s+(?:Day|Eve)\b", view[b:b + 10]):
            return "a holiday"  # Valentine's Day, Presidents' Day
        if len(tokens) > 1 and tokens[-1] in {"bay", "beach", "lake", "river", "park", "island", "harbor", "harbour", "falls",
                                               "creek", "valley", "canyon", "mountain", "trail"}:
            return "a place, not a person"  # "Kailua Bay"
        if _on_a_route(view, a, b):
            return "a place on a route"
        if len(tokens) == 1 and tokens[0] in _FILIPINO_KIN and _FILIPINO.search(view):
            return "a family title"  # "who drives Lola to dialysis", in a post about Filipino families
        if len(tokens) == 1 and tokens[0] in self._storms:
            return "a storm's name"
        if re.match(r"\s+(?:fires?|wildfires?|floods?|flooding|tornado|hurricane|explosion|shooting|bombing|massacre|raids?|"
                    r"disaster|earthquake|tsunami|strike)\b", view[b:b + 14]):
            return "a public event named after its place"  # "the Lahaina fire"
        if re.match(r"['’]s\b(?!\s+[a-z])", view[b:b + 4]) and re.search(r"\b(?:to|at|from)\s+$", view[max(0, a - 6):a]) \
                and cue not in ("initials", "record"):
            return "a shop or restaurant"  # "went to Powell's, bought a notebook"
        if self._about_a_work and cue not in ("contact", "form"):
            return "a character in the book, film or show the post is about"
        if len(raw_tokens) > 4 or any(t[:1].islower() and t not in _PARTICLES for t in raw_tokens) \
                or re.match(r"-[a-z]", view[b:b + 2]) and self.is_word(tokens[-1]) and tokens[-1] not in self.first_names:
            return "not shaped like a name"  # "Depression-era food rules"
        beside = re.search(r"\b([A-Z][a-z]+),? (?:and|&|or) $", view[max(0, a - 25):a])
        beside_first_name = bool(beside and self._bare_first_name(beside.group(1).casefold()))
        if plain in self.public_figures or (len(tokens) == 1 and tokens[0] in self.public_surnames
                                            and cue in ("", "family") and self._public_surname(tokens[0])
                                            and not beside_first_name):
            return "a public figure or cited author"  # "Rogers" alone, not "Kaylee and Bryson"
        if cue == "honorifics" and len(tokens) == 1 and self._named_public_figure(tokens[0]):
            return "a public figure or cited author"  # "Mrs. Carter" after "Rosalynn Carter"
        if tokens[0] in _HONOURS or _HONOUR_BEFORE.search(view[max(0, a - 20):a]):
            return "a public figure or cited author"  # "Sir Bobby Charlton", "Captain Sir Tom Moore"
        if plain in self.therapy_terms or self._region(plain) or re.search(r"\d", text):
            return "a therapy term, place or code"
        if tokens[0] in self.therapy_terms and all(t in self.therapy_terms or self.is_word(t) for t in tokens) \
                or re.search(r"\b(?:19|20)\d\d\s+$", view[max(0, a - 6):a]):
            return "a brand or product"  # "Buick LeSabre Custom", "a 2005 Chevy"
        if _in_case_name(view, a, b):
            return "a party in a court case's name"  # "*Bostock v. Clayton County*"
        if len(tokens) == 1 and tokens[0] in self._scripture_names:
            return "a figure from scripture or myth"  # "So did Elijah under the broom tree", beside Psalm 88
        if self._inside_term(a, b):
            return "part of a longer term"
        if tokens[-1] in _ORG_WORDS or _ORG_AFTER.match(view, b):
            return "an organisation named after a person"  # "the Dave Thomas Foundation"
        words = re.findall(r"[\w'’]+", text)
        if cue == "relatives" and len(words) > 1 and all(self.is_word(w) for w in words) \
                and not any(t in self.first_names for t in tokens):
            return "common words, not a name"  # "Her Dad Didn't Come Home" in a title
        if cue in ("form", "contact", "initials", "record") and self.is_word(tokens[0]) and tokens[0] not in self.first_names \
                and (len(tokens) == 1 or all(self.is_word(t) for t in tokens)):
            return "a common word"  # "Military Families" after a "Child" tag is no name
        if not from_cue and len(tokens) == 1 and tokens[0] not in self.first_names and self._foreign(context, a):
            return "a word of a sentence in another language"  # "Atendemos en español y en inglés."
        if not from_cue:
            names = [t for t in tokens if t in self.first_names]
            if len(tokens) == 1 and not names and tokens[0] in self._lower_words:
                return "a common word (the post writes it in lower case)"
            if len(tokens) == 1 and (tokens[0] in self.common_words or text.isupper()
                                     or _NOT_A_NAME_ENDINGS.search(tokens[0]) and not names
                                     or (self.is_word(tokens[0]) and not names)):
                return "a common word"
            if len(tokens) > 1 and not names and all(self.is_word(w) for w in words if len(w) > 1):
                return "common words, not a name"
        before, after = view[max(0, a - 60):a], view[b:b + 80]
        if _CLIENT_BEFORE.search(before) or _CLIENT_AFTER.match(view, b):
            return None  # "my client Jennifer Alvarez", "Brianna Lewis, who started therapy with us": a client
        if cue == "named" and _PET_BEFORE.search(before):
            return "a pet's name"  # "a neighbor's dog named Sunny"
        if cue in ("initials", "record") and (_RECORD_OF.match(view, b) or _MADE_BY.search(before)):
            return None  # "R.M.'s SSN": a person with a record; "Drawn by J.P.": no author of a published work
        after_coauthors = re.sub(r"^(?:(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+)+",
                                 "", after)
        before_coauthors = re.sub(r"(?:(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+(?:,\s*and|,|\s+and|\s*&)\s*)+$",
                                  "", before)
        # "[Jenna's Journey Home](https://jennasjourneyhome.com)": a site named after its owner, not a work.
        own_site = _site_of(text, after)
        cited = None if own_site or cue == "tribute" else self.cited_after.search(after_coauthors)
        if cited and context.narrative and len(tokens) == 1 and tokens[0] in self.first_names \
                and _CLIENTS_TOO.search(cited.group()):
            cited = None  # "Harold's work in therapy", "Dana's words": in a client's story, the client's
        if cited and context.narrative and len(tokens) == 1 and re.match(r"(?:'s|’s)\s+[A-Z]", cited.group()) \
                and _title_like(getattr(_segment_at(post, a), "where", "")):
            cited = None  # "# Josephine's Long Way Back": a story's own title, where every word is capitalised
        if cited or _in_citation(view, a, b) or (
                cue != "signature" and self.cited_before.search(before_coauthors)):  # "—Jenna" signs a text
            return "a cited author or work"
        if len(tokens) > 1 and tokens[-1] in self._cited_surnames:
            return "a cited author or work"  # "Marie Jahoda, a social psychologist ... (Jahoda, 1982)"
        if (len(tokens) > 1 or tokens[0] not in self.first_names) and cue not in ("tribute", "honorifics", "initials") \
                and self.cited_verbs.search(after):  # "Captain Ostrander Taught Me": a title is no author's
            return "a cited author or work" if len(tokens) > 1 else "a cited author"
        if len(tokens) > 1 and self.culture_before.search(before_coauthors):
            return "a performer or author of a work"
        if self._in_reference_entry(view, a) or _WORK_WITH.search(before):
            return "a cited author or work"  # "her classic 1975 paper with Edna Adelson"
        if _in_title(post.text, a, b):
            return "the title of a work"
        sentence = context.sentence_at(a)
        if sentence is not None and not context.cue_in(sentence):
            introduced = _INTRODUCED.search(view[sentence.start:a])
            if introduced and not (context.narrative and re.match(r"(?i)meet\b", introduced.group())):
                return "an invented example person"  # but in a client's story "Meet J.R." introduces the client
            if _hypothetical(context, a):
                return "in an invented example"
        if cue in ("", "family") and _work_context(context, a):
            return "a character or author of a work"
        if self.provider_before.search(before) or self.provider_after.search(after):
            return "a provider or colleague, named by role"
        if _AUTHOR_FAMILY.search(before):
            return "the author's own family"
        if not context.narrative and (cue == "honorifics" and _KIN_TITLE_BEFORE.search(before) and _MY_KIN.search(view)
                                      or cue == "named" and _MY_KIN.search(_sentence_text(context, a))):
            return "the author's own family"  # "Grandma Ruth" beside "my grandmother"; "my grandmother, whom everyone calls Big Mama"
        if cue == "relatives" and sentence is not None and not context.cue_in(sentence) and any(
                w.casefold() in self.first_names and self.site_allow.covers(w)
                for w in re.findall(r"[A-Z][a-z]{2,}", view[sentence.start:a])):
            return "the family of the practice's own people"  # "Marcus lives ... with his wife, Efua"
        if cue == "relatives" and not context.narrative:
            # This sentence or the one before: "Meghan Markle wrote ... She described holding her son Archie"
            sentence = context.sentence_at(a)
            previous = context.sentence_before(sentence) if sentence else None
            earlier = view[(previous or sentence).start:a] if sentence else before
            if any(_plain(w) in self.public_surnames for w in re.findall(r"[A-Z][\w'’-]+", earlier)):
                return "a public figure or cited author"  # "Gottman and his wife, Julie"
        sentence = context.sentence_at(a)
        if sentence is not None and sentence.not_client and not context.cue_in(sentence) \
                and not _in_front_matter(post, a):
            return "a sentence about an event or research"
        return None

    # -- places and organisations -------------------------------------------------------------

    def _places(self, post, context, view, entities, names) -> list[Hit]:
        """Towns, streets, schools and employers: in a client's story, or tied to a private person."""

        def belongs(offset: int) -> bool:
            if context.narrative:
                return self._client_fact(context, offset, post, names)
            # In a post about a film or a book, the people who live somewhere are its characters.
            return not self._about_a_work and self._tied_to_person(context, view, offset, names)

        found = []
        for m in self.institution.finditer(view):
            words = m.group(1).split()
            if _title_like(getattr(_segment_at(post, m.start(1)), "where", "")) and all(self.is_word(w) for w in words) \
                    and re.search(r"\bthe\s+$", view[max(0, m.start(1) - 5):m.start(1)], re.I):
                continue  # "Grief After the Closed Mill" in a title: Title Case words, not a named mill
            # A named school or workplace in a client's story, or beside a client's name, is theirs
            # unless the sentence says otherwise; a hospital or college may be where research was
            # done, so it needs more.
            if re.match(r"(?:The )?(?:American|National|International|Royal|British|Canadian|World|Federal|U\.S\.) ", m.group(1)):
                continue  # "The American Academy of Pediatrics": a national body, no one's own
            if _plain(m.group(1)) in self.public_figures:
                continue  # "Billy Mills", a runner, is no mill
            local = _LOCAL_INSTITUTION.search(m.group(1))
            sentence = context.sentence_at(m.start(1))
            story = (self._story_fact(context, m.start(1), post) if local and context.narrative else belongs(m.start(1))) \
                or local and sentence is not None and any(sentence.start <= n.start < sentence.end for n in names)
            if story and not self._in_reference_entry(view, m.start(1)):
                article = re.match(r"(?:An?|The|At|In|From) (?=\S+ )", m.group(1))  # "A Puyallup Police Department captain"
                found.append(Hit("location", m.start(1) + (article.end() if article else 0), m.end(1),
                                 "pattern: a client's school, church or workplace"))
        candidates = [(label, a, b, f"language model: a place ({label}) in a client's story")
                      for label, a, b in entities if label != "PERSON"]
        candidates += [("ORG", m.start(1), m.end(1), "pattern: an employer named after the client's job")
                       for m in self.employer_after.finditer(view)]
        recognised = {(a, b) for label, a, b in entities if label != "PERSON"}
        for m in self.after_preposition.finditer(view):
            # The model often calls a small town an organisation; after "grew up in" it is a place.
            span = _trim_name(view, m.start(1), m.end(1))
            label = "GPE" if span in recognised else "pattern"
            candidates.append((label, *span, "pattern: a town after \"from\", \"in\" or \"moved to\""))
        for m in chain(_TOWN_PERSON.finditer(view), _TOWN_HOME.finditer(view)):  # "a Westbrook dad", "the Urbandale ranch house"
            if all(len(w) >= 3 for w in m.group(1).split()):
                candidates.append(("pattern", m.start(1), m.end(1), "pattern: a town that says where someone is from"))
        for segment in post.segments:  # "<!-- ask Sissy if it's ok to mention Osage -->": a note to check a name
            if segment.where == "HTML comment":
                candidates += [("note", segment.start + m.start(1), segment.start + m.end(1),
                                "pattern: a place an author's note asks about") for m in _NOTE_ABOUT.finditer(segment.text)]
        towns = {(c[1], c[2]) for c in candidates if c[0] == "GPE"}
        # Scales and tests named after their authors, and those authors' names alone ("gave him the Zarit").
        instruments = {_plain(m.group(1)) for m in _INSTRUMENT.finditer(view)}
        for label, a, b, why in candidates:
            whole = view[a:b].strip(" ,.;:") if label == "ORG" else ""
            a, b = _trim_name(view, a, b)
            if re.fullmatch(r"[A-Z][a-z]+(?:'s|’s) [A-Z][\w&.-]+(?: [A-Z][\w&.-]+)*", whole):
                b = a + len(whole)  # "a baker at Leonard's Bakery": the possessive is part of the business's name
            text = view[a:b]
            plain = _plain(text)
            region, _, term = plain.rpartition(" ")
            if b <= a or self._region(plain) or plain in self.therapy_terms or not text[:1].isupper() \
                    or term in self.therapy_terms and self._region(region):  # "West Virginia Medicaid"
                continue
            if _METHOD_AFTER.match(view, b):
                continue  # "in Emotionally Focused Therapy": the name of a method, not a place
            if plain in self.public_figures or re.fullmatch(r"[\d\s,.-]+", text) or (text.isupper() and label != "ORG") \
                    or re.fullmatch(r"[A-Z]{2,}s", text):  # "OBs", "ERs": a plural abbreviation
                continue
            researcher = re.search(r"([A-Z][\w'’-]+)\s+(?:at|of)\s+(?:the\s+)?$", view[max(0, a - 40):a])
            if researcher and _plain(researcher.group(1)) in self.public_surnames | self._cited_surnames \
                    or " " in plain and plain.split()[-1] in self._cited_surnames:
                continue  # "developed by Eli Lebowitz at Yale": a researcher's institution; "Teresa Amabile (... 2011)"
            if plain.split()[-1] in ("war", "wars") or re.search(r"\b[A-Z]{3,}\s+$", view[max(0, a - 8):a]):
                continue  # "the Korean War"; "YWCA Pierce County": an organisation's name
            if plain in self._scripture_names or self._inside_term(a, b) or plain.split()[0] in instruments:
                continue  # "Eurydice" beside "this Greek myth"; "Día" of "Día de los Muertos"; "the Zarit Burden Interview"
            if self._in_reference_entry(view, a) or _in_citation(view, a, b) or _CITED_YEAR_AFTER.match(view, b) \
                    or _in_case_name(view, a, b):
                continue  # "work by Hollywood and Hollywood in 2011": authors, not a place
            tokens = plain.split()
            if set(re.split(r"[\s-]+", plain)) & _KIN_WORDS:
                continue  # "We lost Great-Grandma": family, not a place
            if len(tokens) == 1 and tokens[0] in _GENERIC_PLACE_WORDS | {"highway", "interstate", "route"}:
                continue  # "Highway" where a line break cut "Highway 61": no place on its own
            if len(tokens) == 1 and tokens[0] in self._lower_words and tokens[0] not in self.first_names:
                continue  # "Coming Back From Burnout" in a post about burnout
            if len(tokens) == 1 and (self.is_word(tokens[0]) or tokens[0] in _PLACE_WORDS) \
                    and re.search(r"\b[Tt]he\s+$", view[max(0, a - 5):a]):
                continue  # "a drive across the Valley": a region's nickname, not a town
            strong_place = label == "note" or label != "ORG" and bool(_STRONG_PLACE.search(view[max(0, a - 25):a]))
            if _POSSESSED.search(view[max(0, a - 20):a]):
                continue  # "his favorite Takis": a thing someone has, not a place
            starts = _sentence_initial(view, a) or getattr(context.sentence_at(a), "start", None) == a
            if len(tokens) == 1 and not strong_place and (tokens[0] in self.first_names or tokens[0] in self.public_surnames
                                     or (self.is_word(tokens[0]) and (label == "pattern" or starts))):
                continue
            if label == "ORG":
                sentence = context.sentence_at(a)
                segment = _segment_at(post, a)
                paragraph = segment.text if segment else ""
                if (a, b) in towns or _GROUP_AFTER.match(view, b) or not (_AT_ORGANISATION.search(view[max(0, a - 20):a]) and (
                        self.employer_cue.search(view[max(0, a - 50):a]) or self.employer_cue_strong.search(paragraph))):
                    continue
                if self._in_reference_entry(view, a) or _in_citation(view, a, b) or \
                        not context.narrative and _TRAINED_AT.search(view[max(0, a - 60):a]):
                    continue  # "trained at the University of Manchester": a clinician's credentials
                opening = view[sentence.start:a] if sentence else view[max(0, a - 60):a]
                if any(_plain(w) in self.public_surnames for w in re.findall(r"[A-Z][\w'’-]+", opening)):
                    continue  # "Kristin Neff's work at the University of Texas": a researcher's
                if context.narrative:
                    if not self._client_fact(context, a, post, names):
                        continue
                elif not (any(sentence and sentence.start <= n.start < sentence.end for n in names) or (
                        _SINGULAR_PERSON.search(_sentence_text(context, a)) and _CLIENT_NOUN.search(paragraph)
                        and not _after_my_kin(context, a, _ABOUT_MY_FAMILY))):
                    continue  # outside a client's story: only a private person's employer, not "My father ... He wasn't at"
                found.append(Hit("person-name", a, b, "language model: an organisation that employs or "
                                 "schools the client (employers' names are identifiers)"))
                continue
            title_case = _title_like(getattr(_segment_at(post, a), "where", ""))
            if _in_title(post.text, a, b):
                continue  # "in *The Whole-Brain Child*": a title, not a place
            common = any(self.is_word(t) for t in tokens) or "-" in text or (
                len(tokens) > 1 and title_case and any(t in self.name_words for t in tokens))
            if label == "pattern" and common and (not strong_place or plain in _FUNCTION_WORDS) \
                    and (len(tokens) < 2 or starts or title_case):
                continue  # "in March", "in Slow Motion" (a title); but "in Ocean View" mid-sentence is a name
            if len(tokens) > 1 and re.search(r"\bthe\s+[\"“']?$", view[max(0, a - 6):a]) \
                    and all(self.is_word(t) for t in tokens) and not set(tokens) & _PLACE_WORDS:
                continue  # "the Germ Boss": a name for a thing, not a town
            if re.match(r"-[a-z]", view[b:b + 2]) or _VEHICLE_BEFORE.search(view[max(0, a - 25):a]):
                continue  # "Nimitz-class", "the silver Tacoma": not a place
            if _on_a_route(view, a, b):
                continue
            if re.search(r"\b(?:developed|founded|invented|published|pioneered|refined|designed)\s+(?:\w+\s+)?in\s+$",
                         view[max(0, a - 30):a]):
                continue  # "the Maudsley approach, developed in London": where a method comes from
            if re.search(r"\b(?:University|College) of [^\n,.]{2,30} at\s+$", view[max(0, a - 50):a]):
                continue  # "the University of Hawaiʻi at Mānoa": a campus's name
            if re.match(r"(?:\s+[A-Z][a-z]+)*\s+(?:Beach Park|State Park|National Park|Regional Park|Beach)\b", view[b:b + 30]) \
                    or tokens[-1] == "beach" and re.match(r"\s+Park\b", view[b:b + 6]):
                continue  # "Ala Moana" of "Ala Moana Beach Park": a public park, open to everyone
            if re.match(r"\s+(?:Schools|School District|Public Schools|Unified|ISD)\b", view[b:b + 22]) \
                    and not context.narrative:
                continue  # "in Albuquerque Public Schools' elementary schools": a district, where a guest worked
            if belongs(a):
                found.append(Hit("location", a, b, why))
        return found

    def _tied_to_person(self, context: PostContext, view: str, offset: int, names) -> bool:
        """Outside a client's story, a place counts when a private person lives, works or
        studies there: "a fifteen-year-old from Munjoy Hill", "he lives in Gorham"."""
        sentence = context.sentence_at(offset)
        if sentence is None or sentence.not_client or _hypothetical(context, offset):
            return False
        if any(label == "PERSON" and sentence.start <= a < sentence.end and not any(n.start <= a < n.end for n in names)
               and not a <= offset < b for label, a, b in self._entities):  # (the model may call the town itself a person)
            return False  # "Selena learned Spanish as a teenager in Corpus Christi": a public person's place
        subject = re.match(r"\W*([A-Z][\w'’-]+)\s+(?:is|was|grew|has|had|joined|came|moved)\b", sentence.text)
        if subject and self.site_allow.covers(subject.group(1)):
            return False  # "Daniel is Diné ... grew up in Crownpoint": a clinician of the practice, introduced
        before = view[sentence.start:offset]
        if not _someone_elses(sentence.text) and re.search(r"\b(?:[Mm]y|me|I)\b", before):
            return False  # "My grandmother ... flies in from Atlanta", "It took me years, and a therapist at ...": the author's
        if _PLACE_ANCHOR.search(before):
            return True
        segment = _segment_at(context.post, offset)
        in_paragraph = segment is not None and any(segment.start <= n.start < segment.end for n in names)
        return in_paragraph and bool(re.search(r"\b(?:in|from|near|at|outside)\s+(?:the\s+)?$", before))

    # -- names inside file names, slugs and URLs -------------------------------------------------

    def _url_names(self, post: Post, context: PostContext, hits: list[Hit]) -> list[Hit]:
        found = []
        for segment in post.segments:
            if segment.kind != URL:
                continue
            text = segment.text
            path = unquote(urlparse(text).path) if "://" in text else text
            offset = segment.start + text.find(path) if path and path in text else segment.start
            for m in self.family_slug.finditer(path):
                word = m.group(1)
                if word not in _GENERIC_FAMILY_WORDS and word not in _FUNCTION_WORDS and len(word) >= 3:
                    a = offset + m.start(1)
                    found.append(Hit("person-name", a, a + len(word), "a family name in a file name or URL"))
            if context.narrative:
                # "night-shift-in-norwalk": after "in" or "from", a word no dictionary has is a town.
                for m in re.finditer(r"(?:^|[-_/])(?:in|from|near)[-_]([a-z]{4,})(?=[-_./]|$)", path):
                    word = m.group(1)
                    if not self.is_word(word) and word not in self.regions and word not in self.first_names \
                            and word not in self.therapy_terms and word not in self._lower_words:
                        a = offset + m.start(1)
                        found.append(Hit("location", a, a + len(word), "a town after \"in\" or \"from\" in a file name or URL"))
            for m in re.finditer(r"[A-Za-z]+(?:[-_][A-Za-z]+)+", path):
                parts = re.split(r"[-_]", m.group())
                position = 0
                for index, part in enumerate(parts[:-1]):
                    first, last = part.casefold(), parts[index + 1].casefold()
                    # "teresa-and-bill-hollis": a couple sharing one surname.
                    couple = last == "and" and index + 3 < len(parts)
                    if couple:
                        last = parts[index + 3].casefold()
                    # A file name or URL has no capitals to go by: the surname must not be a word.
                    if first in self.first_names and last in self.surnames and last not in self.name_words:
                        a = offset + m.start() + position
                        b = a + len("-".join(parts[index:index + (4 if couple else 2)]))
                        if _plain(post.text[a:b]) not in self.public_figures | self._cleared:
                            found.append(Hit("person-name", a, b, "a first name and surname in a file name or URL"))
                    position += len(part) + 1
        return found

    def _same_site(self, post: Post, hits: list[Hit]) -> list[Hit]:
        """Every other address on a person's site already reported ("slowmendingjournal.com/essays/...");
        not on a shared platform, where one reported profile says nothing of the others."""
        hosts = {_host(post.text[h.start:h.end]) for h in hits if h.kind == "url"} - {""}
        hosts = {h for h in hosts if not self.profile_hosts.match(h)}
        found = []
        for segment in post.segments if hosts else ():
            for m in _WEB_ADDRESS.finditer(segment.text):
                if _host(m.group()) in hosts:
                    found.append(Hit("url", segment.start + m.start(), segment.start + m.end(),
                                     "an address on the same site as one found elsewhere in this post"))
        return found

    def _named_sites(self, post: Post, names: list[str]) -> list[Hit]:
        """"https://jennasjourneyhome.com" in a post that names Jenna: her own site."""
        starts = {re.sub(r"[^a-z]", "", _plain(name)) for name in names}
        starts = {letters for letters in starts if len(letters) >= 4}
        found = []
        for segment in post.segments if starts else ():
            address = _WEB_ADDRESS.search(segment.text) if segment.kind == URL else None
            if address is None or self._own_url(address.group()):
                continue
            host = _host(address.group())
            if any(host.replace("-", "").startswith(letters) for letters in starts):
                found.append(Hit("url", segment.start + address.start(), segment.start + address.end(),
                                 "a web site named after a person found in this post"))
        return found

    def _propagate(self, post: Post, hits: list[Hit]) -> list[Hit]:
        """Every other place the same name, place or plate appears in the post (titles, alt, URLs)."""
        needles: dict[str, str] = {}
        for hit in hits:
            text = post.text[hit.start:hit.end]
            if hit.kind == "vehicle":  # a plate in prose is a plate in an image's file name too
                needles.setdefault(" ".join(re.findall(r"[^\W_]+", text)), hit.kind)
            if hit.kind not in ("person-name", "location"):
                continue
            words = re.findall(r"[^\W\d_][\w'’]*", text)
            if hit.kind == "location":
                # "Pearland Junior High South": its town, "Pearland", leaks on its own too (a tag).
                core = [w for w in words if w.casefold() not in _GENERIC_PLACE_WORDS | _SCHOOL_LEVELS]
                if core and len(core) < len(words) and len("".join(core)) >= 4:
                    needles.setdefault(" ".join(core), hit.kind)
                needles.setdefault(" ".join(words), hit.kind)
                continue
            needles.setdefault(" ".join(words), hit.kind)
            if 1 < len(words) <= 3:  # a full name: its first name and surname leak on their own too
                for word in words:
                    folded = word.casefold()
                    named = folded in self.first_names or folded in self.surnames
                    if len(word) >= 3 and folded not in self.common_words and folded not in _KIN_WORDS and (
                            named or word[:1].isupper() and not self.is_word(word)):
                        needles.setdefault(word, hit.kind)
        found = []
        for needle, kind in needles.items():
            if len(needle) < 2:
                continue
            words = [re.escape(_fold(w)) for w in needle.split()]
            loose = re.compile(r"(?<![^\W_])" + _SEPARATORS.join(words) + r"(?:'s|’s)?(?![^\W_])", re.I)
            # In prose a name is capitalised: "maria" from a file name is "Maria" there.
            forms = {needle, " ".join(w[:1].upper() + w[1:] for w in needle.split())}
            exact = re.compile(r"(?<![\w])(?:" + "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in forms)
                               + r")(?=(?:s|es)?(?:'|’)?(?![\w]))")
            for segment in post.segments:
                searchable = segment.kind == URL or segment.where.startswith(_FRONT_MATTER)
                text = _fold(segment.text) if searchable else segment.text
                for m in (loose if searchable else exact).finditer(text):
                    if not searchable and _in_citation(self._view, segment.start + m.start(), segment.start + m.end()):
                        continue  # "(Falicov, 2014)": the author, even if the name is a client's too
                    end = m.end() - (2 if m.group().endswith(("'s", "’s")) else 0)
                    if self._inside_term(segment.start + m.start(), segment.start + end):
                        continue  # "Virgen de Guadalupe" beside the client's town of Guadalupe
                    found.append(Hit(kind, segment.start + m.start(), segment.start + end,
                                     f"the same {kind.replace('-', ' ')} as found elsewhere in this post"))
        return found


_EVERYWHERE = {"a public figure or cited author", "a cited author or work", "a provider or colleague, named by role",
               "the author's own family", "a therapy term, place or code", "an invented example person",
               "a character in the book, film or show the post is about"}
# "Imagine Sarah", "Picture a couple — call them Rafa and Lupe": a name made up for an example.
_INTRODUCED = re.compile(r"(?i)\b(?:imagine|suppose|picture|pretend|let's say|say|consider|take|meet)\b"
                         r"(?:[^.!?]{0,40}?\b(?:call (?:him|her|them)|let's call (?:him|her|them)|named|say))?"
                         r"[\s,:—–-]*(?:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:,?\s+(?:and|&)\s+|,\s*))*$")
_PARTICLES = {"van", "der", "de", "la", "le", "von", "da", "di", "du", "del", "bin", "al", "y", "st.", "den"}
_TITLE_LIKE = ("heading", "admonition title", "front matter title", "front matter tags",
               "front matter categories", "front matter keywords")


def _bio_spans(post: Post) -> list[tuple[int, int]]:
    """A guest author's bio: a paragraph starting "About the author", or everything under a
    heading that says so, up to the next heading."""
    spans, under_bio = [], False
    for segment in sorted(post.segments, key=lambda s: s.start):
        if segment.where == "heading":
            under_bio = bool(_BIO.match(segment.text))
        elif segment.kind == PROSE and (under_bio or _BIO.match(segment.text)):
            spans.append((segment.start, segment.end))
    return spans


def _host(url: str) -> str:
    return (urlparse(url if "//" in url else "//" + url).hostname or "").removeprefix("www.")


def _site_of(name: str, after: str) -> bool:
    """"Jess Albright's newsletter](https://jessalbright.substack.com)": a site named after its owner."""
    site = re.match(r"[^\n()]{0,60}?\s(?:https?://)?(?:www\.)?([\w-]+)\.[a-z]{2,}", after)
    letters = re.sub(r"[^a-z]", "", _plain(name))
    return site is not None and len(letters) >= 4 and site.group(1).replace("-", "").casefold().startswith(letters)


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\"\]]+[^\s<>()\"\].,;:!?'’]")


def _title_like(where: str) -> bool:
    """Title Case text, where the language model sees names in every capitalised word."""
    return where.startswith(_TITLE_LIKE)


def _client_voice(post: Post, sentence: Sentence, own: AllowList | None = None) -> bool:
    """Someone other than the author speaking: a quotation, a blockquote, or an interview answer
    ("**Rae:** I post a lot of it as ..."), so "I" there is not the author."""
    if sentence.text[:1] in "\"“'‘":
        return True
    segment = _segment_at(post, sentence.start)
    if segment is None:
        return False
    if segment.where == "blockquote":
        return True
    speaker = _SPEAKER.match(post.text, segment.start)
    return bool(speaker) and speaker.group(1).casefold() not in ("q", "question", "me", "i", "a", "answer") \
        and not (own and own.covers(speaker.group(1)))


_SPEAKER = re.compile(r"[*_]{0,2}([A-ZÀ-ÖØ-Þ][\w .'’-]{0,30}?)[*_]{0,2}:[*_]{0,2}\s")
_CONTACT_NEAR = re.compile(r"^(?:'s|’s)?\W{0,3}(?:cell|phone|mobile|number|email|e-mail|text|address|home)\b", re.I)
_CONTACT_AFTER = re.compile(r"^\s*[(,:]\s*(?:[\w.+-]+@[\w-]+\.\w|\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4})")  # "Jessie Pruitt (jessie@…, 304-…)"
# What follows a client's name: "Brianna Lewis, who started family therapy with us", "Rosa Elizondo, a mom whose son".
_CLIENT_AFTER = re.compile(r",\s+(?:who|whose)\s+(?:[\w'’-]+\s+){0,6}?(?:therapy|counseling|counselling|sessions?|group)"
                           r"\s+with\s+(?:us|me)\b|,\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:mom|mother|dad|father|parent|client|"
                           r"patient)\s+(?:whose|who)\b|,\s+(?:a|an|one)\s+(?:former\s+)?(?:client|patient)\s+of\s+(?:mine|ours)\b", re.I)
_CLIENT_APPOSITIVE = re.compile(r"\b(?:[Oo]ne of (?:my|our) (?:clients|patients)|(?:[Mm]y|[Oo]ur|[Aa]|[Tt]his) (?:client|patient))"
                                r",?\s+(?-i:([A-Z][a-zà-ÿ]{2,}))(?=,|\s+(?:was|is|had|has|told|said|came|who|and I)\b)")
_CLIENT_BEFORE = re.compile(r"\b(?:my|our|a|the|this) (?:client|patient|counselee)(?: named)?,?\s+$", re.I)
_POSSESSIVE_NAME = re.compile(r"(?<![\w.'’-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž]{2,})(?:'s|’s)\s+(?!(?i:disease|syndrome|law|razor|principle|"
                              r"paradox|effect|rule|theorem|criteria|scale|test|method|model)\b)[A-Za-z]")
_CLIENT_NOUN = re.compile(r"\b(?:dad|mom|father|mother|parent|member|client|teen|teenager|kid|son|daughter|"
                          r"husband|wife|couple|veteran|student|widow|widower)\b", re.I)
_VEHICLE_BEFORE = re.compile(r"\b(?:silver|black|white|red|blue|gray|grey|green|old|used|new|rusty|beat-up|his|her|their)\s+$", re.I)
_POSSESSED = re.compile(r"\b(?:my|his|her|their|our|your|favou?rite)\s+$", re.I)
_TOWN_PERSON = re.compile(r"(?-i:\b(?:[Aa]n?|[Oo]ne)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?=(?:dad|mom|mum|mother|father|"
                          r"teen|teenager|man|woman|family|couple|widow|widower|veteran|nurse|farmer|kid|boy|girl|"
                          r"grandmother|grandfather|native|firefighter|teacher)\b))")
_TOWN_HOME = re.compile(r"(?-i:\b(?:[Tt]he same|[Hh]er|[Hh]is|[Tt]heir|[Aa]n?)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?=(?:(?:ranch|split-level|"
                        r"two-story|little|old|family|rented|rental)\s+)?(?:house|home|apartment|condo|trailer|duplex|"
                        r"farmhouse|bungalow|townhouse|rowhouse)\b))")
_STRONG_PLACE = re.compile(r"\b(?:stationed|based|deployed|moved|moving|lives|lived|living|grew up|town of|city of|the size of|town called|town named|"
                           r"(?:north|south|east|west|northeast|northwest|southeast|southwest) of|home is in|moved from [A-Z][\w-]+ to|"
                           r"drove|drives|commutes?)\b[^.]{0,8}$", re.I)
_PERSON_BEFORE = re.compile(r"\b(?:with|to|from|thank|thanks|dear|hi|hello|asked|told|met|saw|called|texted|"
                            r"emailed|helped)\s+$", re.I)
_PERSON_AFTER = re.compile(r"(?:'s|’s)\b|\s+(?:said|says|told|tells|asked|asks|wrote|writes|came|comes|has|had|is|"
                           r"was|felt|feels|called|texted|shared|started|stopped|decided|lost|found|left|joined|"
                           r"needed|wanted|knew|thought|cried|laughed|smiled|agreed|took|got|went|sat|showed|"
                           r"brought|made|kept|gave|spent|tried|learned|worked|lives|lived|grew|moved|remembers|"
                           r"remembered|struggled|would|will|can|could|did|does)\b")
# A Title Case phrase that goes on to one of these names a method, test or programme.
_METHOD_AFTER = re.compile(r"(?:[ -][A-Z][\w'’-]*){0,2}[ -](?:Therapy|Therapies|Theory|Model|Method|Approach|"
                           r"Technique|Training|Program|Programme|Protocol|Intervention|Inventory|Scale|"
                           r"Questionnaire|Assessment|Test|Disorder|Syndrome|Workbook|Skills|"
                           r"scale|inventory|questionnaire|screener)\b")  # "the Edinburgh scale"
# The surname in a citation: "(Jahoda, 1982)", "(Hayes et al., 2006)", "Jahoda (1982)".
_CITED_SURNAME = re.compile(r"\(([A-Z][\w'’-]+)(?:\s+et al\.?|\s+(?:&|and)\s+[A-Z][\w'’-]+)?,?\s+(?:19|20)\d\d[a-z]?\b"
                            r"|\b([A-Z][\w'’-]+)(?:\s+et al\.?)?\s+\((?:19|20)\d\d[a-z]?\)"
                            r"|\b([A-Z][\w'’-]+),\s+(?:[A-Z]\.\s?){1,3}(?=,|\s*&|\s*\(|\s+and\b)")  # "Curran, T., & Hill, A. P. (2019)"

# A form or table row labelled "Client": "| Client | Alan Whitcomb |", "Patient: Rosa Diaz".
_FORM_CELL = re.compile(r"(?-i:\b(?:Client|Patient|Insured|Subscriber|Member|Guardian|Student|Child|Resident)(?:\s{2,}|:[ \t]+)"
                        r"((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+|[A-Z]\.(?:\s?[A-Z]\.){1,3}(?![\w.])))")
# What belongs to the person just named: "R.M.'s SSN", "J.D.'s chart".
_RECORD_OF = re.compile(r"(?:'s|’s)\s+(?:[\d/-]{6,10}\s+)?(?:session|appointment|progress notes|treatment plan|SSN|"
                        r"social security|DOB|date of birth|birthday|chart|file|records?|MRN|"
                        r"phone|cell|number|email|address|insurance|policy|member ID|claim|diagnosis|intake|case|"
                        r"license|licence|plate|permission|consent|blessing)\b"
                        r"|(?:,\s+|\s+\()(?:(?:member|student|patient|client|case) ID|MRN|DOB|date of birth|SSN|"
                        r"policy (?:number|no\.?|#)|account (?:number|no\.?|#))\b", re.I)
# A word in lower case in running text: not part of a handle, an address or a file name.
_LOWER_WORD = re.compile(r"(?<![\w'’@./:-])[a-z][a-z]+(?![\w'’@/-])(?!\.\w)")
_DIRECTIONS = frozenset("north south east west central northern southern eastern western northeastern "
                        "northwestern southeastern southwestern upstate downstate coastal rural greater "
                        "midwestern".split())
_KIN_WORDS = frozenset("grandma grandpa granny gran grandad granddad nana nanna nan mom mum dad mommy daddy mummy "
                       "auntie aunt uncle grandmother grandfather mamaw papaw meemaw memaw pawpaw".split())
# What a client has as much as an author does: "Harold's work", "Dana's treatment", "Ana's words".
_CLIENTS_TOO = re.compile(r"(?i)\b(?:work|treatment|therapy|program|programme|words|idea|ideas|team|quote|writing|"
                          r"test|protocol|poem|poetry|essay)\b")
# Labels for the people in a made-up example: "Partner A", "Client B".
_ROLE_LABELS = frozenset("partner client parent child person spouse sibling student teen member patient".split())
# A clinician's training: "trained at the", "completed her MA at".
_TRAINED_AT = re.compile(r"(?i)\b(?:trained|studied|qualified|graduated|degree|diploma|training|MA|MSc|MSW|PhD|PsyD|doctorate|"
                         r"college|bachelor'?s|master'?s|undergraduate|graduate school)"
                         r"\b[^.!?]{0,40}\b(?:at|from)\s+(?:the\s+)?$")
# The paragraph that introduces a guest author.
_BIO = re.compile(r"(?i)\W*(?:about (?:the|our) (?:author|writer|guest(?: author)?)|guest (?:author|post by|bio)|author bio)\b")
# A new colleague introduced: "Welcome, Priya", "welcome Dr. Ana Ruiz, LPC, to", "Priya Raman, MBACP, joins the practice".
_CREDENTIALED = re.compile(r"(?-i:\b([A-Z][\w'’-]+ [A-Z][\w'’-]+),? (?:PsyD|PhD|Ph\.D\.|MD|M\.D\.|LCSW|LICSW|LISW|LMSW|"
                           r"LPCC?|LMFT|LMHC|MFT|NCC|PMHNP|DNP|EdD|BSN|RN)\b)")
_STAFF_INTRO = re.compile(
    r"(?-i:\b(?:[Ww]elcome|[Ww]elcoming|[Mm]eet|[Ii]ntroducing)(?: our new [\w ]{0,30}?)?,?\s+(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?"
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?=,|:|\s+to\b|\s+[A-Z]{2,}|\s*$)|"
    r"\b([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?:,\s*[\w ().-]{2,30},)?\s+(?:has\s+)?(?:joins|joined|is joining|will join)\s+"
    r"(?:us|our|the)\b)", re.M)
# Titles only public people carry: "Sir Bobby Charlton", "Dame Judi Dench", "Prince Harry".
_HONOURS = frozenset("sir dame lord baroness baron prince princess king queen duke duchess pope".split())
_HONOUR_BEFORE = re.compile(r"\b(?:Sir|Dame|Lord|Baroness|Baron|Prince|Princess|King|Queen|Duke|Duchess|Pope)\s+$")
# What an author's note to self asks about: "ok to mention Osage", "remember to change Dunbar".
_NOTE_NAME = re.compile(r"(?<![\w.'’-])([A-Z]\.|[A-Z][a-z]+) ([A-Z][a-z]{2,}(?:['’-][A-Z][a-z]+)*)\b")
_NOTE_ABOUT = re.compile(r"(?i:\b(?:mention|mentioning|naming|name|include|including|remove|cut|change|swap|"
                         r"keep|leave out|leave in)\s+(?:the\s+)?)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
# "Brianna's shop", "Tom's blog": a site a person (a first name alone, no public surname) runs.
_FIRST_NAME_SITE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)(?:'s|’s)\s+(?:[\w-]+\s+)?(?:shop|store|site|"
                              r"website|blog|page|channel|newsletter|portfolio)\b")
# Schools and workplaces that are local, unlike a hospital or college research is done at.
_LOCAL_INSTITUTION = re.compile(r"\b(?:Elementary|Middle School|High School|Senior High|Junior High|High|Prep|"
                                r"Iron Works|Steel Works|Ironworks|Steelworks|Mills?|Mine|Shipyard|Dairy|Refinery|"
                                r"Foundry|Quarry|Factory|Power Station|Fire Station|Police Department|Fire Department|"
                                r"Sheriff's Office|Fire & Rescue|Fire and Rescue|Conservatory)\b")
# Words that place a paragraph in scripture or myth, where "David" or "Penelope" is a figure from it.
_SCRIPTURE = re.compile(r"\b(?:Psalms?|Bible|[Ss]cripture|[Bb]iblical|Old Testament|New Testament|Gospels?|"
                        r"Genesis|Exodus|Proverbs|Ecclesiastes|Torah|Sunday school|sermon|[Pp]rophet|"
                        r"(?:[Bb]ook|[Ss]tory) of [A-Z][a-z]+|Odyssey|Iliad|Odysseus|Homer|Aeneid|[Mm]yths?|[Mm]ythology|"
                        r"Greek (?:gods?|goddess|hero|tragedy)|[Gg]oddess|Trojan)\b")
# A capitalised word with no capitalised word after it: a name standing alone.
# "Gary, Rick and Dwayne": a list of capitalised words.
_PHOTO_SUBJECT = re.compile(r"\s*([A-Z][a-z]+)(?:'s|’s)?\s+(?:at|with|and|in|on|after|before|holding|wearing|during|beside|near)\b")
_NAME_LIST = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:, [A-Z][a-z]+)*,? (?:and|&) [A-Z][a-z]+(?![\w'’-])")
_BORN_NAME = re.compile(r"(?-i:\b(?!(?:He|She|They|It|This|That|Who)\b)([A-Z][a-z]+(?: [A-Z][a-z]+)?)) was born (?:on )?")
_LONE_CAPITALISED = re.compile(r"(?<![\w'’.@/#-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})\b(?!['’]?[\w-]*\s+[A-Z]|-|\s+the\s+[A-Z])")
# A capitalised word doing what people do: "Yusuf told me", "Hector noticed".
_SUBJECT_NAME = re.compile(r"(?<![\w'’.@-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})(?=\s+(?:said|says|told|tells|asked|asks|wrote|felt|feels|"
                           r"cried|laughed|smiled|agreed|decided|wanted|knew|thought|remembered|remembers|struggled|"
                           r"noticed|admitted|described|arrived|texted|emailed|sat|slept|hoped|worried|"
                           r"came in|came to|found us|found me|did most|started|stopped|began|taught|walked|"
                           r"learned|returned|refused|missed|managed|loved|hated)\b)")
# The sender or recipient in a pasted message header: "From: Rachel Okafor <...>".
_HEADER_NAME = re.compile(r"(?im)^[ \t>]*(?:from|to|cc|reply-to|sender)[ \t]*:[ \t]+"
                          r"(?-i:([A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][\w'’-]+))")
# The authors of a piece of work: "her classic 1975 paper with Edna Adelson", "a study by".
_WORK_WITH = re.compile(r"\b(?:paper|study|studies|book|article|chapter|research|trial|survey|model)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:with|by)\s+$", re.I)
# Names followed by a year, as in a citation: "Hollywood and Hollywood in 2011", "Smith et al., 2019".
_CITED_YEAR_AFTER = re.compile(r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+)*(?:\s+et al\.?)?(?:,\s*|\s+in\s+|\s*\()(?:19|20)\d\d\b")
# "a dog named": what follows is a pet's name.
_PET_BEFORE = re.compile(r"\b(?:dog|cat|puppy|kitten|pet|horse|pony|bird|parrot|hamster|rabbit|bunny|goldfish|"
                         r"beagle|retriever|terrier|poodle|doodle|lab)s?\s+(?:(?:was|is)\s+)?(?:named|called)\s+$", re.I)
# A message or quote signed with a first name: "… can we move to fri? —Jenna", "— Ramona, mother of three".
_ABOUT_STORMS = re.compile(r"\b(?:hurricanes?|tropical storms?|storm season|landfall|evacuat\w+)\b", re.I)
_STORM_CONTEXT = re.compile(r"(?-i:\b(?:through|for|in|before|after|since|during|from)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])"
                            r"|\b([A-Z][a-z]+)\s+(?:came ashore|made landfall|hit|struck|flooded|took)\b)")
# In a post about Filipino families, Lola and Lolo are grandparents, Tita and Tito aunts and uncles.
_FILIPINO = re.compile(r"\b(?:Filipino|Filipina|Filipinx|Pilipino|Tagalog|Ilocano|Visayan|Philippines)\b")
_FILIPINO_KIN = frozenset({"lola", "lolo", "tita", "tito", "ate", "kuya", "manang", "manong"})
_STORM_NAME = re.compile(r"(?-i:\b(?:Hurricane|Tropical Storm|Superstorm|Typhoon|Cyclone|Storm|hurricane|storm)\s+([A-Z][a-z]+)\b)")
# "Drawn by J.P. in group": someone credited by initials only, a private person.
_MADE_BY = re.compile(r"\b(?:drawn|painted|sketched|made|written|created|crafted|knitted|colou?red|shared) by\s+$", re.I)
_INITIALLED = re.compile(r"(?<![\w.'’-])([A-Z][a-z]{2,}) [A-Z]\.(?![\w.])")
_SIGNATURE = re.compile(r"(?m)(?:^|\s)[—–]\s?([A-Z][a-z]{2,})(?:[ \t]*$|,[ \t]+\d{1,2},|,[ \t]+(?:a |an )?(?:mother|father|mom|mum|dad|"
                        r"parent|wife|husband|partner|client|teen|student|grandmother|grandfather|veteran|nurse|[\w-]+-year-old)\b)")
# A username without an @: an underscore in it, or letters of both cases mixed with digits.
_USERNAME = re.compile(r"(?<![\w@./#-])([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]|"
                       r"(?=[A-Za-z]*[a-z])(?=[A-Za-z0-9]*[A-Z][A-Za-z0-9]*\d)(?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d)[A-Za-z][A-Za-z0-9]{7,})"
                       r"(?![\w@/-])")
_USERNAME_CUE = re.compile(r"(?i)\b(?:by|from|tag|gamer ?tag|handle|username|user name|screen ?name|discord|plays as|"
                           r"posts as|goes by|streams as|account|channel)\b[^.\n]{0,20}$")
# Handle letters that say an organisation, a show or a professional runs the account.
_ORG_HANDLE = re.compile(r"institute|foundation|lifeline|official|podcast|association|alliance|network|"
                         r"coalition|society|council|academy|clinic|hospital|counsel|therap|psycholog|"
                         r"magazine|news|press|books|^nami|hq$")
# A handle that shows how to write one: "@yourname", "@username", "@example".
_EXAMPLE_HANDLE = re.compile(r"(?i)(?:your|my|some|the)?_?(?:user_?name|handle|name|account|example|someone|friend|"
                             r"partner|kid|teen|child|ex)s?(?:_?\d{0,3})|(?:your|my)\w*|example\w*|\w*_?example")
_FOLLOW = re.compile(r"\bfollow\b|\bDr\.|\bpodcast\b|\bnewsletter\b", re.I)
_INSTRUMENT = re.compile(r"(?-i:\b([A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2}\s+(?:Scale|Inventory|Interview|Questionnaire|Index|Test|Checklist|Assessment)\b)")
_GROUP_AFTER = re.compile(r"\s+(?:group|class|meeting|circle|branch|location)\b")  # "the Glendale group": where a group meets
_AT_ORGANISATION = re.compile(r"\b(?:at|for|joined|left|quit)\s+(?:the\s+)?$", re.I)
_SINGULAR_PERSON = re.compile(r"\b(?:she|he|her|his|him)\b", re.I)
_PLACE_ANCHOR = re.compile(
    r"\b(?:her family|his family|the family|[\w-]+-year-old|teen|teenager|kid|dad|mom|"
    r"mother|father|man|woman|boy|girl|couple(?! of)|veteran|member|student|widow|widower|client|patient|"
    r"grandmother|grandfather|son|daughter)\b[^.!?]{0,50}?\b(?:lives?|lived|living|grew up|moved|"
    r"moving|from|in|near|at|outside|house|home|apartment|works?|worked|attends?|attended|school)\b"
    r"[^.!?]{0,20}$", re.I)


def _someone_elses(sentence: str) -> bool:
    """A sentence about one other person ("At 97 he still rides"), not the author's own family."""
    return bool(_SINGULAR_PERSON.search(sentence)) and not re.search(
        r"\bmy (?:\w+\s+)?(?:mother|father|mom|dad|grandmother|grandfather|grandma|grandpa|aunt|uncle|"
        r"husband|wife|partner|neighbou?r)\b", sentence, re.I)


def _item_first_line(text: str, offset: int) -> str:
    """The first line of the list item that `offset` continues on a later line, else ""."""
    window = text[max(0, offset - 400):offset]
    items = list(re.finditer(r"(?m)^[ \t]*(?:[-*+]|\d+\.)[ \t]+", window))
    if not items or "\n" not in window[items[-1].start():] or re.search(r"\n[ \t]*\n", window[items[-1].start():]):
        return ""
    start = items[-1].start()
    return window[start:window.index("\n", start)]


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


_NAMING = re.compile(r"\b(?:call (?:him|her|them)|let's call (?:him|her|them)|named|called|say|(?:invent|imagine|picture|take|"
                     r"meet|consider) (?:a|an|two|one) [\w-]+(?: [\w-]+)?,?)[\s,:]+"
                     r"((?:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s*(?:,\s*and|,|and|&)\s*)?)+)")


def _invented_names(context: PostContext) -> set[str]:
    """Names an example makes up ("Picture a couple, call them Rafa and Lupe"): never a client's."""
    names = set()
    for sentence in context.sentences:
        if not _HYPOTHETICAL.search(sentence.text) or context.cue_in(sentence):
            continue
        for m in _NAMING.finditer(sentence.text):
            names.update(_plain(n) for n in re.split(r"\s*(?:,\s*and|,|and|&)\s*", m.group(1)) if n)
    return names


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


def _in_title(view_or_text: str, a: int, b: int) -> bool:
    """Inside an emphasised Title Case phrase: the title of a book, film or show."""
    line_start = view_or_text.rfind("\n", 0, a) + 1
    line_end = view_or_text.find("\n", b)
    line = view_or_text[line_start:line_end if line_end >= 0 else len(view_or_text)]
    for m in _EMPHASIS.finditer(line):
        if line_start + m.start(2) <= a and b <= line_start + m.end(2) and _title_case(m.group(2)):
            return True
    return False


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    major = [w for w in words if w.casefold() not in _FUNCTION_WORDS]
    return bool(major) and all(w[:1].isupper() for w in major)


def _title_names(text: str) -> set[str]:
    """Names inside an emphasised title (*Eleanor Oliphant Is Completely Fine*): characters."""
    names = set()
    for m in _EMPHASIS.finditer(text):
        if _title_case(m.group(2)) and len(m.group(2).split()) > 1:
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", m.group(2)) if w[:1].isupper()]
            names.update(_plain(w) for w in words)
            names.add(_plain(" ".join(words[:2])))
    return names - {""}


# "## The Father (2020)", "**Jabari Jumps** by Gaia Cornwall": a work's title without italics
_WORK_HEADING = re.compile(r"(?m)^#{2,4} [A-Z][^\n]*\((?:19|20)\d\d\)[ \t]*$|\*\*[A-Z][^*\n]+\*\*,? by [A-Z]")
_WORK_WORDS = re.compile(r"\b(?:novel|book club|character|characters|film|movie|series|episode|season \d|chapter|"
                         r"protagonist|narrator|author|the show)\b", re.I)


def _about_a_work(text: str) -> bool:
    """A post about a book, film or show, whose first names are its characters."""
    return len(_WORK_WORDS.findall(text)) >= 3 and (any(_title_case(m.group(2)) for m in _EMPHASIS.finditer(text))
                                                    or bool(_WORK_HEADING.search(text)))


def _work_context(context: PostContext, offset: int) -> bool:
    """A sentence about a book, show or film (an emphasised Title Case title in it or just before)."""
    sentence = context.sentence_at(offset)
    if sentence is None:
        return False
    raw = context.post.text[sentence.start:sentence.end]
    previous = context.sentence_before(sentence)
    if previous is not None:
        line_start = context.post.text.rfind("\n", 0, previous.start) + 1  # with its markup: "**Jabari Jumps** by"
        raw = context.post.text[line_start:previous.end] + " " + raw
    return any(_title_case(m.group(2)) for m in _EMPHASIS.finditer(raw)) or bool(_WORK_HEADING.search(raw))


def _sentence_initial(view: str, offset: int) -> bool:
    return bool(re.search(r"(?:^|[.!?:\n\"“(]\s*|^\s*)$", view[max(0, offset - 4):offset]))


def _on_a_route(view: str, a: int, b: int) -> bool:
    """ "the Denver–Chicago lane", "every truck stop from Laramie to Joplin": a route, not a home."""
    route = r"(?:lane|run|route|corridor|haul|loop)\b"
    return bool(re.match(r"\s*[–—-]\s*[A-Z][a-z]+(?: [A-Z][a-z]+)? " + route, view[b:b + 40])
                or re.search(r"[A-Z][a-z]+\s*[–—-]\s*$", view[max(0, a - 20):a]) and re.match(" " + route, view[b:b + 10])
                or re.search(r"\b(?:every|all the|any)\b[^.!?\n]{0,30}\bfrom (?:[A-Z][a-z]+ to )?$", view[max(0, a - 70):a]))


def _month_day(date: str) -> str:
    """ "December 12, 2006", "Dec. 12" -> "dec 12", to compare one day written two ways."""
    m = re.match(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\b", date)
    return f"{m.group(1).casefold()} {int(m.group(2))}" if m else date


def _record_block(post: Post, offset: int) -> tuple[int, int] | None:
    """The table or code block around `offset`: one record, whose details all belong together."""
    segment = _segment_at(post, offset)
    where = getattr(segment, "where", "")
    if where == "code block":
        return segment.start, segment.end
    if where != "table":
        return None
    first = last = post.position(offset)[0]
    while first > 1 and "|" in post.line_text(first - 1):
        first -= 1
    while last < len(post._line_starts) and "|" in post.line_text(last + 1):
        last += 1
    return post._line_starts[first - 1], post._line_starts[last - 1] + len(post.line_text(last))


def _segment_at(post: Post, offset: int):
    for segment in post.segments:
        if segment.start <= offset < segment.end and segment.text[offset - segment.start] != " ":
            return segment
    return None


# Between two names of one list or one piece of work: "Clark and Wells", "developed with".
_COORDINATED = re.compile(r"\s*(?:,\s*and|,|and|&|(?:,\s*)?(?:who\s+)?(?:developed|created|founded|co-founded|"
                          r"designed|wrote|co-wrote|co-authored|published|tested|studied)(?:\s+\w+){0,2}\s+with)\s*")


def _clear_coordinated(view: str, verdicts: dict):
    """A name listed with a cited author ("Clark and Wells", "Foa, Abramowitz", "Sue Johnson
    developed it with Les Greenberg") is cited too."""
    changed = True
    while changed:
        changed = False
        spans = sorted(verdicts)
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            v1, v2 = verdicts[(a1, b1)], verdicts[(a2, b2)]
            if (v1 is None) == (v2 is None) or not _COORDINATED.fullmatch(view[b1:a2]):
                continue
            cited = v1 if v1 is not None else v2
            if "cited" in cited or "public" in cited:
                verdicts[(a1, b1)] = verdicts[(a2, b2)] = cited
                changed = True


# Of two findings on the same text, the more specific kind wins (a school is a place).
_KIND_ORDER = {"location": 0, "date": 1, "age-over-89": 2, "url": 3, "email": 4, "phone": 5, "fax": 6}
_CUE_LABEL = {"honorifics": "a title (Mr., Mrs., Ms.)", "relatives": "a relative (her son, his wife)",
              "family": "\"the ... family\"",
              "named": "\"named\" or \"I'll call\"", "pseudonym_note": "\"(not her real name)\"",
              "tribute": "\"What ... taught me\" or \"In memory of\"",
              "contact_name": "\"text ... at\" and a number or address"}


def _fold(text: str) -> str:
    """Remove accents but keep length, so offsets still match the file."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFKD", c)
        out.append(base[0] if len(base) > 1 and all(unicodedata.combining(x) for x in base[1:]) else c)
    return "".join(out)


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
    start = 0
    m = re.match(r"(?:the\s+|(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+|[\"“(']+)", text[:text_end])
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


def _visible(post: Post) -> str:
    """The whole file with only visible text kept (everything else blanked, newlines kept)."""
    chars = [c if c == "\n" else " " for c in post.text]
    for segment in post.segments:
        for i, c in enumerate(segment.text):
            if c != " ":
                chars[segment.start + i] = c
    return "".join(chars)


def _post_allow(meta: dict) -> list[str]:
    block = meta.get("caseguard")
    if isinstance(block, dict) and isinstance(block.get("allow"), list):
        return [str(x) for x in block["allow"]]
    return []


def _post_year(meta: dict) -> int:
    import datetime as dt

    date = meta.get("date")
    if isinstance(date, dict):
        date = date.get("created")
    if isinstance(date, (dt.date, dt.datetime)):
        return date.year
    return dt.date.today().year


def _valid_ssn(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area.startswith("9") or group == "00" or serial == "0000":
        return False
    return digits not in ("078051120", "219099999", "123456789")


_LAN = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fe80::/10")


def _plausible_ip(text: str) -> bool:
    """A public address: a home router's 192.168.1.1 or a loopback identifies no one."""
    import ipaddress

    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    # A home network's own addresses (192.168.x.x, 10.x.x.x) and loopback name no one; the
    # documentation ranges (203.0.113.x) are what an example of a client's address uses.
    return not (address.is_loopback or address.is_link_local or address.is_multicast or address.is_unspecified
                or address.is_reserved or any(address in ipaddress.ip_network(n) for n in _LAN))
