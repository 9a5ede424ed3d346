#!/usr/bin/env python3
"""`lob form` in a real browser, as a colleague uses it: Debian's chromium driven by Selenium.

Two colleagues answer the same form: one with the mouse (answers part, reloads the tab, goes on where he was), one
with the keyboard only. Each downloads his scan file; `lob team import` reads both, and every stored score, note,
consent and preference is compared with what was clicked or typed, and the form's own summary with `lob report`.
axe-core checks every page for serious or critical accessibility violations, and the page must fit 320 px.

Usage: Tests/e2e/form-browser.py LOB [--shots FOLDER]   (needs chromium, chromium-driver, selenium, axe-selenium-python)
"""
import base64
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

LOB = os.path.abspath(sys.argv[1])
SHOTS = sys.argv[sys.argv.index("--shots") + 1] if "--shots" in sys.argv else None
TEAM = "Bouwtechniek bovenbouw"
work = tempfile.mkdtemp(prefix="lob-form-")
downloads = os.path.join(work, "downloads")
os.makedirs(downloads)
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FOUT: " + message)


def lob(*args):
    env = dict(os.environ, LOB_DB=os.path.join(work, "lob.sqlite"))
    done = subprocess.run([LOB, *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"lob {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def browser(width=1100, profile="profile"):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},900",
                     f"--user-data-dir={work}/{profile}", "--lang=nl"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def heading(d):
    return d.find_element(By.TAG_NAME, "h1").text


def accessible(d, where):
    axe = Axe(d)
    axe.inject()
    found = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    for v in found:
        print(f"axe ({where}): {v['id']} {v['impact']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}")
    check(not found, f"axe finds {len(found)} serious or critical violation(s) on {where}")


def console_clean(d, where):
    # A CSP violation, a script error or a failed load shows here as SEVERE.
    severe = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]
    check(not severe, f"browser console on {where}: {severe}")


def shot(d, name, height=None, width=None):
    if not SHOTS:
        return
    os.makedirs(SHOTS, exist_ok=True)
    size = d.get_window_size()
    d.set_window_size(width or size["width"], height or 900)
    d.execute_script("window.scrollTo(0, 0)")
    d.save_screenshot(os.path.join(SHOTS, name))
    d.set_window_size(size["width"], size["height"])


def click_next(d, label="Volgende"):
    d.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click()


def wait_for_download(before):
    """The downloaded file, copied out of Chromium's folder once the download is whole: Chromium may still rename or,
    when the browser quits right after, clean up what it just wrote."""
    for _ in range(100):
        names = set(os.listdir(downloads)) - before
        done = [f for f in names if f.endswith(".yaml")]
        if done and not any(f.endswith(".crdownload") for f in os.listdir(downloads)):
            path = os.path.join(downloads, done[0])
            time.sleep(0.3)
            try:
                data = open(path, "rb").read()
            except FileNotFoundError:
                continue
            kept = os.path.join(work, "kept")
            os.makedirs(kept, exist_ok=True)
            copy = os.path.join(kept, done[0])
            with open(copy, "wb") as out:
                out.write(data)
            return copy
        time.sleep(0.1)
    raise SystemExit("no scan file was downloaded")


def fits(d, where, width=320):
    size = d.get_window_size()
    d.set_window_size(width, 800)
    overflow = d.execute_script("return document.documentElement.scrollWidth")
    check(overflow <= width, f"{where} is {overflow} px wide in a {width} px window")
    d.set_window_size(size["width"], size["height"])


# MARK: the form
form = os.path.join(work, "zelfscan.html")
lob("form", "--team", TEAM, "--out", form)
url = "file://" + form
rng = random.Random(17)

# MARK: a colleague with the mouse, who reloads halfway
d = browser()
d.get(url)
console_clean(d, "the welcome page")
check(heading(d).startswith("Zelfscan"), f"welcome heading: {heading(d)!r}")
accessible(d, "the welcome page")
fits(d, "the welcome page")
shot(d, "form-welkom.png")

# Without a name the form says so, tied to the field, and keeps the focus there.
click_next(d, "Begin")
name = d.find_element(By.ID, "naam")
check(name.get_attribute("aria-invalid") == "true", "an empty name is not marked invalid")
check("Vul je naam in" in d.find_element(By.ID, "naam-fout").text, "no message for an empty name")
check(d.switch_to.active_element == name, "the focus is not on the name after the error")
check(d.find_element(By.ID, "team").get_attribute("value") == TEAM, "the team is not filled in")

# Where he chooses, he reads that the file he will download carries his name and every answer, also when anonymous.
caution = d.find_element(By.ID, "bestand-let-op").text
check("draagt je naam en al je antwoorden, ook als je anoniem kiest" in caution, f"the consent caution: {caution!r}")

teacher = 'Anouk "Noek" de Wit-Ëlmers'
name.send_keys(teacher)
d.find_element(By.CSS_SELECTOR, "label[for='toestemming-1']").click()   # anoniem
click_next(d, "Begin")
check(heading(d) == "Twee portretten", f"after the welcome: {heading(d)!r}")
slider = d.find_element(By.ID, "positie")
# Untouched it chooses nothing and says so, rather than showing "5 van 10" it would not save.
untouched = d.find_element(By.ID, "positie-tekst").text
check(untouched.startswith("nog niet gekozen") and slider.get_attribute("aria-valuetext").startswith("nog niet gekozen"),
      f"an untouched slider says {untouched!r}")
slider.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)   # 5 → 7
check(d.find_element(By.ID, "positie-tekst").text.startswith("7 van 10"), "the slider does not say its value")
accessible(d, "the portraits")
click_next(d)

