"""Client identifiers (HIPAA Safe Harbor), decided in context.

Candidates come from the language model (people, places, organisations) and from the patterns
of rules/identifiers.yml. Each is then decided: does it belong to a client? Contact details and
record numbers do wherever they stand, unless they are the practice's own or a public line.
Names, places, dates and ages do only in a client's story (a case study, or a post that narrates
a client) and in a sentence that is about the client. A name found once is then looked for
everywhere else in the post: headings, front matter, alt text, file names and URLs.

People are decided in names.py, places and organisations in places.py (mixins of
`IdentifierCheck`); the words and small tests they share are in cues.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from urllib.parse import unquote, urlparse

from .config import Settings
from .context import PostContext, Sentence
from .cues import (
    _after_my_kin, _client_note, _FRONT_MATTER, _FUNCTION_WORDS, _GENERIC_PLACE_WORDS, Hit, _in_case_name, _in_citation,
    _in_front_matter, _italic_titles, _KIN_WORDS, _line_at, _plain, _segment_at, _sentence_initial, _sentence_text, _SINGULAR_PERSON, _someone_elses,
    _STREET_WORDS, _SURNAME_PARTICLES, _title_like,
)
from .names import NameChecks
from .places import PlaceChecks
from .post import Post
from .rulepack import RuleSet, word_list
from .segments import PROSE, URL


# Entity labels of the language model that can name a client's person, place or organisation.
NER_LABELS = ("PERSON", "GPE", "LOC", "FAC", "ORG")
_PERSON_NOUN = re.compile(
    r"\b(?:man|woman|boy|girl|teen|teenager|veteran|student|nurse|teacher|widow|widower|retiree|"
    r"mother|father|mom|dad|grandmother|grandfather|daughter|son|wife|husband|client|patient|they|"
    r"them|their|family|couple|session|sessions|appointment)\b", re.I)
_SEPARATORS = r"[-_.\s/+]"
_SCHOOL_LEVELS = {"junior", "senior", "primary", "intermediate", "prep", "preparatory", "north", "south", "east", "west"}
_GENERIC_FAMILY_WORDS = {"new", "big", "little", "young", "old", "happy", "blended", "modern", "whole", "perfect",
                         "busy", "extended", "chosen", "foster", "adoptive", "military", "immigrant", "first",
                         "second", "same", "other", "average", "american", "typical", "anxious", "grieving",
                         "sandwich", "stepfamily", "family", "kids", "real", "nuclear", "whole", "working"}
_PERSONAL_SITE = re.compile(r"(?i)(?!www\.)[\w-]+\.(?:blogspot|wordpress|substack|tumblr|wixsite|weebly|carrd)\.(?:com|co)\b")
_URL_CUE = re.compile(
    r"\b(?:her|his|their|the client's|the family's)\s+(?:[\w-]+\s+)?(?:blog|page|profile|fundraiser|"
    r"gofundme|obituary|story|article|website|site|channel|account|instagram|facebook|tiktok|twitter|"
    r"youtube|feed|post|video|podcast|memorial|campaign|shop|band|art|handle|journal|diary)\b|\b(?:obituary|"
    r"fundraiser|gofundme|news story|news coverage|local news|story about (?:her|him|them|the)|"
    r"(?:client|patient)\s+of\s+(?:mine|ours))\b"
    r"|\b(?:she|he)(?:'s| has| is)?\s+(?:since\s+|now\s+|also\s+)?(?:started\s+|begun\s+)?(?:sharing|posting|writing|"
    r"publishing|blogging)\b[^.!?]{0,40}\b(?:at|on)\s+\S+\.\w",
    re.I)
# Whose number this is, said just before it: "his cell", "her mom wants reminders texted to", "call Kenny back, cell".
_THEIR_NUMBER = re.compile(r"\b(?:his|her|their|the client's|my client's)\s+(?:own\s+)?(?:cell|cellphone|mobile|phone|"
                           r"number|landline|home phone)\b[^.\n]{0,15}$"
                           r"|\b(?:his|her|their)\s+(?:mom|mother|dad|father|parents?|husband|wife|partner|son|daughter|sister|brother)"
                           r"\s+(?:wants|asked|prefers|needs|called|calls|texted|texts|phoned)\b[^.\n]{0,40}\s*$"
                           r"|(?<!our )(?<!the )\b(?:cell|cellphone|mobile)(?: phone| number)?[\s:#]*$", re.I)
_CLIENT_AFTER_NUMBER = re.compile(r"\s*\((?:current|former|new) (?:client|patient)\b", re.I)  # "313-555-0187 (current client, ..."
_MEASURE_BEFORE = re.compile(r"\b(?:rate|pressure|speed|score|level|temperature|temp|weight|count|pulse|mph|bpm|"
                             r"percent|points?|degrees|minutes|dollars|miles|pages|feet|pounds|lbs|sugar|glucose|"
                             r"a1c|iq|number|room|exit|highway|route)\b[^.\n]{0,18}$", re.I)
_BIRTH_CONTEXT = re.compile(r"\b(?:date of birth|dob|d\.o\.b|birth ?date|birthday|born(?: on)?)[^\n\d]{0,40}$"
                            r"|\bturn(?:s|ed)? \d{1,3} on\s+(?:\w+day,?\s+)?$", re.I)
# A law, a ruling, a raid, a feast day or a dam's failure: its date is history ("the Marriage Equality
# Act took effect on July 24, 2011", "on March 14 the Spencer Dam on the Niobrara River failed").
_PUBLIC_EVENT = re.compile(r"(?-i:\b(?:Supreme Court|[A-Z][a-z]+ Act)\b)|\b(?:v\.|signed into law|took effect|went into effect|"
                           r"raid(?:s|ed)|feast (?:day|of)|decision|ruling|legali[sz]ed)\s"
                           r"|(?-i:\b(?:Dam|Levee)\b)[\w ]{0,30}\b(?:failed|broke|burst|collapsed|gave way)\b"
                           r"|(?-i:\b(?:World|National|International|Global) (?:[A-Z][\w'’-]+ ){1,4}(?:Day|Week|Month)\b)"  # "World Prematurity Day"
                           # "Ramadan began on February 18 this year": a holiday's date, everyone's
                           r"|(?-i:\b(?:Ramadan|Lent|Passover|Hanukkah|Chanukah|Diwali|Eid(?: al-[A-Z]\w+)?|Rosh Hashanah|Yom Kippur|"
                           r"Lunar New Year|Nowruz|Advent|Vaisakhi|Pohela Boishakh)\b)\s+(?:begins|began|starts|started|ends|ended|falls|fell)\b", re.I)
# "at our closing session on April 3", "admitted on 2 May": the date of one client's care.
_SESSION_DATE = re.compile(r"\b(?:our (?:[\w-]+ )?(?:session|appointment)|intake|discharged?|admitted|admission)"
                           r"\s+(?:was\s+)?on\s+(?:\w+day,?\s+)?(?:the\s+)?$", re.I)
# Someone's dated session ("K.M.'s 2025-06-03 session"); "| Date of service | ... | 10/07/2025 |": the date of one client's care.
_SESSION_AFTER = re.compile(r"\s+(?:session|appointment|intake|assessment|visit)\b", re.I)
_DATE_FIELD = re.compile(r"(?-i:\b(?:DOS|DOB)\b)|(?i:\b(?:date of (?:service|session|birth|admission|discharge|death|"
                         r"injury|loss|visit)|(?:service|session|visit|admission|discharge) date)\b)[^\n]{0,50}$")
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
# A ZIP code in a form's labelled field: "| ZIP | 85716 |", "ZIP: 85716".
_ZIP_FIELD = re.compile(r"(?-i:(?:\b[Cc]lient |\b[Hh]ome |\b[Pp]atient )?\bZIP(?: [Cc]ode)?)(?:[ \t]*[:|][ \t]*|[ \t]{2,}|"
                        r"(?<=[Cc]lient ZIP)[ \t]|(?<=[Hh]ome ZIP)[ \t]|(?<=[Pp]atient ZIP)[ \t])(\d{5}(?:-\d{4})?)\b")
# "bicultural", "multigenerational": a prefix and a dictionary word are a word too.
_WORD_PREFIX = re.compile(r"(?:bi|multi|inter|intra|trans|non|anti|post|pre|semi|sub|super|over|under|counter|mis|un|hyper|co)-?")
# "In a small river town, you see them at the Sheetz": anyone, not a client.
_GENERIC_YOU = re.compile(r"\byou\s+(?:see|run into|meet|know|hear|find)\b", re.I)
# "The woman I worked with had patrolled ...": a sentence about the person, whom the author saw.
_PERSON_I_SAW = re.compile(r"\W*(?:the|a|one|this)\s+(?:[\w-]+\s+){0,2}?(?:woman|man|client|patient|mother|father|veteran|nurse|"
                           r"student|teen|couple|family|girl|boy|person)\s+(?:I|we)\b", re.I)
_TO_THE_READER = re.compile(r"\W*(?:if|when) you(?:'re|’re| are|r)?\b", re.I)


def _latin(pattern: str) -> str:
    """Let [A-Z] and [a-z] in a pattern take accented Latin letters too (Rubén, Treviño, Côté)."""
    return pattern.replace("A-Z", "A-ZÀ-ÖØ-ÞĀ-ž").replace("a-z", "a-zß-öø-ÿĀ-ž")


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


class IdentifierCheck(NameChecks, PlaceChecks):
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
        self.place_by_key = {key: compile_(place[key]) for key in ("street", "street_name", "corner", "zip", "county", "ward", "ship",
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
        # A surname with its particles is the surname too: "Van der Kolk" of "Bessel van der Kolk".
        self.public_surnames |= {m.group(1) for n in word_list("public-figures")
                                 if (m := re.search(rf" ({_SURNAME_PARTICLES}(?: \S+)+)$", _plain(n)))}
        self.scripture_figures = {_plain(n) for n in word_list("scripture-and-myth")}
        self.storm_names = {_plain(n) for n in word_list("storms")}
        # Each day with the words that name its event ("2010-01-12 Haiti earthquake": haiti, earthquake).
        self.public_dates = {entry.split()[0]: {w for w in _plain(entry).split()[1:] if len(w) >= 4}
                             for entry in word_list("public-dates")}
        # The same days without their year ("as October 1 approaches" beside "Route 91 ... shooting").
        self.public_month_days: dict[str, set[str]] = {}
        for day, words in self.public_dates.items():
            self.public_month_days.setdefault(_month_day(dt.date.fromisoformat(day).strftime("%B %d")), set()).update(words)
        self.common_words = {w.casefold() for w in word_list("common-words")}
        self.therapy_terms = {_plain(w) for w in word_list("therapy-terms")}
        # "Día" in "Día de los Muertos", "Ocean" in "Window of Tolerance", "Elisabeth" in "Elisabeth
        # Kübler-Ross": a word inside a longer term or a public figure's whole name.
        self.long_terms = re.compile(r"(?<!\w)(?:" + "|".join(
            sorted((re.escape(w) for w in word_list("therapy-terms") + word_list("public-figures") if " " in w),
                   key=len, reverse=True)) + r")(?!\w)")
        self.regions = {_plain(w) for w in word_list("regions")}
        known_names = {w.casefold() for w in word_list("first-names") + word_list("baby-names")}
        self.first_names = known_names - self.common_words - _FUNCTION_WORDS
        self.word_first_names = known_names - self.first_names - _FUNCTION_WORDS
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
        allow = self._post_allowed = AllowList(_post_allow(post.meta))
        view = _visible(post)
        self._headings = [(s.start, s.end) for s in post.segments if s.where in ("heading", "table")]
        self._view, self._post_plain, self._named_figures = view, None, None
        self._term_spans = [(m.start(), m.end()) for m in self.long_terms.finditer(view)]
        # Figures of scripture or myth named in a paragraph about them ("Ruth and Naomi ... the Hebrew
        # Bible"); elsewhere in the post (its title) they are the same figures.
        self._scripture_names = set()
        for paragraph in view.split("\n\n"):
            if _SCRIPTURE.search(paragraph):
                words = f" {_plain(paragraph)} "
                self._scripture_names |= {f for f in self.scripture_figures if f" {f} " in words}
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
        client_hits = [h for h in hits if not self._allowed(post.text[h.start:h.end], h.kind, allow)]
        hits.extend(self._client_dates_and_ages(context, names, client_hits))
        hits.extend(self._table_columns(post))
        hits.extend(self._places(post, context, view, trusted, names))
        hits.extend(self._url_names(post, context, hits))
        hits.extend(self._propagate(post, hits))
        if context.case_study:
            hits.extend(self._unknown_tags(post, view, hits))
        hits.extend(self._named_sites(post, [post.text[h.start:h.end] for h in hits if h.kind == "person-name"
                                             and not self._allowed(post.text[h.start:h.end], h.kind, allow)
                                             and post.text[h.start:h.end].casefold() not in guest]))
        hits.extend(self._same_site(post, hits))
        works = self._work_titles(post)
        decided = []
        # Sorted on every field, so that of two findings on one span the same one is kept on every run.
        for hit in sorted(set(hits), key=lambda h: (h.start, -h.end, _KIND_ORDER.get(h.kind, 9), h.kind, h.why)):
            text = post.text[hit.start:hit.end]
            if self._allowed(text, hit.kind, allow) or text.casefold() in guest or any(a <= hit.start < b for a, b in bios):
                continue
            if any(d.start <= hit.start and hit.end <= d.end for d in decided):
                continue  # inside a wider finding (a name within a reported URL)
            if hit.kind in ("person-name", "location") and re.fullmatch(r"[A-Za-z]*[a-z][A-Z]{2,}", text):
                continue  # "PrEP": an abbreviation, not a name
            if hit.kind in ("person-name", "location") and text.casefold() in works:
                continue  # "her copy of Dreamland" in a post that writes *Dreamland*: a book, not a town
            decided.append(hit)
        return decided

    def _work_titles(self, post: Post) -> set[str]:
        """The titles a post sets in italics, in Title Case ("*Dreamland: The True Tale of ...*"),
        with the part before a subtitle's colon, case-folded; not a first name ("*Dale*")."""
        return {t.strip().casefold() for title in _italic_titles(post.text)  # the source, where the asterisks still are
                for t in (title, title.split(":")[0]) if _plain(t) not in self.first_names}

    def _city_guide(self, context: PostContext, offset: int) -> bool:
        """A sentence about the practice's own city ("Burlington has plenty that costs little: sunsets
        at Battery Park, the Flynn's student tickets"): what it names is open to everyone."""
        m = _CITY_GUIDE.match(_sentence_text(context, offset))
        return bool(m) and (self.site_allow.covers(m.group(1)) or self._post_allowed.covers(m.group(1)))

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
        doubled = re.match(r"(\w{2,}?)([b-df-hj-np-tv-z])\2(?:ed|ing)$", word)  # "referred", "stopping"
        if doubled and doubled.group(1) + doubled.group(2) in self.words \
                and word not in self.first_names and word not in self.surnames:  # not "Jarred"
            return True
        if depth == 0 and word.endswith("s") and not word.endswith("ss"):
            return self.is_word(word[:-1], 1)  # "mornings": the plural of an inflected word
        prefix = _WORD_PREFIX.match(word)
        return bool(depth == 0 and prefix and len(word) - prefix.end() >= 5 and word[prefix.end():] in self.words
                    and word not in self.first_names and word not in self.surnames)

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
            return _line_at(view, offset)[1]

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
                if kind == "record-number" and re.search(r"[A-Za-z], ID\s+$", view[max(0, a - 10):a]) \
                        and re.fullmatch(r"\d{5}(?:-\d{4})?", value):
                    continue  # "Boise, ID 83712": Idaho and a ZIP code, which the place patterns judge
                if not author_only(a):
                    hits.append(Hit(kind, a, b, f"pattern: {why}"))
        if context.narrative:  # "His boat, the *Miss Hanh*, had been tied up": a vessel's name is on its registration
            hits += [Hit("vehicle", m.start(1), m.end(1), "pattern: the name of a client's boat") for m in _BOAT_NAME.finditer(view)]
        for _m, a, b in each(self.ip_patterns):
            if not self.ip_unless.search(view[max(0, a - 30):a]) and _plausible_ip(view[a:b]):
                hits.append(Hit("ip-address", a, b, "pattern: an IPv4 or IPv6 address"))
        for _m, a, b in each(self.phone_patterns):
            number = view[a:b]
            if len(_digits(number)) < 10 or self.toll_free.match(number.strip()):
                continue
            before = view[max(0, a - 40):a]
            kind = "fax" if self.fax_context.search(before) else "phone"
            near, line_start = _whose_number(view, post.text, a, b)
            sentence = context.sentence_at(a)
            quoted = sentence is not None and _client_voice(post, sentence, self.site_allow)
            theirs = _THEIR_NUMBER.search(view[max(line_start, a - 40):a]) or _CLIENT_AFTER_NUMBER.match(view, b)
            resource = self.resource_context.search(near)
            if quoted and resource and re.fullmatch(r"(?i)call me|text me", resource.group()):
                resource = None  # someone quoted saying "call me at": their own number
            line = line_of(a)
            if kind == "phone" and not theirs and resource and not any(
                    not self.site_allow.covers(e.group(1)) and not self.role_address.match(e.group(1))
                    for e in self.email_pattern.finditer(line)):
                continue  # a helpline or the practice, unless a private email shares its line ("Family contact | (585) …, t…@yahoo.com")
            if kind == "fax" and any(self.site_allow.covers(m.group(1)) for pattern in (self.email_pattern, *self.phone_patterns)
                                     for m in pattern.finditer(line) if m.group(1) != number):
                continue  # "Phone: (408) 555-0147 · Fax: (408) 555-0148": the practice's fax, on its contact line
            if kind == "phone" and not theirs and (author_only(a) or author_sentence(a)):
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
            if _FOLLOW.search(text) and not context.narrative and not re.search(r"\bfollow (?:her|him|his|their)\b", text, re.I):
                continue  # "follow @drbecky" in a post that tells no client's story: a public account
            if _EXAMPLE_HANDLE.fullmatch(handle[1:]):
                continue  # "@yourname": how to write a handle, nobody's own
            # Any other handle is a private person's: clean posts name only the practice's and public accounts.
            hits.append(Hit("url", a, b, "pattern: a social media handle of a private person"))
        for m in _USERNAME.finditer(view):  # "plays under the tag FrostByte_906", "a reply from moth_lantern"
            if _USERNAME_CUE.search(view[max(0, m.start() - 30):m.start()]) and not self._public_handle(m.group(1), ""):
                hits.append(Hit("url", m.start(1), m.end(1), "pattern: a username or gamer tag"))
        for m in _ACCOUNT_NAME.finditer(view):  # "a profile on Feeld under the name solwanders"
            if not self.is_word(m.group(1)) and not self._public_handle(m.group(1), ""):
                hits.append(Hit("url", m.start(1), m.end(1), "pattern: the name of an account"))
        # Dates: day-precise ones in a client's story, or next to "born" / "date of birth". The
        # rest wait for the names: a date in a sentence that names a client is theirs too.
        self._undecided_dates, self._undecided_ages = [], []
        dates = [(a, b) for _m, a, b in each(self.date_patterns)]
        # A day the post ties to a public event is public wherever it appears: the title "December
        # 12" of a post about the raids of December 12, 2006.
        public_days = {_month_day(view[a:b]) for a, b in dates if _PUBLIC_EVENT.search(_sentence_text(context, a))
                       or self._public_date(view[a:b], _sentence_text(context, a) if _iso_day(view[a:b])
                                            else _sentences_around(context, a))}
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
            if _MEASURE_BEFORE.search(view[max(0, a - 30):a]) and "old" not in view[a:b] or self._public_passage(context, a):
                continue  # "her heart rate was at 110": a reading (not "by her own count, 91 years old"); "the Queen worked until 96": public
            if _ANYONE_IN_THEIR.search(view[max(0, a - 60):a]) and not context.cue_in(context.sentence_at(a)):
                continue  # "a caregiver ... caring for a husband in his nineties": anyone, not a client
            if self._client_fact(context, a, post) or context.cue_in(context.sentence_at(a)) or _client_note(post, a) or \
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
                if re.search(r"\b(?:across|throughout|all over)\s+(?:the\s+)?$", view[max(0, a - 16):a]):
                    continue  # "Peer support teams across Allegheny County": a whole area's, no one's home
                if pattern is places["county"] and _ORG_AFTER_PLACE.match(view, b):
                    continue  # "the Allegheny County Area Agency on Aging": an organisation listed for readers
                if pattern is places["county"] and (re.search(r"\b[A-Z]{3,}\s+$", before) or re.match(r"[A-Z]{3,}\s", view[a:b])):
                    continue  # "YWCA Pierce County": an organisation's name
                if pattern is places["county"] and (re.match(r"\s+(?:and|or)\s+(?:[A-Z][\w'’-]+\s+){1,2}County\b", view[b:b + 40])
                                                    or re.search(r"\bCounty,?\s+(?:and|or)\s+$", view[max(0, a - 12):a])):
                    continue  # "The Fulton County and DeKalb County health departments": services, not a home
                if pattern is places["zip_alone"] and (view[a:b].endswith("000") or not context.narrative
                                                       or re.search(r"\b(?:text|to|dial|call)\s+$", before, re.I)):
                    continue  # five digits alone are a ZIP code only in a client's story: not a round number or a text line
                if self._story_fact(context, a, post) or pattern in (places["zip"], places["zip_after_town"]) \
                        and _someone_elses(_sentence_text(context, a)) \
                        or pattern in (places["street"], places["street_name"]) and _client_note(post, a):
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

    def _public_date(self, date: str, sentence: str) -> bool:
        """The day of a listed public event, in a sentence that names it: "She was in Haiti on
        January 12, 2010", but not "born on October 9, 2024" (the day Hurricane Milton came ashore)."""
        iso = _iso_day(date)
        event = self.public_dates.get(iso) if iso else self.public_month_days.get(_month_day(date))
        return bool(event) and bool(event & set(_plain(sentence).split()))

    def _public_passage(self, context: PostContext, offset: int) -> bool:
        """Is the sentence about a public figure, by name or as "she" right after one ("Rosalynn
        Carter said that often. She died ... at the age of 96")?"""
        sentence = context.sentence_at(offset)
        if sentence is None:
            return False
        if self._public_sentence(sentence.text):
            return True
        previous = context.sentence_before(sentence)
        if previous and re.search(r"\b(?:she|he|they) (?:said|told|testified|wrote)\b", previous.text):
            previous = context.sentence_before(previous) or previous  # back over what she said, to who said it
        return bool(re.match(r"\W*(?:She|He|They)\b", sentence.text) and previous
                    and self._public_sentence(previous.text))

    def _public_sentence(self, text: str) -> bool:
        """Does the sentence name a public figure ("Queen Elizabeth II worked until ... 96")?"""
        if re.search(r"\b(?:Sir|Dame|Queen|King|Prince|Princess|Lord|Duke|Duchess|Pope|President|Senator|Governor)\b", text):
            return True
        return self.names_public_figure(text)

    def names_public_figure(self, text: str) -> bool:
        """Does the text name someone on the public-figures list ("Helen Keller was born in Tuscumbia")?"""
        words = _plain(text).split()
        if any(" ".join(words[i:i + n]) in self.public_figures for n in (2, 3, 4) for i in range(len(words) - n + 1)):
            return True
        # "Withers was born on July 4, 1938" in a post that names Bill Withers
        return any(_plain(w) in self.public_surnames and self._named_public_figure(_plain(w))
                   for w in re.findall(r"\b[A-Z][a-z]+\b", text))

    def _unknown_tags(self, post: Post, view: str, hits: list[Hit]) -> list[Hit]:
        """"tags: [grief, men, Dundalk]" on a case study whose text never says Dundalk: a tag that
        names no topic is the client's town or name. A tag the text uses was judged there."""
        found = []
        body = view[post.front.end:]
        for segment in post.segments:
            tag = segment.text.strip()
            if not segment.where.startswith("front matter tags[") or not self._unknown_tag(tag) \
                    or any(h.start <= segment.start < h.end or segment.start <= h.start < segment.end for h in hits):
                continue
            uses = list(re.finditer(rf"(?<!\w){re.escape(tag)}(?!\w)", body))
            if len(uses) > 1 or uses and not _part_of_a_name(body, uses[0].start(), uses[0].end()):
                continue  # "Qingming falls in early April": a topic the text names on its own, and judged there
            a = segment.start + segment.text.index(tag)
            kind = "person-name" if _plain(tag).split()[0] in self.first_names else "location"
            found.append(Hit(kind, a, a + len(tag), "pattern: a case study's tag that names no topic (a town or a name)"))
        return found + self._propagate(post, found)  # the title too

    def _unknown_tag(self, tag: str) -> bool:
        """A tag in Title Case with a word no dictionary has, and no topic, region, public figure or
        allowed name: "Dundalk", "Sparrows Point"; not "EMDR", "Ramadan", "Iron Range", "Gottman"."""
        plain = _plain(tag)
        return bool(re.fullmatch(r"[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,2}", tag)) \
            and any(not self.is_word(word) and not self._region(word) for word in plain.split()) and plain not in self.therapy_terms \
            and not self._region(plain) and plain not in self.public_figures and plain not in self.public_surnames \
            and not self.site_allow.covers(tag)

    def _public_handle(self, handle: str, line: str) -> bool:
        """An organisation's account (@gottmaninstitute), or one spelling a public figure's name or a
        name its own line gives (@BreneBrown; "Becky Kennedy ... @drbeckyatgoodinside")."""
        letters = re.sub(r"[^a-z]", "", _plain(handle))
        if _ORG_HANDLE.search(letters):
            return True
        if any(len(s) >= 5 and s in letters and s not in self.first_names and not self._private_surname(s)
               for s in self.public_surnames):
            return True  # "@davidkessler_grief"; not "@brikessler.makes" beside "Brianna Kessler", nor Byron Katie's "@katiecakes_337"
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
        if sentence.not_client or _to_the_reader(sentence):
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
        if any(sentence.start <= n.start < offset for n in names):
            return True  # "I think of one deacon, Mr. Pruitt, at Greater Mount Zion": named before the place, the client's
        author = (sentence.about_author_only or not sentence.third_person and re.search(r"\bI\b", sentence.text)) \
            and not _PERSON_I_SAW.match(sentence.text)
        if author and not _client_voice(post, sentence) or _to_the_reader(sentence):
            return False  # the author's ("... in Providence, I was the only one"), or the reader's ("If you are ...")
        if any(a <= offset < b for a, b in self._headings):
            return True  # a case study's headings and tables tell its story
        if _PERSON_NOUN.search(sentence.text) or sentence.third_person:
            return True
        if any(sentence.start <= n.start < sentence.end for n in names):
            return True
        previous = context.sentence_before(sentence)
        return bool(previous and not previous.not_client
                    and (previous.third_person or _PERSON_NOUN.search(previous.text)))

    # -- names inside file names, slugs and URLs -------------------------------------------------

    def _url_names(self, post: Post, context: PostContext, hits: list[Hit]) -> list[Hit]:
        found = []
        # A client's first name in a web address: "etsy.com/shop/MirlandeBakes", "gofundme.com/f/help-marta-walk-again".
        named = {word for h in hits if h.kind == "person-name" for word in _plain(post.text[h.start:h.end]).split()[:1]
                 if len(word) >= 4 and word not in self.common_words}
        for segment in post.segments:
            if segment.kind != URL:
                continue
            text = segment.text
            path = unquote(urlparse(text).path) if "://" in text else text
            for address in _WEB_ADDRESS.finditer(text) if named else ():
                if not self._own_url(address.group()) and any(w in urlparse(address.group()).path.casefold() for w in named):
                    found.append(Hit("url", segment.start + address.start(), segment.start + address.end(),
                                     "a web address with a client's name in it"))
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
            # A link's address, or a web address written in the text ("see more at hadialawieh.photo").
            addresses = [_WEB_ADDRESS.search(segment.text)] if segment.kind == URL else \
                [m for pattern in self.url_patterns for m in pattern.finditer(segment.text)]
            for address in addresses:
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
            if hit.kind == "url" and re.fullmatch(r"@[\w.]{3,}", text):  # "@katiecakes_337" in prose, "katiecakes_337" in the tags
                needles.setdefault(text[1:], hit.kind)
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
            if 1 < len(words) <= 3 and "organisation" not in hit.why:  # a full name: its first name and surname leak on their own too
                for word in words:
                    folded = word.casefold()
                    # "Frank" of "Frank Hollister" too, unless the post writes "frank" as a word
                    common = folded in self.common_words and (folded in self._lower_words or folded in _FUNCTION_WORDS)
                    named = folded in self.first_names or folded in self.surnames or folded in self.word_first_names
                    if len(word) >= 3 and not common and folded not in _KIN_WORDS \
                            and folded not in _GENERIC_PLACE_WORDS and (
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
                if kind == "url" and not searchable:
                    continue  # prose has the handle with its "@", found already
                text = _fold(segment.text) if searchable else segment.text
                for m in (loose if searchable else exact).finditer(text):
                    if not searchable and _in_citation(self._view, segment.start + m.start(), segment.start + m.end()):
                        continue  # "(Falicov, 2014)": the author, even if the name is a client's too
                    end = m.end() - (2 if m.group().endswith(("'s", "’s")) else 0)
                    plural = None if searchable else re.match(r"(?:s|es)\b", segment.text[m.end():m.end() + 3])
                    if plural:
                        previous = segment.text[max(0, m.start() - 20):m.start()].split()
                        phrase = " ".join(previous[-1:] + [m.group() + plural.group()])
                        if self._region(_plain(phrase)) or self.site_allow.covers(phrase):
                            continue  # "Vega" is not in "Las Vegas": a plural that is another place's name
                    following = None if searchable else re.match(r"\s+([A-Z][\w-]*)", segment.text[m.end():m.end() + 30])
                    if following and self._region(_plain(f"{m.group()} {following.group(1)}")):
                        continue  # the tag "Osage" is not in "the Osage Nation", a people's name
                    if self._inside_term(segment.start + m.start(), segment.start + end):
                        continue  # "Virgen de Guadalupe" beside the client's town of Guadalupe
                    found.append(Hit(kind, segment.start + m.start(), segment.start + end,
                                     f"the same {kind.replace('-', ' ')} as found elsewhere in this post"))
        return found


# The kinds of place a town's name goes before: "the Tarentum bar", "the Greenwood district".
_PLACE_KINDS = _GENERIC_PLACE_WORDS | {"bar", "district", "neighborhood", "neighbourhood", "area", "plant", "mill", "works",
                                       "store", "house", "diner", "park", "mine", "yard", "farm", "ranch"}
_BOAT_NAME = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:boat|vessel|trawler|skiff|shrimp boat|shrimper|fishing boat|sailboat|tugboat)"
                        r",?\s+(?:the\s+)?[*_ ]*([A-Z][\w'’]*(?:[ ][A-Z][\w'’]*){0,2})")


