"""Browser tests of the search page, black-box: headless Chromium types into the page (or opens it
with ?q=) and reads what it shows. Over HTTP through `digest serve`, and from file:// on a site
built with `digest build` and link_index_html: true.

Run through scripts/browser-test, or directly: DIGEST_BIN=.build/debug/digest python3 Tests/Browser/search_test.py
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import quote

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import SITE_PARTS, Browser, Preview, check, run_tests, wait_for  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

QUANTUM = "Quantum satellite team wins AAAS Newcomb Cleveland Prize"
SWISS = "China and Switzerland open talks on upgrading their free trade agreement"
# The most a page and its first query may load at the sample site's size (the budget at
# 10,000 articles is 150 KiB; the sample is far smaller, so this catches a page that loads the
# whole index).
FIRST_QUERY_BUDGET = 60 * 1024


# Helpers ---------------------------------------------------------------------------------------

RESULTS = """
return Array.prototype.map.call(document.querySelectorAll('#search-results > li'), function (li) {
  var a = li.querySelector('h3 a'), s = li.querySelector('.snippet'), m = li.querySelector('.meta');
  return {title: a.textContent, href: a.href, meta: m ? m.textContent : '',
          snippet: s ? s.textContent : '', marks: Array.prototype.map.call(li.querySelectorAll('mark'), function (x) { return x.textContent; }),
          snippetHTML: s ? s.innerHTML : ''};
});
"""


def status(browser):
    return browser.driver.find_element(By.ID, "search-status").text.strip()


def settled(browser):
    """Waits until the page has answered the query in its box; returns the results."""
    wait_for(lambda: re.search(r"matching article|No articles match|articles to search|篇匹配文章|没有匹配的文章|可供搜索", status(browser)),
             10, what="the search status to show a result count")
    return browser.driver.execute_script(RESULTS)


def titles(results):
    return [result["title"] for result in results]


def search_url(base, query, **filters):
    params = [f"q={quote(query)}"] + [f"{name}={quote(value)}" for name, value in filters.items()]
    return f"{base}/search/?" + "&".join(params)


def bytes_loaded(browser):
    """Bytes the page loaded (navigation and every resource), as transferred over HTTP."""
    return browser.driver.execute_script("""
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
            .reduce(function (sum, e) { return sum + (e.transferSize || e.encodedBodySize || 0); }, 0);""")


def loaded_scripts(browser):
    return browser.driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
        ".filter(function (n) { return n.indexOf('/search/') >= 0 && /\\.js$/.test(n); });")


class BuiltSite:
    """A temporary copy of the sample site (or of `source`, a site folder) built with `digest
    build` and link_index_html: true, for browsing from disk."""

    def __init__(self, ctx, source=None, settings="", articles=None):
        self.ctx = ctx
        self.source = source or ctx.site_root
        self.settings = settings
        self.articles = articles or {}

    def __enter__(self):
        self.temp = tempfile.mkdtemp(prefix="digest-search-")
        site = os.path.join(self.temp, "site")
        os.mkdir(site)
        for part in SITE_PARTS:
            source, target = os.path.join(self.source, part), os.path.join(site, part)
            if not os.path.exists(source):
                continue
            if os.path.isdir(source):
                shutil.copytree(source, target, symlinks=False)
            else:
                shutil.copy2(source, target)
        config = os.path.join(site, "site.yml")
        with open(config, encoding="utf-8") as file:
            text = file.read()
        # Settings given here replace the sample's own.
        for key in ["link_index_html"] + re.findall(r"(?m)^(\w+):", self.settings):
            text = re.sub(rf"(?m)^{key}:.*$", "", text)
        with open(config, "w", encoding="utf-8") as file:
            file.write(text.rstrip("\n") + "\nlink_index_html: true\n" + self.settings)
        for name, text in self.articles.items():
            with open(os.path.join(site, "Content", name), "w", encoding="utf-8") as file:
                file.write(text)
        self.output = os.path.join(self.temp, "out")
        subprocess.run([self.ctx.digest, "build", "--site", site, "--output", self.output],
                       check=True, capture_output=True, timeout=120)
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.temp, ignore_errors=True)

    def search_url(self, query, language=""):
        return "file://" + quote(os.path.join(self.output, language, "search", "index.html")) + "?q=" + quote(query)


# Tests -----------------------------------------------------------------------------------------

def test_a_word_only_in_a_body_is_found_and_highlighted(ctx):
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        browser.get(search_url(preview.base, "Jiuquan"))
        results = settled(browser)
        check(titles(results) == [QUANTUM], f"?q=Jiuquan (a word only in one body) showed {titles(results)}")
        check(results[0]["marks"] == ["Jiuquan"], f"the snippet highlights {results[0]['marks']}, not Jiuquan")
        check("Jiuquan Satellite Launch Center" in results[0]["snippet"], f"the snippet is {results[0]['snippet']!r}")
        check(results[0]["href"].endswith("/2019/02/15/quantum-satellite-prize/"),
              f"the result links to {results[0]['href']}")
        check(status(browser) == "1 matching article.", f"the status says {status(browser)!r}")
        live = browser.driver.find_element(By.ID, "search-status").get_attribute("aria-live")
        check(live == "polite", f"the status is not an aria-live region (aria-live={live!r})")
        total = bytes_loaded(browser)
        print(f"  page and first query loaded {total} bytes: {len(loaded_scripts(browser))} index scripts")
        check(total <= FIRST_QUERY_BUDGET, f"the page and its first query loaded {total} bytes (budget {FIRST_QUERY_BUDGET})")
        check(not any("index-data" not in name and "/docs/" not in name and "/terms/" not in name
                      for name in loaded_scripts(browser)), f"unexpected index scripts: {loaded_scripts(browser)}")


def test_cjk_substrings_match_and_runs_must_be_adjacent(ctx):
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        for query in ("墨子号", "墨子", "量子纠缠分发", "号"):
            browser.get(search_url(preview.base, query))
            results = settled(browser)
            check(titles(results) == [QUANTUM], f"?q={query} showed {titles(results)}, not the quantum satellite article")
            check(query in results[0]["marks"], f"?q={query}: the snippet highlights {results[0]['marks']}")
        # Both bigrams (星实, 实验) are in the text, but never as the run 星实验.
        browser.get(search_url(preview.base, "星实验"))
        results = settled(browser)
        check(not results and status(browser) == "No articles match.",
              f"?q=星实验 (bigrams present, not adjacent) showed {titles(results)}: {status(browser)!r}")


def test_diacritics_and_case_are_folded(ctx):
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        for query in ("zurich", "ZÜRICH", "Zür"):
            browser.get(search_url(preview.base, query))
            results = settled(browser)
            check(titles(results) == [SWISS], f"?q={query} showed {titles(results)}")
            check(results[0]["marks"] == ["Zürich"], f"?q={query}: the snippet highlights {results[0]['marks']}")


def test_filters_narrow_results_and_live_in_the_address(ctx):
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        browser.get(search_url(preview.base, "china"))
        everything = settled(browser)
        sections = {result["meta"].split(" · ")[1] for result in everything}
        check(len(sections) > 1, f"?q=china should span sections, found {sections}")
        section = browser.driver.find_element(By.ID, "search-section")
        section.find_element(By.CSS_SELECTOR, "option[value='economy']").click()
        wait_for(lambda: "section=economy" in browser.driver.current_url, 5, what="section=economy in the address")
        narrowed = wait_for(lambda: (lambda r: r if r and len(r) < len(everything) else None)(settled(browser)), 10,
                            what="fewer results once the section is chosen")
        check(all(" · Economy" in result["meta"] for result in narrowed),
              f"the Economy filter let through {[r['meta'] for r in narrowed]}")
        check(SWISS in titles(narrowed), f"the Swiss trade article is missing from {titles(narrowed)}")
        browser.driver.back()
        wait_for(lambda: "section=" not in browser.driver.current_url, 5, what="Back to undo the filter")
        wait_for(lambda: len(settled(browser)) == len(everything), 10, what="every result again after Back")
        check(browser.driver.find_element(By.ID, "search-section").get_attribute("value") == "",
              "the section filter is still set after Back")
        browser.get(search_url(preview.base, "talks", speaker="gao-feng"))
        results = settled(browser)
        check(SWISS in titles(results) and all("Gao Feng" in r["meta"] for r in results),
              f"?q=talks&speaker=gao-feng showed {[(r['title'], r['meta']) for r in results]}")
        check(browser.driver.find_element(By.ID, "search-speaker").get_attribute("value") == "gao-feng",
              "the speaker filter does not show the speaker from the address")


def test_typing_keyboard_and_the_address(ctx):
    with Preview(ctx.digest, ctx.site_root) as preview, Browser(ctx) as browser:
        browser.get(preview.url("/search/"))
        settled(browser)
        body = browser.driver.find_element(By.TAG_NAME, "body")
        body.send_keys("/")
        box = browser.driver.find_element(By.ID, "search-query")
        check(browser.driver.switch_to.active_element == box, "/ did not focus the search box")
        box.send_keys("Newcomb")
        wait_for(lambda: titles(settled(browser)) == [QUANTUM], 10, what="results while typing")
        wait_for(lambda: "q=Newcomb" in browser.driver.current_url, 5, what="?q=Newcomb in the address")
        box.send_keys(Keys.ARROW_DOWN)
        active = browser.driver.switch_to.active_element
        check(active.text == QUANTUM, f"ArrowDown focused {active.text!r}, not the first result")
        active.send_keys(Keys.ENTER)
        wait_for(lambda: "/2019/02/15/quantum-satellite-prize/" in browser.driver.current_url, 10, what="Enter to open the result")
        browser.driver.back()
        wait_for(lambda: browser.driver.find_element(By.ID, "search-query").get_attribute("value") == "Newcomb", 10,
                 what="the query back in the box after Back")
        browser.get(search_url(preview.base, "tariff <img src=x onerror=alert(1)>"))
        settled(browser)
        injected = browser.driver.execute_script("return document.querySelectorAll('#search-results img, #search-status *').length;")
        check(injected == 0, "markup in the query reached the page as elements")
        for query in ("constructor", "__proto__ toString"):
            browser.get(search_url(preview.base, query))
            settled(browser)
            check(status(browser) == "No articles match.", f"?q={query} (names of Object's members) gave {status(browser)!r}")
        severe = [entry["message"] for entry in browser.driver.get_log("browser") if entry.get("level") == "SEVERE"]
        check(not severe, f"console errors on the search page: {severe}")
        noscript = browser.driver.execute_script("var n = document.querySelector('noscript'); return n ? n.textContent : '';")
        check("Search needs JavaScript" in noscript, f"no message for readers without scripts: {noscript!r}")


def test_search_works_from_disk(ctx):
    with BuiltSite(ctx) as site, Browser(ctx) as browser:
        for query, expected in (("墨子号", QUANTUM), ("zurich", SWISS), ("Jiuquan", QUANTUM)):
            browser.get(site.search_url(query))
            results = settled(browser)
            check(titles(results) == [expected], f"from file://, ?q={query} showed {titles(results)}")
            check(results[0]["href"].startswith("file://") and results[0]["href"].endswith("/index.html"),
                  f"from file://, the result links to {results[0]['href']}")
        severe = [entry for entry in browser.driver.get_log("browser") if entry.get("level") == "SEVERE"]
        check(not severe, f"console errors from file://: {[entry['message'] for entry in severe]}")


def test_the_status_speaks_the_sites_language(ctx):
    with BuiltSite(ctx, settings="language: zh\n") as site, Browser(ctx) as browser:
        browser.get(site.search_url("墨子号"))
        results = settled(browser)
        check(titles(results) == [QUANTUM], f"on a Chinese site, ?q=墨子号 showed {titles(results)}")
        check(status(browser) == "1 篇匹配文章。", f"the Chinese status says {status(browser)!r}")
        browser.get(site.search_url("zzqqxx"))
        wait_for(lambda: status(browser) == "没有匹配的文章。", 10, what=f"the Chinese no-match status, not {status(browser)!r}")


def test_each_language_searches_its_own_articles(ctx):
    """A site in English and Chinese (languages: [en, zh]) has a search page and index per
    language: the Chinese one, under zh/, finds Chinese articles only, and links them where they are."""
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "DigestKitTests", "Fixtures", "bilingual-site")
    with BuiltSite(ctx, fixture) as site, Browser(ctx) as browser:
        for language, query, expected in (("zh", "谈判", ["外交部发言人答记者问"]), ("zh", "talks", []),
                                          ("", "talks", ["Spokesperson's remarks on trade talks"]), ("", "谈判", [])):
            browser.get(site.search_url(query, language))
            results = settled(browser)
            check(titles(results) == expected, f"from file://, {language or 'en'} ?q={query} showed {titles(results)}")
            if expected:
                check(results[0]["href"].startswith("file://") and "/zh/" not in results[0]["href"]
                      and results[0]["href"].endswith("/index.html"), f"the result links to {results[0]['href']}")
        browser.get(site.search_url("谈判", "zh"))
        settled(browser)
        options = browser.driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('#search-speaker option'), function (o) { return o.textContent; });")
        check("华春莹" in options and "Hua Chunying" not in options, f"the Chinese speaker filter lists {options}")
        severe = [entry for entry in browser.driver.get_log("browser") if entry.get("level") == "SEVERE"]
        check(not severe, f"console errors from file://: {[entry['message'] for entry in severe]}")

THAI = "แถลงข่าวกระทรวงการต่างประเทศ"
THAI_ARTICLE = """---
title: "%s"
date: 2019-02-14T10:00:00+07:00
language: th
section: DIPLOMACY
---

