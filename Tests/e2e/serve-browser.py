#!/usr/bin/env python3
"""`lob serve` in a real browser, as a team uses it: Debian's chromium driven by Selenium against the server.

The teamvoorzitter opens a round for three colleagues (`lob team round open --out links.csv`). Each opens his own
link in his own browser and answers the scan; the first reloads halfway and must find every answer again (they are
on the server, not in the browser). Each chooses to share anonymously at the end and hands in. Then the
teamvoorzitter logs in: the dashboard says 3 invited, 3 started, 3 handed in, and the team report page shows the
same figures as `lob team report --format json` on the same database. axe-core checks every kind of page, the
console must stay free of errors (a CSP violation is one), and the server stops on SIGTERM with the database intact.

Usage: Tests/e2e/serve-browser.py LOB [--shots FOLDER]
"""
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

LOB = os.path.abspath(sys.argv[1])
SHOTS = sys.argv[sys.argv.index("--shots") + 1] if "--shots" in sys.argv else None
TEAM = "Bouwtechniek bovenbouw"
ROUND = "voorjaar 2027"
PASSWORD = "een lang wachtwoord"
CODES = ["ans haar code", "bram zijn code", "carla haar code"]
work = tempfile.mkdtemp(prefix="lob-serve-")
# `--db postgresql://…` runs the same round on a PostgreSQL server (a schema of its own, migrated first); the
# password comes from PGPASSWORD, as for lob itself.
SERVER = sys.argv[sys.argv.index("--db") + 1] if "--db" in sys.argv else None
if SERVER:
    database = SERVER + ("&" if "?" in SERVER else "?") + "schema=serve_" + os.urandom(6).hex()
else:
    database = os.path.join(work, "lob.sqlite")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FOUT: " + message)