def _part_of_a_name(text: str, a: int, b: int) -> bool:
    """Is text[a:b] inside a longer name or phrase: "Old Metairie", "the Clairton Coke Works",
    "the Tarentum bar"? Not "up and down Music Row and in", "As Qingming approached"."""
    before = re.search(r"([A-Z][\w'’-]*)[ \t]+$", text[max(0, a - 30):a])
    after = re.match(r"[ \t]+(?:([A-Z][\w'’-]*)|([a-z]+))", text[b:b + 30])
    return bool(before and before.group(1).casefold() not in _FUNCTION_WORDS
                or after and (after.group(1) or after.group(2) in _PLACE_KINDS))


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


_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>()\"\]]+[^\s<>()\"\].,;:!?'’]")


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
# A word in lower case in running text: not part of a handle, an address or a file name.
_LOWER_WORD = re.compile(r"(?<![\w'’@./:-])[a-z][a-z]+(?![\w'’@/-])(?!\.\w)")
_CITY_GUIDE = re.compile(r"\W*([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+(?:has|offers|is full of|is home to|boasts)\b")
_DIRECTIONS = frozenset("north south east west central northern southern eastern western northeastern "
                        "northwestern southeastern southwestern upstate downstate coastal rural greater "
                        "midwestern middle upper lower interior southcentral southeast southwest northeast northwest".split())
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
# "Brianna's shop", "Tom's blog": a site a person (a first name alone, no public surname) runs.
_FIRST_NAME_SITE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)(?:'s|’s)\s+(?:[\w-]+\s+)?(?:shop|store|site|"
                              r"website|blog|page|channel|newsletter|portfolio|photos|photography|art|music)\b")
