import pytest

from tijdvoorelkaar.core.phones import InvalidPhone, clean_dutch_phone, normalise_phone, tel_uri


@pytest.mark.parametrize(
    "typed",
    [
        "030 123 45 67",
        "030-1234567",
        "(030) 123 45 67",
        "06 1234 5678",
        "+31 6 1234 5678",
        "0031 30 123 45 67",
        "0800 1234",
        "0900-1234567",
        "14 030",
        "14 0513",
        "088 123 45 67",
    ],
)
def test_dutch_numbers_are_kept_as_typed(typed):
    assert clean_dutch_phone(f"  {typed} ") == typed


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("030 123 45", "10 cijfers"),
        ("06 1234 56789", "10 cijfers"),
        ("bel me", "alleen cijfers"),
        ("030 123 45 67 ext. 4", "alleen cijfers"),
        ("+49 30 1234567", "Nederlands telefoonnummer"),
        ("1234567890", "Nederlands telefoonnummer"),
        ("00 30 123 45 67", "10 cijfers"),
    ],
)
def test_other_input_is_refused_with_what_to_type(typed, says):
    with pytest.raises(InvalidPhone) as refused:
        clean_dutch_phone(typed)
    assert says in str(refused.value.message)
    assert refused.value.field == "phone"


def test_empty_is_allowed():
    assert clean_dutch_phone("   ") == ""
    assert tel_uri("") == ""


def test_tel_links_are_international_except_the_municipal_number():
    assert tel_uri("030 123 45 67") == "tel:+31301234567"
    assert tel_uri("+31 6 1234 5678") == "tel:+31612345678"
    assert tel_uri("0800 1234") == "tel:+318001234"
    assert tel_uri("14 030") == "tel:14030"


def test_numbers_compare_as_digits():
    assert normalise_phone("+31 6 1234 5678") == normalise_phone("06-12345678") == "0612345678"
