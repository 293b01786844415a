"""Looking up a conversation for the person taking part in it (404 for anyone else);
used by the marketplace's pages and by "We gaan het doen" (mediations)."""

from django.http import Http404

from tijdvoorelkaar.participants.models import Participant

from .models import Conversation


def conversation_or_404(user, area, pk) -> Conversation:
    conversation = (
        Conversation.objects.for_user(user, area)
        .select_related("ad", "initiator__user", "owner__user")
        .filter(pk=pk)
        .first()
    )
    if conversation is None:
        raise Http404
    return conversation


def my_side_or_404(user, area, conversation: Conversation) -> Participant:
    """The user's own side of the conversation; 404 for a broker who only reads along."""
    me = Participant.objects.of(user, area)
    if me is None or me.pk not in (conversation.initiator_id, conversation.owner_id):
        raise Http404
    return me
