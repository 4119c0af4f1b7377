"""Places and organisations: which towns, streets, schools and employers are a client's.

A mixin of `IdentifierCheck` (identifiers.py), which holds the compiled patterns and lists it reads.
"""

from __future__ import annotations

import re
from itertools import chain

from .context import PostContext
from .cues import (
    _A_CLIENT, _after_my_kin, _client_note, _FUNCTION_WORDS, _GENERIC_PLACE_WORDS, _GROUP_FROM, Hit, _hypothetical, _in_case_name,
    _in_citation, _in_front_matter, _in_title, _KIN_WORDS, _line_at, _MY_FAMILY, _on_a_route, _plain, _segment_at,
    _sentence_initial, _sentence_text, _SINGULAR_PERSON, _someone_elses, _title_like, _trim_name,
)


# Words that make a name a place: "Green Valley", "Oak Ridge".
_PLACE_WORDS = _GENERIC_PLACE_WORDS | {"valley", "ridge", "creek", "hill", "hills", "heights", "park", "springs",
                                       "falls", "lake", "lakes", "bay", "beach", "point", "harbor", "harbour",
                                       "island", "mountain", "grove", "woods", "village", "town", "city", "view",
                                       "center", "centre", "square", "river", "mill", "mills", "farm", "ranch", "district"}
_ABOUT_MY_FAMILY = re.compile(_MY_FAMILY + r"\b", re.I)


