"""The one engine: files -> posts -> checks -> findings -> a report. Every adapter calls this."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import multiprocessing
import os
import re
import sys
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from . import __version__, attestation, cache, consent, language, media, phrases, post as post_module, profiles, review
from .config import Settings
from .context import PostContext, sentences as split_sentences
from .cues import _title_like as _model_ignores
from .findings import CaseguardError, Excuse, Finding, Report
from .identifiers import NER_LABELS, IdentifierCheck
from .post import Post
from .rulepack import RuleSet, load_rules
from .segments import PROSE

_IGNORE = re.compile(r"(?:<!--|#)\s*caseguard:\s*ignore\s+([\w/*,\s-]+?)\s*(?:-->|$)", re.M)
# Above this much text, two processes run the language model (each costs a model's memory).
PARALLEL_CHARS = 400_000
# Above this much text, on Linux, posts are checked in two processes: the parent and a fork of
# it, which shares the already loaded model (no second load) and returns only results.
FORK_CHARS = 100_000
# Sentence openers that are never a name: a sentence whose only capital is one of these cannot
# hold a name, place or organisation, and the language model skips it.
_PLAIN_OPENERS = frozenset("""
a about after again all also although an and another any are as at be because been before being
both but by can could did do does during each either even eventually every finally first for from
had has have he her here his how i if in instead into is it its just let many more most much must my
neither next no not now of often on once one only or other our over perhaps please she should since
so some sometimes still such than that the their them then there these they this those though three
through to together too two under unless until usually very was we were what when where whether which
while who why with within without would yet you your
i'm i've i'd i'll it's that's there's here's what's let's don't doesn't didn't isn't aren't wasn't
weren't can't couldn't won't wouldn't shouldn't you're we're they're you'll we'll they'll she's he's
you've we've they've
""".split())
# Context the model's token encoder looks at (four tokens either side in the small English
# pipelines); six words are at least six tokens.
_CONTEXT_WORDS = 6
# A line wrapped inside a sentence: the model reads it as a space.
_SOFT_BREAK = re.compile(r"(?<=[\w,])\n(?=[A-Za-z])")
_WORD = re.compile(r"\S+")
_PRONOUN_I = re.compile(r"(?<![\w'’.-])I(?:['’](?:m|ve|d|ll))?(?![\w'’.-])")
_OPENER = re.compile(r"[^A-Za-z]*([A-Za-z]+(?:['’][A-Za-z]+)?)")


@dataclass
class PostResult:
    findings: list[Finding] = field(default_factory=list)
    excused: list[Excuse] = field(default_factory=list)
    status: dict = field(default_factory=dict)
    inputs: dict = field(default_factory=dict)  # files besides the post that the check read: path -> hash

    def as_dict(self) -> dict:
        return {"findings": [f.as_dict() for f in self.findings],
                "excused": [e.__dict__ for e in self.excused], "status": self.status, "inputs": self.inputs}

    @classmethod
    def from_dict(cls, data: dict) -> "PostResult":
        return cls([Finding.from_dict(f) for f in data["findings"]],
                   [Excuse(**e) for e in data["excused"]], data["status"], data.get("inputs") or {})


class Engine:
    """Checks posts against one site's settings. Keep one per process: it holds the model."""

    def __init__(self, settings: Settings, ruleset: RuleSet | None = None, today: dt.date | None = None):
        self.settings = settings
        self.ruleset = ruleset or load_rules(tuple(settings.rules), settings.root)
        for rule_id in settings.severity:
            if rule_id not in self.ruleset and not any(r.startswith(rule_id + "/") for r in self.ruleset.rules):
                raise CaseguardError(f"{settings.config_file or 'configuration'}: 'severity' names "
                                     f"'{rule_id}', which is not a rule; `caseguard rules` lists them")
        self.profile = profiles.defaults(settings.options.get("profile"))
        self.today = today or dt.date.today()
        self.reviewers = review.reviewers_from(settings.reviewers)
        self.allowed_signers = os.path.join(settings.root, settings.allowed_signers) if settings.allowed_signers else None
        self._files: dict[str, str] = {}  # reported path -> file on disk, for the images of a post
        self.cache = cache.Cache(settings.root, settings.cache)
        self._model_name = None

    # The checks' word lists and patterns are built on first use: a re-check that finds every
    # post in the cache never needs them.
    @cached_property
    def identifiers(self) -> IdentifierCheck:
        return IdentifierCheck(self.ruleset, self.settings)

    @cached_property
    def media(self) -> media.MediaCheck:
        return media.MediaCheck(self.ruleset, self.settings, self.identifiers)

    # -- public ---------------------------------------------------------------------------------

    def check_files(self, files: list[tuple[str, str]], inherited: dict | None = None) -> Report:
        """Check (file on disk, path to report) pairs. Unreadable or broken posts raise one
        CaseguardError that lists every one of them. `inherited` maps a reported path to the
        metadata the site gives it from elsewhere (Material's `.meta.yml`)."""
        inherited = inherited or {}
        report = Report()
        problems, pending, results = [], [], {}
        context_key = self._context_key()
        self._files.update((path, file) for file, path in files)
        for file, path in files:
            try:
                raw = post_module.read_bytes(file, path)
                extra = json.dumps(inherited.get(path) or {}, sort_keys=True, default=str)
                entry = cache.key(raw + b"\0" + path.encode() + b"\0" + extra.encode(), context_key)
                cached = self.cache.get(entry)
                if cached is not None and media.unchanged(cached.get("inputs")):  # its images too
                    results[path] = PostResult.from_dict(cached)
                    continue
                pending.append((path, entry, post_module.parse(raw, path, inherited.get(path))))
            except CaseguardError as error:
                problems.append(str(error))
        if problems:
            raise CaseguardError("\n".join(problems))
        if pending:
            for path, entry, result in zip((p for p, _, _ in pending), (e for _, e, _ in pending),
                                           self.check_posts([p for _, _, p in pending])):
                self.cache.put(entry, result.as_dict())
                results[path] = result
        for _file, path in files:
            result = results[path]
            report.findings.extend(result.findings)
            report.excused.extend(result.excused)
            report.statuses[path] = result.status
        report.posts = len(files)
        return report

    def check_posts(self, posts: list[Post]) -> list[PostResult]:
        """Check parsed posts (no cache): the language model runs once over all that need it."""
        if len(posts) > 1 and sum(len(p.text) for p in posts) > FORK_CHARS and _fork_ok():
            return self._check_in_two(posts)
        return self._check_here(posts)

    def _check_here(self, posts: list[Post]) -> list[PostResult]:
        contexts = [PostContext(p, self.ruleset, self._is_case_study(p)) for p in posts]
        entities = self._entities(posts, contexts)
        return [self._check(p, c, e) for p, c, e in zip(posts, contexts, entities)]

    # -- inside -----------------------------------------------------------------------------------

    def _check_in_two(self, posts: list[Post]) -> list[PostResult]:
        """Half the posts here, half in a fork of this process, which shares the loaded model.
        A helper that dies is never a silent pass: its posts are then checked here."""
        language.load(self.settings.model)  # load (and prove) the model once, before the fork
        self.media  # noqa: B018 - and build the checks once, for both processes
        total, running, half = sum(len(p.text) for p in posts), 0, len(posts) - 1
        for number, post in enumerate(posts):
            running += len(post.text)
            if running * 2 >= total:
                half = max(1, number)
                break
        fork = multiprocessing.get_context("fork")
        receive, send = fork.Pipe(duplex=False)
        helper = fork.Process(target=_check_in_helper, args=(self, posts[half:], send), daemon=True)
        helper.start()
        send.close()
        try:
            mine = self._check_here(posts[:half])
            try:
                status, payload = receive.recv()
            except (EOFError, OSError):
                status, payload = "lost", None
        finally:
            receive.close()
            helper.join(timeout=5)
            if helper.is_alive():
                helper.terminate()
        if status == "error":
            raise CaseguardError(payload)
        if status != "ok":
            return mine + self._check_here(posts[half:])
        return mine + [PostResult.from_dict(data) for data in payload]

    def _is_case_study(self, post: Post) -> bool:
        return consent.is_case_study(post.meta, self.settings.case_study_categories)

    def _context_key(self) -> str:
        model = language.model_name(self.settings.model)
        return "|".join((__version__, _code_digest(), self.settings.fingerprint(), self.ruleset.digest,
                         model, language.version_of(model), self.today.isoformat()))

    def _entities(self, posts: list[Post], contexts: list[PostContext]) -> list[list[tuple]]:
        """Entities (label, start, end) in file offsets, for each post; fails closed without a model."""
        nlp = language.load(self.settings.model)
        # Title-like segments (headings, titles, tags) are not read: the identifier check ignores
        # what the model finds in Title Case text.
        jobs = [(i, s) for i, p in enumerate(posts) for s in p.segments
                if s.kind == PROSE and not _model_ignores(s.where)]
        found: list[list[tuple]] = [[] for _ in posts]
        if not jobs:
            return found
        # Only the runs of sentences that can hold a name go to the model (about two thirds of
        # a typical post's words): (post, segment, offset of the run in the segment, its text).
        chunks = []
        for index, segment in jobs:
            for a, b, core_a, core_b in _name_bearing_runs(segment):
                chunks.append((index, segment, a, core_a - a, core_b - a, segment.text[a:b]))
        size = sum(len(text) for *_, text in chunks)
        processes = 2 if size > PARALLEL_CHARS and (os.cpu_count() or 1) >= 2 and not _fork_ok() else 1
        # A line wrapped inside a sentence is a space to the model, so "Michael\nPhelps" is one
        # name (the same length, so offsets hold).
        texts = (_SOFT_BREAK.sub(" ", text) for *_, text in chunks)
        for (index, segment, offset, core_a, core_b, chunk), doc in zip(
                chunks, nlp.pipe(texts, batch_size=64, n_process=processes)):
            for e in doc.ents:
                if e.label_ in NER_LABELS and e.end_char > core_a and e.start_char < core_b:
                    # Blanked markup is whitespace to the model: an entity ends where a gap begins.
                    text = doc.text[e.start_char:e.end_char]
                    start = offset + e.start_char + len(text) - len(text.lstrip())
                    length = len(re.split(r"\s{2,}|\n", text.strip())[0])
                    found[index].append((e.label_, segment.start + start, segment.start + start + length,
                                         segment.where))
        return found

    def _check(self, post: Post, context: PostContext, entities: list[tuple]) -> PostResult:
        raw: list[tuple[str, int, int, str, str]] = []  # rule, start, end, why, detail
        for rule_id, start, end, detail in consent.check(post, context, self.today):
            raw.append((rule_id, start, end, "front matter" if rule_id != "consent/undeclared-case-study"
                        else "a sentence that points at one specific client", detail))
        for rule_id, start, end, detail in attestation.check(post, context, self.ruleset, self.today):
            raw.append((rule_id, start, end, "front matter", detail))
        review_problems, approval = review.check(post, context.case_study, self.settings.require_review,
                                                 self.reviewers, self.allowed_signers)
        for rule_id, key_path, detail in review_problems:
            start = post.key_offset(*key_path) if key_path else 0
            raw.append((rule_id, start, _line_end(post.text, start), "front matter", detail))
        hits = self.identifiers.find(post, context, entities)
        for hit in hits:
            raw.append((f"identifier/{hit.kind}", hit.start, hit.end, hit.why, ""))
        found, inputs = self.media.find(post, context, self._files.get(post.path, post.path), hits, self.today)
        raw.extend(found)
        for rule in self.ruleset.rules.values():
            if rule.detect.get("type") in ("phrases", "absent"):
                for start, end, why, label in phrases.check(rule, context, tuple(self.settings.crisis_lines)):
                    raw.append((rule.id, start, end, why, label))
        result = PostResult(inputs=inputs)
        excused_lines = _excused_lines(post.text)
        for rule_id, start, end, why, detail in sorted(raw, key=lambda r: (r[1], r[0])):
            severity = self._severity(rule_id)
            if severity == "off":
                continue
            line, column = post.position(start)
            end_line, end_column = post.position(end)
            if any(_names_rule(spec, rule_id) for spec in excused_lines.get(line, ())):
                result.excused.append(Excuse(post.path, rule_id, line))
                continue
            match = post.text[start:end]
            message = self._message(rule_id, post, start, match, detail)
            result.findings.append(Finding(post.path, rule_id, severity, line, column, end_line,
                                           end_column, match, message, why))
        result.status = {
            "case_study": context.case_study,
            "basis": _basis(post.meta) if context.case_study else None,
            "review": approval,
            "review_state": _review_state(approval, review_problems),
            "blocked": any(f.severity == "error" for f in result.findings),
        }
        return result

    def _severity(self, rule_id: str) -> str:
        overrides = self.settings.severity
        family = rule_id.split("/", 1)[0]
        return (overrides.get(rule_id) or overrides.get(family) or self.profile.get(rule_id)
                or self.ruleset[rule_id].severity)

    def _message(self, rule_id: str, post: Post, start: int, match: str, detail: str) -> str:
        where = next((s.where for s in post.segments
                      if s.start <= start < s.end and s.text[start - s.start] != " "), "text")
        values = defaultdict(str, match=" ".join(match.split()), where=where, path=post.path,
                             detail=detail)
        return self.ruleset[rule_id].message.format_map(values)


