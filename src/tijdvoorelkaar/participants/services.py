"""Participant profiles."""

from .forms import split_list
from .models import Participant


def update_profile(participant: Participant, data: dict) -> Participant:
    for field in ("display_name", "neighbourhood", "intro", "phone", "profile_visibility"):
        setattr(participant, field, data[field])
    participant.languages = split_list(data.get("languages_text", ""))
    participant.interests = split_list(data.get("interests_text", ""))
    participant.save()
    return participant
