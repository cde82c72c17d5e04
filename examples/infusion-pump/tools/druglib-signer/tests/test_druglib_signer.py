# The signer refuses unfit releases and its signatures verify exactly as the gateway verifies them.
# @verifies MIT-5, SR-11

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from druglib_signer import LibraryError, check_library, main, sign_library, verify_library

HEPARIN = {"code": "HEP25K", "name": "Heparin 25000 IU/50 mL", "concentrationMgPerMl": 500, "maxRateMlPerHour": 25, "maxVolumeMl": 50}


def release(**changes) -> bytes:
    library = {"version": 12, "issued": "2026-10-01", "drugs": [dict(HEPARIN)]}
    library.update(changes)
    return json.dumps(library).encode("utf-8")


def test_signature_verifies_and_breaks_on_any_change():
    key = Ed25519PrivateKey.generate()
    data = release()
    signature = sign_library(data, key)
    assert len(base64.b64decode(signature)) == 64
    assert verify_library(data, signature, key.public_key())
    assert not verify_library(data.replace(b'"maxRateMlPerHour": 25', b'"maxRateMlPerHour": 95'), signature, key.public_key())
    assert not verify_library(data, signature, Ed25519PrivateKey.generate().public_key())
    assert not verify_library(data, b"not base64!", key.public_key())


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"version": 0}, "version"),
        ({"version": True}, "version"),
        ({"drugs": []}, "non-empty"),
        ({"drugs": [HEPARIN, HEPARIN]}, "listed twice"),
        ({"drugs": [dict(HEPARIN, code="hep")]}, "invalid drug code"),
        ({"drugs": [dict(HEPARIN, maxRateMlPerHour=0)]}, "maxRateMlPerHour"),
        ({"drugs": [dict(HEPARIN, maxVolumeMl=None)]}, "maxVolumeMl"),
        ({"drugs": [dict(HEPARIN, maxRateMlPerHour=5000)]}, "exceeds what the pump can deliver"),
    ],
)
def test_unfit_releases_are_not_signed(changes, message):
    with pytest.raises(LibraryError, match=message):
        sign_library(release(**changes), Ed25519PrivateKey.generate())


def test_garbage_is_refused():
    with pytest.raises(LibraryError):
        check_library(b"\xff\xfe not json")


def test_cli_verify_reports_tampering(tmp_path, capsys):
    from cryptography.hazmat.primitives import serialization

    key = Ed25519PrivateKey.generate()
    public = tmp_path / "pharmacy.pub.pem"
    public.write_bytes(key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    library = tmp_path / "library.json"
    library.write_bytes(release())
    (tmp_path / "library.json.sig").write_bytes(sign_library(library.read_bytes(), key))
    assert main(["verify", str(library), "--public-key", str(public)]) == 0
    library.write_bytes(release(version=13))
    assert main(["verify", str(library), "--public-key", str(public)]) == 1
    assert "does NOT verify" in capsys.readouterr().err
