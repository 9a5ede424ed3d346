#!/usr/bin/env python3
"""Links mailed by LOB-spiegel itself, against real SMTP servers on loopback (aiosmtpd), so that the teamvoorzitter
never sees a colleague's link.

- `lob team round open --mail` through a relay on this machine with a login: every colleague gets his own link at
  his own address, the command shows none, and each mailed link opens that colleague's page to claim;
- a wrong password, an address missing from the list, and a server whose certificate is not trusted: refused before
  anything is made;
- `lob serve --smtp smtp://…` with STARTTLS required and the school's own CA (`--smtp-ca`): a round opened on the
  dashboard, a new link and raters' links are mailed; the pages show no link; no rater's address or name is stored.

Usage: Tests/e2e/serve-mail.py LOB
"""
import base64
import email
import http.cookiejar
import os
import re
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

LOB = os.path.abspath(sys.argv[1])
work = tempfile.mkdtemp(prefix="lob-mail-")
database = os.path.join(work, "lob.sqlite")
USER, PASSWORD = "voorzitter", "mailwachtwoord"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FOUT: " + message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lob(*args, env=None, expect=0):
    done = subprocess.run([LOB, *args, "--db", database], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if expect is not None and done.returncode != expect:
        raise SystemExit(f"lob {' '.join(args)} ended {done.returncode}: {done.stderr}")
    return done


class Inbox:
    """An SMTP server's handler: keeps every message it accepts."""
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content)))
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == USER.encode() and \
        auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


def body(message):
    return message.get_payload(decode=True).decode("utf-8")


def link_in(message):
    found = re.search(r"https?://\S+/[sf]/[A-Za-z0-9_-]{43}", body(message))
    return found.group(0) if found else None


def invitations(round_label):
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM invitation WHERE round = ?", (round_label,)).fetchone()[0]


# The school's own CA-less certificate for "localhost", trusted only through --smtp-ca.
cert, key = os.path.join(work, "cert.pem"), os.path.join(work, "key.pem")
subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"], check=True, capture_output=True)
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)

relay_inbox, tls_inbox = Inbox(), Inbox()
relay_port, tls_port = free_port(), free_port()
relay = Controller(relay_inbox, hostname="127.0.0.1", port=relay_port, authenticator=authenticator,
                   auth_required=True, auth_require_tls=False)
secure = Controller(tls_inbox, hostname="127.0.0.1", port=tls_port, authenticator=authenticator, auth_required=True,
                    tls_context=context, require_starttls=True)
relay.start()
secure.start()
base = f"http://127.0.0.1:{free_port()}"
mail_env = {"LOB_SMTP_PASSWORD": PASSWORD, "LOB_MAIL_FROM": "lob@school.example"}

# MARK: lob team round open --mail, through a relay on this machine
team_csv = os.path.join(work, "team.csv")
with open(team_csv, "w", encoding="utf-8-sig") as out:
    out.write("Naam;E-mail\r\nAns Bakker;ans@school.example\r\nBram de Jong;bram@school.example\r\n"
              "Carla Visser;carla@school.example\r\n")
relay_url = f"smtp+onversleuteld://{USER}@127.0.0.1:{relay_port}"
done = lob("team", "round", "open", "--team", "Bouw", "--round", "r1", "--invite", team_csv, "--url", base, "--mail",
           "--smtp", relay_url, env=mail_env)
check("3 links gemaild" in done.stdout and "/s/" not in done.stdout + done.stderr, f"the command showed: {done.stdout}")
check(len(relay_inbox.messages) == 3, f"{len(relay_inbox.messages)} mails arrived, not 3")
mailed = {}
for recipients, message in relay_inbox.messages:
    link = link_in(message)
    check(link is not None, f"no link in the mail to {recipients}")
    mailed[recipients[0]] = (message, link)
check(sorted(mailed) == ["ans@school.example", "bram@school.example", "carla@school.example"], f"to: {sorted(mailed)}")
for address, name in [("ans@school.example", "Ans Bakker"), ("bram@school.example", "Bram de Jong")]:
    message, link = mailed[address]
    check(message["Subject"] == "Je persoonlijke link voor de LOB-spiegelscan", f"subject {message['Subject']}")
    check(f"Beste {name}," in body(message) and "je teamvoorzitter heeft de link" in body(message).replace("\n", " "),
          f"the mail to {name}: {body(message)}")
check(len({link for _, link in mailed.values()}) == 3, "two colleagues got the same link")

# Refused before anything is made: a wrong password, a list without an address, a certificate not trusted.
wrong = lob("team", "round", "open", "--team", "Bouw", "--round", "r2", "--invite", team_csv, "--url", base, "--mail",
            "--smtp", relay_url, env={**mail_env, "LOB_SMTP_PASSWORD": "fout"}, expect=None)
check(wrong.returncode != 0 and "weigerde de inlog" in wrong.stderr and "niets gemaakt" in wrong.stderr,
      f"a wrong password: {wrong.returncode} {wrong.stderr}")
names = os.path.join(work, "namen.txt")
with open(names, "w", encoding="utf-8") as out:
    out.write("Dirk Smit <dirk@school.example>\nEsra Yilmaz\n")
missing = lob("team", "round", "open", "--team", "Bouw", "--round", "r2", "--invite", names, "--url", base, "--mail",
              "--smtp", relay_url, env=mail_env, expect=None)
