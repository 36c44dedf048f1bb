"""Browser tests of `digest serve` (the preview), black-box: they drive headless Chromium and look
at what the page shows, never at how the server tells the page about changes.

Run through scripts/browser-test, or directly: DIGEST_BIN=.build/debug/digest python3 Tests/Browser/preview_test.py
"""

import os
import re
import sys
import time
import uuid
from urllib.parse import urldefrag

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Browser, Preview, TestFailure, check, run_tests, slow_loads, stalled, wait_for  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

PAGE_LOADS = 40
TABS = 8
RELOAD_TIMEOUT = float(os.environ.get("BROWSER_TEST_RELOAD_TIMEOUT", "15"))
OVERLAY_ID = "digest-preview-errors"


# Helpers ---------------------------------------------------------------------------------------

def page_links(browser, base):
    """The page's links to other HTML pages of the preview: (element, absolute URL) in document
    order, without fragments, the preview's own endpoints, or files such as feeds and images."""
    elements = browser.driver.find_elements(By.CSS_SELECTOR, "a[href]")
    hrefs = browser.driver.execute_script("return arguments[0].map(function (a) { return a.href; });", elements)
    links = []
    for element, href in zip(elements, hrefs):
        url = urldefrag(href or "")[0]
        if not url.startswith(base + "/"):
            continue
        path = url[len(base):]
        if path.startswith("/_digest") or not (path.endswith("/") or path.endswith(".html")):
            continue
        links.append((element, url))
    return links


def page_problem(browser):
    """Why the page in the current tab is not a proper page of the site, or None."""
    heading = browser.driver.execute_script(
        "var h = document.querySelector('h1'); return h ? h.textContent.trim() : null;")
    if heading is None:
        return "no <h1>: the page did not load"
    if heading == "Page not found":
        return "the preview answered with its 404 page"
    return None


def print_loads(title, loads, base):
    print(f"  {title}:")
    for number, load in enumerate(loads, 1):
        print(f"    {number:2}. {load.describe(base)}")


def fail_slow(ctx, loads, base, what):
    slow = slow_loads(ctx, loads)
    if slow:
        worst = max(load.seconds for load in slow)
        listed = "\n".join(f"  load {loads.index(l) + 1}: {l.describe(base)}" for l in slow)
        raise TestFailure(
            f"{len(slow)} of {len(loads)} {what} took over {ctx.slow:g} s (or hit the "
            f"{ctx.page_load_timeout:g} s page-load timeout; worst {worst:.2f} s):\n{listed}")


# The folders of the site's own pages (Permalink.reservedFolders, and page/ for the home page's
# later pages); every other page is an article, wherever site.yml's `permalink:` puts it.
SITE_FOLDERS = {"archive", "assets", "days", "page", "search", "sections", "speakers", "tags", "weeks", "years"}


def is_article(url, base):
    path = url[len(base):]
    return path not in ("/", "/index.html") and path.split("/")[1] not in SITE_FOLDERS


def open_article(browser, preview):
    """Opens the first article the home page links and finds its Markdown file by its title.
    Returns (url, relative path of the file, heading)."""
    browser.get(preview.url("/"))
    articles = [url for _, url in page_links(browser, preview.base) if is_article(url, preview.base)]
    check(articles, "the home page links no article (a page outside the site's own folders)")
    load = browser.get(articles[0])
    check(not load.timed_out, f"the article {articles[0]} did not load within {browser.ctx.page_load_timeout:g} s")
    heading = browser.driver.find_element(By.CSS_SELECTOR, "h1").text.strip()
    for folder, _, files in os.walk(preview.path("Content")):
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            full = os.path.join(folder, name)
            with open(full, encoding="utf-8") as f:
                match = re.search(r"^title:\s*(.+?)\s*$", f.read(), re.MULTILINE)
            if match and match.group(1).strip("'\"") == heading:
                return articles[0], os.path.relpath(full, preview.site), heading
    raise TestFailure(f"no Markdown file in Content/ has the title {heading!r} of {articles[0]}")


MARK = "window.__digestBrowserTest = arguments[0];"
MARKED = "return window.__digestBrowserTest === arguments[0];"


def body_text(browser):
    return browser.driver.execute_script("return document.body ? document.body.innerText : '';")


def overlay_state(browser):
    """The error overlay as the page shows it: None when absent, else its text, whether it is
    visible and its computed position."""
    return browser.driver.execute_script("""
        var box = document.getElementById(arguments[0]);
        if (!box) return null;
        var style = getComputedStyle(box), rect = box.getBoundingClientRect();
        return {text: box.innerText || box.textContent, position: style.position,
                visible: style.display !== 'none' && style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0};
    """, OVERLAY_ID)


# Tests -----------------------------------------------------------------------------------------

