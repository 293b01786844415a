"""Participant profiles."""

from django.db import transaction

from tijdvoorelkaar.core.phones import normalise_phone

from .forms import split_list
from .models import Participant


def update_profile(participant: Participant, data: dict) -> Participant:
    """Save the profile form. `data["photo"]` is an already checked and re-encoded photo
    (core.uploads.process_image) or None; `remove_photo` removes the current one. A photo
    that is replaced or removed is deleted from storage once the change is committed."""
    old_photo = participant.photo.name if participant.photo else ""
    if data.get("photo"):
        participant.photo.save(data["photo"].name, data["photo"], save=False)
    elif data.get("remove_photo"):
        participant.photo = ""
    for field in ("display_name", "neighbourhood", "intro", "phone", "profile_visibility"):
        setattr(participant, field, data[field])
    participant.languages = split_list(data.get("languages_text", ""))
    participant.interests = split_list(data.get("interests_text", ""))
    participant.phone_normalised = normalise_phone(participant.phone)
    participant.save()
    if old_photo and old_photo != participant.photo.name:
        delete_photo_file(old_photo)
    return participant


def delete_photo_file(name: str) -> None:
    """Remove a stored photo after the current transaction commits (at once outside one)."""
    from django.core.files.storage import default_storage

    transaction.on_commit(lambda: default_storage.delete(name))
