"""What a reviewed post shows: the "reviewed" badge, its schema.org data, and (in `mkdocs serve`
only) the panel that lists why a post is blocked."""

from __future__ import annotations

import datetime as dt
import html
import json
import re


BASIS_WORDS = {
    "written": "Shared with the client's written consent",
    "composite": "A composite of several clients",
    "disguised": "Details changed to protect privacy",
}
_CHECK = ('<svg class="cg-badge__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="16" '
          'height="16"><path fill="currentColor" d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/></svg>')


def _long_date(value: str) -> str:
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return html.escape(str(value))
    return f"{day.day} {day:%B %Y}"


def badge_html(review: dict, basis: str | None) -> str:
    """The badge under a post's title: who reviewed it, when, and on what basis it is shared."""
    reviewer = html.escape(review["reviewer"])
    when = _long_date(review["approved"])
    parts = [f'{_CHECK}<span class="cg-badge__text">Reviewed by <strong>{reviewer}</strong> on '
             f'<time datetime="{html.escape(str(review["approved"])[:10])}">{when}</time></span>']
    if basis in BASIS_WORDS:
        parts.append(f'<span class="cg-badge__basis">{BASIS_WORDS[basis]}</span>')
    # data-search-exclude: Material's search leaves it out of the index.
    return ('<p class="cg-badge" role="note" aria-label="Reviewed post" data-search-exclude>'
            + '<span class="cg-badge__sep" aria-hidden="true"> · </span>'.join(parts) + "</p>")


def json_ld(review: dict, title: str | None) -> str:
    data = {"@context": "https://schema.org", "@type": "WebPage",
            "reviewedBy": {"@type": "Person", "name": review["reviewer"]},
            "lastReviewed": str(review["approved"])[:10]}
    if title:
        data["name"] = title
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


def insert_badge(page_html: str, badge: str) -> str:
    """Put the badge right after the page's first heading (the post's title)."""
    m = re.search(r"</h1\s*>", page_html, re.I)
    if m:
        return page_html[:m.end()] + "\n" + badge + page_html[m.end():]
    m = re.search(r"<(?:article|div)[^>]*\brole=[\"']main[\"'][^>]*>|<article[^>]*>", page_html, re.I)
    if m:
        return page_html[:m.end()] + "\n" + badge + page_html[m.end():]
    return badge + page_html


def insert_head(page_html: str, snippet: str) -> str:
    m = re.search(r"</head\s*>", page_html, re.I)
    return page_html[:m.start()] + snippet + "\n" + page_html[m.start():] if m else page_html


def blocked_panel(problems: list[str]) -> str:
    """A panel for `mkdocs serve`: this post would stop `mkdocs build`, and why."""
    items = "".join(f"<li>{html.escape(problem.removeprefix('caseguard: '))}</li>" for problem in problems)
    return (f'<div class="cg-blocked" role="alert" data-search-exclude><p class="cg-blocked__title">'
            f'caseguard: this post would not be published. <code>mkdocs build</code> stops on '
            f'{len(problems)} problem(s):</p><ul>{items}</ul></div>')