clicked, notes = {}, {}
def answer_page(d, reload_after=None):
    groups = d.find_elements(By.CSS_SELECTOR, "fieldset")
    for index, group in enumerate(groups):
        behaviour = group.find_element(By.CSS_SELECTOR, "input").get_attribute("name")[len("gedrag-"):]
        if rng.random() < 0.1:
            clicked.pop(behaviour, None)   # left unanswered
        else:
            score = rng.randint(1, 4)
            group.find_element(By.CSS_SELECTOR, f"input[value='{score}'] + span").click()
            clicked[behaviour] = score
        if reload_after is not None and index + 1 == reload_after:
            return behaviour
    return None

first = True
stopped_at = None
while d.find_elements(By.CSS_SELECTOR, "input[name^='gedrag-']"):
    if first:
        # A note with a line break and a quote, as a teacher writes one.
        d.find_element(By.CSS_SELECTOR, "details summary").click()
        box = d.find_element(By.TAG_NAME, "textarea")
        box.send_keys('Gesprek met "Sem" over zijn stage.\nTweede regel.')
        notes[box.get_attribute("id")[len("notitie-"):]] = 'Gesprek met "Sem" over zijn stage.\nTweede regel.'
        accessible(d, "a competency page")
        fits(d, "a competency page")
        shot(d, "form-competentie.png")
        shot(d, "form-telefoon.png", height=760, width=360)
        answer_page(d)
        first = False
        click_next(d)
        continue
    if stopped_at is None:
        # Halfway through the second competency the tab is reloaded: every answer must still be there.
        page = heading(d)
        stopped_at = answer_page(d, reload_after=3)
        d.refresh()
        # Under load the script may not have restored the page when refresh() returns: wait up to 5 s for it.
        for _ in range(50):
            try:
                if heading(d) == page:
                    break
            except Exception:   # no h1 yet while the page loads
                pass
            time.sleep(0.1)
        check(heading(d) == page, f"after a reload the form shows {heading(d)!r}, not {page!r}")
        time.sleep(0.2)
        check("Welkom terug, " + teacher in d.find_element(By.ID, "melding").text, "no word that the answers were restored")
        check(d.find_elements(By.ID, "niet-ik"), "no way for another colleague to start afresh")
        for behaviour, score in clicked.items():
            inputs = d.find_elements(By.CSS_SELECTOR, f"input[name='gedrag-{behaviour}'][value='{score}']")
            if inputs:
                check(inputs[0].is_selected(), f"after a reload {behaviour} lost its answer {score}")
        # The answers of the first page survive too: go back and look.
        click_next(d, "Vorige")
        for behaviour, score in clicked.items():
            inputs = d.find_elements(By.CSS_SELECTOR, f"input[name='gedrag-{behaviour}'][value='{score}']")
            if inputs:
                check(inputs[0].is_selected(), f"after a reload {behaviour} lost its answer {score}")
        check(d.find_element(By.TAG_NAME, "textarea").get_attribute("value") == list(notes.values())[0],
              "after a reload the note is lost")
        click_next(d)
    answer_page(d)
    click_next(d)

