"""People: which capitalised words name a client (or a relative) and which name someone public.

A mixin of `IdentifierCheck` (identifiers.py), which holds the compiled patterns and lists it reads.
"""

from __future__ import annotations

import re
from collections import Counter

from .context import PostContext
from .cues import (
    _A_CLIENT, _about_a_work, _FRONT_MATTER, _FUNCTION_WORDS, _GROUP_FROM, Hit, _HYPOTHETICAL, _hypothetical, _in_case_name,
    _in_citation, _in_front_matter, _in_title, _italic_titles, _KIN_WORDS, _line_at, _MY_FAMILY, _MY_KIN, _on_a_route, _plain, _segment_at,
    _sentence_initial, _sentence_text, _SURNAME_PARTICLES, _title_like, _trim_name, _WORK_HEADING,
)
from .post import Post
from .segments import PROSE


# Words that end an organisation's name: "the Dave Thomas Foundation", "Grandfamilies & Kinship Support Network".
_ORG_WORDS = ("foundation", "institute", "network", "alliance", "coalition", "association", "society", "fund",
              "trust", "center", "centre", "project", "award", "prize", "scholarship", "lecture", "collaborative")
_ORG_AFTER = re.compile(r"s?(?:\s+(?:&|and)\s+[A-Z][\w'’-]+)?(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:"
                        + "|".join(w.capitalize() for w in _ORG_WORDS) + r")\b")
_NOT_A_NAME_ENDINGS = re.compile(r"(?:ing|ness|tion|sion|ment|ity|ism|ology|phobia|ship|ence|ance|ful|less|ified|ized|ised|ated)$")
_FORM_NAME = re.compile(
    r"(?-i:\b(?:(?:[Cc]lient|[Pp]atient|[Cc]hild|[Ss]tudent|[Ii]nsured|[Ss]ubscriber|[Mm]ember|[Gg]uardian)"
    r"(?:'s)?\s+(?:[Ff]ull\s+|[Ll]egal\s+)?|(?:Full|Legal)\s+)[Nn]ame\b\W{0,6}(?:[A-Z][a-z]+(?: [a-z]+)*\s{2,})?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z]\.?(?![\w'’-]))?(?:\s+[A-Z][\w'’-]+)?))")
# The names a blank form's example uses for no one.
_PLACEHOLDER_NAMES = frozenset({"jane doe", "john doe", "jane smith", "john smith", "joe bloggs", "joe schmoe", "jane q public"})
# Verbs that no name has for a word: "Gets Doxxed" in a title is no person.
_VERB_WORDS = frozenset("is are was were be been being do does did goes went gets got have has had will would shall should "
                        "can could might must".split())
_VERBS_AFTER_A_TITLE = frozenset("taught teaches told tells showed shows gave gives said says knew knows learned "
                                  "wanted saw sees made makes becomes became comes came returns finds keeps".split())
# Table headers that say what a column holds.
_COLUMN_KINDS = [
    (re.compile(r"(?i)serial(?: number| no\.?| #)?|imei|device id|mac(?: address)?"), "device"),
    (re.compile(r"(?i)mrn|case|(?:client|patient|member|student|case|policy|account|record|chart|claim|file|medicaid|medicare)"
                r"(?: id| number| no\.?| #)"), "record-number"),
    (re.compile(r"(?i)(?:client|patient|student|child|member)(?: name)?|household|family"), "person-name"),
    (re.compile(r"(?i)(?:full )?name"), "a person's name"),  # only cells shaped like a person's name
    (re.compile(r"(?i)age"), "age-over-89"),
]
# Spanish words that no English sentence uses twice: a sentence with two is in Spanish.
_SPANISH_WORDS = frozenset("de la el los las que y en con por para sin un una es del al lo mi su se muy más pero como "
                           "cuando también nuestra nuestro nosotros ustedes está están hay".split())
_KIN_TITLE_BEFORE = re.compile(r"\b(?:Grandma|Grandpa|Granny|Gran|Nana|Nanna|Grandad|Granddad|Auntie|Aunty|Aunt|Uncle)\s+$")
# just before a name: "my husband, Sam", "My grandmother, Doña Cuca"
_AUTHOR_FAMILY = re.compile(_MY_FAMILY + r",?\s+(?:(?:Doña|Don|Tía|Tío|Tia|Tio|Aunt|Auntie|Uncle|Grandma|Grandpa|Nana)\s+)?$", re.I)


