"""Server time of the public foundation pages (home, sign-up, sign-in) on the demo data."""

import argparse

from common import record, setup_django, summarise, time_get


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.db import connection
    from django.test import Client

    from tijdvoorelkaar.demo import seed as demo

    demo.seed()
    client = Client()
    results = {}
    for name, url in [
        ("area_home", "/utrecht-zuid/"),
        ("sign_up", "/utrecht-zuid/aanmelden/"),
        ("sign_in", "/utrecht-zuid/inloggen/"),
    ]:
        for _ in range(10):
            time_get(client, url)
        results[name] = summarise([time_get(client, url) for _ in range(args.repeat)])
    record(f"pages-{connection.vendor}", {"database": connection.vendor, "pages": results})


if __name__ == "__main__":
    main()