class PlaceChecks:
    """The places part of `IdentifierCheck`."""

    def _places(self, post, context, view, entities, names) -> list[Hit]:
        """Towns, streets, schools and employers: in a client's story, or tied to a private person."""

        def belongs(offset: int) -> bool:
            if self.names_public_figure(_sentence_text(context, offset)) or self._city_guide(context, offset):
                return False  # "Helen Keller was born on June 27, 1880, in Tuscumbia": a public figure's town
            if context.narrative:
                return self._client_fact(context, offset, post, names)
            if _client_note(post, offset) and re.search(r"\b(?:in|from|near|of)\s+$", view[max(0, offset - 6):offset]):
                return True  # "<!-- IT note: client in Rayne kept dropping -->"
            # In a post about a film or a book, the people who live somewhere are its characters.
            client = _A_CLIENT.search(_sentence_text(context, offset))
            return (not self._about_a_work or bool(client)) and self._tied_to_person(context, view, offset, names)

        found = []
        # "walks to Reiche School": a school named for a person or place, not "Sunday School", "Law School".
        schools = [m for m in _NAMED_SCHOOL.finditer(view) if m.group(2) not in _SCHOOL_KINDS
                   and not all(self.is_word(part) for part in m.group(2).split("-"))]  # "Anxiety-Based School Refusal"
        for m in chain(self.institution.finditer(view), schools):
            words = m.group(1).split()
            if all(w.casefold() in ("the", "a", "an", "from", "to", "in", "at", "on", "of", "into") for w in words[:-1]):
                continue  # "From Hospital to Home": a kind of place, no name
            if _title_like(getattr(_segment_at(post, m.start(1)), "where", "")) and all(self.is_word(w) for w in words) \
                    and re.search(r"\bthe\s+$", view[max(0, m.start(1) - 5):m.start(1)], re.I):
                continue  # "Grief After the Closed Mill" in a title: Title Case words, not a named mill
            # A named school or workplace in a client's story, or beside a client's name, is theirs
            # unless the sentence says otherwise; a hospital or college may be where research was
            # done, so it needs more.
            if re.match(r"(?:The )?(?:American|National|International|Royal|British|Canadian|World|Federal|U\.S\.) ", m.group(1)):
                continue  # "The American Academy of Pediatrics": a national body, no one's own
            if _plain(m.group(1)) in self.public_figures or not set(_plain(m.group(1)).split()) - {"the", "high", "middle", "junior", "senior"}:
                continue  # "Billy Mills", a runner, is no mill; "The High Kick" is no high school
            if _REFERRED_TO.search(view[max(0, m.start(1) - 40):m.start(1)]):
                continue  # "connected her with the Alaska Native Medical Center's elder programs": a service she was sent to
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
        candidates += [("ORG", m.start(1), m.start(1) + len(re.split(r"\.\s", m.group(1))[0]), _AFTER_A_JOB)
                       for m in self.employer_after.finditer(view)]  # a name ends with its sentence ("Resort. She")
        candidates += [("ORG", m.start(1), m.end(1), _AFTER_A_JOB) for m in _WHERE_THEY_WORK.finditer(view)]
        recognised = {(a, b) for label, a, b in entities if label != "PERSON"}
        for m in self.after_preposition.finditer(view):
            # The model often calls a small town an organisation; after "grew up in" it is a place.
            span = _trim_name(view, m.start(1), m.end(1))
            label = "GPE" if span in recognised else "pattern"
            candidates.append((label, *span, "pattern: a town after \"from\", \"in\" or \"moved to\""))
        # "a Westbrook dad", "the Urbandale ranch house", "her Clovis West graduation"
        for m in chain(_TOWN_PERSON.finditer(view), _TOWN_HOME.finditer(view), _SCHOOL_EVENT.finditer(view),
                       _TOWN_WORKSITE.finditer(view)):
            if all(len(w) >= 3 for w in m.group(1).split()):
                candidates.append(("pattern", m.start(1), m.end(1), _TOWN_WHY))
        for m in _EMPLOYER_CELL.finditer(view):  # "| Employer group | Lyons Magnus, Fresno |": a form's employer field
            if not self._region(_plain(m.group(1))) and not self.site_allow.covers(m.group(1)) \
                    and not _in_front_matter(post, m.start(1)):  # not "categories: [Workplace, Health]"
                found.append(Hit("person-name", m.start(1), m.end(1), "pattern: an employer in a form's employer field"))
        for m in _HOME_CELL.finditer(view):  # "| Home | Northgate, with spouse and two children |"
            candidates.append(("attribution", m.start(1), m.end(1), "pattern: a town in a form's home field"))
        # "— L.M., Dearborn Heights", "Chuy R. of Horizon City": where the person quoted lives
        for m in chain(_ATTRIBUTION.finditer(view), _INITIALLED_FROM.finditer(view)):
            candidates.append(("attribution", m.start(1), m.end(1), "pattern: the town of someone quoted by initials or first name"))
        for segment in post.segments:  # "<!-- ask Sissy if it's ok to mention Osage -->": a note to check a name
            if segment.where == "HTML comment":
                candidates += [("note", segment.start + m.start(1), segment.start + m.end(1),
                                "pattern: a place an author's note asks about") for m in _NOTE_ABOUT.finditer(segment.text)]
        towns = {(c[1], c[2]) for c in candidates if c[0] == "GPE"}
        # Scales and tests named after their authors, and those authors' names alone ("gave him the Zarit").
        instruments = {_plain(m.group(1)) for m in _INSTRUMENT.finditer(view)}
        for label, a, b, why in candidates:
            blank = view.find("\n\n", a, b)
            if blank != -1:
                b = blank  # a name never runs over a blank line ("Working with Jennifer Alvarez\n\nMy")
            whole = view[a:b].strip(" ,.;:") if label == "ORG" else ""
            a, b = _trim_name(view, a, b)
            cut = re.search(r"\s+(?:on|in)\s+[A-Z]", view[a:b]) if label == "ORG" else None
            if cut:
                b = a + cut.start()  # the model's "Meijer on Hill Road": the store, then its street
            while label in ("GPE", "LOC", "FAC") and (tail := re.search(r"(?<=\S)[ \t]+([a-z][\w'’-]*)$", view[a:b])) \
                    and self.is_word(tail.group(1)):
                b = a + tail.start()  # the model's "Seahawks jersey": the name ends before the plain words (not "d'Haiti")
            if re.fullmatch(r"[A-Z][a-z]+(?:'s|’s) [A-Z][\w&.-]+(?: [A-Z][\w&.-]+)*", whole):
                b = a + len(whole)  # "a baker at Leonard's Bakery": the possessive is part of the business's name
            text = view[a:b]
            if any(n.start <= a and b <= n.end and "is a client" in n.why for n in names):
                continue  # "hearing from Marisol Lopez, who has been a client": a person, not a town
            if re.match(r"(?:Your|Our|My|His|Her|Their) ", text) and not text.startswith("Our Lady "):  # a parish: "Our Lady of Mount Carmel"
                continue  # "Making Telehealth Work for Your Family": no one's employer
            if "\n" in text and _in_front_matter(post, a):
                continue  # the model read across front matter lines ("Devontae\"\ndate: ...")
            plain = _plain(text)
            region, _, term = plain.rpartition(" ")
            # "stocking shelves at the Fred Meyer in Ellensburg": one store of a brand, where they work
            worksite = label == "ORG" and (_WORKSITE_AFTER.match(view, b) or why == _AFTER_A_JOB
                                           and re.search(r"\bat the\s+$", view[max(0, a - 8):a]))
            if b <= a or self._region(plain) or plain in self.therapy_terms and not worksite or not re.match(r"\d*[A-Z]", text) \
                    or term in self.therapy_terms and self._region(region):  # "West Virginia Medicaid"
                continue
            if _METHOD_AFTER.match(view, b) or re.search(r"\s(?:SC|FC|CF)$", text):
                continue  # "in Emotionally Focused Therapy": the name of a method; "Nashville SC": a team
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
            cited_year = _CITED_YEAR_AFTER.match(view, b) and not re.search(r"\b(?:in|at|near|outside)\s+$", view[max(0, a - 8):a])
            if self._in_reference_entry(view, a) or _in_citation(view, a, b) or cited_year or _in_case_name(view, a, b):
                continue  # "work by Hollywood and Hollywood in 2011": authors, not a place; but "bought in Avenal in 1971"
            tokens = plain.split()
            if self._no_ones_home(view, a, b, tokens):
                continue
            if set(re.split(r"[\s-]+", plain)) & _KIN_WORDS:
                continue  # "We lost Great-Grandma": family, not a place
            if len(tokens) == 1 and tokens[0] in _GENERIC_PLACE_WORDS | {"highway", "interstate", "route"}:
                continue  # "Highway" where a line break cut "Highway 61": no place on its own
            if len(tokens) == 1 and tokens[0] in self._lower_words and tokens[0] not in self.first_names:
                continue  # "Coming Back From Burnout" in a post about burnout
            the_job = why == _AFTER_A_JOB and re.search(r"\bthe\s+$", view[max(0, a - 5):a])  # "a bar porter at the Sahara"
            if len(tokens) == 1 and (self.is_word(tokens[0]) or tokens[0] in _PLACE_WORDS) \
                    and re.search(r"\b[Tt]he\s+$", view[max(0, a - 5):a]) and not worksite and not the_job:
                continue  # "a drive across the Valley": a region's nickname, not a town
            strong_place = label == "note" or label != "ORG" and bool(_STRONG_PLACE.search(view[max(0, a - 25):a])
                                                                       or _HOMETOWN.search(view[max(0, a - 70):a])
                                                                       or context.narrative and _PERSON_FROM.search(view[max(0, a - 30):a]))
            if _POSSESSED.search(view[max(0, a - 20):a]) and why != _TOWN_WHY:
                continue  # "his favorite Takis": a thing someone has, not a place (but "their Waianae graduation party")
            starts = _sentence_initial(view, a) or getattr(context.sentence_at(a), "start", None) == a
            if len(tokens) == 1 and not strong_place and not the_job and (
                    tokens[0] in self.first_names or tokens[0] in self.public_surnames
                    or (self.is_word(tokens[0]) and (label == "pattern" or starts))):
                continue
            if label == "ORG":
                sentence = context.sentence_at(a)
                segment = _segment_at(post, a)
                paragraph = segment.text if segment else ""
                after_a_job = why == _AFTER_A_JOB  # "cleaning dormitories at FIU": the job itself says so
                # "a squad boss with the Idaho City Hotshots", "with ASRC Energy Services", not "working with Jennifer Alvarez"
                # ... and "a cabin steward with Royal Caribbean": after a job's name, not after "work"
                with_org = re.search(r"\bwith\s+the\s+$", view[max(0, a - 10):a]) or re.search(r"\bwith\s+$", view[max(0, a - 6):a]) \
                    and (_COMPANY.search(whole or view[a:b])
                         or not re.search(r"\b(?:works?|worked|working|been)\s+with\s+$", view[max(0, a - 16):a]))
                at = _AT_ORGANISATION.search(view[max(0, a - 20):a]) or after_a_job and (
                    with_org or re.search(r"\b(?:employer,|desk of)\s+$", view[max(0, a - 12):a]))  # "Her employer, Sunshine Haven Home Care"
                if (a, b) in towns or _GROUP_AFTER.match(view, b) or not (at and (
                        after_a_job or self.employer_cue.search(view[max(0, a - 50):a]) or self.employer_cue_strong.search(paragraph))):
                    continue
                if self._in_reference_entry(view, a) or _in_citation(view, a, b) or \
                        not context.narrative and _TRAINED_AT.search(view[max(0, a - 60):a]):
                    continue  # "trained at the University of Manchester": a clinician's credentials
                opening = view[sentence.start:a] if sentence else view[max(0, a - 60):a]
                if any(_plain(w) in self.public_surnames
                       for w in re.findall(r"[A-Z][\w'’-]+(?![\w'’-]|\s+(?:Avenue|Street|Road|Boulevard|Drive|Lane|Park|Square))", opening)):
                    continue  # "Kristin Neff's work at the University of Texas": a researcher's
                if not context.narrative and _ABOUT_MY_FAMILY.search(opening):
                    continue  # "My father worked at the National Tube Works": the author's family
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
            if title_case and len(tokens) == 1 and self.is_word(tokens[0]) and tokens[0] not in self.first_names:
                continue  # "Living in Limbo" in a title: a word in Title Case, whatever the model makes of it
            if _in_title(post.text, a, b):
                continue  # "in *The Whole-Brain Child*": a title, not a place
            common = any(self.is_word(t) for t in tokens) or "-" in text or (
                len(tokens) > 1 and title_case and any(t in self.name_words for t in tokens))
            if label == "pattern" and common and (not strong_place or plain in _FUNCTION_WORDS) \
                    and (len(tokens) < 2 or starts or title_case):
                continue  # "in March", "in Slow Motion" (a title); but "in Ocean View" mid-sentence is a name
            if len(tokens) > 1 and re.search(r"\bthe\s+[\"“']?$", view[max(0, a - 6):a]) \
                    and all(self.is_word(t) for t in tokens) and not set(tokens) & _PLACE_WORDS and not strong_place:
                continue  # "the Germ Boss": a name for a thing, not a town; but "grew up on the South Side Slopes"
            if tokens[-1] in ("school", "college") and all(self.is_word(t) for t in tokens):
                continue  # "in Middle School", "in Nursing School": a stage of life, not a town
            if re.match(r"-[a-z]", view[b:b + 2]) or _VEHICLE_BEFORE.search(view[max(0, a - 25):a]) and why != _TOWN_WHY:
                continue  # "Nimitz-class", "the silver Tacoma": not a place
            if _GROUP_FROM.search(view[max(0, a - 80):a]):
                continue  # "neighbours from Caracas and Valencia": where many people come from
            if re.search(r"\b(?:loss to|lost to|losing to|win over|won over|beat|game against|played|playing|vs\.?|versus)\s+(?:the\s+)?$",
                         view[max(0, a - 16):a]):
                continue  # "the 2023 playoff loss to Buffalo": a team
            if tokens[0] in ("rio", "río") and re.search(r"\bthe\s+$", view[max(0, a - 5):a]):
                continue  # "the Rio Doce": a river (but "Rio Rancho" is a town)
            if re.match(r"(?:,\s+[A-Z][a-z]+)*,?\s+(?:and|or)\s+[A-Z][a-z]+\s+(?:counties|parishes)\b", view[b:b + 80]) \
                    or label != "ORG" and _in_long_list(view, a, b):
                continue  # "Fresno, Madera and Kern counties"; "a tour through Atlanta, Chicago, Denver and Dublin"
            if _on_a_route(view, a, b) or re.match(r"\s+exit\b", view[b:b + 6]):
                continue  # "called me from the Whiskey Bay exit": a highway's exit, where anyone drives
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
            if label == "attribution" or belongs(a):
                found.append(Hit("location", a, b, why))
        return found

    def _no_ones_home(self, view: str, a: int, b: int, tokens: list[str]) -> bool:
        """Words that name no place anyone lives at: a number, a road, a sea, a holiday, a language."""
        text = view[a:b]
        return (all(t in _NUMBER_WORDS for t in tokens)  # "a town of Four Hundred"
                or len(tokens) == 1 and tokens[0] in _PLACE_WORDS  # "Lake" of "Devil's Lake"
                or bool(re.fullmatch(r"(?:Highway|Interstate|Route|US|U\.S\.|State Route|I)[ -]?\d+", text))  # hundreds of miles long
                or len(tokens) > 1 and tokens[-1] in ("river", "lake", "bay", "valley", "mountains", "coast", "panhandle")
                and self._region(" ".join(tokens[:-1]))  # "the Wisconsin River", named after a state
                or tokens[-1] in _NO_ONES_HOME  # "the Bering Sea", "a big Southern Thanksgiving"
                or bool(re.match(r"(?:'s|’s)\s+(?:work|research|studies|study|book|writing)\b", view[b:b + 14]))  # a researcher
                or bool(re.search(r"-(?:speaking|American)$", text) or re.match(r"-(?:speaking|American)\b", view[b:b + 10])))

    def _tied_to_person(self, context: PostContext, view: str, offset: int, names) -> bool:
        """Outside a client's story, a place counts when a private person lives, works or
        studies there: "a fifteen-year-old from Munjoy Hill", "he lives in Gorham"."""
        sentence = context.sentence_at(offset)
        if sentence is None or sentence.not_client or _hypothetical(context, offset):
            return False
        others = [(a, b) for label, a, b in self._entities if label == "PERSON" and sentence.start <= a < sentence.end
                  and not any(n.start <= a < n.end for n in names) and not a <= offset < b]  # (the model may call the town a person)
        named = any(sentence.start <= n.start < offset for n in names)
        # "Selena learned Spanish as a teenager in Corpus Christi": a public person's place; "Rosa Tuilagi,
        # CMHC, ... in Laie": the practice's. But not "Marco with the Fonoti family at their Waianae
        # graduation party", nor "the Lor family in Merced ... with Tou Lee".
        if any(not self.site_allow.covers(view[a:b]) or a < offset and not named for a, b in others):
            return False
        subject = re.match(r"\W*([A-Z][\w'’-]+)\s+(?:is|was|grew|has|had|joined|came|moved)\b", sentence.text)
        if subject and self.site_allow.covers(subject.group(1)):
            return False  # "Daniel is Diné ... grew up in Crownpoint": a clinician of the practice, introduced
        before = view[sentence.start:offset]
        author = [m.end() for m in re.finditer(r"\b(?:[Mm]y|me|I)\b", before)]
        # "I lent my copy to a client, Beau, who tends bar in East Atlanta Village": named after the author, it is Beau's
        named_since = author and any(sentence.start + author[-1] <= n.start < offset for n in names)
        if not _someone_elses(sentence.text) and author and not named_since:
            return False  # "My grandmother ... flies in from Atlanta", "It took me years, and a therapist at ...": the author's
        if _PLACE_ANCHOR.search(before):
            return True
        segment = _segment_at(context.post, offset)
        in_paragraph = segment is not None and any(segment.start <= n.start < segment.end for n in names)
        return in_paragraph and bool(re.search(r"\b(?:in|from|near|at|outside)\s+(?:the\s+)?$|\b(?:her|his|their)\s+$", before))


