"""What the API sends and accepts. Names of people are public names only (the chosen
display name or the first name): never an email address, phone number or last name."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema

AdKind = Literal["vraag", "aanbod", "vacature"]


class Error(Schema):
    detail: str = Field(description="Wat er mis is, in het Nederlands.")


class FieldError(Schema):
    field: str
    message: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[FieldError]


class AreaOut(Schema):
    slug: str
    name: str
    url: str


class NamedOut(Schema):
    slug: str
    name: str


class AdOut(Schema):
    id: int
    kind: AdKind
    title: str
    category: NamedOut
    neighbourhood: NamedOut | None
    status: str
    author: str = Field(description="Publieke naam van de deelnemer of de organisatie.")
    created_at: dt.datetime
    expires_on: dt.date
    url: str


class AdDetailOut(AdOut):
    description: str
    frequency: str
    duration: str
    placed_with_help: bool


class AdPage(Schema):
    count: int
    page: int
    pages: int
    results: list[AdOut]


class MyAdOut(AdDetailOut):
    visibility: str
    hidden_for_review: bool


class MessageOut(Schema):
    id: int
    sender: str | None
    mine: bool
    body: str
    created_at: dt.datetime


class ConversationAd(Schema):
    id: int
    kind: AdKind
    title: str


class ConversationOut(Schema):
    id: int
    ad: ConversationAd
    my_role: Literal["reageerder", "adverteerder", "makelaar"]
    other: str | None
    created_at: dt.datetime
    url: str
    messages: list[MessageOut]


class ReplyIn(Schema):
    body: str = Field(min_length=1, max_length=2000, description="Het bericht.")
