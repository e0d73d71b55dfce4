"""Load deliverables in headless Chromium and report what a reader's browser saw, as JSON.

Run by tests/render/test_browser.py inside a network namespace with only loopback (which
chromedriver needs): python -m tests.render.browser_check SHOTS_DIR FILE...

For each file: every request the page made, the console messages, whether each image
decodes, the size the document declares and the size it renders at, and a screenshot
(saved in SHOTS_DIR) taken at exactly the declared size.
"""

from __future__ import annotations

import base64
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

FLAGS = [
    "--headless=new",
    "--no-sandbox",  # runs as root in CI
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]
DECODE_IMAGES = """
const done = arguments[arguments.length - 1];
const els = [...document.querySelectorAll('image, img')];
Promise.all(els.map(el => {
  const href = el.getAttribute('href') || el.getAttribute('src')
    || el.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '';
  const img = new Image();
  img.src = href;
  return img.decode().then(() => [href.slice(0, 60), img.naturalWidth, img.naturalHeight],
                           () => [href.slice(0, 60), 0, 0]);
})).then(done);
"""
SIZES = """
const root = document.documentElement;
const box = root.getBoundingClientRect();
return {declared: [root.getAttribute('width'), root.getAttribute('height')],
        rendered: [box.width, box.height],
        scroll: [root.scrollWidth, root.scrollHeight]};
"""
PX_PER = {"pt": 96 / 72, "px": 1.0, "in": 96.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "": 1.0}


def main(shots: Path, files: list[Path]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="netmap-chromium-") as profile:
        driver = _driver(Path(profile))
        try:
            return [_check(driver, f, shots) for f in files]
        finally:
            driver.quit()


def _driver(profile: Path) -> webdriver.Chrome:
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


def _check(driver: webdriver.Chrome, path: Path, shots: Path) -> dict[str, Any]:
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get_log("browser")
    uri = path.resolve().as_uri()
    driver.get(uri)
    sizes = driver.execute_script(SIZES)
    images = driver.execute_async_script(DECODE_IMAGES)
    width, height = _declared_px(sizes, path)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1,
                            "mobile": False})  # fmt: skip
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    png = shots / f"{path.stem}.png"
    png.write_bytes(base64.b64decode(shot["data"]))
    return {
        "file": path.name,
        "requests": _requests(driver, uri),
        "console": [
            {"level": e["level"], "message": e["message"]} for e in driver.get_log("browser")
        ],
        "images": images,
        "sizes": sizes,
        "declared_px": [width, height],
        "screenshot": str(png),
    }


def _declared_px(sizes: dict[str, Any], path: Path) -> tuple[int, int]:
    """An SVG's declared width and height in CSS pixels; a page's full scroll size."""
    declared = sizes["declared"]
    if path.suffix != ".svg" or not all(declared):
        return int(sizes["scroll"][0]), int(sizes["scroll"][1])
    return _px(declared[0]), _px(declared[1])


def _px(length: str) -> int:
    number = length.rstrip("abcdefghijklmnopqrstuvwxyz%")
    return round(float(number) * PX_PER[length[len(number):]])


def _requests(driver: webdriver.Chrome, document: str) -> list[str]:
    """Every request made for the document (the browser's own pages, such as the new-tab
    page it opens with, are not the document's)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        params = message.get("params", {})
        if message.get("method") == "Network.requestWillBeSent" and (
            params.get("documentURL") == document
        ):
            urls.append(str(params["request"]["url"])[:200])
    return urls


if __name__ == "__main__":
    shots_dir = Path(sys.argv[1])
    shots_dir.mkdir(parents=True, exist_ok=True)
    print(json.dumps(main(shots_dir, [Path(a) for a in sys.argv[2:]])))