_COMPANY = re.compile(r"^[A-Z]{2,}\b|\b(?:Services|Company|Co\.|Corp\.?|Corporation|Inc\.?|LLC|Group|Industries|Energy|"
                      r"Systems|Solutions|Logistics|Construction|Airlines|Bank|Fisheries|Seafoods)\b")
# "the Amazon warehouse", "Apple's offices": a company named as the place someone works.
_WORKSITE_AFTER = re.compile(r"(?:'s|’s)?\s+(?:warehouse|plant|store|factory|fulfil?lment cent(?:er|re)|distribution cent(?:er|re)|mill|mine|yard|"
                             r"depot|offices?|campus|headquarters|HQ)\b")
# A quotation's signature line: a private person (initials or a first name alone), then their town last.
_ATTRIBUTION = re.compile(r"(?m)^[ \t>]*(?:—|–|--?)[ \t]*(?:(?:[A-Z]\.[ ]?){1,3}|[A-Z][a-z]+),(?:[ \t]+[^,\n]{1,40},)?[ \t]+"
                          r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)[ \t]*$")
# "shared by group member Chuy R. of Horizon City": a private person's town, after a name cut short.
# ... and "Thanks to R.M. in Wapato (case #AK-2025-0413)".
_INITIALLED_FROM = re.compile(r"(?-i:\b(?:[A-Z][a-z]{2,} [A-Z]\.,?[ \t]+(?:of|from)"
                              r"|(?!U\.S|U\.K|D\.C|U\.N|E\.U|A\.M|P\.M)[A-Z]\.[A-Z]\.[ \t]+(?:of|from|in))"
                              r"[ \t]+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))\b")
