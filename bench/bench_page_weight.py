"""Bytes on the wire per page, as a resident's phone receives them (issue D).

For the area home, the ad list, an ad page and the broker's dashboard: the HTML and every
stylesheet, script, image and font the page names, fetched the way a browser does
(Accept-Encoding: gzip, br), counted as the bytes of the body that crossed the wire
(compressed when the server compressed it). Also the number of render-blocking requests
(stylesheets and scripts in <head> without async/defer).

    python bench/bench_page_weight.py                     # starts the production profile
    python bench/bench_page_weight.py --base-url URL --label before   # any running server

Goals: all CSS of a page <= 40 KB and the whole first view <= 150 KB; one render-blocking
request besides the HTML."""

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from common import RESULTS_DIR, machine, setup_django  # noqa: E402

ASSET = re.compile(r"<(link|script|img)\b([^>]*)>", re.I)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
BROKER = ("makelaar@utrecht-zuid.test", "utrecht-zuid")


def body_size(response) -> tuple[int, int]:
    """(bytes on the wire, bytes if compressed with gzip -6 when the server did not)."""
    raw = response.raw.read(decode_content=False)
    if response.headers.get("Content-Encoding") in ("gzip", "br"):
        return len(raw), len(raw)
    return len(raw), len(gzip.compress(raw, 6))


def page_weight(visitor, path: str) -> dict:
    page = visitor.get(path, stream=True, headers={"Accept-Encoding": "gzip, br"})
    assert page.status_code == 200, f"{path}: {page.status_code}"
    sizes = {"html": list(body_size(page))}
    html = visitor.get(path).text
    sizes.update(css=[0, 0], images=[0, 0], fonts=[0, 0], scripts=[0, 0])
    head = html.split("</head>", 1)[0]
    blocking = 0
    urls = []
    for tag, attrs in ASSET.findall(html):
        a = dict(ATTR.findall(attrs))
        if tag.lower() == "link" and "stylesheet" in a.get("rel", ""):
            urls.append(("css", a["href"]))
            blocking += f'href="{a["href"]}"' in head
        elif tag.lower() == "link" and "icon" in a.get("rel", ""):
            urls.append(("images", a["href"]))
        elif tag.lower() == "script" and a.get("src"):
            urls.append(("scripts", a["src"]))
            blocking += (
                f'src="{a["src"]}"' in head and "defer" not in attrs and "async" not in attrs
            )
        elif tag.lower() == "img" and a.get("src"):
            urls.append(("images", a["src"]))
    for kind, url in urls:
        response = visitor.get(url, stream=True, headers={"Accept-Encoding": "gzip, br"})
        assert response.status_code == 200, f"{url}: {response.status_code}"
        wire, compressed = body_size(response)
        sizes[kind][0] += wire
        sizes[kind][1] += compressed
        if kind == "css":
            css = visitor.get(url).text
            for target in CSS_URL.findall(css):
                if target.startswith("data:"):
                    continue
                sub = "fonts" if re.search(r"\.(woff2?|ttf|otf)", target) else "images"
                r = visitor.get(
                    url.rsplit("/", 1)[0] + "/" + target,
                    stream=True,
                    headers={"Accept-Encoding": "gzip, br"},
                )
                w, c = body_size(r)
                sizes[sub][0] += w
                sizes[sub][1] += c
    total = [sum(v[i] for v in sizes.values()) for i in (0, 1)]
    return {
        "wire_bytes": {k: v[0] for k, v in sizes.items()} | {"total": total[0]},
        "gzip_bytes": {k: v[1] for k, v in sizes.items()} | {"total": total[1]},
        "stylesheets": sum(1 for kind, _ in urls if kind == "css"),
        "render_blocking": blocking,
    }


def measure(base_url: str) -> dict:
    setup_django()  # for the demo logins and the two-step code; no database is used
    from tijdvoorelkaar.demo.http_visitor import Visitor

    visitor = Visitor(base_url)
    listing = visitor.get("/utrecht-zuid/advertenties/").text
    ad = re.search(r'href="(/utrecht-zuid/advertenties/\d+/)"', listing).group(1)
    results = {
        "area_home": page_weight(visitor, "/utrecht-zuid/"),
        "ad_list": page_weight(visitor, "/utrecht-zuid/advertenties/"),
        "ad_page": page_weight(visitor, ad),
    }
    broker = Visitor(base_url)
    broker.sign_in(*BROKER)
    results["broker_dashboard"] = page_weight(broker, "/utrecht-zuid/makelaar/")
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", help="ignored: page weight does not depend on it")
    parser.add_argument("--base-url", help="measure this running server instead")
    parser.add_argument("--label", default="after")
    args = parser.parse_args()
    if args.database_url and not args.database_url.startswith("sqlite"):
        print("paginagewicht hangt niet van de database af: alleen op SQLite gemeten")
        return
    if args.base_url:
        results = measure(args.base_url)
        profile = "as given"
    else:
        from prod_server import production_server

        with production_server() as (base, _env):
            results = measure(base)
        profile = "production (DJANGO_ENV=production, gunicorn, WhiteNoise)"
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    print(
        f"{'page':<18} {'HTML':>9} {'CSS':>9} {'images':>9} {'fonts':>8} {'total':>9}  "
        "(gzip if the server sent it plain)   stylesheets  blocking"
    )
    for name, r in results.items():
        w, g = r["wire_bytes"], r["gzip_bytes"]
        print(
            f"{name:<18} {kb(w['html']):>9} {kb(w['css']):>9} {kb(w['images']):>9} "
            f"{kb(w['fonts']):>8} {kb(w['total']):>9}  ({kb(g['total'])})"
            f"{r['stylesheets']:>22} {r['render_blocking']:>9}"
        )
    RESULTS_DIR.mkdir(exist_ok=True)
    out = RESULTS_DIR / f"page_weight_{args.label}.json"
    out.write_text(
        json.dumps({"machine": machine(), "profile": profile, "pages": results}, indent=2)
    )
    print(f"-> {out}")


if __name__ == "__main__":
    main()