def test_forty_page_loads_following_links(ctx):
    """40 page loads in one tab, each by clicking a link of the page before (preferring pages not
    seen yet); every load must finish within the limit and show a page of the site."""
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        loads = [browser.get(preview.url("/"))]
        visited = {preview.url("/")}
        bad = []
        step = 0
        while len(loads) < PAGE_LOADS and not stalled(ctx, loads):
            if loads[-1].timed_out:  # a stalled page: start again from the home page
                loads.append(browser.get(preview.url("/")))
                continue
            problem = page_problem(browser)
            if problem:
                bad.append(f"{loads[-1].url}: {problem}")
            links = page_links(browser, preview.base)
            if not links:
                loads.append(browser.get(preview.url("/")))
                continue
            fresh = [link for link in links if link[1] not in visited]
            pool = fresh or links
            element, url = pool[(step * 7) % len(pool)]
            step += 1
            visited.add(url)
            loads.append(browser.click(element, url))
        print_loads(f"{len(loads)} loads, {len(visited)} distinct pages", loads, preview.base)
        fail_slow(ctx, loads, preview.base, "page loads following links")
        check(len(loads) == PAGE_LOADS, f"only {len(loads)} of {PAGE_LOADS} loads made")
        check(not bad, "pages that did not show properly:\n  " + "\n  ".join(bad))