check(heading(d) == "Hoe leer jij het liefst?", f"after the behaviours: {heading(d)!r}")
preferences = {}
for group in d.find_elements(By.CSS_SELECTOR, "fieldset"):
    statement = group.find_element(By.CSS_SELECTOR, "input").get_attribute("name")[len("stelling-"):]
    level = rng.randint(1, 4)
    group.find_element(By.CSS_SELECTOR, f"input[value='{level}'] + span").click()
    preferences[statement] = level
accessible(d, "the self-check")
click_next(d)
check(heading(d) == "Je leervoorkeur", f"after the self-check: {heading(d)!r}")
d.find_element(By.CSS_SELECTOR, "input[value='oefenen'] + span").click()
click_next(d, "Naar je samenvatting")
check(heading(d) == "Je samenvatting", f"at the end: {heading(d)!r}")
accessible(d, "the summary")
console_clean(d, "the whole scan")
shot(d, "form-samenvatting.png", height=1400)
summary = {row.get_attribute("data-competentie"): row.find_elements(By.TAG_NAME, "td")[0].text
           for row in d.find_elements(By.CSS_SELECTOR, "#per-competentie tbody tr")}
fits(d, "the summary")

# The summary printed to A4 as "Druk je samenvatting af" prints it: the figures, not the buttons.
pdf = os.path.join(work, "samenvatting.pdf")
with open(pdf, "wb") as out:
    out.write(base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]))
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
printed = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
check(size and round(float(size.group(1))) in (595, 596) and round(float(size.group(2))) in (841, 842),
      f"the summary does not print on A4: {size and size.group(0)}")
check("Je samenvatting" in printed and "Ontwikkelpunten" in printed, "the printed summary lacks its sections")
# The summary's chart runs over the scale (1–4), not from 0.
ticks = [t.text for t in d.find_elements(By.CSS_SELECTOR, "figure svg > text") if t.text.isdigit()]
check(ticks == ["1", "2", "3", "4"], f"the summary chart's axis: {ticks}")
check("Download je scanbestand" not in printed and "Stap " not in printed, "the print shows buttons or progress")
pages = int(info.split("Pages:")[1].split()[0])
print(f"form-browser: the summary prints on {pages} A4 page(s)")

advice = d.find_element(By.ID, "inleveren-uitleg").text
check(advice.startswith("Download je scanbestand en geef het aan je teamvoorzitter. Het bestand draagt je naam en al je antwoorden;"),
      f"the anonymous colleague's advice: {advice!r}")
before = set(os.listdir(downloads))
click_next(d, "Download je scanbestand")
mouse_file = wait_for_download(before)
d.quit()

# MARK: a colleague who keeps his scan privé: the page tells him to keep the file, not to hand it in
p = browser(profile="prive")
p.get(url)
p.find_element(By.ID, "naam").send_keys("Priv Persoon")   # consent stays privé, the first choice
click_next(p, "Begin")
while heading(p) != "Je samenvatting":
    buttons_here = [b.text for b in p.find_elements(By.CSS_SELECTOR, "button.hoofd")]
    click_next(p, buttons_here[-1])   # Volgende, or Naar je samenvatting on the last page
