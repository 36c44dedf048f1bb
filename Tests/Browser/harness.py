"""A small harness for browser tests of `digest serve`, driven by headless Chromium through Selenium.

It starts `digest serve` on a free port of 127.0.0.1 against a temporary copy of a site folder
(Content/, Templates/, site.yml), opens Chromium with the set-up verified in the project's notes,
times page loads (wall clock around the WebDriver call plus the page's own navigation timing),
collects SEVERE console entries, and runs test functions, printing `N passed, N failed` last.

Used by preview_test.py; meant to be reused by later browser tests (search, ...):

    from harness import Preview, Browser, run_tests

    def test_something(ctx):
        with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
            load = browser.get(preview.url("/"))
            ...

Settings from the environment: DIGEST_BIN (the digest executable, required), DIGEST_SITE (the
site folder to copy; default: the repository root), CHROMIUM (default /usr/bin/chromium),
CHROMEDRIVER (default /usr/bin/chromedriver), BROWSER_TEST_SLOW (seconds a load may take before it
counts as slow; default 5), BROWSER_TEST_PAGE_LOAD_TIMEOUT (seconds before WebDriver gives up on a
load; default 10), BROWSER_TEST_MAX_STALLS (timed-out loads after which a test stops loading more
pages; default 3), BROWSER_TEST_ONLY (comma-separated test names to run).
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SITE_PARTS = ("Content", "Templates", "site.yml")

# Selenium Manager is not needed (driver and browser paths are given); never let it phone home.
os.environ.setdefault("SE_AVOID_STATS", "true")


class TestFailure(AssertionError):
    """A check did not hold; the message says which and why."""


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout, interval=0.05, what="condition"):
    """Polls predicate until it returns something truthy; returns that value, or raises
    TestFailure after timeout seconds. Exceptions inside predicate count as 'not yet'
    (a page that is reloading cannot answer scripts)."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            value = predicate()
            if value:
                return value
        except WebDriverException as error:
            last_error = error
        if time.monotonic() >= deadline:
            detail = f" (last error: {str(last_error).splitlines()[0]})" if last_error else ""
            raise TestFailure(f"timed out after {timeout:g} s waiting for {what}{detail}")
        time.sleep(interval)


class Context:
    """What every test gets: paths, limits and the record of loads and console entries."""

    def __init__(self):
        self.digest = os.environ.get("DIGEST_BIN") or ""
        if not self.digest or not os.access(self.digest, os.X_OK):
            sys.exit(f"harness: DIGEST_BIN must name the digest executable (got {self.digest!r})")
        self.site_root = os.path.abspath(os.environ.get("DIGEST_SITE", REPO_ROOT))
        self.chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        self.chromedriver = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
        self.slow = float(os.environ.get("BROWSER_TEST_SLOW", "5"))
        self.page_load_timeout = float(os.environ.get("BROWSER_TEST_PAGE_LOAD_TIMEOUT", "10"))
        # A test gives up after this many loads hit the page-load timeout, so a stalling preview
        # fails in seconds rather than minutes.
        self.max_stalls = int(os.environ.get("BROWSER_TEST_MAX_STALLS", "3"))
        self.loads = []  # every Load of the run, in order
        self.console_errors = []  # (test, url, message) of every SEVERE entry of the run
        self.pages_checked = set()  # URLs whose console was read
        self.current_test = None


