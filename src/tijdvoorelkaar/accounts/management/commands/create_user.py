from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from tijdvoorelkaar.accounts.services import create_user_with_role
from tijdvoorelkaar.areas.models import Area
from tijdvoorelkaar.core.roles import ALL_ROLES


class Command(BaseCommand):
    help = "Maak een gebruiker met een rol in een werkgebied (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", required=True, choices=ALL_ROLES)
        parser.add_argument("--area", help="Korte naam van het werkgebied.")
        parser.add_argument("--password", help="Niet verplicht: inloggen kan ook met een link.")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, email, role, area, password, first_name, last_name, **options):
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(f"'{email}' is geen geldig e-mailadres.") from exc
        area_obj = None
        if area:
            area_obj = Area.objects.filter(slug=area).first()
            if area_obj is None:
                raise CommandError(f"Werkgebied '{area}' bestaat niet.")
        try:
            result = create_user_with_role(
                email,
                role,
                area_obj,
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        verb = "aangemaakt" if result.created else "bestond al"
        where = f" in {area_obj.slug}" if area_obj else ""
        self.stdout.write(f"Gebruiker {result.user.email} {verb}; rol {role}{where}.")