# Words that place a paragraph in scripture or myth, where "David" or "Penelope" is a figure from it.
_SCRIPTURE = re.compile(r"\b(?:Psalms?|Bible|[Ss]cripture|[Bb]iblical|Old Testament|New Testament|Gospels?|"
                        r"Genesis|Exodus|Proverbs|Ecclesiastes|Torah|Sunday school|sermon|[Pp]rophet|"
                        r"(?:[Bb]ook|[Ss]tory) of [A-Z][a-z]+|Odyssey|Iliad|Odysseus|Homer|Aeneid|[Mm]yths?|[Mm]ythology|"
                        r"Greek (?:gods?|goddess|hero|tragedy)|[Gg]oddess|Trojan|Bhagavad Gita|Gita|Ramayana|Mahabharata|Upanishads|"
                        r"Qur'?an|Quran|[Hh]adith|[Ss]urah|Vodou|lwa|Santer[ií]a|orishas?|Virgen|the Virgin|statue of|[Gg]ospel|Christianity|Judaism|"
                        r"Daniel fast|Lent|(?:[1-3] )?(?:Genesis|Exodus|Joshua|Judges|Ruth|Samuel|Kings|Chronicles|Esther|Job|"
                        r"Psalms?|Isaiah|Jeremiah|Daniel|Jonah|Matthew|Mark|Luke|John|Acts|Romans|Corinthians|Hebrews) \d{1,3})\b")
