"""Participant profiles."""

from .forms import split_list
from .models import Participant
from .phones import normalise_phone


def update_profile(participant: Participant, data: dict) -> Participant:
    for field in ("display_name", "neighbourhood", "intro", "phone", "profile_visibility"):
        setattr(participant, field, data[field])
    participant.languages = split_list(data.get("languages_text", ""))
    participant.interests = split_list(data.get("interests_text", ""))
    participant.phone_normalised = normalise_phone(participant.phone)
    participant.save()
    return participant