# A service someone was sent to: "connected her with the", "referred him to".
_REFERRED_TO = re.compile(r"\b(?:connected|connecting|referred|referring|linked)\s+(?:\w+\s+)?(?:with|to)\s+(?:the\s+)?$", re.I)
# "a 24-year-old returned missionary from Sandy", "She lives out off Bogard Road in Palmer"
_HOMETOWN = re.compile(r"\b[\w-]+-year-old\b[^.!?\n]{0,40}\bfrom\s+$|\b(?:lives|lived|living|grew up)\b[^.;:!?\n]{0,40}\b(?:in|near)\s+$")
# In a client's story: "I've been sitting with a young man from Mission".
_PERSON_FROM = re.compile(r"\b(?:a|an) (?:young |old |older |elderly )?(?:man|woman|boy|girl|mother|father|mom|dad|veteran|teen|"
                          r"teenager|kid|guy|widow|widower|couple|family|rancher|farmer) from\s+$")
_AFTER_A_JOB = "pattern: an employer named after the client's job"
_TOWN_WHY = "pattern: a town that says where someone is from"
_SCHOOL_KINDS = frozenset("Law Medical Nursing Graduate Grad Dental Pharmacy Divinity Business Film Art Drama Sunday Bible Hebrew "
                          "Summer Night Charter Public Private Boarding Catholic Christian Trade Beauty Driving Flight Grammar "
                          "Primary Secondary Elementary Middle High Nursery Home Day Residential Medicine Nurse".split())