private_advice = p.find_element(By.ID, "inleveren-uitleg").text
check(private_advice.startswith("Download je scanbestand en bewaar het voor jezelf")
      and "Geef het niet aan je teamvoorzitter" in private_advice, f"the privé colleague's advice: {private_advice!r}")
p.quit()

# MARK: a colleague with the keyboard only
d = browser()
d.get(url)
# The same computer: the first colleague's finished scan is offered, and the second starts his own.
time.sleep(0.2)
check(heading(d) == "Je samenvatting" and d.find_elements(By.ID, "niet-ik"), "the earlier scan is not offered")
d.find_element(By.ID, "niet-ik").click()
d.switch_to.alert.accept()
check(heading(d).startswith("Zelfscan") and d.find_element(By.ID, "naam").get_attribute("value") == "",
      "after 'Ben jij dit niet?' the form does not start empty")
d.refresh()
def press(*sequence):
    ActionChains(d).send_keys(*sequence).perform()
def active():
    return d.switch_to.active_element

keyboard_scores = {}
press(Keys.TAB)   # the name field is the first stop
check(active().get_attribute("id") == "naam", f"the first Tab stop is {active().get_attribute('id')!r}")
outline = d.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
check(outline != "none", "the focused name field shows no focus outline")
press("Bram Jansen", Keys.TAB, Keys.TAB)   # name, team, into the consent group (privé)
check(active().get_attribute("name") == "toestemming", "Tab does not reach the consent choice")
press(Keys.ARROW_DOWN, Keys.ARROW_DOWN)   # privé → anoniem → met naam
press(Keys.TAB)
check(active().text == "Begin", f"after the consent Tab reaches {active().text!r}")
press(Keys.ENTER)
check(heading(d) == "Twee portretten", "Enter on Begin does not start the scan")
steps = 0
while heading(d) != "Je samenvatting" and steps < 2000:
    steps += 1
    element = active()
    name_attribute = element.get_attribute("name") or ""
    tag = element.tag_name
    if name_attribute.startswith("gedrag-") and name_attribute[7:] not in keyboard_scores:
        # The group opens on "niet beantwoord" (the last choice); Up k times gives level 5 − k.
        ups = rng.randint(0, 4)
        press(*([Keys.ARROW_UP] * ups))
        keyboard_scores[name_attribute[7:]] = None if ups == 0 else 5 - ups
        press(Keys.TAB)
    elif name_attribute.startswith("stelling-") or name_attribute == "leervoorkeur":
        press(Keys.ARROW_UP, Keys.TAB)
    elif tag == "button" and element.text in ("Volgende", "Naar je samenvatting"):
        press(Keys.ENTER)
    else:
        press(Keys.TAB)
check(heading(d) == "Je samenvatting", "the keyboard alone does not reach the summary")
before = set(os.listdir(downloads))
while active().text != "Download je scanbestand":
    press(Keys.TAB)
press(Keys.ENTER)
keyboard_file = wait_for_download(before)
d.quit()

# MARK: the files, read as LOB-spiegel reads them: the teacher's own `lob scan --answers`, the team import
def report_of(path):
    out = lob("scan", "--answers", path)
    scan_id = out.split("Scan ")[1].split(" ")[0]
    report = json.loads(lob("report", scan_id, "--format", "json"))
    scores = {b["behaviour"]: b["score"] for b in report["behaviours"]}
    return report, scores, {b["behaviour"]: b["note"] for b in report["behaviours"] if b.get("note")}


report, scores, stored_notes = report_of(mouse_file)
expected = {b: clicked.get(b) for b in scores}
check(len(scores) == 44, f"the report has {len(scores)} behaviours")
check(scores == expected, f"stored scores differ from the clicks: "
      f"{[(b, scores[b], expected[b]) for b in scores if scores[b] != expected[b]]}")
