"""Short names for the ad fields the demo's ad lists use."""

from tijdvoorelkaar.marketplace.models import Ad

VRAAG, AANBOD = Ad.Kind.REQUEST, Ad.Kind.OFFER
ONCE, SOMETIMES, WEEKLY, BY_ARRANGEMENT = (
    Ad.Frequency.ONCE,
    Ad.Frequency.SOMETIMES,
    Ad.Frequency.WEEKLY,
    Ad.Frequency.BY_ARRANGEMENT,
)
SHORT, HOURS, PART_OF_DAY, LONGER = (
    Ad.Duration.SHORT,
    Ad.Duration.HOURS,
    Ad.Duration.PART_OF_DAY,
    Ad.Duration.LONGER,
)