# A username without an @: an underscore in it, or letters of both cases mixed with digits.
_USERNAME = re.compile(r"(?<![\w@./#-])([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]|"
                       r"(?=[A-Za-z]*[a-z])(?=[A-Za-z0-9]*[A-Z][A-Za-z0-9]*\d)(?=[A-Za-z0-9]*\d[A-Za-z0-9]*\d)[A-Za-z][A-Za-z0-9]{7,})"
                       r"(?![\w@/-])")
_ACCOUNT_NAME = re.compile(r"\bunder the (?:user ?name|handle|screen ?name|name)\s+([A-Za-z][\w.]{3,29}[A-Za-z0-9])\b")
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


def _to_the_reader(sentence: Sentence) -> bool:
    """A sentence to the reader: "If you're entering drug court in Raleigh County", "ISS, in the Red
    Gym on Langdon Street, can explain your options"."""
    return bool(_TO_THE_READER.match(sentence.text)
                or not sentence.third_person and re.search(r"\byour\b", sentence.text, re.I)
                or not _SINGULAR_PERSON.search(sentence.text) and _GENERIC_YOU.search(sentence.text))


def _whose_number(view: str, text: str, a: int, b: int) -> tuple[str, int]:
    """The words that may say whose phone number view[a:b] is, and where that context's line starts:
    the words around it, the line above when a list item wraps, the item's first line ("- **Callen-Lorde
    Health Center** — ...\n  (212) 271-7200."), and the first cell of a table row."""
    line_start = view.rfind("\n", 0, a) + 1
    if not view[line_start:a].strip() or view[line_start:line_start + 2] == "  ":
        line_start = view.rfind("\n", 0, max(0, line_start - 1)) + 1
    near = _item_first_line(text, a) + " " + view[max(line_start, a - 60):a] + " " + view[b:b + 30].split("\n")[0]
    row = text[text.rfind("\n", 0, a) + 1:a]
    if row.lstrip().startswith("|"):
        near = row.lstrip()[1:].split("|")[0] + " " + near
    return near, line_start