check(stored_notes == notes, f"stored notes {stored_notes} differ from {notes}")
scan = report["scan"]
check(scan["teacher"] == teacher and scan["team"] == TEAM, f"stored as {scan['teacher']!r} in {scan['team']!r}")
check(scan["consent"] == "anoniem", f"consent stored as {scan['consent']!r}")
check(scan["portraitPosition"] == 7, f"portrait position stored as {scan['portraitPosition']!r}")
check(scan["learningPreference"]["chosen"] == "oefenen", "the chosen learning preference is not stored")
for competency in report["competencies"]:
    mean = competency["mean"]
    shown = summary.get(str(competency["competency"]))
    same = shown == "–" if mean is None else abs(float(shown.replace(",", ".")) - mean) <= 0.005
    check(same, f"competency {competency['competency']}: the form shows {shown!r}, lob report {mean!r}")
stored_preferences = open(mouse_file, encoding="utf-8").read()
for statement, level in preferences.items():
    check(f"    {statement}: {level}" in stored_preferences, f"self-check {statement} not written as {level}")

keyboard_report, scores, _ = report_of(keyboard_file)
check(keyboard_report["scan"]["consent"] == "metNaam", "the keyboard's consent choice is not stored")
check(len(keyboard_scores) == len(scores), f"the keyboard reached {len(keyboard_scores)} of {len(scores)} behaviours")
check(scores == {b: keyboard_scores.get(b) for b in scores}, f"keyboard scores differ: "
      f"{[(b, scores[b], keyboard_scores.get(b)) for b in scores if scores[b] != keyboard_scores.get(b)]}")

inbox = os.path.join(work, "ingeleverd")
os.makedirs(inbox)
for index, path in enumerate((mouse_file, keyboard_file)):
    os.rename(path, os.path.join(inbox, f"{index}-{os.path.basename(path)}"))
print(lob("team", "import", inbox, "--team", TEAM).strip())
database = os.path.join(work, "lob.sqlite")
rows = subprocess.run(["sqlite3", database, "SELECT teamScanId, behaviourId, score FROM teamScore"],
                      capture_output=True, text=True, check=True).stdout.split()
team_scores = {}
for row in rows:
    scan_id, behaviour, score = row.split("|")
    team_scores.setdefault(scan_id, {})[behaviour] = int(score)
wanted = sorted([{b: s for b, s in clicked.items() if s}, {b: s for b, s in keyboard_scores.items() if s}],
                key=lambda m: sorted(m.items()))
got = sorted(team_scores.values(), key=lambda m: sorted(m.items()))
check(got == wanted, "the team import stored other scores than were clicked and typed")

# MARK: 360° feedback: three colleagues and the leidinggevende rate the mouse colleague in the feedback form
feedback_form = os.path.join(work, "feedback.html")
lob("form", "--feedback-for", teacher, "--out", feedback_form)
leader_form = os.path.join(work, "feedback-leider.html")
lob("form", "--feedback-for", teacher, "--group", "leidinggevende", "--out", leader_form)
given = []
for rater, form_path in enumerate([feedback_form, feedback_form, feedback_form, leader_form]):
    d = browser(profile=f"rater-{rater}")
    d.get("file://" + form_path)
    console_clean(d, "the feedback form")
    check(heading(d) == "Feedback voor " + teacher, f"feedback heading: {heading(d)!r}")
    check(not d.find_elements(By.ID, "naam"), "the feedback form asks the rater's name")
    welcome = d.find_element(By.TAG_NAME, "body").text
    if form_path == feedback_form:
        check(f"{teacher} vraagt je als collega om feedback op" in welcome
              and "groep van minstens drie collega's die" in welcome, f"a colleague's welcome: {welcome!r}")
    else:
        check(f"{teacher} vraagt je als leidinggevende om feedback op" in welcome
              and "Als leidinggevende is je beoordeling herkenbaar als de jouwe." in welcome
              and "leidinggevendeen" not in welcome, f"the leidinggevende's welcome: {welcome!r}")
    if rater == 0:
        accessible(d, "the feedback welcome")
        shot(d, "feedback-welkom.png")
    click_next(d, "Begin")
    ratings = {}
    while d.find_elements(By.CSS_SELECTOR, "input[name^='gedrag-']"):
        for group in d.find_elements(By.CSS_SELECTOR, "fieldset"):
            behaviour = group.find_element(By.CSS_SELECTOR, "input").get_attribute("name")[len("gedrag-"):]
            if rng.random() < 0.15:
                continue   # kan ik niet beoordelen
            level = rng.randint(1, 4)
            group.find_element(By.CSS_SELECTOR, f"input[value='{level}'] + span").click()
            ratings[behaviour] = level
        if rater == 0 and "remarked" not in ratings:
            d.find_element(By.CSS_SELECTOR, "textarea").send_keys("Luistert goed.")
            accessible(d, "a feedback page")
            ratings["remarked"] = 0
        click_next(d)
    check(heading(d).startswith("Klaar"), f"the feedback form ends on {heading(d)!r}")
    before = set(os.listdir(downloads))
    click_next(d, "Download je feedbackbestand")
    path = wait_for_download(before)
    text = open(path, encoding="utf-8").read()
    check("Ans" not in text and "naam" not in text.lower().replace("feedbackfor", ""), "a feedback file names its rater")
    ratings.pop("remarked", None)
    given.append((path, ratings))
    d.quit()
