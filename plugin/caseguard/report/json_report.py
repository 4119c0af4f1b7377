"""`--format json`: the machine-readable contract (version 1)."""

from __future__ import annotations

import json

from ..findings import Report


def render(report: Report) -> str:
    data = {
        "version": 1,
        "findings": [f.as_dict() for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)