class NameChecks:
    """The people part of `IdentifierCheck`."""

    def _names(self, post, context, view, entities) -> list[Hit]:
        """People's names. In a client's story any private person's name counts; elsewhere only a
        name that something marks as a private person's (a relative, a title, a family, a
        contact link, a first name on its own)."""
        narrative = context.narrative
        self._invented = _invented_names(context) | _title_names(post.text)
        # "families across Hamtramck and Warren", "grew up in Lawrence" twice: outside a client's
        # story, a first name the post uses as a town, in a list of towns or more than once, is that
        # town wherever it stands alone in the post (once, "something in Russ", is no town).
        town_lists = [re.findall(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", m.group(1)) for m in _IN_TOWNS.finditer(view)]
        once = Counter(_plain(p[0]) for p in town_lists if len(p) == 1)
        self._towns = {_plain(w) for p in town_lists if len(p) > 1 for w in p} | {w for w, n in once.items() if n > 1}
        self._model_people = Counter(_plain(view[a:b]) for label, a, b in entities if label == "PERSON")
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
                if kind == "honorifics" and m.group(0).startswith("Don ") and view[a:b].split()[0].casefold() not in self.first_names:
                    continue  # "Don Coyhis": Don is his first name, not the title of "Don Ezequiel"
                if kind == "honorifics" and re.match(r"[\"“]", view[m.start() - 1:m.start()]) and re.match(r"[\"”]", view[b:b + 1]):
                    continue  # "Ms. Jackson" in quotation marks: a song's title
                if kind == "honorifics":
                    head, _, tail = view[a:b].rpartition(" ")
                    if head and (self.is_word(tail) or tail.casefold() in _VERBS_AFTER_A_TITLE) and tail.casefold() not in self.surnames:
                        b = a + len(head)  # "Grandma Dot Goes Back to Kindergarten": the name is Dot
                    word = view[a:b].casefold()
                    if word in _VERBS_AFTER_A_TITLE or " " not in word and re.search(r"(?:s|ed)$", word) and self.is_word(word) \
                            and word not in self.first_names and word not in self.surnames:
                        continue  # "What a Deputy Taught Me", "A Peer Coach Looks Back": a title, no name
                first = view[a:b].split()[0]
                if kind == "relatives" and _RANK.match(view, a):
                    continue  # "her husband, Staff Sergeant Ramirez": the name after the rank is found by its title
                owner = re.match(r"([A-Z][a-z]+)(?:'s|’s)", m.group(0)) if kind == "relatives" else None
                if owner and (owner.group(1).casefold() not in self.first_names or re.search(r"\s{2,}|\n", view[m.start():a])):
                    continue  # "Priya's mother, Anjali Raman", "Rodney's aunt Bernice"; not "Nemo's mother", nor across cells
                if kind == "contact_name" and first.casefold() not in self.first_names:
                    continue  # "call Samaritans on 116 123": a service, not a person
                if kind == "family" and re.search(r"\b(?i:every|each|any|many|most|all)\s+$", view[max(0, m.start() - 8):m.start()]):
                    continue  # "What Every Valley Family Should Know": families in general
                if kind == "family" and not self._family_name(view[a:b], m.group(0), narrative) or \
                        kind == "tribute" and first.casefold() not in self.first_names and self.is_word(first):
                    continue  # "Young children"; "What One Mother Taught Me"
                candidates.append((a, b, f"pattern: a name after {_CUE_LABEL[kind]}", kind))
        for m in self.contact_link.finditer(post.text):
            candidates.append((m.start(1), m.end(1), "pattern: the name on an email or phone link", "contact"))
        comments = [(s.start, s.end) for s in post.segments if s.where == "HTML comment"]
        for paragraph in re.finditer(r"(?:[^\n]+\n?)+", view):  # "reach her at mirlandej62@gmail.com ... Mirlande's shop"
            if not _THEIR_CONTACT.search(paragraph.group()) and not any(
                    start < paragraph.end() and paragraph.start() < end for start, end in comments):
                continue  # an author's note is about someone it names: "Keisha OK'd this ...: keisha.b.lamont@gmail.com"
            # The name part of each email address and handle: "mirlandej62" of mirlandej62@gmail.com.
            spelt = [_plain(m.group(1).split("@")[0] or m.group(1)[1:])
                     for pattern in (self.email_pattern, self.handle_pattern) for m in pattern.finditer(paragraph.group())
                     if not self.site_allow.covers(m.group(1)) and not self._public_handle(m.group(1), "")]
            for m in re.finditer(r"(?<![\w'’.@/-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{3,})\b", paragraph.group()):
                word = _plain(m.group(1))
                first_dot_last = any(re.match(rf"{re.escape(word)}[\s._-][a-z]", s) for s in spelt)  # "tito.balagtas77"
                if (not self.is_word(word) or word in self.first_names or first_dot_last) \
                        and any(re.search(rf"(?:^|[\W\d_]){re.escape(word)}", s) for s in spelt):  # "@lucky7_lorena"
                    at = paragraph.start() + m.start(1)
                    candidates.append((at, at + len(m.group(1)), "pattern: a name its own email or handle spells", "contact"))
        for m in re.finditer(r"(?<![\w-])([A-Z](?:-[A-Z]){2,})(?![\w-])", view):  # "fingerspelled it slowly, H-A-R-O-L-D"
            if m.group(1).replace("-", "").casefold() in self.first_names:
                candidates.append((m.start(1), m.end(1), "pattern: a first name spelt letter by letter", "named"))
        for m in _NICKNAME_BEFORE.finditer(view):  # "see Bean — the family's nickname for him"
            candidates.append((m.start(1), m.end(1), "pattern: a nickname", "named"))
        for pattern in (_FORM_NAME, _FORM_CELL, _HEADER_NAME):
            for m in pattern.finditer(view):
                candidates.append((m.start(1), m.end(1), "pattern: a name in a client-name field", "form"))
        for segment in post.segments:  # "<!-- send this list to Renata Gallegos -->": an author's note names a client
            if segment.where == "HTML comment":
                for m in _NOTE_RECORD.finditer(segment.text):  # "pull quote from Paulette's intake (MRN 448-2091)"
                    if m.group(1).casefold() in self.first_names:
                        candidates.append((segment.start + m.start(1), segment.start + m.end(1),
                                           "pattern: a first name whose intake or chart an author's note cites", "note"))
                for m in _NOTE_NAME.finditer(segment.text):
                    first, last = m.group(1), m.group(2)
                    if (len(first) == 2 or first.casefold() in self.first_names) and not self.is_word(last):
                        candidates.append((segment.start + m.start(), segment.start + m.end(),
                                           "pattern: a person's full name in an author's note", "note"))
        for m in re.finditer(r"(?<![\w'’.-])([A-Z][a-z]{2,})(?=,\s)", view):  # "To Carmen, sister of one of our group members"
            folded = m.group(1).casefold()
            if (folded in self.first_names or folded in self.word_first_names or not self.is_word(folded)) \
                    and _CLIENT_AFTER.match(view, m.end(1)):
                candidates.append((m.start(1), m.end(1), "pattern: a name the sentence says is a client's or a client's relative", "client"))
        for m in _NAME_THEN_CASE.finditer(view):  # "| Housing follow-up | Delphine — case CIHA-25-3318 |", "Sao Lee, SSN …"
            first, last = m.group(1).split()[0], m.group(1).split()[-1]  # or "K. Lindqvist, Medicaid ID 4418239907"
            if first.casefold() in self.first_names or len(first) == 2 and not self.is_word(last) \
                    or re.fullmatch(r"[A-Z]\.[A-Z]\.", first) and first not in ("U.S.", "D.C.", "U.K."):  # "R.M. in Wapato (case #…)"
                candidates.append((m.start(1), m.end(1), "pattern: a first name beside a case or record number", "record"))
        for m in _NAME_AT_EMAIL.finditer(view):  # "<!-- confirm with Terrence at tcarver88@gmail.com -->"
            if _plain(m.group(1)) in self.first_names and not self._allowed(m.group(2), "email", self.site_allow):
                candidates.append((m.start(1), m.end(1), "pattern: a first name beside a private email address", "contact"))
        for m in _FROM_OUR_GROUP.finditer(view):  # "Wendell from our Thursday men's group"
            if m.group(1).casefold() in self.first_names:
                candidates.append((m.start(1), m.end(1), "pattern: a first name from one of the practice's groups", "client"))
        for m in _CLIENT_APPOSITIVE.finditer(view):  # "One of my clients, Rosa, was nine": a name even when a word
            candidates.append((m.start(1), m.end(1), "pattern: a name the post gives a client", "client"))
        for m in _INITIALLED.finditer(view):  # "a photo from Marisol A.", "— Priya S., Oak Park": a name cut short
            after = re.match(r"\s*([A-Z][\w'’-]*)", view[m.end():m.end() + 30])
            before = re.search(r"([A-Z][\w'’.-]*)(,?)\s+$", view[max(0, m.start() - 25):m.start()])
            folded = m.group(1).casefold()  # a known first name, or one no dictionary has ("Chuy R.")
            known = folded in self.first_names or not self.is_word(folded) and folded not in self.surnames \
                and _plain(m.group(1)) not in self.public_surnames
            if known and not (after and after.group(1).casefold() not in _FUNCTION_WORDS) \
                    and not (before and (before.group(2) or not self.is_word(before.group(1).casefold()))):
                # not "Gottman, John M." or "Marlon M. Bailey"; but "Referred Dayana R. here"
                candidates.append((m.start(1), m.end(), "pattern: a first name and the initial of a surname", "initialled"))
        for m in _INITIAL_SURNAME.finditer(view):  # "Case no. 2025-0471 (T. Salas)", "K. Lopes keeps dropping"
            where = getattr(_segment_at(post, m.start()), "where", "")
            if where in ("table", "HTML comment") and _CASE_NOTE.search(_line_at(view, m.start(), m.end())[1]) and _plain(m.group(2)) in self.surnames \
                    and m.group(2).casefold() not in self.words:  # not an author in a reading list ("| D. Siegel |")
                candidates.append((m.start(1), m.end(2), "pattern: an initial and a surname", "initialled"))
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
            doers = list(_SUBJECT_NAME.finditer(view))
            subjects = [m for m in doers
                        if not re.search(r"(?:[A-Z][\w'’-]*|\b[A-Z]\.|\b(?:Dr|Mr|Mrs|Ms)\.?)[ \t]+$", view[max(0, m.start() - 20):m.start()])]
            counts = Counter(_plain(m.group(1)) for m in subjects)
            for m in subjects:
                folded = _plain(m.group(1))  # "Andrés" is "andres" in the names list
                if folded in self._lower_words or folded in _FUNCTION_WORDS:
                    continue
                if folded in self.common_words:  # "Destiny is nineteen ... Destiny finished the semester"
                    if folded in self.word_first_names and (counts[folded] >= 2 or _AGE_AFTER.match(view, m.end(1))):
                        candidates.append((m.start(1), m.end(1), "pattern: a first name the story has doing things", "named"))
                elif folded in self.first_names or (counts[folded] >= 2 and not self.is_word(folded)):
                    candidates.append((m.start(1), m.end(1), "pattern: a first name the story has doing things", ""))
            # A given name of two first names, doing things: "Dil Maya came to her first appointment".
            for m in doers:
                start = max(0, m.start() - 20)
                pair = re.search(r"(?<![\w'’.-])([A-Z][a-z]+) $", view[start:m.start()])
                if pair and _plain(pair.group(1)) in self.first_names and _plain(m.group(1)) in self.first_names \
                        and not re.match(r"\s+(?:wrote|writes)\b", view[m.end(1):m.end(1) + 8]):  # "Martin Luther wrote"
                    candidates.append((start + pair.start(1), m.end(1), "pattern: a two-word first name the story has doing things", "pair"))
            # "Luis and Carmen Reyes": two first names and the surname they share.
            for m in _COUPLE.finditer(view):
                if _plain(m.group(1)) in self.first_names and _plain(m.group(2)) in self.first_names \
                        and not self.is_word(m.group(3)) and not self._region(_plain(m.group(3))):
                    candidates.append((m.start(2), m.end(3), "pattern: two first names and the surname they share", "pair"))
            # "Rob and Tina had been married fifteen years": a name that is also a word, beside a first name that is not.
            for m in _TWO_NAMES.finditer(view):
                pair = [_plain(m.group(1)), _plain(m.group(2))]
                for i, word in enumerate(pair):
                    if word in self.word_first_names and word not in self._lower_words and self._bare_first_name(pair[1 - i]):
                        candidates.append((m.start(i + 1), m.end(i + 1), "pattern: a name beside another first name", "named"))
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
                    for m in re.finditer(r"(?<![\w'’-])([A-Z][a-z]{2,})(?=(?:'s|’s)?\b)(?!['’](?:t|ll|re|ve|d)\b)", segment.text):
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
                full = re.match(r"\s*([A-Z][a-z]+) ([A-Z][a-z]+)\b", segment.text)  # "Jaylen Brooks eligibility determination"
                if full and full.group(1).casefold() in self.first_names and (
                        full.group(2).casefold() in self.surnames or ("PERSON", segment.start + full.start(1),
                                                                      segment.start + full.end(2)) in entities):
                    candidates.append((segment.start + full.start(1), segment.start + full.end(2),
                                       "a full name opening an image's alt text", "form"))
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
            wrapped = re.match(r"[ \t]*\n[ \t]*([A-Z][a-z][\w'’-]*?)(?:'s|’s)?\b", view[b:b + 40])
            if wrapped and (not self.is_word(wrapped.group(1)) or _RESEARCHERS_WORK.match(view, b + wrapped.end(1))):
                b += wrapped.end(1)  # "M. Katherine\n  Shear's work": the model stopped at the line's end
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
            elif _CLIENT_AFTER.match(view, b) or _CLIENT_BEFORE.search(view[max(0, a - 40):a]):
                candidates.append((a, b, "language model: a person the sentence says is a client", "client"))
            elif len(view[a:b].split()) > 1 and _RECORD_OF.match(view, b):
                candidates.append((a, b, "language model: a person whose record or number follows", "record"))
            elif _plain(view[a:b]) in self.first_names and not (about_a_work and not _A_CLIENT.search(_sentence_text(context, a))) \
                    and not _hypothetical(context, a) \
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
        return bool(self.reference_entry.search(_line_at(view, offset)[1]))

    def _public_surname(self, surname: str) -> bool:
        """"Rogers" alone is Carl Rogers; "Dana" alone is a client unless the post names Deb Dana."""
        return surname not in self.first_names or self._named_public_figure(surname)

    def _someones_surname(self, word: str) -> bool:
        """Does the post write this word after a first name, as a surname ("Breanna Stewart")?"""
        return any(m.group(1).casefold() in self.first_names
                   for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(word)}\b", self._view))

    def _named_public_figure(self, surname: str) -> bool:
        """Does the post name a public figure with this surname?"""
        return any(full.endswith(" " + surname) for full in self._figures_in_post())

    def _figures_in_post(self) -> list[str]:
        """The public figures the post names, looked up once per post: asked for every name and date."""
        if self._named_figures is None:
            plain = self._plain_post()
            self._named_figures = [full for full in self.public_figures if f" {full} " in plain]
            # "Dan Campbell, the Lions' head coach": someone the post introduces by a public role.
            self._named_figures += [_plain(m.group(1)) for m in _PUBLIC_ROLE.finditer(self._view)]
        return self._named_figures

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
                cells = row.strip().strip("|").split("|")
                if re.fullmatch(r"(?i)(?:full |legal |client'?s? |patient'?s? )?name", cells[0].strip(" *_")):
                    kinds_here = [None, "a person's name"]  # a form's row: "| Name | Lakisha Dorsey |"
                else:
                    kinds_here = kinds
                for kind, cell in zip(kinds_here, cells):
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
                    elif kind == "a person's name" and _plain(value) not in _PLACEHOLDER_NAMES and (
                            re.fullmatch(r"[A-Z]\. ?[A-Z][\w'’-]+", value)  # "J. Okeke-Larsen"
                            or re.fullmatch(r"([A-Z][a-z]+) [A-Z][\w'’-]+", value) and value.split()[0].casefold() in self.first_names):
                        found.append(Hit("person-name", a, b, "pattern: a person's name in a table's \"Name\" column or row"))
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
        particles = re.match(rf"(?:\s+{_SURNAME_PARTICLES}\b)+\s+[A-Z][\w'’-]+", view[b:b + 40])
        if particles and _plain(text + particles.group()) in self.public_surnames:
            return "a public figure or cited author"  # "Van" of "Van der Kolk"
        if plain in self._invented or re.match(r" [A-Z]\b", view[b:b + 3]) and plain in _ROLE_LABELS:
            return "an invented example person"  # "Partner A and Partner B"
        if re.match(r"(?:'s|’s|s'|s’)?\s+(?:Day|Eve)\b|(?:'s|’s)\s+(?:dinner|card|cards|gift|weekend)\b", view[b:b + 10]):
            return "a holiday"  # Valentine's Day, Presidents' Day
        if re.match(r"(?:'s|’s)\s+(?:Law|Act|Rule|Syndrome|Disease|Test|Model)\b|\s+(?i:fever|disease|syndrome)\b", view[b:b + 14]):
            return "a law or condition named after someone or somewhere"  # "Martyn's Law", "Valley fever"
        if re.fullmatch(r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec", text) and re.match(r"\.?\s+\d", view[b:b + 4]):
            return "a month"  # "sessions ended Jan 2026"
        if re.fullmatch(r"Mon|Tues?|Wed|Thu|Thur|Thurs|Fri|Sat|Sun", text) and (
                re.match(r"\.?\s*(?:[–—-]|,|&|and\b)", view[b:b + 6]) or re.search(r"(?:[–—-]|,|&|and)\s*$", view[max(0, a - 6):a])):
            return "a weekday"  # "| Mon–Thu | 10–12 |"
        if re.match(r"/[A-Z]", view[b:b + 2]) or re.search(r"\s(?:SC|FC|CF)$", text) or re.match(r"\s+(?:SC|FC|CF)\b", view[b:b + 4]):
            return "part of an agency's or a team's name"  # "Cal/OSHA", "Nashville SC"
        if len(tokens) > 1 and tokens[-1] in {"bay", "beach", "lake", "river", "park", "island", "harbor", "harbour", "falls",
                                               "creek", "valley", "canyon", "mountain", "trail"}:
            return "a place, not a person"  # "Kailua Bay"
        if _on_a_route(view, a, b):
            return "a place on a route"
        if not context.narrative and cue in ("", "named") and (
                re.search(r"\bfrom\s+$", view[max(0, a - 6):a]) and re.match(r"\s+to\s+[A-Z]", view[b:b + 6])
                or re.search(r"\bfrom\s+[A-Z][a-z]+\s+to\s+$", view[max(0, a - 30):a])):
            return "a place: from one town to another"  # "machine sheds from Madison to Castlewood"
        before = re.search(r"([A-Z][a-z]+)\s+$", view[max(0, a - 12):a])
        if before and self._region(_plain(f"{before.group(1)} {text}")):
            return "part of a state's or region's name"  # "York" of "New York's waiver"
        if len(tokens) == 1 and tokens[0] in self._towns and cue in ("", "named") and not context.narrative:
            return "a town the post names"  # "Lawrence celebrates with a parade", after "in Lawrence"
        if _GROUP_FROM.search(view[max(0, a - 80):a]):
            return "a place many people come from"  # "neighbours from Caracas and Valencia"
        if len(tokens) == 1 and tokens[0] in _FILIPINO_KIN and _FILIPINO.search(view) and cue != "contact":  # not "Tito (tito.b@…)"
            return "a family title"  # "who drives Lola to dialysis", in a post about Filipino families
        if len(tokens) == 1 and (tokens[0] in _KIN_WORDS or tokens[0] in ("children", "kids", "parents", "families", "teens")):
            return "a family word"  # "Mami, ¿y Keylin?", "'Amma, we heard you'", "**Children's hospitals**"
        if re.match(r"\s+(?:serial|model|device|monitor|bracelet|tracker|unit)\b", view[b:b + 12]):
            return "a product's name"  # "Soberlink serial SL2-0093814"
        if _INSTITUTION_AFTER.match(view, b) or re.match(r"(?:'s|’s)\s+(?:Donuts|Bakery|Diner|Kitchen|Cafe|Café|Pizza|Deli|"
                                                        r"Market|Grill|Tavern|Pub|Barbershop|Salon)\b", view[b:b + 14]):
            return "part of a business's or college's name"  # "Chief Dull Knife College", "Dottie's Donuts"
        if re.search(r"\b(?:Joint Base|Air Force Base|Air Base|Naval Station|Naval Air Station|Fort|Camp)\s+$", view[max(0, a - 25):a]):
            return "a military base named after a person"  # "Joint Base Elmendorf-Richardson", "Fort Bliss"
        if len(tokens) == 1 and tokens[0] in self._storms:
            return "a storm's name"
        if re.match(r"\s+(?:fires?|wildfires?|floods?|flooding|tornado|hurricane|explosion|shooting|bombing|massacre|raids?|"
                    r"disaster|earthquake|tsunami|strike)\b", view[b:b + 14]):
            return "a public event named after its place"  # "the Lahaina fire"
        if re.match(r"['’]s\b(?!\s+[a-z])", view[b:b + 4]) and re.search(r"\b(?:to|at|from)\s+$", view[max(0, a - 6):a]) \
                and cue not in ("initials", "record"):
            return "a shop or restaurant"  # "went to Powell's, bought a notebook"
        sentence = context.sentence_at(a)
        if not from_cue and sentence is not None and not sentence.third_person and re.search(r"\byou\b", sentence.text, re.I) \
                and re.search(r"\bour\b", sentence.text, re.I):
            return "someone of the practice, speaking to the reader"  # "Becca will email you a link to our intake packet"
        if not cue and self._city_guide(context, a):
            return "a public place in a guide to the practice's city"  # "Burlington has plenty: ... the Flynn's student tickets"
        if self._about_a_work and cue not in ("contact", "form", "note", "client") \
                and not _A_CLIENT.search(_sentence_text(context, a)):  # "a client, Ernestine, who", "after our session"
            return "a character in the book, film or show the post is about"
        if len(raw_tokens) > 4 or any(t[:1].islower() and t not in _PARTICLES for t in raw_tokens) \
                or re.match(r"-[a-z]", view[b:b + 2]) and self.is_word(tokens[-1]) and tokens[-1] not in self.first_names:
            return "not shaped like a name"  # "Depression-era food rules"
        if len(tokens) > 1 and any(t in _VERB_WORDS for t in tokens) or re.fullmatch(r"[A-Z][a-z]+-American", text):
            return "not a name"  # "A Deputy Gets Doxxed" in a title; "a Norwegian-American family"
        beside = re.search(r"\b([A-Z][a-z]+),? (?:and|&|or) $", view[max(0, a - 25):a])
        beside_first_name = bool(beside and self._bare_first_name(beside.group(1).casefold()))
        if plain in self.public_figures or (len(tokens) == 1 and tokens[0] in self.public_surnames
                                            and cue in ("", "family") and self._public_surname(tokens[0])
                                            and not beside_first_name) or len(tokens) > 1 and plain in self.public_surnames:
            return "a public figure or cited author"  # "Rogers" alone, not "Kaylee and Bryson"; "Van der Kolk"
        if not from_cue and not context.narrative and len(tokens) == 1 \
                and any(full.startswith(tokens[0] + " ") for full in self._figures_in_post()):
            return "a public figure named in full in this post"  # "What I love about Dolly is" after "Dolly Parton"
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
            # "Dale is in his mid-forties": a name that is also a word, which the model reads as a
            # person again and again in a client's story, is the client's.
            named_again = context.narrative and tokens[0] in self.word_first_names and self._model_people[tokens[0]] >= 2
            if len(tokens) == 1 and not named_again and (tokens[0] in self.common_words or text.isupper()
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
                and (_CLIENTS_TOO.search(cited.group()) or re.match(r"(?:'s|’s)\s+[A-Z]{2,}", cited.group())):
            cited = None  # "Harold's work in therapy", "Dana's words", "Ofelia's PHQ-9 score": in a client's story, the client's
        if cited and context.narrative and len(tokens) == 1 and re.match(r"(?:'s|’s)\s+[A-Z]", cited.group()) \
                and _title_like(getattr(_segment_at(post, a), "where", "")):
            cited = None  # "# Josephine's Long Way Back": a story's own title, where every word is capitalised
        # "—Jenna" signs a text, and "Written by Rosalind T." is no author's citation
        if cited or _in_citation(view, a, b) or (
                cue not in ("signature", "initialled") and self.cited_before.search(before_coauthors)):
            return "a cited author or work"
        if len(tokens) > 1 and tokens[-1] in self._cited_surnames:
            return "a cited author or work"  # "Marie Jahoda, a social psychologist ... (Jahoda, 1982)"
        if (len(tokens) > 1 or tokens[0] not in self.first_names) and cue not in ("tribute", "honorifics", "initials", "pair") \
                and self.cited_verbs.search(after):  # "Captain Ostrander Taught Me": a title is no author's
            return "a cited author or work" if len(tokens) > 1 else "a cited author"
        if len(tokens) > 1 and cue != "initialled" and self.culture_before.search(before_coauthors):
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
            if _hypothetical(context, a) and cue != "form":
                return "in an invented example"  # but "For example, ... the client's name (Brinley Sorensen)" is a record
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
                and not _in_front_matter(post, a) and cue != "record" \
                and not _photographed(post, view, a, b):  # a case number is a client's
            return "a sentence about an event or research"
        return None


_EVERYWHERE = {"a public figure or cited author", "a cited author or work", "a provider or colleague, named by role",
               "the author's own family", "a therapy term, place or code", "an invented example person", "a product's name",
               "a character in the book, film or show the post is about"}
# "Imagine Sarah", "Picture a couple — call them Rafa and Lupe": a name made up for an example.
_INTRODUCED = re.compile(r"(?i)\b(?:imagine|suppose|picture|pretend|let's say|say|consider|take|meet)\b"
                         r"(?:[^.!?]{0,40}?\b(?:call (?:him|her|them)|let's call (?:him|her|them)|named|say))?"
                         r"[\s,:—–-]*(?:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:,?\s+(?:and|&)\s+|,\s*))*$")
# "in Lawrence", "across Hamtramck and Warren", "in Lawrence, Andover and North Andover": towns, not people.
_IN_TOWNS = re.compile(r"(?-i:\b(?:in|across|throughout)\s+((?:[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:,\s+|,?\s+(?:and|or)\s+))*"
                       r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b(?![ \t]*[A-Z]|['’-]))")
_PARTICLES = {"van", "der", "de", "la", "le", "von", "da", "di", "du", "del", "bin", "al", "y", "st.", "den"}


def _site_of(name: str, after: str) -> bool:
    """"Jess Albright's newsletter](https://jessalbright.substack.com)": a site named after its owner."""
    site = re.match(r"[^\n()]{0,60}?\s(?:https?://)?(?:www\.)?([\w-]+)\.[a-z]{2,}", after)
    letters = re.sub(r"[^a-z]", "", _plain(name))
    return site is not None and len(letters) >= 4 and site.group(1).replace("-", "").casefold().startswith(letters)


_NICKNAME_BEFORE = re.compile(r"(?-i:\b([A-Z][a-z]{2,}))(?:\s*(?:—|–|--|,|\()\s*(?:the family's|his family's|her family's|his|her|their|a) "
                              r"(?:family |childhood |old )?nickname\b|,\s+as\s+(?:everyone|everybody|people|his|her|their|the)\b"
                              r"[^,.;\n]{0,30}\bcalls?\s+(?:him|her|them)\b)")  # "Memo, as everyone at work calls him"
_THEIR_CONTACT = re.compile(r"\b(?:reach|call|text|email|e-mail|follow|contact|find|message|DM)\s+(?:her|him)\b"
                            r"|\b(?:her|his) (?:account|handle|page|profile|channel)\b", re.I)  # "mention her account, @lucky7_lorena"
_CONTACT_NEAR = re.compile(r"^(?:'s|’s)?\W{0,3}(?:cell|phone|mobile|number|email|e-mail|text|address|home)\b", re.I)
_CONTACT_AFTER = re.compile(r"^\s*[(,:]\s*(?:[\w.+-]+@[\w-]+\.\w|\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4})")  # "Jessie Pruitt (jessie@…, 304-…)"
# What follows a client's name: "Brianna Lewis, who started family therapy with us", "Rosa Elizondo, a mom whose son".
_CLIENT_AFTER = re.compile(r",\s+(?:who|whose)\s+(?:[\w'’-]+\s+){0,6}?(?:therapy|counseling|counselling|sessions?|group)"
                           r"\s+with\s+(?:us|me)\b|,\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:mom|mother|dad|father|parent|client|"
                           r"patient)\s+(?:whose|who)\b|,\s+(?:a|an|one)\s+(?:former\s+)?(?:client|patient)\s+of\s+(?:mine|ours)\b"
                           r"|,\s+(?:a|one)\s+(?:former\s+|longtime\s+|current\s+)?client\s+(?:from|in|of|at|who|whose)\b"
                           # "Zainab, a sophomore at Edsel Ford High School": a student the post describes
                           r"|,\s+(?:a|an)\s+(?:high school\s+|college\s+)?(?:sophomore|freshman|junior|senior|(?:[\w-]+-)?grader)\s+(?:at|in)\s+(?-i:[A-Z])"
                           # "Lorraine Dubé, a retired nurse I saw in therapy for two years"
                           r"|,\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,5}?(?:I|we)\s+(?:saw|see|treated|worked with|counsell?ed)\s+"
                           r"in (?:therapy|session|counsell?ing)\b"
                           # "Marisol Lopez, who has been a client of ours for two years"
                           r"|,\s+who\s+(?:has been|had been|is|was|became)\s+(?:a|an|one of)\s+(?:(?:former|longtime|current)\s+)?"
                           r"(?:client|patient|clients|patients)\b(?!-)"
                           r"|,\s+(?:the\s+)?(?:sister|brother|mother|father|mom|dad|wife|husband|partner|son|daughter|aunt|uncle|"
                           r"grandmother|grandfather)\s+of\s+(?:one of\s+)?(?:our|my|a)\s+(?:[\w-]+\s+)?(?:clients?|patients?|"
                           r"members?)\b"
                           # "Guled, who finished our winter teen anxiety group"; "Kealoha, 91, who has come to our kupuna group"
                           r"|(?:,\s+\d{1,3})?,\s+who\s+(?:finished|completed|graduated from|joined|attends|attended|has been in|"
                           r"was in|is in|has been coming to|has come to|comes to|came to)\s+(?:the\s+|our\s+|my\s+)"
                           r"(?:[\w'’-]+\s+){0,4}?(?:group|class|program|programme)\b"
                           # "Lovely, who has been seeing Dara since last fall": a clinician's client
                           r"|,\s+who\s+(?:has|had)\s+been\s+(?:seeing|working with)\s+(?:me|us|(?-i:(?:Dr\.?\s+)?[A-Z][a-z]+))\b", re.I)
_CLIENT_APPOSITIVE = re.compile(r"\b(?:[Oo]ne of (?:my|our) (?:clients|patients)|(?:[Mm]y|[Oo]ur|[Aa]n?|[Tt]his)"
                                r"(?: (?:longtime|long-time|former|current|recent|young|older|new))? (?:client|patient)"
                                r"(?: of (?:mine|ours))?)"  # "A client of mine, Dolores, read it on her breaks"
                                r",?\s+(?-i:([A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]{2,})?))(?=,|\s+(?:was|is|had|has|told|said|came|who|and I)\b)")
# A line of case notes: a case or serial number, or a word of casework.
_CASE_NOTE = re.compile(r"(?-i:\b(?=[\w-]*\d)(?=[\w-]*[A-Z-])[A-Z0-9][A-Z0-9-]{4,}\b)|\b(?:client|follow-up|referral|referred|"
                        r"intake|session|callback|call back)\b", re.I)
_RANK = re.compile(r"(?:(?:Staff|Master|First|Gunnery|Command|Sergeant) )?(?:Sergeant|Sgt|Lieutenant|Lt|Captain|Capt|Corporal|"
                   r"Cpl|Private|Pvt|Specialist|Spc|Major|Colonel|Col|General|Petty Officer|Airman|Seaman|Ensign)\b")
_NAME_THEN_CASE = re.compile(r"(?-i:\b([A-Z][a-z]{1,}(?: [A-Z][a-z]+)?|[A-Z]\. [A-Z][a-z]+|[A-Z]\.[A-Z]\.(?=[ \t]+in[ \t]+[A-Z])))"
                             r"(?:[ \t]+in[ \t]+[A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s*(?:—|–|-|:|\(|,)\s*"
                             r"(?i:case|file|mrn|chart|member id|medicaid id|medicare id|claim|ssn|dob)\b"
                             r"(?:\s+(?:no\.?|number|#))?\s*[A-Z0-9-]*\d[A-Z0-9-]*")
_FROM_OUR_GROUP = re.compile(r"(?-i:\b([A-Z][a-z]{2,}))\s+(?:from|in)\s+(?:our|my)\s+(?:[\w'’-]+\s+){0,3}?"
                             r"(?:group|support group|class|circle|caseload)\b")
_PUBLIC_ROLE = re.compile(r"(?-i:\b([A-Z][a-z]+ [A-Z][\w'’-]+)),\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}"
                          r"(?:head coach|quarterback|governor|mayor|senator|congressman|congresswoman|"
                          r"news anchor|talk show host|singer|rapper|pitcher|goalie|point guard)\b")
_NOTE_RECORD = re.compile(r"(?-i:\b([A-Z][a-z]+))(?:'s|’s)\s+(?:intake|chart|file|session|notes?|record|assessment|release|ROI)\b", re.I)
_INSTITUTION_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:College|University|Academy|Elementary|High School)\b")
_RESEARCHERS_WORK = re.compile(r"(?:'s|’s)\s+(?:work|research|studies|book|books|theory|model)\b")
_CLIENT_BEFORE = re.compile(r"\b(?:(?:my|our|a|the|this) (?:(?:longtime|long-time|former|current) )?|longtime |long-time )"
                            r"(?:client|patient|counselee)(?: named)?,?\s+$", re.I)
_POSSESSIVE_NAME = re.compile(r"(?<![\w.'’-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž]{2,})(?:'s|’s)\s+(?!(?i:disease|syndrome|law|razor|principle|"
                              r"paradox|effect|rule|theorem|criteria|scale|test|method|model)\b)[A-Za-z]")
_PERSON_BEFORE = re.compile(r"\b(?:with|to|from|thank|thanks|dear|hi|hello|asked|told|met|saw|called|texted|"
                            r"emailed|helped)\s+$", re.I)
_PERSON_AFTER = re.compile(r"(?:'s|’s)\b|\s+(?:said|says|told|tells|asked|asks|wrote|writes|came|comes|has|had|is|"
                           r"was|felt|feels|called|texted|shared|started|stopped|decided|lost|found|left|joined|"
                           r"needed|wanted|knew|thought|cried|laughed|smiled|agreed|took|got|went|sat|showed|"
                           r"brought|made|kept|gave|spent|tried|learned|worked|lives|lived|grew|moved|remembers|"
                           r"remembered|struggled|would|will|can|could|did|does)\b")
# The surname in a citation: "(Jahoda, 1982)", "(Hayes et al., 2006)", "Jahoda (1982)".
_CITED_SURNAME = re.compile(r"\(([A-Z][\w'’-]+)(?:\s+et al\.?|\s+(?:&|and)\s+[A-Z][\w'’-]+)?,?\s+(?:19|20)\d\d[a-z]?\b"
                            r"|\b([A-Z][\w'’-]+)(?:\s+et al\.?)?\s+\((?:19|20)\d\d[a-z]?\)"
                            r"|\b([A-Z][\w'’-]+),\s+(?:[A-Z]\.\s?){1,3}(?=,|\s*&|\s*\(|\s+and\b)")  # "Curran, T., & Hill, A. P. (2019)"
# A form or table row labelled "Client": "| Client | Alan Whitcomb |", "Patient: Rosa Diaz".
_FORM_CELL = re.compile(r"(?-i:(?<![\w,.'’-] )\b(?:Client|Patient|Insured|Subscriber|Member|Guardian|Student|Child|Resident|Evaluee|Examinee|"
                        r"(?<![\w ])Name(?=:[ \t]{2,}))"  # "Name:        Theresa Hudak", a form's aligned first line
                        r"(?:\s{2,}|:[ \t]+|[ \t]*\|[ \t]*)"
                        r"((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+|[A-Z]\.(?:\s?[A-Z]\.){1,3}(?![\w.])))")
# What belongs to the person just named: "R.M.'s SSN", "J.D.'s chart".
_RECORD_OF = re.compile(r"(?:'s|’s)\s+(?:[\d/-]{6,10}\s+)?(?:session|appointment|progress notes|treatment plan|SSN|"
                        r"social security|DOB|date of birth|birthday|chart|file|records?|MRN|"
                        r"phone|cell|number|email|address|insurance|policy|member ID|claim|diagnosis|intake|case|"
                        r"license|licence|plate|permission|consent|blessing)\b"
                        r"|(?:,\s+|\s+\()(?:(?:member|student|patient|client|case) ID|MRN|DOB|date of birth|SSN|"
                        r"policy (?:number|no\.?|#)|account (?:number|no\.?|#))\b", re.I)
# What a client has as much as an author does: "Harold's work", "Dana's treatment", "Ana's words".
_CLIENTS_TOO = re.compile(r"(?i)\b(?:work|treatment|therapy|program|programme|words|idea|ideas|team|quote|writing|"
                          r"test|protocol|poem|poetry|essay)\b")
# Labels for the people in a made-up example: "Partner A", "Client B".
_ROLE_LABELS = frozenset("partner client parent child person spouse sibling student teen member patient".split())
# Titles only public people carry: "Sir Bobby Charlton", "Dame Judi Dench", "Prince Harry".
_HONOURS = frozenset("sir dame lord baroness baron prince princess king queen duke duchess pope".split())
_HONOUR_BEFORE = re.compile(r"\b(?:Sir|Dame|Lord|Baroness|Baron|Prince|Princess|King|Queen|Duke|Duchess|Pope)\s+$")
# What an author's note to self asks about: "ok to mention Osage", "remember to change Dunbar".
_NOTE_NAME = re.compile(r"(?<![\w.'’-])([A-Z]\.|[A-Z][a-z]+) ([A-Z][a-z]{2,}(?:['’-][A-Z][a-z]+)*)\b")
# "Renee at the Lakefront with her husband": the person a photo's alt text opens with.
_PHOTO_SUBJECT = re.compile(r"\s*([A-Z][a-z]+)(?:'s|’s)?\s+(?:at|with|and|in|on|after|before|holding|wearing|during|beside|near)\b")
# "Gary, Rick and Dwayne": a list of capitalised words.
_NAME_LIST = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:, [A-Z][a-z]+)*,? (?:and|&) [A-Z][a-z]+(?![\w'’-])")
_BORN_NAME = re.compile(r"(?-i:\b(?!(?:He|She|They|It|This|That|Who)\b)([A-Z][a-z]+(?: [A-Z][a-z]+)?)) was born (?:on )?")
# A capitalised word with no capitalised word after it: a name standing alone.
_LONE_CAPITALISED = re.compile(r"(?<![\w'’.@/#-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})\b(?!['’]?[\w-]*\s+[A-Z]|-|\s+the\s+[A-Z])"
                               r"(?!['’](?:t|ll|re|ve|d)\b)")  # not "Aren't"
# A capitalised word doing what people do: "Yusuf told me", "Hector noticed".
_SUBJECT_NAME = re.compile(r"(?<![\w'’.@-])([A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{2,})(?=\s+(?:said|says|told|tells|asked|asks|wrote|felt|feels|"
                           r"cried|laughed|smiled|agreed|decided|wanted|knew|thought|remembered|remembers|struggled|"
                           r"noticed|admitted|described|arrived|texted|emailed|sat|slept|hoped|worried|"
                           r"came in|came to|found us|found me|did most|started|stopped|began|taught|walked|"
                           r"learned|returned|refused|missed|managed|loved|hated|finished|graduated|enrolled|"
                           r"(?:is|was) (?:a|an) \d{1,2}-year-old|"
                           r"(?:is|was|turned) (?:now |just )?(?:\d{1,2}|(?:eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
                           r"twenty|thirty|forty|fifty|sixty|seventy|eighty)(?:-\w+)?)(?! percent| per)\b)\b)")
_NAME_AT_EMAIL = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,})\s+(?:at\s+|\(\s*)([\w.+-]+@[\w-]+\.[\w.-]*\w)")
_TWO_NAMES = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{2,}) (?:and|&) ([A-Z][a-z]{2,})\b")
# "Buck is a 46-year-old equipment operator": a name that is also a word, given an age.
_AGE_AFTER = re.compile(r"\s+(?:is|was) (?:a|an) \d{1,2}-year-old\b")
_COUPLE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) (?:and|&) ([A-Z][a-z]+) ([A-Z][a-z][a-z'’-]*)\b(?![ \t]+[A-Z]|['’]s\b)")
# The sender or recipient in a pasted message header: "From: Rachel Okafor <...>".
_HEADER_NAME = re.compile(r"(?im)^[ \t>]*(?:from|to|cc|reply-to|sender)[ \t]*:[ \t]+"
                          r"(?-i:([A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][\w'’-]+))")
# The authors of a piece of work: "her classic 1975 paper with Edna Adelson", "a study by".
_WORK_WITH = re.compile(r"\b(?:paper|study|studies|book|article|chapter|research|trial|survey|model)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:with|by)\s+$", re.I)
# "a dog named": what follows is a pet's name.
_PET_BEFORE = re.compile(r"\b(?:dog|cat|puppy|kitten|pet|horse|pony|bird|parrot|hamster|rabbit|bunny|goldfish|"
                         r"beagle|retriever|terrier|poodle|doodle|lab)s?\s+(?:(?:was|is)\s+)?(?:named|called)\s+$", re.I)
_ABOUT_STORMS = re.compile(r"\b(?:hurricanes?|tropical storms?|storm season|landfall|evacuat\w+)\b", re.I)
_STORM_CONTEXT = re.compile(r"(?-i:\b(?:through|for|in|before|after|since|during|from)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])"
                            r"|\b([A-Z][a-z]+)\s+(?:came ashore|made landfall|hit|struck|flooded|took|came in|came through|rolled in)\b)")
# In a post about Filipino families, Lola and Lolo are grandparents, Tita and Tito aunts and uncles.
_FILIPINO = re.compile(r"\b(?:Filipino|Filipina|Filipinx|Pilipino|Tagalog|Ilocano|Visayan|Philippines)\b")
_FILIPINO_KIN = frozenset({"lola", "lolo", "tita", "tito", "ate", "kuya", "manang", "manong"})
_STORM_NAME = re.compile(r"(?-i:\b(?:Hurricane|Tropical Storm|Superstorm|Typhoon|Cyclone|Storm|hurricane|storm)\s+([A-Z][a-z]+)\b)")
# "Drawn by J.P. in group": someone credited by initials only, a private person.
_MADE_BY = re.compile(r"\b(?:drawn|painted|sketched|made|written|created|crafted|knitted|colou?red|shared) by\s+$", re.I)
_INITIALLED = re.compile(r"(?<![\w.'’-])([A-Z][a-z]{2,}) [A-Z]\.(?![\w.])")
_INITIAL_SURNAME = re.compile(r"(?<![\w.'’-])([A-Z]\.) ([A-Z][a-z]{2,})\b(?![\w'’-]| [A-Z]|,? (?:et al|\(?\d{4}))")
# A message or quote signed with a first name: "… can we move to fri? —Jenna", "— Ramona, mother of three".
_SIGNATURE = re.compile(r"(?m)(?:^|\s)[—–]\s?([A-Z][a-z]{2,})(?:[ \t]*$|,[ \t]+\d{1,2},|,[ \t]+(?:a |an )?(?:mother|father|mom|mum|dad|"
                        r"parent|wife|husband|partner|client|teen|student|grandmother|grandfather|veteran|nurse|[\w-]+-year-old)\b)")
_NAMING = re.compile(r"\b(?:call (?:him|her|them)|let's call (?:him|her|them)|named|called|say|(?:invent|imagine|picture|take|"
                     r"meet|consider) (?:a|an|two|one) [\w-]+(?: [\w-]+)?,?)[\s,:]+"
                     r"((?:[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s*(?:,\s*and|,|and|&)\s*)?)+)")


def _photographed(post: Post, view: str, a: int, b: int) -> bool:
    """A first name opening a photo's alt text, with the family beside it: "![Nyabol with her children at the open house]"."""
    return bool(re.match(r"\s+with (?:her|his|their) ", view[b:b + 12])) \
        and getattr(_segment_at(post, a), "where", "") == "image alt text"


def _invented_names(context: PostContext) -> set[str]:
    """Names an example makes up ("Picture a couple, call them Rafa and Lupe"): never a client's."""
    names = set()
    for sentence in context.sentences:
        if not _HYPOTHETICAL.search(sentence.text) or context.cue_in(sentence):
            continue
        for m in _NAMING.finditer(sentence.text):
            names.update(_plain(n) for n in re.split(r"\s*(?:,\s*and|,|and|&)\s*", m.group(1)) if n)
    return names


# Words on a cake, a card or a banner, not a title: *Happy Birthday Riley*, *Welcome Home Marcus*.
_GREETING = re.compile(r"(?:Happy|Merry|Welcome|Congratulations|Congrats|Dear|Get Well|Thank You|We Love|Love You|Go)\b")


def _title_names(text: str) -> set[str]:
    """Names inside an emphasised title (*Eleanor Oliphant Is Completely Fine*): characters."""
    names = set()
    for title in _italic_titles(text):
        if len(title.split()) > 1 and not _GREETING.match(title):
            words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", title) if w[:1].isupper()]
            names.update(_plain(w) for w in words)
            names.add(_plain(" ".join(words[:2])))
    return names - {""}


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
    return bool(_italic_titles(raw)) or bool(_WORK_HEADING.search(raw))


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


_CUE_LABEL = {"honorifics": "a title (Mr., Mrs., Ms.)", "relatives": "a relative (her son, his wife)",
              "family": "\"the ... family\"",
              "named": "\"named\" or \"I'll call\"", "pseudonym_note": "\"(not her real name)\"",
              "tribute": "\"What ... taught me\" or \"In memory of\"",
              "contact_name": "\"text ... at\" and a number or address"}