def test_eight_tabs_open_at_once(ctx):
    """8 tabs, each loading a different page and staying open; no load may take over the limit.
    (A preview page that holds an HTTP/1.1 connection open for itself uses up Chromium's six per
    host, and the seventh tab then waits.)"""
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        loads = [browser.get(preview.url("/"))]
        check(not loads[0].timed_out, f"the home page did not load within {ctx.page_load_timeout:g} s")
        others = []
        for _, url in page_links(browser, preview.base):
            if url != preview.url("/") and url not in others:
                others.append(url)
        check(len(others) >= TABS - 1, f"the home page links only {len(others)} other pages; {TABS - 1} needed")
        # A spread of page kinds rather than the navigation bar's first seven.
        picks = [others[i * len(others) // (TABS - 1)] for i in range(TABS - 1)]
        bad = []
        for url in picks:
            if stalled(ctx, loads):
                break
            browser.new_tab()
            load = browser.get(url)
            loads.append(load)
            if not load.timed_out:
                problem = page_problem(browser)
                if problem:
                    bad.append(f"{url}: {problem}")
        print_loads(f"{len(loads)} tabs", loads, preview.base)
        fail_slow(ctx, loads, preview.base, "tab loads")
        check(len(browser.driver.window_handles) == TABS, f"{len(browser.driver.window_handles)} tabs open, not {TABS}")
        check(not bad, "tabs that did not show their page:\n  " + "\n  ".join(bad))


def test_live_reload_shows_edited_article(ctx):
    """An article open in the browser; its Markdown file is edited; the page must reload by
    itself and show the new text."""
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        url, relative, _ = open_article(browser, preview)
        token = "Live reload check " + uuid.uuid4().hex[:12]
        check(token not in body_text(browser), "the article already shows the new text")
        browser.driver.execute_script(MARK, token)
        original = preview.read(relative)
        saved = time.monotonic()
        preview.write(relative, original.rstrip("\n") + f"\n\n{token}.\n")
        wait_for(lambda: token in body_text(browser), RELOAD_TIMEOUT,
                 what=f"the open page {url} to show the text added to {relative}")
        seconds = time.monotonic() - saved
        check(not browser.driver.execute_script(MARKED, token),
              "the new text appeared without the page reloading")
        check(browser.driver.current_url == url, f"the page moved to {browser.driver.current_url}")
        browser.read_console(url)
        print(f"  {relative} saved; {url[len(preview.base):]} showed the new text {seconds:.2f} s later")


def test_error_overlay_appears_and_clears(ctx):
    """Breaking an article's front matter (an invalid date) shows a fixed overlay with the problem
    over the open page; fixing it removes the overlay and reloads the page."""
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        url, relative, heading = open_article(browser, preview)
        check(overlay_state(browser) is None, f"#{OVERLAY_ID} is shown before anything broke")
        token = "overlay-" + uuid.uuid4().hex[:12]
        browser.driver.execute_script(MARK, token)
        original = preview.read(relative)
        broken, count = re.subn(r"^date:.*$", 'date: "the day after tomorrow"', original, count=1, flags=re.MULTILINE)
        check(count == 1, f"{relative} has no date: line to break")
        saved = time.monotonic()
        preview.write(relative, broken)
        state = wait_for(lambda: (lambda s: s if s and s["visible"] else None)(overlay_state(browser)),
                         RELOAD_TIMEOUT, what=f"#{OVERLAY_ID} to appear on {url} after breaking the date in {relative}")
        shown = time.monotonic() - saved
        print(f"  overlay shown {shown:.2f} s after the save: {state['text'].strip()!r}")
        check(state["position"] == "fixed", f"#{OVERLAY_ID} has position {state['position']!r}, not fixed")
        name = os.path.basename(relative)
        check(name in state["text"] and "date" in state["text"].lower(),
              f"#{OVERLAY_ID} does not name the problem (file {name} and its date): {state['text']!r}")
        check(heading in body_text(browser), "the last good version of the article is no longer shown under the overlay")

        saved = time.monotonic()
        preview.write(relative, original)
        wait_for(lambda: overlay_state(browser) is None and not browser.driver.execute_script(MARKED, token)
                 and browser.driver.execute_script("return document.readyState") == "complete",
                 RELOAD_TIMEOUT, what=f"#{OVERLAY_ID} to go and the page to reload after fixing {relative}")
        cleared = time.monotonic() - saved
        check(heading in body_text(browser), f"after the fix the page does not show the article {heading!r}")
        check(overlay_state(browser) is None, f"#{OVERLAY_ID} came back after the reload")
        browser.read_console(url)
        print(f"  overlay gone and page reloaded {cleared:.2f} s after the fix")


def test_a_moved_page_follows_its_new_address(ctx):
    """The open article's `slug:` changes; instead of reloading into a 404 the tab goes to the
    article's new address."""
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        url, relative, heading = open_article(browser, preview)
        slug = "moved-" + uuid.uuid4().hex[:10]
        original = preview.read(relative)
        check(original.startswith("---\n") and "\nslug:" not in original, f"{relative} already has a slug: line")
        saved = time.monotonic()
        preview.write(relative, original.replace("---\n", f"---\nslug: {slug}\n", 1))
        # The slug is the address's last folder: the day (or whatever permalink: puts first) stays.
        target = url.rstrip("/").rsplit("/", 1)[0] + f"/{slug}/"
        wait_for(lambda: browser.driver.current_url == target and heading in body_text(browser), RELOAD_TIMEOUT,
                 what=f"the tab on {url} to go to {target} after the slug changed")
        check(page_problem(browser) is None, f"{target}: {page_problem(browser)}")
        browser.read_console(target)
        print(f"  slug changed; the tab went to {target[len(preview.base):]} {time.monotonic() - saved:.2f} s later")


def test_pages_reconnect_and_reload_after_a_restart(ctx):
    """The server stops while a page is open and starts again on the same port; the page keeps
    trying, and reloads by itself once the server is back."""
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        url, _, heading = open_article(browser, preview)
        token = "restart-" + uuid.uuid4().hex[:12]
        browser.driver.execute_script(MARK, token)
        preview.halt()
        time.sleep(1.5)  # long enough for the page to notice and retry at least once
        check(browser.driver.execute_script(MARKED, token), "the page reloaded while the server was down")
        restarted = time.monotonic()
        preview.launch()
        wait_for(lambda: not browser.driver.execute_script(MARKED, token)
                 and browser.driver.execute_script("return document.readyState") == "complete"
                 and heading in body_text(browser),
                 RELOAD_TIMEOUT, what=f"the open page {url} to reload after the server came back")
        check(browser.driver.current_url == url, f"the page moved to {browser.driver.current_url}")
        print(f"  server back; the page reloaded {time.monotonic() - restarted:.2f} s after the restart began")


def test_no_console_errors(ctx):
    """Every page of the site (all reachable by links from the home page), plus every page the
    tests above loaded: no SEVERE entry in the browser console."""
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        queue = [preview.url("/")]
        seen = set(queue)
        loads = []
        while queue and len(loads) < 500 and not stalled(ctx, loads):
            url = queue.pop(0)
            load = browser.get(url)
            loads.append(load)
            if load.timed_out:
                continue
            for _, link in page_links(browser, preview.base):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
        slowest = max(loads, key=lambda l: l.seconds)
        print(f"  {len(loads)} pages crawled; slowest {slowest.describe(preview.base)}")
        timed_out = [load.url for load in loads if load.timed_out]
    print(f"  console read on {len(ctx.pages_checked)} distinct pages over the whole run")
    problems = []
    if ctx.console_errors:
        listed = "\n".join(f"  [{test}] {url}: {message}" for test, url, message in ctx.console_errors)
        problems.append(f"{len(ctx.console_errors)} SEVERE console entries:\n{listed}")
    if timed_out:
        problems.append(f"{len(timed_out)} pages did not load within {ctx.page_load_timeout:g} s, so their console "
                        f"went unchecked{' (crawl stopped there)' if queue else ''}:\n  " + "\n  ".join(timed_out))
    check(not problems, "\n".join(problems))


TESTS = [
    test_forty_page_loads_following_links,
    test_eight_tabs_open_at_once,
    test_live_reload_shows_edited_article,
    test_error_overlay_appears_and_clears,
    test_a_moved_page_follows_its_new_address,
    test_pages_reconnect_and_reload_after_a_restart,
    test_no_console_errors,
]

if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