fb_inbox = os.path.join(work, "feedback")
os.makedirs(fb_inbox)
for index, (path, _) in enumerate(given):
    os.rename(path, os.path.join(fb_inbox, f"{index}-{os.path.basename(path)}"))
imported = lob("feedback", "import", fb_inbox)
check("4 nieuwe reacties" in imported, f"feedback import: {imported}")
fb = json.loads(lob("feedback", "report", str(report["scan"]["id"]), "--format", "json"))
for entry in fb["behaviours"]:
    b = entry["behaviour"]
    colleague_scores = [r[b] for _, r in given[:3] if b in r]
    leader = given[3][1].get(b)
    check(entry["leidinggevende"] == leader, f"{b}: the leidinggevende's rating {entry['leidinggevende']} is not {leader}")
    if len(colleague_scores) == 3 and not (sum(colleague_scores) <= 4 or sum(colleague_scores) >= 11):
        mean = sum(colleague_scores) / 3
        # The JSON rounds means to three decimals (docs/json.md).
        check(entry["colleagues"]["n"] == 3 and abs(entry["colleagues"]["mean"] - mean) <= 0.0005,
              f"{b}: colleagues {entry['colleagues']} not the mean {mean} of {colleague_scores}")
        check(entry["colleagues"]["spread"] is None, f"{b}: a spread of three colleagues is shown")
    elif len(colleague_scores) == 3:
        # All three, or two with the third next to them, at an end of the scale: the mean would tell each rating.
        check(entry["colleagues"]["mean"] is None and entry["colleagues"]["withheld"] == "sameAnswers",
              f"{b}: {colleague_scores} shown as {entry['colleagues']}")
    else:
        check(entry["colleagues"]["mean"] is None, f"{b}: {len(colleague_scores)} colleagues shown as a group")
check(fb["colleaguesAnswered"] == 3 and fb["leidinggevendeAnswered"], "feedback counts")
# A remark of one of three colleagues would name its author too easily: remarks need a group of five.
remarks = [r for c in fb["competencies"] for r in c["colleagueRemarks"]]
check(remarks == [], f"remarks of three colleagues shown: {remarks}")
print(f"form-browser: 360° feedback from 3 colleagues and a leidinggevende in the browser, read back by lob feedback")

