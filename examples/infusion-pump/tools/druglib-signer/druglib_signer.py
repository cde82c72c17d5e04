"""Check and sign a drug library release for the infusion pump gateway.

Pharmacy runs this on the signing workstation:

    druglib-signer sign library.json --key pharmacy-signing.pem
    druglib-signer verify library.json --public-key pharmacy-signing.pub.pem

The signature is Ed25519 over the exact bytes of the file, written base64-encoded next to it as
``library.json.sig``. The gateway verifies it the same way before it uses any limit in the file.
"""
# @implements MIT-5, SR-11
# A release is checked before it is signed: the signature vouches for content pharmacy reviewed, so
# nothing malformed, duplicated or with a missing limit may get one.

from __future__ import annotations

import argparse
import base64
import getpass
import json
import os
import re
import sys
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

DRUG_CODE = re.compile(r"^[A-Z0-9]{2,8}$")
LIMITS = ("concentrationMgPerMl", "maxRateMlPerHour", "maxVolumeMl")
# The pump's own ceiling: no drug library limit may exceed what the hardware can deliver.
PUMP_MAX_RATE_ML_PER_HOUR = 1200
PUMP_MAX_VOLUME_ML = 5000


class LibraryError(ValueError):
    """The release is not fit to be signed."""


def check_library(data: bytes) -> dict:
    try:
        library = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LibraryError(f"not a JSON document: {error}") from error
    if not isinstance(library, dict):
        raise LibraryError("the release must be a JSON object")
    version = library.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LibraryError("version must be a positive integer")
    if not isinstance(library.get("issued"), str):
        raise LibraryError("issued must be a date string")
    drugs = library.get("drugs")
    if not isinstance(drugs, list) or not drugs:
        raise LibraryError("drugs must be a non-empty list")
    seen: set[str] = set()
    for drug in drugs:
        code = drug.get("code") if isinstance(drug, dict) else None
        if not isinstance(code, str) or not DRUG_CODE.match(code):
            raise LibraryError(f"invalid drug code {code!r}")
        if code in seen:
            raise LibraryError(f"drug {code} is listed twice")
        seen.add(code)
        for limit in LIMITS:
            value = drug.get(limit)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not value > 0:
                raise LibraryError(f"drug {code}: {limit} must be a positive number")
        if drug["maxRateMlPerHour"] > PUMP_MAX_RATE_ML_PER_HOUR or drug["maxVolumeMl"] > PUMP_MAX_VOLUME_ML:
            raise LibraryError(f"drug {code}: a limit exceeds what the pump can deliver")
    return library


def sign_library(data: bytes, private_key: Ed25519PrivateKey) -> bytes:
    """Returns the base64 signature of a checked release."""
    check_library(data)
    return base64.b64encode(private_key.sign(data))


def verify_library(data: bytes, signature: bytes, public_key: Ed25519PublicKey) -> bool:
    try:
        public_key.verify(base64.b64decode(signature.strip(), validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def load_private_key(path: Path) -> Ed25519PrivateKey:
    # The passphrase comes from the environment in the signing pipeline, or is asked for interactively;
    # it is never a command-line argument, where other users could read it in the process list.
    passphrase = os.environ.get("DRUGLIB_KEY_PASSPHRASE") or getpass.getpass("signing key passphrase: ")
    key = serialization.load_pem_private_key(path.read_bytes(), password=passphrase.encode("utf-8"))
    if not isinstance(key, Ed25519PrivateKey):
        raise LibraryError(f"{path} is not an Ed25519 private key")
    return key


def load_public_key(path: Path) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey):
        raise LibraryError(f"{path} is not an Ed25519 public key")
    return key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="druglib-signer", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sign = commands.add_parser("sign", help="check a release and write its detached signature")
    sign.add_argument("library", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="PEM file of the encrypted Ed25519 signing key")
    verify = commands.add_parser("verify", help="verify a release against its detached signature")
    verify.add_argument("library", type=Path)
    verify.add_argument("--public-key", type=Path, required=True)
    args = parser.parse_args(argv)

    data = args.library.read_bytes()
    signature_path = args.library.with_name(args.library.name + ".sig")
    try:
        if args.command == "sign":
            signature_path.write_bytes(sign_library(data, load_private_key(args.key)) + b"\n")
            print(f"signed version {check_library(data)['version']}: {signature_path}")
            return 0
        if verify_library(data, signature_path.read_bytes(), load_public_key(args.public_key)):
            print("signature verifies")
            return 0
        print("signature does NOT verify", file=sys.stderr)
        return 1
    except LibraryError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
