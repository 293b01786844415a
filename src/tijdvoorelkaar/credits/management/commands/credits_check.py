"""`manage.py credits_check`: recompute every Roosjes balance from the movements.

Exits 0 with "Alles klopt" when every stored balance equals the sum of its movements and
every transfer sums to zero; otherwise names the accounts and transfers and exits 1.
"""

from django.core.management.base import BaseCommand, CommandError

from tijdvoorelkaar.credits.models import Account, Transfer
from tijdvoorelkaar.credits.services import find_mismatches


class Command(BaseCommand):
    help = "Controleer of elk Roosjes-saldo gelijk is aan de som van de mutaties."

    def handle(self, *args, **options):
        accounts, transfers = find_mismatches()
        if not accounts and not transfers:
            self.stdout.write(
                f"Alles klopt: {Account.objects.count()} rekeningen en "
                f"{Transfer.objects.count()} boekingen gecontroleerd."
            )
            return
        lines = []
        for account in accounts:
            lines.append(
                f"{account.label} in werkgebied {account.area_id}: opgeslagen saldo "
                f"{account.balance}, som van de mutaties {account.total} (kwartier)"
            )
        for transfer in transfers:
            lines.append(
                f"boeking {transfer.pk} ({transfer.get_kind_display()}): mutaties tellen op "
                f"tot {transfer.total} in plaats van 0 ({transfer.lines} regels)"
            )
        for line in lines:
            self.stderr.write(line)
        raise CommandError(
            f"Roosjes kloppen niet: {len(accounts)} rekening(en) en {len(transfers)} "
            "boeking(en) wijken af: " + "; ".join(lines)
        )