# MARK: the follow-up (Kirkpatrick level 3): the same raters, some weeks later, on the goal behaviours of his plan only
scan_id = str(report["scan"]["id"])
plan = json.loads(lob("plan", scan_id, "--format", "json"))
goal_behaviours = sorted(b["behaviour"] for g in plan["goals"] for b in g["behaviours"])
follow_form = os.path.join(work, "vervolg.html")
lob("plan", "follow-up", "--scan", scan_id, "--out", follow_form)
leader_follow = os.path.join(work, "vervolg-leider.html")
lob("plan", "follow-up", "--scan", scan_id, "--group", "leidinggevende", "--out", leader_follow)
check(oct(os.stat(follow_form).st_mode & 0o777) == "0o600", "the follow-up form, naming his goals, is readable by others")
later = []
for rater, form_path in enumerate([follow_form, follow_form, follow_form, leader_follow]):
    d = browser(profile=f"follow-{rater}")
    d.get("file://" + form_path)
    console_clean(d, "the follow-up form")
    check(heading(d) == "Vervolgmeting voor " + teacher, f"follow-up heading: {heading(d)!r}")
    welcome = d.find_element(By.TAG_NAME, "body").text
    check(f"Het zijn er {len(goal_behaviours)}" in welcome, f"the follow-up's welcome: {welcome!r}")
    if rater == 0:
        accessible(d, "the follow-up welcome")
        shot(d, "vervolg-welkom.png")
    click_next(d, "Begin")
    ratings, asked = {}, []
    while d.find_elements(By.CSS_SELECTOR, "input[name^='gedrag-']"):
        for group in d.find_elements(By.CSS_SELECTOR, "fieldset"):
            behaviour = group.find_element(By.CSS_SELECTOR, "input").get_attribute("name")[len("gedrag-"):]
            asked.append(behaviour)
            level = rng.randint(2, 4)
            group.find_element(By.CSS_SELECTOR, f"input[value='{level}'] + span").click()
            ratings[behaviour] = level
        click_next(d)
    check(sorted(asked) == goal_behaviours, f"the follow-up asked {sorted(asked)}, the goals are {goal_behaviours}")
    before = set(os.listdir(downloads))
    click_next(d, "Download je feedbackbestand")
    path = wait_for_download(before)
    check("moment: vervolg" in open(path, encoding="utf-8").read(), "a follow-up file does not say it is one")
    later.append((path, ratings))
    d.quit()
follow_inbox = os.path.join(work, "vervolg")
os.makedirs(follow_inbox)
for index, (path, _) in enumerate(later):
    os.rename(path, os.path.join(follow_inbox, f"{index}-{os.path.basename(path)}"))
check("4 nieuwe reacties" in lob("feedback", "import", follow_inbox), "follow-up import")
# The first feedback report is unchanged by the follow-up; the plan's progress sets them side by side.
check(json.loads(lob("feedback", "report", scan_id, "--format", "json")) == fb, "the follow-up changed the first report")
progress = json.loads(lob("plan", "progress", "--scan", scan_id, "--format", "json"))
for observation in progress["observations"]:
    for step in observation["behaviours"]:
        b = step["behaviour"]
        check(step["leidinggevendeAfter"] == later[3][1][b] and step["leidinggevendeBefore"] == given[3][1].get(b),
              f"{b}: the leidinggevende's follow-up {step}")
        if step["leidinggevendeBefore"] is not None and step["colleaguesBefore"] is None:
            check(step["change"] == step["leidinggevendeAfter"] - step["leidinggevendeBefore"], f"{b}: change {step}")
print(f"form-browser: the follow-up on {len(goal_behaviours)} goal behaviours from 3 colleagues and a leidinggevende, beside the first feedback")

# MARK: reactions (Kirkpatrick level 1) on the offline page: the activities awaiting his reaction, answered in the
# browser, downloaded and read into his own logbook; what he skipped stays open.
for number in ("1", "2", "3"):
    lob("plan", "done", number, "--scan", scan_id)