def _check_in_helper(engine: "Engine", posts: list[Post], send):
    """The forked helper: check its posts and send back plain results."""
    try:
        send.send(("ok", [r.as_dict() for r in engine._check_here(posts)]))
    except CaseguardError as error:
        send.send(("error", str(error)))
    except BaseException as error:  # noqa: BLE001 - the parent checks these posts itself
        send.send(("lost", repr(error)))
    finally:
        send.close()


def _fork_ok() -> bool:
    """A fork shares the loaded model safely only on Linux and without other threads running."""
    return sys.platform.startswith("linux") and threading.active_count() == 1 and (os.cpu_count() or 1) >= 2


def _name_bearing_runs(segment) -> list[tuple[int, int, int, int]]:
    """What of a segment the language model reads: the sentences that may hold a name (every
    sentence with a capital letter other than a plain opener such as "The", "If" or "She"),
    each with a few words of context either side, so the model sees every token it reads in the
    same neighbourhood as in the whole segment. (start, end, core start, core end) as offsets
    in the segment; entities outside the core belong to skipped sentences and are dropped."""
    text = segment.text
    runs: list[list[int]] = []
    word_starts: list[int] = []
    word_ends: list[int] = []
    for sentence in split_sentences(text, 0):
        if not _may_hold_name(sentence.text):
            continue
        if not word_starts:
            for m in _WORD.finditer(text):
                word_starts.append(m.start())
                word_ends.append(m.end())
        first = bisect.bisect_left(word_starts, sentence.start)
        last = bisect.bisect_left(word_ends, sentence.end)
        a = min(sentence.start, word_starts[max(0, first - _CONTEXT_WORDS)])
        b = max(sentence.end, word_ends[min(len(word_ends) - 1, last + _CONTEXT_WORDS)])
        if runs and a <= runs[-1][1]:
            runs[-1][1], runs[-1][3] = max(runs[-1][1], b), sentence.end
        else:
            runs.append([a, b, sentence.start, sentence.end])
    return [tuple(run) for run in runs]