_NAMED_SCHOOL = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]+ )?([A-Z][\w'’-]+) School)\b(?! (?:District|Board|of)\b)")
def _in_long_list(view: str, a: int, b: int) -> bool:
    """Is this name one of four or more in a list ("closures in Millinocket, East Millinocket,
    Bucksport, Madison")? A list that long is a region's towns or a tour, not one person's home."""
    start, line = _line_at(view, a, b)
    return any(m.start() <= a - start and b - start <= m.end() for m in _LONG_LIST.finditer(line))


_LIST_ITEM = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*"
_LONG_LIST = re.compile(rf"{_LIST_ITEM}(?:,\s+(?:and\s+|or\s+)?{_LIST_ITEM}){{2,}}(?:,?\s+(?:and|or)\s+{_LIST_ITEM})?")
_NO_ONES_HOME = frozenset("sea ocean gulf strait thanksgiving christmas easter hanukkah passover ramadan diwali mass "
                          "sides american".split())  # "Sunday Mass", "the South and Southwest Sides", "a Hmong American teenager"
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
                          "sixty seventy eighty ninety hundred thousand dozen".split())
_CLIENT_NOUN = re.compile(r"\b(?:dad|mom|father|mother|parent|member|client|teen|teenager|kid|son|daughter|"
                          r"husband|wife|couple|veteran|student|widow|widower)\b", re.I)
_VEHICLE_BEFORE = re.compile(r"\b(?:silver|black|white|red|blue|gray|grey|green|old|used|new|rusty|beat-up|his|her|their)\s+$", re.I)
_POSSESSED = re.compile(r"\b(?:my|his|her|their|our|your|favou?rite)\s+$", re.I)
_TOWN_PERSON = re.compile(r"(?-i:\b(?:[Aa]n?|[Oo]ne)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+"
                          r"(?=(?:bus\s+|truck\s+|school\s+|high\s+school\s+)?(?:driver|dad|mom|mum|mother|father|"
                          r"teen|teenager|man|woman|family|couple|widow|widower|veteran|nurse|farmer|kid|boy|girl|"
                          r"grandmother|grandfather|native|firefighter|teacher|plumber|electrician|welder|steelworker|miner|trucker|"
                          r"mechanic|carpenter|contractor|rancher|fisherman|logger)\b))")
# "on his break at the Sunnyside dairy where he milks": a town before the kind of place they work.
_TOWN_WORKSITE = re.compile(r"(?-i:\b(?:at|for)\s+the\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?=(?:dairy|orchards?|packing\s+house|"
                            r"packinghouse|cannery|feedlot|refinery|shipyard|sawmill|plant|mill|mine|warehouse|factory)\b))")
_SCHOOL_EVENT = re.compile(r"(?-i:\b(?:[Hh]er|[Hh]is|[Tt]heir)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?=(?:(?:high\s+)?school\s+)?"
                           r"(?:graduation|prom|homecoming|commencement)\b))")


def _form_field(labels: str, value: str) -> re.Pattern:
    """A form's row: its label first in a table row or a line, then the value in the next cell or
    after aligned spaces ("| Home | Northgate, with spouse and two children |")."""
    return re.compile(rf"(?im)^[ \t|]*(?:{labels})(?:[ \t]*\|[ \t]*|[ \t]{{2,}})(?-i:({value}))")


_HOME_CELL = _form_field(r"home|residence|lives in|hometown|neighbou?rhood|town", r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b")
_EMPLOYER_CELL = _form_field(r"employer(?:\s*/\s*group| group| name)?|workplace|place of work", r"[A-Z][\w&'’.-]*(?:[ ][A-Z][\w&'’.-]*){0,3}")
_TOWN_HOME = re.compile(r"(?-i:\b(?:[Tt]he same|[Hh]er|[Hh]is|[Tt]heir|[Aa]n?|(?:lives|lived|living|grew up) in the)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?=(?:(?:ranch|split-level|"
                        r"two-story|little|old|family|rented|rental)\s+)?(?:house|home|apartment|condo|trailer|duplex|"
                        r"farmhouse|bungalow|townhouse|rowhouse)\b))")
# "read it on her breaks at the Golden Nugget, where she has dealt blackjack": the job comes after the employer.
_WHERE_THEY_WORK = re.compile(r"(?-i:\b(?:at|for)\s+(?:the\s+)?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})),\s+where\s+(?:she|he|they)\s+"
                              r"(?:has\s+|have\s+|had\s+|now\s+|still\s+)?(?:worked|works|work|dealt|deals|cooks|cooked|cleans|cleaned|"
                              r"served|serves|tends|tended|waits|waited|drives|drove|teaches|taught|nurses|nursed|has been a)\b")
_STRONG_PLACE = re.compile(r"\b(?:stationed|based|deployed|moved|moving|lives|lived|living|grew up|town of|city of|the size of|town called|town named|"
                           r"(?:north|south|east|west|northeast|northwest|southeast|southwest) of|home is in|moved from [A-Z][\w-]+ to|"
                           r"drove|drives|commutes?|(?:their|her|his) (?:apartment|house|home|trailer|flat) in)\b[^.]{0,8}$", re.I)
# A Title Case phrase that goes on to one of these names a method, test or programme.
_METHOD_AFTER = re.compile(r"(?:[ -][A-Z][\w'’-]*){0,2}[ -](?:Therapy|Therapies|Theory|Model|Method|Approach|"
                           r"Technique|Training|Program|Programme|Protocol|Intervention|Inventory|Scale|"
                           r"Questionnaire|Assessment|Test|Disorder|Syndrome|Workbook|Skills|"
                           r"scale|inventory|questionnaire|screener)\b")  # "the Edinburgh scale"
# A clinician's training: "trained at the", "completed her MA at".
_TRAINED_AT = re.compile(r"(?i)\b(?:trained|studied|qualified|graduated|degree|diploma|training|MA|MSc|MSW|PhD|PsyD|doctorate|"
                         r"college|bachelor'?s|master'?s|undergraduate|graduate school)"
                         r"\b[^.!?]{0,40}\b(?:at|from)\s+(?:the\s+)?$")
_NOTE_ABOUT = re.compile(r"(?i:\b(?:mention|mentioning|naming|name|say|include|including|remove|cut|change|swap|"
                         r"keep|leave out|leave in)\s+(?:the\s+)?)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
# Schools and workplaces that are local, unlike a hospital or college research is done at.
_LOCAL_INSTITUTION = re.compile(r"\b(?:Elementary|Middle School|High School|Senior High|Junior High|High|Prep|Fitness|Gym|Fellowship|"
                                r"Tavern|Pub|Diner|Saloon|Barbershop|Post \d+|"
                                r"Iron Works|Steel Works|Ironworks|Steelworks|Mills?|Mine|Shipyard|Dairy|Refinery|"
                                r"Foundry|Quarry|Factory|Power Station|Fire Station|Police Department|Fire Department|"
                                r"Sheriff's Office|Fire & Rescue|Fire and Rescue|Conservatory)\b")
# Names followed by a year, as in a citation: "Hollywood and Hollywood in 2011", "Smith et al., 2019".
_CITED_YEAR_AFTER = re.compile(r"(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+)*(?:\s+et al\.?)?(?:,\s*|\s+in\s+|\s*\()(?:19|20)\d\d\b")
_INSTRUMENT = re.compile(r"(?-i:\b([A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2}\s+(?:Scale|Inventory|Interview|Questionnaire|Index|Test|Checklist|Assessment)\b)")
_GROUP_AFTER = re.compile(r"\s+(?:group|class|meeting|circle|branch|location)\b")  # "the Glendale group": where a group meets
# Not "studying for the NCLEX", "sat for the bar": an exam, not an employer.
_AT_ORGANISATION = re.compile(r"\b(?:at|(?<!studying )(?<!study )(?<!studied )(?<!preparing )(?<!prepping )(?<!sat )(?<!sitting )for"
                              r"|joined|left|quit)\s+(?:the\s+|an?\s+)?$", re.I)
# A person, not a word used as an adjective: "a student from Garden City", not "student programs in Nordenberg Hall".
_PLACE_ANCHOR = re.compile(
    r"(?:\b(?:her|his|the)\s+(?:(?-i:[A-Z][a-z]+\s+family)|family)|\b[\w-]+-year-old|"
    r"\bone of (?:our|my|the)\s+(?:[\w-]+\s+){0,2}?(?:members|clients|patients|students)|"
    r"\b(?:a|an|the|one|this|that|my|our|her|his|their)\s+(?:[\w-]+\s+){0,2}?(?:teen|teenager|"
    r"kid|dad|mom|mother|father|man|woman|boy|girl|couple(?! of)|veteran|member|student|widow|widower|client|patient|"
    r"grandmother|grandfather|son|daughter))\b(?!\s+(?-i:[A-Z]))(?!\s+(?:programs?|services?|success|affairs|unions?|body|"
    r"loans?|groups?|cent(?:er|re)s?|resources?|support|housing|health|visas?|life|coaches|advis[oe]rs?|ministry|"
    r"organi[sz]ations?|clubs?|aid|council|associations?|populations?|discounts?)\b)[^.!?]{0,50}?\b(?:lives?|lived|living|grew up|moved|"
    r"moving|from|in|near|at|outside|house|home|apartment|works?|worked|attends?|attended|school)\b"
    r"[^.!?]{0,20}$", re.I)