progress = json.loads(lob("plan", "progress", "--scan", scan_id, "--format", "json"))
ids = [a["logbook"] for a in progress["done"][-3:]]
names = {a["logbook"]: a["name"] for a in progress["done"]}
lob("plan", "react", str(ids[2]), "--satisfied", "2", "--usable", "2")
reaction_page = os.path.join(work, "reacties.html")
lob("plan", "react", "--scan", scan_id, "--out", reaction_page)
check(oct(os.stat(reaction_page).st_mode & 0o777) == "0o600", "the reaction page, naming him, is readable by others")
d = browser(profile="reactions")
d.get("file://" + reaction_page)
console_clean(d, "the reaction page")
check(heading(d) == "Je reactie op wat je deed", f"reaction page heading: {heading(d)!r}")
blocks = d.find_elements(By.CSS_SELECTOR, "fieldset.activiteit")
listed = [int(b.get_attribute("id")[len("activiteit-"):]) for b in blocks]
awaiting = [a["logbook"] for a in progress["done"] if a["reaction"] is None and a["logbook"] != ids[2]]
check(listed == awaiting, f"the page lists {listed}, awaiting a reaction are {awaiting}")
accessible(d, "the reaction page")
fits(d, "the reaction page")
download_button = "//button[normalize-space()='Download je reacties']"
before = set(os.listdir(downloads))
d.find_element(By.XPATH, download_button).click()
check("geen enkele activiteit" in d.find_element(By.ID, "melding").text, "nothing answered, yet no word about it")
first, second = listed[0], listed[1]
d.find_element(By.CSS_SELECTOR, f"input[name='tevreden-{first}'][value='4'] + span").click()
d.find_element(By.XPATH, download_button).click()
fault = d.find_element(By.ID, f"fout-{first}").text
check(fault.startswith("Beantwoord ook: Denk je"), f"one question of two answered: {fault!r}")
check(d.find_element(By.ID, f"activiteit-{first}").get_attribute("aria-invalid") == "true", "the fault is not marked")
accessible(d, "the reaction page with a fault")
shot(d, "reacties-fout.png")
# The focus is on the question still open; the keyboard answers it with the arrow keys.
focused = d.switch_to.active_element
check(focused.get_attribute("name") == f"aan-de-slag-{first}", f"the focus after the fault: {focused.get_attribute('name')}")
focused.send_keys(Keys.ARROW_RIGHT)
remark = 'Goed gesprek, "echt" bruikbaar: ik # probeer het\nvolgende week in mijn mentorles'
d.find_element(By.ID, f"opmerking-{first}").send_keys(remark)
d.find_element(By.XPATH, download_button).click()
path = wait_for_download(before)
check(d.find_element(By.ID, f"fout-{first}").text == "", "the fault stays after it was put right")
check("reactie is gedownload" in d.find_element(By.ID, "melding").text, "no word that the file was downloaded")
shot(d, "reacties.png", height=1400)
d.quit()
said = lob("plan", "react", "--file", path)
check(said.startswith("1 reactie bewaard"), f"reading the reactions: {said!r}")
after = {a["logbook"]: a for a in json.loads(lob("plan", "progress", "--scan", scan_id, "--format", "json"))["done"]}
reaction = after[first]["reaction"]
check(reaction and reaction["satisfied"] == 4 and reaction["usable"] == 2 and reaction["remark"] == remark,
      f"activity {first}: stored {reaction}, clicked 4, 2 and {remark!r}")
check(after[second]["reaction"] is None, f"activity {second}, skipped on the page, has a reaction")
check(after[ids[2]]["reaction"]["satisfied"] == 2, "the reaction given in the terminal changed")
print(f"form-browser: reactions to {len(listed)} activities on the offline page, one given with mouse and keyboard, "
      "read into his logbook")

# MARK: every exported document as a page: on a phone and on a laptop, nothing runs past the window (a table the
# screen reader alone reads once made the plan scroll sideways).
exports = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "Exports")
pages = sorted(f for f in os.listdir(exports) if f.endswith(".html") and not f.startswith("zelfscan"))
d = browser(profile="exports")
for page in pages:
    d.get("file://" + os.path.join(exports, page))
    for width in (320, 1200):
        fits(d, f"Exports/{page}", width)
d.quit()
print(f"form-browser: {len(pages)} exported documents fit 320 and 1200 px windows")

answered = sum(1 for v in clicked.values() if v)
print(f"form-browser: 2 colleagues, {answered} + {sum(1 for v in keyboard_scores.values() if v)} answers "
      "clicked and typed, both read by lob scan --answers and lob team import; the reload resumed")
if failures:
    print(f"form-browser: {len(failures)} failure(s)")
    sys.exit(1)
print("form-browser: ok")