def _may_hold_name(text: str) -> bool:
    m = _OPENER.match(text)
    if m is None:
        return False  # no letters at all
    rest = text[m.end():] if m.group(1).lower().replace("’", "'") in _PLAIN_OPENERS else text
    return any(c.isupper() for c in _PRONOUN_I.sub("", rest))


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """caseguard's own source, so an upgrade (or an edit) never reuses an old result."""
    digest = hashlib.sha256()
    folder = os.path.dirname(os.path.abspath(__file__))
    for root, _dirs, names in sorted(os.walk(folder)):
        for name in sorted(n for n in names if n.endswith(".py")):
            with open(os.path.join(root, name), "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def _review_state(approval, problems) -> str:
    """approved, stale, missing, invalid (signature, reviewer, malformed) or not required."""
    if approval:
        return "approved"
    rules = {rule for rule, _key, _detail in problems}
    if "review/stale" in rules:
        return "stale"
    if "review/missing" in rules:
        return "missing"
    return "invalid" if rules else "not required"


def _basis(meta: dict) -> str | None:
    value = meta.get("consent")
    basis = value.get("basis") if isinstance(value, dict) else None
    return basis.strip().casefold() if isinstance(basis, str) else None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return end - 1 if end > start and text[end - 1] == "\r" else end


def _excused_lines(text: str) -> dict[int, list[str]]:
    """`<!-- caseguard: ignore RULE -->` excuses RULE on the next line."""
    lines: dict[int, list[str]] = {}
    for m in _IGNORE.finditer(text):
        line = text.count("\n", 0, m.end()) + 2
        lines.setdefault(line, []).extend(s for s in re.split(r"[\s,]+", m.group(1)) if s)
    return lines


def _names_rule(spec: str, rule_id: str) -> bool:
    spec = spec.removesuffix("/*")
    return spec == rule_id or rule_id.startswith(spec + "/")