class Preview:
    """`digest serve` for a temporary copy of a site folder, on a free port of 127.0.0.1.
    A context manager: the server is stopped and the copy removed on exit, whatever happens."""

    def __init__(self, digest, site_root, ready_timeout=60):
        self.digest = digest
        self.site_root = site_root
        self.ready_timeout = ready_timeout
        self.process = None
        self.temp = None

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        self.temp = tempfile.mkdtemp(prefix="digest-browser-")
        self.site = os.path.join(self.temp, "site")
        os.mkdir(self.site)
        for part in SITE_PARTS:
            source = os.path.join(self.site_root, part)
            target = os.path.join(self.site, part)
            if os.path.isdir(source):
                shutil.copytree(source, target, symlinks=False)  # Templates may be a symlink
            else:
                shutil.copy2(source, target)
        # The preview writes its output under $TMPDIR: keep it inside the temporary folder.
        self.tmpdir = os.path.join(self.temp, "tmp")
        os.mkdir(self.tmpdir)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(self.temp, "serve.log")
        self.launch()

    def launch(self):
        """Starts `digest serve` on this preview's port and waits until it answers."""
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.digest, "serve", "--site", self.site, "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env=dict(os.environ, TMPDIR=self.tmpdir),
        )
        started = time.monotonic()
        while True:
            if self.process.poll() is not None:
                raise TestFailure(f"digest serve exited with status {self.process.returncode} before answering:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.base + "/", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() - started > self.ready_timeout:
                raise TestFailure(f"digest serve did not answer on {self.base}/ within {self.ready_timeout} s:\n{self.log_tail()}")
            time.sleep(0.05)
        self.startup_seconds = time.monotonic() - started

    def halt(self):
        """Stops the server but keeps the site copy, so `launch` can start it again."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if getattr(self, "log", None):
            self.log.close()
            self.log = None

    def stop(self):
        self.halt()
        if self.temp:
            shutil.rmtree(self.temp, ignore_errors=True)
            self.temp = None

    def log_tail(self, lines=20):
        try:
            with open(self.log_path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return "(no server log)"
        return "\n".join("    serve: " + line for line in text.splitlines()[-lines:])

    def url(self, path="/"):
        return self.base + path

    def path(self, relative):
        return os.path.join(self.site, relative)

    def read(self, relative):
        with open(self.path(relative), encoding="utf-8") as f:
            return f.read()

    def write(self, relative, text):
        """Writes a file of the site copy, as an editor saving it would."""
        with open(self.path(relative), "w", encoding="utf-8") as f:
            f.write(text)


class Load:
    """One page load: wall-clock seconds around the WebDriver call and the page's own navigation
    timing (PerformanceNavigationTiming.duration, from the start of the navigation to the end of
    the load event, including any time the request waited for a connection)."""

    def __init__(self, test, url, how, wall, navigation, timed_out, error=None):
        self.test, self.url, self.how = test, url, how
        self.wall, self.navigation, self.timed_out, self.error = wall, navigation, timed_out, error

    @property
    def seconds(self):
        """The longer of the two measures: what the user waited."""
        return max(self.wall, self.navigation or 0.0)

    def describe(self, base=""):
        nav = f"{self.navigation:6.3f}" if self.navigation is not None else "     -"
        note = " TIMED OUT" if self.timed_out else ""
        if self.error:
            note += f" ({self.error})"
        url = self.url[len(base):] if base and self.url.startswith(base) else self.url
        return f"{self.wall:6.3f} s wall, {nav} s navigation  {self.how:5} {url}{note}"


NAVIGATION_TIMING = """
var e = performance.getEntriesByType('navigation')[0];
return e ? {name: e.name, duration: e.duration, loadEventEnd: e.loadEventEnd} : null;
"""


class Browser:
    """Headless Chromium through chromedriver, with console capture. A context manager: the browser
    is quit on exit, whatever happens."""

    def __init__(self, ctx, label=""):
        self.ctx = ctx
        self.label = label
        self.driver = None

    def __enter__(self):
        opts = webdriver.ChromeOptions()
        opts.binary_location = self.ctx.chromium
        for argument in (
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
            # Only 127.0.0.1: no background requests, and anything else goes to a closed port.
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-default-apps", "--disable-sync", "--disable-extensions",
            "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
            # Background tabs must keep running as they would for a user switching to them.
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows",
        ):
            opts.add_argument(argument)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(self.ctx.chromedriver), options=opts)
        self.driver.set_page_load_timeout(self.ctx.page_load_timeout)
        self.driver.set_script_timeout(10)
        return self

    def __exit__(self, *exc):
        if self.driver is not None:
            try:
                self.driver.quit()
            except Exception:
                pass
            self.driver = None

    # Page loads -----------------------------------------------------------------------------

    def get(self, url):
        """Loads url in the current tab, timed; a load that exceeds the page-load timeout is
        recorded as timed out rather than raised."""
        return self._timed(url, "get", lambda: self.driver.get(url))

    def click(self, element, url):
        """Follows a link by clicking it (WebDriver waits for the navigation it starts), timed.
        Falls back to loading its address when the link cannot be clicked where it is."""
        def action():
            try:
                element.click()
            except (ElementClickInterceptedException, ElementNotInteractableException):
                self.driver.get(url)
        return self._timed(url, "click", action)

    def _timed(self, url, how, action):
        error = None
        timed_out = False
        started = time.monotonic()
        try:
            action()
        except TimeoutException:
            timed_out = True
        wall = time.monotonic() - started
        navigation = None
        if not timed_out:
            try:
                # A click returns once the navigation has begun and the document loaded; make sure
                # the load event is over before reading its timing.
                wait_for(lambda: self.driver.execute_script("return document.readyState") == "complete",
                         self.ctx.page_load_timeout, what="the load event")
                wall = time.monotonic() - started
                entry = self.driver.execute_script(NAVIGATION_TIMING)
                if entry and entry.get("loadEventEnd"):
                    navigation = entry["duration"] / 1000.0
            except (WebDriverException, TestFailure) as failure:
                error = str(failure).splitlines()[0]
        load = Load(self.ctx.current_test, url, how, wall, navigation, timed_out, error)
        self.ctx.loads.append(load)
        self.read_console(url)
        return load

    # Console ---------------------------------------------------------------------------------

    def read_console(self, url=None):
        """Reads the browser log of the current tab; SEVERE entries are recorded against url
        (default: the tab's address) and returned."""
        try:
            url = url or self.driver.current_url
            entries = self.driver.get_log("browser")
        except WebDriverException as error:
            entries = [{"level": "SEVERE", "message": f"(could not read the console: {str(error).splitlines()[0]})"}]
        self.ctx.pages_checked.add(url)
        severe = [e["message"] for e in entries if e.get("level") == "SEVERE"]
        for message in severe:
            self.ctx.console_errors.append((self.ctx.current_test, url, message))
        return severe

    # Tabs --------------------------------------------------------------------------------------

    def new_tab(self):
        self.driver.switch_to.new_window("tab")
        return self.driver.current_window_handle


def stalled(ctx, loads):
    """True once loads holds max_stalls loads that hit the page-load timeout."""
    return sum(1 for load in loads if load.timed_out) >= ctx.max_stalls


def slow_loads(ctx, loads):
    return [load for load in loads if load.timed_out or load.seconds > ctx.slow]


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def run_tests(tests):
    """Runs the test functions in order (each gets the Context), prints each result and every
    page load, then `N passed, N failed` alone on the last line. Returns the exit status."""
    # CI's time limit (or Ctrl-C) stops the run with SIGTERM: unwind, so every server and
    # browser is stopped by its context manager.
    signal.signal(signal.SIGTERM, _interrupt)
    ctx = Context()
    run_started = time.monotonic()
    only = {name.strip() for name in os.environ.get("BROWSER_TEST_ONLY", "").split(",") if name.strip()}
    passed = failed = 0
    results = []
    for test in tests:
        name = test.__name__
        if only and name not in only:
            continue
        ctx.current_test = name
        started = time.monotonic()
        print(f"--- {name}", flush=True)
        try:
            test(ctx)
        except TestFailure as failure:
            failed += 1
            results.append((name, False, str(failure), time.monotonic() - started))
        except Exception:
            failed += 1
            # Selenium's messages carry chromedriver's native stack: leave it out.
            text = re.sub(r"\n\s*Stacktrace:\n(?:.*\n)*?(?=\S|\Z)", "\n", traceback.format_exc())
            results.append((name, False, "error: " + text.strip().splitlines()[-1] + "\n" + text, time.monotonic() - started))
        else:
            passed += 1
            results.append((name, True, "", time.monotonic() - started))
        ok, message, seconds = results[-1][1:]
        print(f"{'PASS' if ok else 'FAIL'} {name} ({seconds:.1f} s)" + ("" if ok else "\n  " + message.replace("\n", "\n  ")), flush=True)
    print()
    print("Summary:")
    for name, ok, message, seconds in results:
        first = message.splitlines()[0] if message else ""
        print(f"  {'PASS' if ok else 'FAIL'} {name} ({seconds:.1f} s){': ' + first if first else ''}")
    timed = [load.seconds for load in ctx.loads if not load.timed_out]
    if ctx.loads:
        print(f"  {len(ctx.loads)} page loads: median {sorted(timed)[len(timed) // 2] if timed else 0:.3f} s, "
              f"slowest {max(timed) if timed else 0:.3f} s, {len(ctx.loads) - len(timed)} timed out "
              f"(limit {ctx.slow:g} s, timeout {ctx.page_load_timeout:g} s)")
    total = f"tests {time.monotonic() - run_started:.1f} s"
    if os.environ.get("BROWSER_TEST_STARTED"):
        total += f", {time.time() - float(os.environ['BROWSER_TEST_STARTED']):.1f} s in all"
    print(f"  time: {total}")
    print(f"{passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 and passed > 0 else 1
