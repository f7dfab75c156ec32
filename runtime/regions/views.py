"""`/wilayah/` (provinces) and `/wilayah/<parent>` (the next level): public, cacheable JSON."""

from __future__ import annotations

import re
from typing import cast

from flask import Blueprint, abort, jsonify, request
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from runtime.extensions import db
from runtime.regions.lookup import children

bp = Blueprint("regions", __name__, url_prefix="/wilayah")

#: Kemendagri codes: `64`, `64.71`, `64.71.02`, `64.71.02.1003`
CODE = re.compile(r"[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?")
#: regions change by decree a few times a year: a day in browser and proxy caches is safe
MAX_AGE = 86400


@bp.get("/")
def provinces() -> Response:
    return _answer(None)


@bp.get("/<parent>")
def below(parent: str) -> Response:
    if not CODE.fullmatch(parent):
        abort(404)
    return _answer(parent)


def _answer(parent: str | None) -> Response:
    found = children(cast(Session, db.session), parent)
    response = jsonify([{"code": code, "name": name} for code, name in found])
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response.add_etag()
    return response.make_conditional(request)