check(missing.returncode != 0 and "Esra Yilmaz heeft geen e-mailadres" in missing.stderr, f"missing: {missing.stderr}")
untrusted = lob("team", "round", "open", "--team", "Bouw", "--round", "r2", "--invite", team_csv, "--url", base,
                "--mail", "--smtp", f"smtp://{USER}@localhost:{tls_port}", env=mail_env, expect=None)
check(untrusted.returncode != 0 and "niet te vertrouwen" in untrusted.stderr, f"untrusted: {untrusted.stderr}")
check(invitations("r2") == 0, "a refused mailing made invitations")
check(len(relay_inbox.messages) == 3 and not tls_inbox.messages, "a refused mailing sent mail")

# MARK: lob serve with STARTTLS and the school's CA: the dashboard mails, and shows no link
subprocess.run([LOB, "serve", "account", "--team", "Bouw", "--login", "voorzitter", "--password-stdin", "--db",
                database], input="een lang wachtwoord\n", text=True, check=True, capture_output=True)
port = int(base.rsplit(":", 1)[1])
server = subprocess.Popen(
    [LOB, "serve", "--port", str(port), "--db", database, "--smtp", f"smtp://{USER}@localhost:{tls_port}",
     "--smtp-ca", cert], env={**os.environ, **mail_env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def page(path, form=None):
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    try:
        with browser.open(base + path, data=data, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def csrf(html):
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


login = page("/inloggen")
page("/inloggen", {"csrf": csrf(login), "login": "voorzitter", "wachtwoord": "een lang wachtwoord"})
dashboard = page("/dashboard")
check("Dashboard: Bouw" in dashboard, "the dashboard did not open")
opened = page("/dashboard/ronde", {"csrf": csrf(dashboard), "ronde": "voorjaar", "profiel": "loopbaanbegeleider-vmbo",
                                   "namen": "Dirk Smit <dirk@school.example>\nEsra Yilmaz <esra@school.example>\n"
                                            "Fleur Mulder <fleur@school.example>"})
check("Gemaild: voorjaar" in opened and "/s/" not in opened and opened.count("verstuurd") >= 3,
      f"the page after opening a round by mail: {opened[:600]}")
check(sorted(r[0] for r, _ in tls_inbox.messages) == ["dirk@school.example", "esra@school.example",
                                                      "fleur@school.example"], "the dashboard's mails")
dirk_link = next(link_in(m) for r, m in tls_inbox.messages if r[0] == "dirk@school.example")
check("Welkom, Dirk Smit" in page(dirk_link.replace(base, "")), "Dirk's mailed link does not open his page")
# A mix of lines with and without an address is refused: it would show some links and hide others.
mixed = page("/dashboard/ronde", {"csrf": csrf(dashboard), "ronde": "gemengd", "profiel": "loopbaanbegeleider-vmbo",
                                  "namen": "Gijs <gijs@school.example>\nHanna"})
check("geef iedereen een e-mailadres" in mixed and invitations("gemengd") == 0, "a mixed list was taken")

# A new link goes to the address kept for him, not to the page.
dashboard = page("/dashboard")
dirk_id = re.search(r'/dashboard/uitnodiging/(\d+)/nieuw', dashboard[dashboard.index("Dirk Smit"):]).group(1)
renewed = page(f"/dashboard/uitnodiging/{dirk_id}/nieuw", {"csrf": csrf(dashboard)})
check("Gemaild: nieuwe link" in renewed and "/s/" not in renewed, f"a new link: {renewed[:400]}")
dirk_mails = [m for r, m in tls_inbox.messages if r[0] == "dirk@school.example"]
check(len(dirk_mails) == 2 and link_in(dirk_mails[1]) != dirk_link, "the new link was not mailed to Dirk")

# Raters' links, mailed; their names and addresses are kept nowhere.
dashboard = page("/dashboard")
esra_option = re.search(r'<option value="(\d+)">Esra Yilmaz \(voorjaar\)</option>', dashboard).group(1)
raters = page("/dashboard/feedback", {"csrf": csrf(dashboard), "uitnodiging": esra_option, "groep": "collega",
                                      "namen": "Iris Jansen <iris@school.example>\nJoost de Wit <joost@school.example>\n"
                                               "Kees Vos <kees@school.example>"})
check("Gemaild: feedback over Esra Yilmaz" in raters and "/f/" not in raters, f"raters' links: {raters[:400]}")
rater_mails = [m for r, m in tls_inbox.messages if r[0] in ("iris@school.example", "joost@school.example",
                                                            "kees@school.example")]
check(len(rater_mails) == 3 and all(link_in(m) and "/f/" in link_in(m) for m in rater_mails), "raters' mails")
check(rater_mails[0]["Subject"] == "Feedback gevraagd over Esra Yilmaz", f"subject {rater_mails[0]['Subject']}")
server.terminate()
server.wait(timeout=20)
stored = open(database, "rb").read() + (open(database + "-wal", "rb").read() if os.path.exists(database + "-wal") else b"")
for secret in [b"Iris Jansen", b"iris@school.example", b"Joost", b"kees@school.example"]:
    check(secret not in stored, f"{secret!r} is stored")
log = server.stderr.read()
check("school.example" not in log and not re.search(r"/[sf]/[A-Za-z0-9_-]{43}", log),
      f"the server's log holds an address or a link: {log[-2000:]}")
relay.stop()
secure.stop()

if failures:
    print(f"serve-mail: {len(failures)} failure(s)")
    sys.exit(1)
print("serve-mail: links mailed by lob team round open (relay with login) and by lob serve (STARTTLS, the school's "
      "CA) to each person's own address; none shown; refused before anything was made on a wrong password, a "
      "missing address and an untrusted certificate")
