"""Signed approvals: an SSH signature over the review digest, made and checked with OpenSSH's
`ssh-keygen -Y sign` / `-Y verify` (namespace `caseguard`). Verifying needs no secret: only the
reviewer's public key, from the configuration or an OpenSSH `allowed_signers` file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from .findings import CaseguardError

NAMESPACE = "caseguard"
_PRINCIPAL = "reviewer"  # the name a configured key is checked under


def _ssh_keygen() -> str:
    found = shutil.which("ssh-keygen")
    if not found:
        raise CaseguardError("ssh-keygen (OpenSSH) is not installed, so signed approvals cannot be "
                             "checked: install the OpenSSH client (it is on every GitHub runner)")
    return found


def sign(digest: str, key_path: str) -> str:
    """The armored SSH signature of `digest` made with the private key at `key_path`."""
    if not os.path.isfile(key_path):
        raise CaseguardError(f"{key_path}: no such key file: give the reviewer's private SSH key to --sign-key")
    done = subprocess.run([_ssh_keygen(), "-Y", "sign", "-f", key_path, "-n", NAMESPACE],
                          input=digest.encode(), capture_output=True, timeout=60)
    if done.returncode != 0:
        detail = " ".join(done.stderr.decode(errors="replace").split())
        raise CaseguardError(f"{key_path}: signing failed ({detail}): use an SSH private key without a passphrase "
                             f"prompt, or load it into ssh-agent")
    return done.stdout.decode().strip()


def verify(digest: str, signature: str, public_key: str | None = None,
           allowed_signers: str | None = None, principal: str | None = None) -> bool:
    """Did the reviewer's key sign `digest`? Checked against `public_key` (an OpenSSH public key
    line) or, for `principal`, against an `allowed_signers` file."""
    with tempfile.TemporaryDirectory(prefix="caseguard-") as folder:
        sig_file = os.path.join(folder, "review.sig")
        with open(sig_file, "w", encoding="ascii", errors="replace") as handle:
            handle.write(signature.strip() + "\n")
        if public_key:
            allowed_signers = os.path.join(folder, "allowed_signers")
            with open(allowed_signers, "w", encoding="utf-8") as handle:
                handle.write(f"{_PRINCIPAL} {public_key.strip()}\n")
            principal = _PRINCIPAL
        if not allowed_signers or not principal:
            return False
        done = subprocess.run([_ssh_keygen(), "-Y", "verify", "-f", allowed_signers, "-I", principal,
                               "-n", NAMESPACE, "-s", sig_file],
                              input=digest.encode(), capture_output=True, timeout=60)
        return done.returncode == 0
