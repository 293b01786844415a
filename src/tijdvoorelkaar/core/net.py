"""The client's address, also when the site runs behind a reverse proxy.

Every throttle and the visit counter ask `client_ip(request)`; nothing else reads
REMOTE_ADDR or X-Forwarded-For. Only when the direct peer is one of the proxies listed in
the TRUSTED_PROXIES setting (environment: comma-separated addresses or CIDR networks) is
X-Forwarded-For believed, and then only its right-most address that is not a trusted
proxy: the one our own proxy wrote. A header sent by anyone else changes nothing."""

import ipaddress
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(entries) -> tuple[Network, ...]:
    """The networks of TRUSTED_PROXIES; a ValueError names an entry that is not one."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ValueError(f"TRUSTED_PROXIES: '{entry}' is geen IP-adres of netwerk") from None
    return tuple(networks)


@lru_cache(maxsize=4)
def _trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return parse_networks(entries)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str:
    """The address of the person's computer as far as we can know it."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _is_trusted(_address(peer), networks):
        return peer
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            # Something our proxy would not write: believe nothing of the header.
            return peer
        if not _is_trusted(address, networks):
            return str(address)
    return peer
