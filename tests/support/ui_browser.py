"""Shared by the web inspector's browser tests (tests/rehost/rest/serve_ui_*_test.py; not a
test itself): one headless Debian chromium per test file driven by Selenium (Debian's
python3-selenium and chromium-driver), with a throwaway profile, killed at the end; waits
that name what they waited for; screenshots saved as test artefacts under
BUILD/test-artifacts/ui/."""

import os
import shutil
import sys
import tempfile
import time

try:
    from selenium import webdriver
except ImportError:  # Debian's package, under another Python of the same version
    sys.path.append("/usr/lib/python3/dist-packages")
    from selenium import webdriver
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

__all__ = ["Browser", "By", "Select"]


class Browser:
    """A headless chromium session; use as a context manager."""

    def __init__(self, build, name, size="1280,900"):
        self.artefacts = os.path.join(os.path.abspath(build), "test-artifacts", "ui", name)
        os.makedirs(self.artefacts, exist_ok=True)
        self.profile = tempfile.mkdtemp(prefix="mfb-chromium-")
        opts = webdriver.ChromeOptions()
        opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        # Root on a CI machine: no sandbox; a fresh profile; no GPU, no first-run chatter.
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--user-data-dir=" + self.profile, "--window-size=" + size,
                    "--no-first-run", "--disable-extensions", "--force-device-scale-factor=1"):
            opts.add_argument(arg)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(options=opts, service=service)
        self.driver.set_page_load_timeout(30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            self.driver.quit()  # ends chromium and chromedriver (the processes it started)
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def wait(self, pred, what, timeout=15):
        """Poll `pred` until it returns a true value; fail naming `what`."""
        end = time.time() + timeout
        last = None
        while time.time() < end:
            try:
                got = pred()
                if got:
                    return got
            except Exception as e:  # noqa: BLE001 - an element not there yet
                last = e
            time.sleep(0.05)
        raise AssertionError("timed out waiting for %s (%s)" % (what, last))

    def go(self, url):
        """Open `url` (a hash route too) and wait until the page says it has drawn it."""
        self.driver.execute_script("document.body && delete document.body.dataset.ready")
        self.driver.get(url)
        return self.ready()

    def ready(self):
        return self.wait(lambda: self.driver.execute_script(
            "return document.body.dataset.ready !== undefined && document.body.dataset.ready === location.hash"),
            "the page at " + self.driver.current_url)

    def click_and_wait(self, element):
        self.driver.execute_script("delete document.body.dataset.ready")
        element.click()
        return self.ready()

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css):
        return self.find(css).text

    def shot(self, name):
        path = os.path.join(self.artefacts, name + ".png")
        self.driver.save_screenshot(path)
        return path

    def console_errors(self):
        return [e["message"] for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]

    def enter_key(self, url, key):
        """Open /ui/, which must ask for a key first, and give it `key`."""
        self.driver.get(url + "/ui/")
        self.wait(lambda: self.find("#key-form").is_displayed(), "the key form")
        self.shot("key-prompt")
        self.find("#key-input").send_keys(key)
        self.driver.execute_script("delete document.body.dataset.ready")
        self.find("#key-form button").click()
        self.ready()

    def field_rows(self):
        """The record view's visible field rows: {path: (offset, length, value or reason, bad)}."""
        rows = {}
        for tr in self.find_all("#fields tbody tr"):
            cells = tr.find_elements(By.TAG_NAME, "td")
            rows[cells[0].text] = (int(cells[1].text), int(cells[2].text), cells[5].text,
                                   "bad" in tr.get_attribute("class").split())
        return rows


def browse(build, name, tmp, db, key, scopes, pages, before=None):
    """Serve sqlite `db` with one key, call before(server) if given, then pages(browser, url)
    in one chromium session after the key was entered; fail on any browser console error."""
    from serve_support import check, serving
    with serving(tmp, db, {"inspector": (key, scopes)}) as server:
        if before:
            before(server)
        url = "http://127.0.0.1:%d" % server.port
        with Browser(build, name) as b:
            b.enter_key(url, key)
            pages(b, url)
            errors = b.console_errors()
            check(not errors, "no console errors (CSP refusals included): %s" % errors)