def _item_first_line(text: str, offset: int) -> str:
    """The first line of the list item that `offset` continues on a later line, else ""."""
    window = text[max(0, offset - 400):offset]
    items = list(re.finditer(r"(?m)^[ \t]*(?:[-*+]|\d+\.)[ \t]+", window))
    if not items or "\n" not in window[items[-1].start():] or re.search(r"\n[ \t]*\n", window[items[-1].start():]):
        return ""
    start = items[-1].start()
    return window[start:window.index("\n", start)]


_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _iso_day(date: str) -> str | None:
    """ "January 12, 2010", "12 Jan 2010", "1/12/2010", "2010-01-12" -> "2010-01-12"; None without a year."""
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", date):
        year, month, day = m.groups()
    elif m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", date):
        month, day, year = m.groups()
    elif m := re.fullmatch(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", date):
        month, day, year = _MONTHS.get(m.group(1).casefold()), m.group(2), m.group(3)
    elif m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})", date):
        day, month, year = m.group(1), _MONTHS.get(m.group(2).casefold()), m.group(3)
    else:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}" if month else None


def _month_day(date: str) -> str:
    """ "December 12, 2006", "Dec. 12", "12 December" -> "dec 12", to compare one day written two ways."""
    if m := re.match(r"([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\b", date):
        return f"{m.group(1).casefold()} {int(m.group(2))}"
    if m := re.match(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\b", date):
        return f"{m.group(2).casefold()} {int(m.group(1))}"
    return date


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


# "the Allegheny County Area Agency on Aging": a county's organisation, not a home.
_ORG_AFTER_PLACE = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:Agency|Department|Office|Services|Library|"
                             r"Authority|Commission|Board|Council|Center|Centre|Coalition|Association|Foundation|Health Department)\b")


def _sentences_around(context: PostContext, offset: int) -> str:
    """The sentence at `offset` with the ones before and after it: "as October 1 approaches" names
    its event in the next sentence ("The Route 91 Harvest festival shooting in 2017 ...")."""
    sentence = context.sentence_at(offset)
    if sentence is None:
        return ""
    after = next((s for s in map(context.sentence_at, range(sentence.end, sentence.end + 4)) if s not in (None, sentence)), None)
    before = context.sentence_before(sentence)
    return " ".join(s.text for s in (before, sentence, after) if s is not None)


# Of two findings on the same text, the more specific kind wins (a school is a place).
_KIND_ORDER = {"location": 0, "date": 1, "age-over-89": 2, "url": 3, "email": 4, "phone": 5, "fax": 6}


def _fold(text: str) -> str:
    """Remove accents but keep length, so offsets still match the file."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFKD", c)
        out.append(base[0] if len(base) > 1 and all(unicodedata.combining(x) for x in base[1:]) else c)
    return "".join(out)


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