โฆษกกระทรวงการต่างประเทศแถลงข่าวเรื่องการเจรจาการค้าเสรีกับจีน
""" % THAI


def test_thai_is_found_by_any_run_and_marked_with_its_language(ctx):
    """Thai is written without spaces between words: a run in the middle of a sentence is found,
    as Chinese is, and the result carries lang="th" on an English search page."""
    with BuiltSite(ctx, articles={"2019-02-14-thai-briefing.md": THAI_ARTICLE}) as site, Browser(ctx) as browser:
        for query in ("การค้าเสรี", "ต่างประเทศ", "เจรจา"):
            browser.get(site.search_url(query))
            results = settled(browser)
            check(titles(results) == [THAI], f"?q={query} showed {titles(results)}")
            check(query in results[0]["marks"], f"?q={query}: the snippet highlights {results[0]['marks']}")
        language = browser.driver.execute_script("return document.querySelector('#search-results > li').lang;")
        check(language == "th", f"the Thai result's lang is {language!r}")
        browser.get(site.search_url("zurich"))
        results = settled(browser)
        check(titles(results) == [SWISS], f"?q=zurich showed {titles(results)}")
        check(browser.driver.execute_script("return document.querySelector('#search-results > li').lang;") == "",
              "an English result on the English page is marked with a language")


TESTS = [
    test_a_word_only_in_a_body_is_found_and_highlighted,
    test_cjk_substrings_match_and_runs_must_be_adjacent,
    test_diacritics_and_case_are_folded,
    test_filters_narrow_results_and_live_in_the_address,
    test_typing_keyboard_and_the_address,
    test_search_works_from_disk,
    test_the_status_speaks_the_sites_language,
    test_each_language_searches_its_own_articles,
    test_thai_is_found_by_any_run_and_marked_with_its_language,
]

if __name__ == "__main__":
    sys.exit(run_tests(TESTS))
