"""Lighthouse performance and accessibility scores of four pages in production mode.

Lighthouse 12.2.3 (npm, package.json; 13 needs Node 22) runs against the system Chromium
(CHROME_PATH=/usr/bin/chromium) with its default configuration: a mobile phone and the
simulated slow 4G and CPU throttling Lighthouse sets itself. The site runs in the
production profile (bench/prod_server.py); requests carry X-Forwarded-Proto: https as the
proxy would send it, and the broker's dashboard is opened with a signed-in broker's
session cookie.

    python bench/bench_lighthouse.py [--runs 3]

Goals: performance >= 95 and accessibility 100 on every page. The median of the runs is
reported (Lighthouse's performance score varies a little from run to run)."""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from common import RESULTS_DIR, machine, setup_django  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)


def lighthouse(url: str, headers: dict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=performance,accessibility",
                f"--chrome-flags={CHROME_FLAGS}",
                f"--extra-headers={json.dumps(headers)}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
        )
        data = json.loads(report.read_text())
    audits = data["audits"]
    failed_a11y = [
        audit_id
        for audit_id, audit in audits.items()
        if audit.get("score") == 0
        and audit_id in {r["id"] for r in data["categories"]["accessibility"]["auditRefs"]}
    ]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "failed_accessibility_audits": failed_a11y,
        "final_url": data.get("finalDisplayedUrl") or data.get("finalUrl"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", help="ignored: measured once, on SQLite")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--base-url", help="measure this running server instead")
    parser.add_argument("--label", default="after")
    args = parser.parse_args()
    if args.database_url and not args.database_url.startswith("sqlite"):
        print("Lighthouse hangt niet van de database af: alleen op SQLite gemeten")
        return
    setup_django()
    from prod_server import production_server

    if args.base_url:
        results = measure(args.base_url, args.runs)
    else:
        with production_server() as (base, _env):
            results = measure(base, args.runs)
    RESULTS_DIR.mkdir(exist_ok=True)
    out = RESULTS_DIR / f"lighthouse_{args.label}.json"
    out.write_text(json.dumps({"machine": machine(), "pages": results}, indent=2))
    print(f"-> {out}")


def measure(base: str, runs_per_page: int) -> dict:
    from tijdvoorelkaar.demo.http_visitor import Visitor

    proxy = {"X-Forwarded-Proto": "https"}
    results = {}
    listing = Visitor(base).get("/utrecht-zuid/advertenties/").text
    ad = re.search(r'href="(/utrecht-zuid/advertenties/\d+/)"', listing).group(1)
    broker = Visitor(base)
    broker.sign_in("makelaar@utrecht-zuid.test", "utrecht-zuid")
    pages = {
        "area_home": ("/utrecht-zuid/", proxy),
        "ad_list": ("/utrecht-zuid/advertenties/", proxy),
        "ad_page": (ad, proxy),
        "broker_dashboard": (
            "/utrecht-zuid/makelaar/",
            {**proxy, "Cookie": broker.cookie_header()},
        ),
    }
    for name, (path, headers) in pages.items():
        runs = [lighthouse(base + path, headers) for _ in range(runs_per_page)]
        assert all(r["final_url"].endswith(path) for r in runs), runs[0]["final_url"]
        results[name] = {
            "performance": statistics.median(r["performance"] for r in runs),
            "accessibility": statistics.median(r["accessibility"] for r in runs),
            "runs": runs,
        }
        print(
            f"{name:<18} performance {results[name]['performance']:>5}  "
            f"accessibility {results[name]['accessibility']:>5}  "
            f"(runs: {[r['performance'] for r in runs]}; LCP "
            f"{[r['lcp_ms'] for r in runs]} ms; failed a11y: "
            f"{sorted({a for r in runs for a in r['failed_accessibility_audits']})})",
            flush=True,
        )
    return results


if __name__ == "__main__":
    main()