def lob(*args, stdin=None):
    done = subprocess.run([LOB, *args, "--db", database], capture_output=True, text=True, input=stdin)
    if done.returncode != 0:
        raise SystemExit(f"lob {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


if SERVER:
    lob("db", "migrate")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser(profile):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900",
                     f"--user-data-dir={work}/{profile}", "--lang=nl"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def heading(d):
    # The page may be replaced while it is read (handing in reloads it): ask again.
    for _ in range(20):
        try:
            return d.find_element(By.TAG_NAME, "h1").text
        except WebDriverException:
            # Stale, missing, or "node does not belong to the document" while the page is replaced.
            time.sleep(0.1)
    return ""


def accessible(d, where):
    axe = Axe(d)
    axe.inject()
    found = [v for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    for v in found:
        print(f"axe ({where}): {v['id']} {v['impact']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}")
    check(not found, f"axe finds {len(found)} serious or critical violation(s) on {where}")


def console_clean(d, where, expected=()):
    severe = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"
              and not any(x in e["message"] for x in expected)]
    check(not severe, f"browser console on {where}: {severe}")


def shot(d, name, height=900):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        d.set_window_size(1100, height)
        d.execute_script("window.scrollTo(0, 0)")
        d.save_screenshot(os.path.join(SHOTS, name))
        d.set_window_size(1100, 900)


def wait_for(d, test, seconds=10):
    """Polls until `test(d)` holds (a form post loads a new page), ignoring a page replaced while it is read."""
    for _ in range(seconds * 10):
        try:
            if test(d):
                return True
        except WebDriverException:
            pass
        time.sleep(0.1)
    return False


def fits(d, where, width=320):
    d.set_window_size(width, 800)
    overflow = d.execute_script("return document.documentElement.scrollWidth")
    check(overflow <= width, f"{where} is {overflow} px wide in a {width} px window")
    d.set_window_size(1100, 900)


def click(d, label):
    d.find_element(By.XPATH, f"//button[normalize-space()='{label}']").click()


def saved(d):
    """Waits until the page has every answer on the server (it says so on its body)."""
    check(wait_for(d, lambda d: d.execute_script("return document.body.dataset.bezig || 'nee'") == "nee"),
          "the page does not finish saving")


# MARK: the round and the server
with open(os.path.join(work, "namen.txt"), "w", encoding="utf-8") as out:
    out.write("# het team\nAns Bakker\nBram de Jong\nCarla Visser\n")
port = free_port()
base = f"http://127.0.0.1:{port}"
links_file = os.path.join(work, "links.csv")
lob("team", "round", "open", "--team", TEAM, "--round", ROUND, "--invite", os.path.join(work, "namen.txt"),
    "--profile", "mentor-model2", "--url", base, "--out", links_file)
check(oct(os.stat(links_file).st_mode & 0o777) == "0o600", "links.csv is readable by others")
links = [line.split(";", 1) for line in open(links_file, encoding="utf-8").read().splitlines()[1:]]
lob("serve", "account", "--team", TEAM, "--login", "voorzitter", "--password-stdin", stdin=PASSWORD + "\n")
server = subprocess.Popen([LOB, "serve", "--port", str(port), "--db", database], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/", timeout=1)
        break
    except OSError:
        time.sleep(0.1)

# MARK: three colleagues, each in his own browser
rng = random.Random(2027)
answers = {}
for index, (name, link) in enumerate(links):
    name = name.strip('"')
    d = browser(f"collega-{index}")
    d.get(link)
    # The first visit: he claims his link with a personal code; from then on the link alone opens nothing of his.
    check(heading(d) == f"Welkom, {name}", f"{name}: the link first shows {heading(d)!r}")
    if index == 0:
        accessible(d, "the page that claims a link")
        fits(d, "the page that claims a link")
        shot(d, "serve-code.png")
    d.find_element(By.ID, "code").send_keys(CODES[index])
    d.find_element(By.ID, "nogmaals").send_keys(CODES[index])
    click(d, "Begin met de scan")
    check(wait_for(d, lambda d: heading(d).startswith("Zelfscan")), f"{name}: after the code {heading(d)!r}")
    console_clean(d, "the scan page")
    check(name in d.find_element(By.ID, "scan").text, f"{name}: the page does not greet him by name")
    if index == 0:
        accessible(d, "the served welcome page")
        shot(d, "serve-welkom.png")
    click(d, "Begin")
    click(d, "Volgende")   # the portraits
    mine = {}
    page = 0
    while d.find_elements(By.CSS_SELECTOR, "input[name^='gedrag-']"):
        groups = d.find_elements(By.CSS_SELECTOR, "fieldset")
        for number, group in enumerate(groups):
            behaviour = group.find_element(By.CSS_SELECTOR, "input").get_attribute("name")[len("gedrag-"):]
            score = rng.randint(1, 4)
            group.find_element(By.CSS_SELECTOR, f"input[value='{score}'] + span").click()
            mine[behaviour] = score
            if index == 0 and page == 1 and number == 2:
                # Halfway through a page the tab is reloaded: the answers come back from the server.
                saved(d)
                title = heading(d)
                d.refresh()
                time.sleep(0.3)
                check(heading(d) == title, f"after a reload the page is {heading(d)!r}, not {title!r}")
                check("Welkom terug, " + name in d.find_element(By.ID, "melding").text, "no word of resuming")
                for b, s in mine.items():
                    inputs = d.find_elements(By.CSS_SELECTOR, f"input[name='gedrag-{b}'][value='{s}']")
                    if inputs:
                        check(inputs[0].is_selected(), f"after a reload {b} lost its answer {s}")
                groups = d.find_elements(By.CSS_SELECTOR, "fieldset")
                for rest in groups[number + 1:]:
                    b = rest.find_element(By.CSS_SELECTOR, "input").get_attribute("name")[len("gedrag-"):]
                    s = rng.randint(1, 4)
                    rest.find_element(By.CSS_SELECTOR, f"input[value='{s}'] + span").click()
                    mine[b] = s
                break
        page += 1
        click(d, "Volgende")
    answers[name] = mine
    click(d, "Volgende")   # the self-check, left empty
    click(d, "Naar je samenvatting")
    check(heading(d) == "Je samenvatting", f"{name}: at the end {heading(d)!r}")
    d.find_element(By.CSS_SELECTOR, "input[name='toestemming'][value='anoniem'] + span").click()
    if index == 0:
        accessible(d, "the served summary")
    click(d, "Lever je scan in")
    check(wait_for(d, lambda d: heading(d) == "Je scan is ingeleverd"), f"{name}: after handing in {heading(d)!r}")
    if index == 0:
        accessible(d, "the page after handing in")
        fits(d, "the page after handing in")
        shot(d, "serve-ingeleverd.png")
    d.find_element(By.LINK_TEXT, "Je uitslag").click()
    check(wait_for(d, lambda d: heading(d) == f"Zelfscan van {name}"), f"{name}: his report shows {heading(d)!r}")
    if index == 0:
        # His logbook (Kirkpatrick level 1): the first activity of his plan done today, then his reaction to it.
        d.get(link + "/logboek")
        check(heading(d) == "Je logboek", f"the logbook shows {heading(d)!r}")
        accessible(d, "the logbook behind a link")
        fits(d, "the logbook behind a link")
        d.find_element(By.CSS_SELECTOR, "form[action$='/gedaan'] button").click()
        check(wait_for(d, lambda d: "Gedaan op" in d.page_source), "marking an activity done shows nothing")
        check(wait_for(d, lambda d: "Je reactie op" in d.find_element(By.TAG_NAME, "body").text),
              "no reaction asked after an activity")
        d.find_element(By.CSS_SELECTOR, "input[name='tevreden'][value='4']").click()
        d.find_element(By.CSS_SELECTOR, "input[name='aandeslag'][value='5']").click()
        d.find_element(By.CSS_SELECTOR, "textarea[name='opmerking']").send_keys("Direct bruikbaar in mijn mentoruur.")
        accessible(d, "the logbook with a reaction to give")
        shot(d, "serve-logboek.png")
        click(d, "Bewaar je reactie")
        check(wait_for(d, lambda d: "Je reactie: tevreden · zeker wel." in d.find_element(By.TAG_NAME, "body").text),
              "the reaction is not shown after saving it")
    console_clean(d, f"{name}'s pages")
    d.quit()

# MARK: the teamvoorzitter as an attacker: he holds links.csv, but a claimed link opens nothing without the code
a = browser("aanvaller")
a.get(links[0][1])
check(heading(a) == "Je persoonlijke code", f"a claimed link in another browser shows {heading(a)!r}")
check("Ans Bakker" not in a.page_source and "anoniem" not in a.page_source, "a claimed link shows Ans's scan")
accessible(a, "the page that asks for a code")
for path in ["/uitslag", "/plan", "/scan.yaml", "/feedback", "/logboek"]:
    a.get(links[0][1] + path)
    check(heading(a) == "Je persoonlijke code", f"{path} without Ans's browser shows {heading(a)!r}")
a.find_element(By.ID, "code").send_keys("een gok van de voorzitter")
click(a, "Open mijn scan")
check(wait_for(a, lambda a: "Deze code klopt niet" in a.page_source), "a wrong code is not refused")
check("Je scan is ingeleverd" not in a.page_source, "a wrong code opens Ans's scan")
console_clean(a, "the attacker's pages", expected=("status of 401",))
a.quit()
# Ans herself, on another device, with her code.
p = browser("ans-telefoon")
p.get(links[0][1])
p.find_element(By.ID, "code").send_keys(CODES[0])
click(p, "Open mijn scan")
check(wait_for(p, lambda p: heading(p) == "Je scan is ingeleverd"), f"Ans with her code sees {heading(p)!r}")
p.quit()

# MARK: what the team's round holds now, read by the command line
stored = json.loads(lob("team", "report", "--team", TEAM, "--round", ROUND, "--no-compare", "--format", "json"))
check(stored["privacy"]["anonymous"] == 3 and stored["privacy"]["named"] == 0, f"privacy: {stored['privacy']}")
for name in answers:
    check(name not in json.dumps(stored, ensure_ascii=False), f"the team report names {name}, who shared anonymously")

# MARK: the teamvoorzitter's dashboard
d = browser("voorzitter")
d.get(base + "/dashboard")
check(heading(d).startswith("Inloggen"), f"the dashboard without login shows {heading(d)!r}")
accessible(d, "the login page")
fits(d, "the login page")
d.find_element(By.ID, "login").send_keys("voorzitter")
d.find_element(By.ID, "wachtwoord").send_keys("fout wachtwoord")
click(d, "Inloggen")
check(wait_for(d, lambda d: "Onjuiste naam of wachtwoord" in d.page_source), "a wrong password is not refused")
d.find_element(By.ID, "login").send_keys("voorzitter")
d.find_element(By.ID, "wachtwoord").send_keys(PASSWORD)
click(d, "Inloggen")
check(wait_for(d, lambda d: heading(d) == f"Dashboard: {TEAM}"), f"after login: {heading(d)!r}")
accessible(d, "the dashboard")
fits(d, "the dashboard")
shot(d, "serve-dashboard.png", height=1700)
row = [c.text for c in d.find_elements(By.CSS_SELECTOR, "table tbody tr")[0].find_elements(By.TAG_NAME, "td")]
check(row[:4] == [ROUND, "3", "3", "3"], f"the dashboard's round row: {row}")
# Every profile's whole name fits its choice (it was cut at 30rem).
cut = d.execute_script("""
    const choice = document.getElementById('profiel');
    if (!choice) return 'no profile choice';
    const pen = document.createElement('canvas').getContext('2d');
    pen.font = getComputedStyle(choice).font;
    const widest = Math.max(...[...choice.options].map((o) => pen.measureText(o.text).width));
    return choice.clientWidth >= widest ? '' : `${Math.round(choice.clientWidth)} px for ${Math.round(widest)} px of text`;""")
check(cut == "", f"the dashboard's profile choice is cut: {cut}")
d.find_element(By.LINK_TEXT, "Teamoverzicht").click()
wait_for(d, lambda d: heading(d).startswith("Teamoverzicht"))
# The report page leads back to the dashboard.
d.find_element(By.LINK_TEXT, "← Terug naar het dashboard")
# The wrong password above was answered with 401, which the console notes; nothing else may be there.
console_clean(d, "the dashboard and the team report page", expected=("/inloggen - Failed to load resource: the server responded with a status of 401",))
table = None
for h2 in d.find_elements(By.TAG_NAME, "h2"):
    if h2.text == "Competenties":
        table = h2.find_element(By.XPATH, "following::table[1]")
        break
check(table is not None, "the team report page has no table of competencies")
if table is not None:
    shown = {}
    for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
        cells = [c.text for c in tr.find_elements(By.CSS_SELECTOR, "th, td")]
        shown[int(cells[0].split()[0])] = cells
    for competency in stored["competencies"]:
        cells = shown.get(competency["competency"])
        if competency["mean"] is None:
            continue
        check(cells is not None, f"competency {competency['competency']} missing from the page")
        if cells:
            check(cells[1] == str(competency["n"]), f"competency {competency['competency']}: n {cells[1]} vs {competency['n']}")
            page_mean = float(cells[2].replace(",", "."))
            check(abs(page_mean - competency["mean"]) < 0.006,
                  f"competency {competency['competency']}: mean {cells[2]} on the page, {competency['mean']} in JSON")
    print(f"serve-browser: the team report page matches lob team report on {len(stored['competencies'])} competencies")

# MARK: 360° feedback about Ans: the teamvoorzitter asks three raters on the dashboard, they answer through their links
d.get(base + "/dashboard")
# The colleague is chosen from the round's invitations, not typed.
d.find_element(By.XPATH, f"//select[@id='voor']/option[normalize-space()='Ans Bakker ({ROUND})']").click()
d.find_element(By.CSS_SELECTOR, "#groep option[value='collega']").click()
d.find_element(By.ID, "beoordelaars").send_keys("Rater een\nRater twee\nRater drie")
click(d, "Maak de feedbacklinks")
wait_for(d, lambda d: heading(d).startswith("Persoonlijke links"))
rater_links = [c.text for c in d.find_elements(By.CSS_SELECTOR, "table tbody td code")]
check(len(rater_links) == 3 and all("/f/" in link for link in rater_links), f"the raters' links: {rater_links}")
d.quit()
rater_scores = []
for index, link in enumerate(rater_links):
    r = browser(f"beoordelaar-{index}")
    r.get(link)
    check(heading(r) == "Feedback voor Ans Bakker", f"a rater's link opens {heading(r)!r}")
    if index == 0:
        accessible(r, "a rater's welcome page")
        welcome = r.find_element(By.TAG_NAME, "body").text
        check("Ans Bakker vraagt je als collega om feedback op de gedragskenmerken" in welcome
              and "als groep van minstens drie collega's die" in welcome and "collegaen" not in welcome,
              f"the rater's welcome words the group: {welcome!r}")
    click(r, "Begin")
    given = {}
    while r.find_elements(By.CSS_SELECTOR, "input[name^='gedrag-']"):
        for group in r.find_elements(By.CSS_SELECTOR, "fieldset"):
            behaviour = group.find_element(By.CSS_SELECTOR, "input").get_attribute("name")[len("gedrag-"):]
            score = rng.randint(1, 4)
            group.find_element(By.CSS_SELECTOR, f"input[value='{score}'] + span").click()
            given[behaviour] = score
        click(r, "Volgende")
    rater_scores.append(given)
    if index == 0:
        # Whoever else holds the link (the teamvoorzitter has links.csv) sees an unknown link, not the draft.
        other = browser("aanvaller-beoordelaar")
        other.get(link)
        check(heading(other) == "Link onbekend", f"a rater's link in a second browser shows {heading(other)!r}")
        other.quit()
    summary = r.find_element(By.TAG_NAME, "body").text
    check("Ans Bakker ziet het alleen als groep van minstens drie collega's." in summary,
          f"the rater's summary words the group: {summary!r}")
    click(r, "Lever je feedback in")
    check(wait_for(r, lambda r: heading(r) == "Dank je wel"), f"after handing in feedback: {heading(r)!r}")
    console_clean(r, "a rater's pages")
    # Answered, the link is forgotten: opened again it is an unknown link, so nobody learns whether or when he answered.
    r.get(link)
    check(heading(r) == "Link onbekend", f"an answered rater's link shows {heading(r)!r}")
    r.quit()

# Ans sees her colleagues as a group of three beside her own scores, behind her own link.
d = browser("collega-0")
d.get(links[0][1])
d.find_element(By.LINK_TEXT, "Je 360°-feedback").click()
check(wait_for(d, lambda d: heading(d) == "360°-feedback voor Ans Bakker"), f"Ans's feedback page: {heading(d)!r}")
behaviour = "2.1"
total = sum(g[behaviour] for g in rater_scores)
expected = total / 3
row = d.find_element(By.XPATH, f"//*[self::td or self::th][starts-with(normalize-space(), '{behaviour} ')]/..")
cells = [c.text for c in row.find_elements(By.CSS_SELECTOR, "th, td")]
if total <= 4 or total >= 11:
    # At an end of the scale the mean would tell each rater's answer: withheld (GroupDisclosure).
    check(cells[3] == "niet getoond", f"Ans's feedback on {behaviour}: {cells} for ratings summing to {total}")
else:
    check(abs(float(cells[3].replace(",", ".")) - expected) < 0.006 and cells[4] == "3",
          f"Ans's feedback on {behaviour}: {cells}, expected a mean of {expected:.2f} over 3")
    check(cells[5] == "–", f"Ans's feedback on {behaviour}: a spread of three raters is shown: {cells}")
accessible(d, "the 360° report behind a link")
console_clean(d, "the 360° report behind a link")
d.quit()

# MARK: the teamvoorzitter as an attacker with his dashboard: a new link for Ans opens an empty, unclaimed scan
d = browser("voorzitter")
d.get(base + "/dashboard")
row = d.find_element(By.XPATH, "//table[2]//tr[td[1][normalize-space()='Ans Bakker']]")
row.find_element(By.XPATH, ".//button[normalize-space()='Nieuwe link']").click()
check(wait_for(d, lambda d: heading(d).startswith("Persoonlijke links")), f"a new link: {heading(d)!r}")
new_link = d.find_element(By.CSS_SELECTOR, "table tbody td code").text
d.get(new_link)
check(heading(d) == "Welkom, Ans Bakker", f"the new link first shows {heading(d)!r}")
d.find_element(By.ID, "code").send_keys("de code van de voorzitter")
d.find_element(By.ID, "nogmaals").send_keys("de code van de voorzitter")
click(d, "Begin met de scan")
check(wait_for(d, lambda d: heading(d).startswith("Zelfscan")), f"after claiming the new link: {heading(d)!r}")
visible = d.find_element(By.TAG_NAME, "body").text
check("Je scan is ingeleverd" not in visible and "Welkom terug" not in visible, f"a new link carries Ans's scan over")
d.quit()
o = browser("collega-0")
o.get(links[0][1])
check(heading(o) == "Link onbekend", f"Ans's old link after a new one shows {heading(o)!r}")
o.quit()

# MARK: stopping: SIGTERM ends the server cleanly, and the database is whole
server.send_signal(signal.SIGTERM)
try:
    code = server.wait(timeout=20)
except subprocess.TimeoutExpired:
    server.kill()
    code = None
check(code == 0, f"lob serve ends with {code} on SIGTERM")
log = server.stderr.read()
check("/s/" + links[0][1].rsplit("/", 1)[1] not in log, "the log holds a link's token")
for name in answers:
    check(name not in log, f"the log names {name}")
if not SERVER:
    integrity = subprocess.run(["sqlite3", database, "PRAGMA integrity_check;"], capture_output=True,
                               text=True).stdout
    check(integrity.strip() == "ok", f"integrity_check: {integrity.strip()}")

if failures:
    print(f"serve-browser: {len(failures)} failure(s)")
    sys.exit(1)
print(f"serve-browser ({'PostgreSQL' if SERVER else 'SQLite'}): 3 colleagues answered through their links, the dashboard and team report agree with lob; "
      "3 raters gave feedback through theirs and Ans sees them as a group")
