"""Whose story is this? Sentences, client cues, and whether a post narrates a specific client.

Names, places and dates are identifiers only when they belong to a client. caseguard decides
that per post (a declared case study, or a post whose sentences point at one specific client)
and per sentence (a sentence about the author, an event or the literature is not about a client).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from .phrases import folded
from .post import Post
from .rulepack import RuleSet
from .segments import PROSE

_ABBREVIATIONS = {"dr", "mr", "mrs", "ms", "mx", "st", "vs", "etc", "e.g", "i.e", "jr", "sr", "no",
                  "ave", "apt", "dept", "fig", "approx", "inc", "ltd", "co", "mt", "ft", "p.s"}
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*+>|#]|\s*\d+\.)")

# A third person in the sentence: someone other than the author.
_THIRD_PERSON = re.compile(
    r"\b(?:she|he|her|him|his|hers|herself|himself|client|clients|patient|couple|son|daughter|"
    r"husband|wife|partner|mother|father|mom|dad|brother|sister|boyfriend|girlfriend|fianc[ée]e?|"
    r"grandmother|grandfather|aunt|uncle|cousin|kids?|children|family|boss|coworker|roommate|session|sessions)\b",
    re.I)
_FIRST_PERSON_START = re.compile(r"^\W*(?:I|I'm|I've|I'd|I'll|We|We're|We've|Our|My|Me)\b")
# Sentences about the practice's events, the post itself or research: not a client's facts.
_NOT_CLIENT = re.compile(
    r"\b(?:workshop|webinar|group meets|support group|join us|join me|register|registration|"
    r"sign up|rsvp|conference|(?:a|the|our|my|this|clinical|professional|free|online) training|"
    r"training (?:on|in|for|session|sessions|program|programs|course|day)|published (?:in|by|on)|posted on|(?:last |post )?updated(?: on)?\b(?= \w+ \d)|"
    r"edition|study|studies|survey|"
    r"researchers?|according to|percent|per cent|statistics|office (?:is |will be )?closed|"
    r"open house|holiday hours|office hours|awareness (?:day|week|month)|remembrance day|hotline|helpline|crisis line)\b"
    # The practice's reach, not one client: "We see many families from Pasadena, Baytown and La Porte".
    r"|\b(?:we|I) (?:see|serve|work with|welcome) (?:many |lots of |a lot of |clients and )?(?:families|clients|people|kids|"
    r"children|teens|couples|adults|parents)\b(?! who\b)"
    # A named public disaster: "The Upper Big Branch explosion happened on April 5, 2010"; not "The shooting happened".
    r"|(?-i:\b(?!(?:The|A|An|This|That|His|Her|Their|Our|My)\b)[A-Z][\w'’-]+ "
    r"(?i:explosion|disaster|floods?|shooting|bombing|massacre|hurricane|tornado|earthquake)\b)"
    r"|\ba series of (?:[\w-]+ ){0,3}(?:fires|explosions|blasts|shootings|bombings|tornadoes|storms|floods)\b"
    # A storm named by its day: "The derecho of May 12, 2022 flattened bins", "the blizzard of 1888".
    r"|\bthe (?:derecho|blizzard|ice storm|flood|floods|tornado|tornadoes|hurricane|earthquake|wildfire|heat wave|windstorm) of (?:[A-Z][a-z]+ \d|\d{4})"
    # The reader, not a client: "if you are a student at UMass Lowell, Middlesex Community College or anywhere else"
    r"|\bif (?:you are|you're|you were) (?:a|an) (?:[\w-]+ )?(?:student|nurse|teacher|employee|worker|member|parent|veteran)\b", re.I)


@dataclass(frozen=True)
class Sentence:
    start: int  # file offsets
    end: int
    text: str

    @cached_property
    def third_person(self) -> bool:
        return bool(_THIRD_PERSON.search(self.text))

    @cached_property
    def about_author_only(self) -> bool:
        return bool(_FIRST_PERSON_START.search(self.text)) and not self.third_person

    @cached_property
    def not_client(self) -> bool:
        return bool(_NOT_CLIENT.search(self.text))


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    passing: bool = False  # a client named in passing ("I lent my copy to a client, Beau"): not the post's story


def sentences(text: str, base: int) -> list[Sentence]:
    """Split prose (a segment's text, starting at file offset `base`) into sentences."""
    found, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"([\w.]+)[.!?]+[\"'”’)\]]*$", text[start:m.end()])
        if word and m.group().startswith(".") and (
                word.group(1).lower().rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            continue
        _add(found, text, start, m.end(), base)
        start = m.end()
    _add(found, text, start, len(text), base)
    return found


def _add(found, text, a, b, base):
    chunk = text[a:b]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        found.append(Sentence(base + a + lead, base + a + trail, chunk[lead:trail]))


class PostContext:
    """What a post says about clients, computed once per post."""

    def __init__(self, post: Post, ruleset: RuleSet, case_study: bool):
        self.post = post
        self.case_study = case_study
        self.sentences: list[Sentence] = []
        for segment in post.segments:
            if segment.kind == PROSE:
                self.sentences.extend(sentences(segment.text, segment.start))
        self.sentences.sort(key=lambda s: s.start)
        self._starts = [s.start for s in self.sentences]
        self.cues = find_cues(self.sentences, ruleset["consent/undeclared-case-study"].detect)

    # Case-folded prose, for a quick look before a pattern runs (see phrases.prefilter).
    @cached_property
    def prose_segments(self) -> list:
        """(segment, its folded text) for each prose segment."""
        return [(s, folded(s.text)) for s in self.post.segments if s.kind == PROSE]

    @cached_property
    def folded_prose(self) -> str:
        return "\n".join(text for _, text in self.prose_segments)

    @property
    def narrative(self) -> bool:
        """Does the post tell a specific client's story (declared or not)? A client mentioned in
        passing blocks the post as undeclared, but leaves the rest of it (a book's author, the
        office's holiday hours) to be read as the post's own."""
        return self.case_study or self.consented or any(not cue.passing for cue in self.cues)

    @cached_property
    def consented(self) -> bool:
        """A post that states a consent basis tells a client's story, whatever its category."""
        consent = self.post.meta.get("consent")
        return isinstance(consent, dict) and "basis" in consent and self.post.meta.get("case_study") is not False

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.sentences[index].start <= offset < max(self.sentences[index].end, offset + 1):
            return self.sentences[index]
        return None

    def sentence_before(self, sentence: Sentence) -> Sentence | None:
        """The sentence just before this one, for a look-back ("My abuela raised me. She is 94 now.")."""
        previous = self.sentence_at(sentence.start - 2)  # back over the space between them
        return previous if previous is not sentence else None

    def cue_in(self, sentence: Sentence | None) -> bool:
        return sentence is not None and any(sentence.start <= c.start < sentence.end for c in self.cues)

    def about_client(self, offset: int) -> bool:
        """Is the text at `offset` part of a client's story rather than the author's or the literature's?"""
        sentence = self.sentence_at(offset)
        if sentence is None:
            return self.narrative
        if self.cue_in(sentence):
            return True
        if not self.narrative or sentence.not_client or sentence.about_author_only:
            return False
        return True


def find_cues(all_sentences: list[Sentence], detect: dict) -> list[Cue]:
    cues_re = [(re.compile(p, re.I), False) for p in detect.get("cues", [])]
    cues_re += [(re.compile(p, re.I), True) for p in detect.get("passing_cues", [])]
    unless_re = [re.compile(p, re.I) for p in detect.get("unless", [])]
    return _find_cues(all_sentences, tuple(cues_re), tuple(unless_re))


_HYPOTHETICAL_LEAD = re.compile(r"\W*(?:imagine|suppose|picture|pretend|let's say|let’s say)\b", re.I)


# A post that says its client is invented: "let's follow an imaginary client", "Mike isn't anyone we've treated".
_INVENTED = re.compile(r"\b(?:imaginary|fictional|made-up|invented|hypothetical) (?:client|patient|person|couple|family|example|character)\b"
                       r"|\bis(?:n't|n’t| not) (?:anyone|anybody|someone) (?:we|I)(?:'ve|’ve| have)? (?:ever )?(?:treated|seen|worked with)\b", re.I)


def _find_cues(all_sentences, cues_re, unless_re) -> list[Cue]:
    if any(_INVENTED.search(sentence.text) for sentence in all_sentences):
        return []
    found, previous = [], None
    for sentence in all_sentences:
        invented = previous is not None and _HYPOTHETICAL_LEAD.match(previous.text)
        previous = sentence
        text = re.sub(r"\s", " ", sentence.text)  # "she came to\nme": a line break is a space (offsets unchanged)
        for pattern, passing in cues_re:
            m = pattern.search(text)
            if not m:
                continue
            before = text[:m.end()]
            if any(u.search(before) for u in unless_re) or invented:
                continue  # "Imagine a couple. We'll call them Partner A and Partner B."
            found.append(Cue(sentence.start + m.start(), sentence.start + m.end(), sentence.text[m.start():m.end()], passing))
            break
    return found
