"""The three file formats of the import contract (docs/importeren.md): columns,
required cells, lengths, and the codes a cell may hold."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy

from tijdvoorelkaar.marketplace.models import Ad
from tijdvoorelkaar.mediations.models import Mediation
from tijdvoorelkaar.participants.models import Inflow
from tijdvoorelkaar.workspace.models import DECLINED, Background

PARTICIPANTS, ADS, MEDIATIONS = "participants", "ads", "mediations"
KINDS = (PARTICIPANTS, ADS, MEDIATIONS)

COLUMNS = {
    PARTICIPANTS: [
        "external_id",
        "name",
        "email",
        "phone",
        "neighbourhood",
        "gender",
        "birth_year",
        "registered_on",
        "inflow_source",
        "referrer_organisation",
    ],
    ADS: [
        "external_id",
        "owner_id",
        "kind",
        "category",
        "title",
        "description",
        "neighbourhood",
        "placed_on",
        "closed_on",
    ],
    MEDIATIONS: [
        "external_id",
        "requester_id",
        "provider_id",
        "broker_supported",
        "started_on",
        "reached_active",
        "ended_on",
        "end_reason",
        "category",
    ],
}
REQUIRED = {
    PARTICIPANTS: ["external_id", "name", "neighbourhood", "registered_on"],
    ADS: ["external_id", "owner_id", "kind", "title", "placed_on"],
    MEDIATIONS: [
        "external_id",
        "requester_id",
        "provider_id",
        "broker_supported",
        "started_on",
        "reached_active",
    ],
}
MAX_LENGTH = {
    "external_id": 64,
    "owner_id": 64,
    "requester_id": 64,
    "provider_id": 64,
    "email": 254,
    "phone": 30,
    "referrer_organisation": 120,
    "title": 120,
    "description": 2000,
    "category": 80,
}
KIND_NAMES = {
    PARTICIPANTS: gettext_lazy("deelnemers"),
    ADS: gettext_lazy("advertenties"),
    MEDIATIONS: gettext_lazy("bemiddelingen"),
}

GENDERS = {"v": Background.Gender.WOMAN, "m": Background.Gender.MAN, "x": Background.Gender.OTHER}
GENDER_VALUES = ["v", "m", "x", "onbekend"]
GENDER_EXPORT = {value: key for key, value in GENDERS.items()} | {DECLINED: "onbekend"}
# The contract says "evenement"; the model keeps markets and events as "markt".
INFLOW_IMPORT = {
    "website": Inflow.WEBSITE,
    "groepsbezoek": Inflow.GROUP_VISIT,
    "huisbezoek": Inflow.DOOR_TO_DOOR,
    "evenement": Inflow.MARKET,
    "mond-tot-mond": Inflow.WORD_OF_MOUTH,
    "doorverwijzing": Inflow.REFERRAL,
    "anders": Inflow.OTHER,
}
INFLOW_EXPORT = {value: key for key, value in INFLOW_IMPORT.items()}
AD_KINDS = [Ad.Kind.REQUEST.value, Ad.Kind.OFFER.value]
YES_NO = {"ja": True, "nee": False}
END_REASONS = list(Mediation.EndReason.values)
AD_LIFETIME = dt.timedelta(days=91)
DEFAULT_CATEGORY = "Overig"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
