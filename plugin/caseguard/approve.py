"""`caseguard approve`: record that a reviewer approved exactly this text.

The `review:` block is written into the front matter and nothing else in the file changes:
comments, key order, quoting, line endings and the body keep their bytes. The write is atomic
(a temp file in the same folder, fsync, rename), so a crash never leaves half a post.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile

from . import post as post_module, review
from .findings import CaseguardError


def review_block(reviewer: str, approved: dt.date, digest: str, newline: str, signature: str | None = None) -> str:
    lines = ["review:", f"  reviewer: {json.dumps(reviewer, ensure_ascii=False)}",
             f"  approved: {approved.isoformat()}", f"  digest: {digest}"]
    if signature:
        lines.append("  signature: |")
        lines.extend("    " + line for line in signature.strip().splitlines())
    return newline.join(lines) + newline


def with_review(text: str, block: str) -> str:
    """The post's text with `block` as its review: in place of an old one, or at the end of the
    front matter (a front matter is added when the post has none)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    parsed = post_module.parse(text.encode("utf-8"), "post")
    start, end = parsed.front.start, parsed.front.end
    if end == 0:  # no front matter yet
        return "---" + newline + block + "---" + newline + text
    front = text[start:end]
    old = re.search(r"^review:.*(?:\n|$)", front, re.M)
    if old:
        stripped = review.without_review(text, start, end)
        cut = start + old.start()
        return stripped[:cut] + block + stripped[cut:]
    closing = re.search(r"^(?:---|\.\.\.)[ \t]*\r?$", front, re.M)
    insert_at = start + closing.start()
    return text[:insert_at] + block + text[insert_at:]


def write_atomically(path: str, data: bytes):
    """Replace `path` with `data`: a temp file beside it, flushed to disk, then renamed over it."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".caseguard-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def approve(path: str, reviewer: str, today: dt.date | None = None, signer=None) -> str:
    """Write the review block into the post at `path`; returns the digest approved.
    `signer(digest) -> str` adds a signature when given."""
    raw = post_module.read_bytes(path, path)
    text = post_module.decode(raw, path)  # without a byte-order mark, which is put back below
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    parsed = post_module.parse(raw, path)
    digest = review.digest(parsed)
    newline = "\r\n" if "\r\n" in text else "\n"
    signature = signer(digest) if signer else None
    updated = with_review(text, review_block(reviewer, today or dt.date.today(), digest, newline, signature))
    check = post_module.parse(updated.encode("utf-8"), path)
    if review.digest(check) != digest:
        raise CaseguardError(f"{path}: the review could not be written without changing the post: "
                             f"check its front matter for a second `review:` key")
    write_atomically(path, bom + updated.encode("utf-8"))
    return digest
