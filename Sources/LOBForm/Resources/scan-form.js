// LOB-spiegel zelfscan in the browser: the same path as `lob scan`, offline, one page at a time.
// Every answer is kept in localStorage as it is given, so a closed tab resumes where it stopped; at the end the
// teacher downloads a scan file (docs/scan-file.md). Nothing is sent anywhere. With `data.feedback` the same pages ask
// a colleague or leidinggevende to rate a teacher (360° feedback) and save a feedback file (docs/feedback.md). With
// `data.server` (lob serve, a colleague's personal link) every answer is saved on the school's server instead, and the
// scan is handed in there (docs/serve.md). The page is built with DOM calls and textContent only, so no text from the
// questionnaire or the teacher is ever read as HTML.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("vragenlijst").textContent);
  const form = document.getElementById("scan");
  const status = document.getElementById("melding");
  const feedback = data.feedback || null;
  const server = data.server || null;
  const storageKey = feedback
    ? "lob-spiegel-feedback:" + data.profile.id + ":" + feedback.subject + ":" + feedback.group + (feedback.moment === "vervolg" ? ":vervolg" : "")
    : "lob-spiegel-zelfscan:" + data.profile.id + ":" + (data.team || "");
  const behaviours = data.competencies.flatMap((c) => c.behaviours);

  // The pages in order: welcome, portraits, one per competency, the self-check, the choice of metaphor, the summary.
  const pages = feedback
    ? ["welkom"].concat(data.competencies.map((c, i) => "competentie-" + i)).concat(["samenvatting"])
    : ["welkom", "portretten"]
      .concat(data.competencies.map((c, i) => "competentie-" + i))
      .concat(["leervoorkeur", "keuze", "samenvatting"]);

  const fresh = () => ({
    page: 0, teacher: "", team: data.team || "", consent: "prive", portrait: null,
    scores: {}, notes: {}, preferences: {}, chosen: null, remarks: {}, response: null,
  });
  let state = fresh();

  // MARK: storage

  // On the server: the whole state after each answer, one request at a time in order, a typed note after a pause.
  // `data-bezig` on the body is "ja" while an answer is not yet on the server, "nee" when all are (tests wait on it).
  let sending = Promise.resolve();
  let timer = null;
  let inFlight = 0;
  // While handing in, and after: no more saves (a rater's link is gone once answered, and a save would meet a 404).
  let handingIn = false;

  function settled() {
    if (!timer && inFlight === 0) document.body.dataset.bezig = "nee";
  }

  function send() {
    timer = null;
    inFlight += 1;
    const body = JSON.stringify(state);
    sending = sending.then(() => fetch(server.save, {
      method: "PUT", credentials: "same-origin", body: body,
      headers: { "Content-Type": "application/json", "X-CSRF-Token": server.csrf },
    }).then((response) => {
      if (!response.ok) throw new Error(String(response.status));
    }).catch(() => {
      say("Je laatste antwoord is niet opgeslagen: is de verbinding weg? Het wordt opnieuw geprobeerd bij je volgende antwoord.");
    }).then(() => {
      inFlight -= 1;
      settled();
    }));
    return sending;
  }

  function save() {
    if (server) {
      if (handingIn) return;
      document.body.dataset.bezig = "ja";
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(send, 250);
      return;
    }
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch (e) {
      say("Je antwoorden kunnen in deze browser niet bewaard worden (privévenster?). Maak de scan af voor je het tabblad sluit.");
    }
  }

  function restore() {
    if (server) {
      state = fresh();
      try {
        const saved = server.draft ? JSON.parse(server.draft) : null;
        if (saved && typeof saved === "object") Object.assign(state, saved);
      } catch (e) { /* an unreadable draft is ignored: he starts again */ }
      state.teacher = server.name;
      state.team = data.team || "";
      state.page = Math.min(Math.max(0, state.page | 0), pages.length - 1);
      return server.draft !== undefined && server.draft !== null;
    }
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) || "null");
      if (saved && typeof saved === "object") {
        state = Object.assign(fresh(), saved);
        state.page = Math.min(Math.max(0, state.page | 0), pages.length - 1);
        return true;
      }
    } catch (e) { /* an unreadable entry is ignored: the teacher starts again */ }
    return false;
  }

  // Characters the scan file refuses (control characters, bidirectional overrides) are left out as they are typed.
  const hidden = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;
  const clean = (text, keepLines) =>
    (keepLines ? text.replace(/\r\n?/g, "\n") : text.replace(/[\r\n\t]+/g, " ")).replace(hidden, "");

  // MARK: building blocks

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function say(text) {
    status.textContent = "";
    if (text) window.setTimeout(() => { status.textContent = text; }, 50);
  }

  const decimal = (value) => value.toFixed(2).replace(".", ",");

  /// A radio group: a fieldset with a legend, one labelled choice per option, the checked one from `current`.
  function radios(name, legend, options, current, onChange) {
    return el("fieldset", {},
      el("legend", {}, legend),
      options.map((option, index) => {
        const id = name + "-" + index;
        const input = el("input", { type: "radio", name: name, id: id, value: String(option.value),
          checked: String(option.value) === String(current) });
        input.addEventListener("change", () => onChange(option.value));
        const described = option.meaning ? el("span", { class: "betekenis" }, option.meaning) : null;
        return el("label", { class: "keuze", for: id }, input, el("span", {}, option.label, described));
      }));
  }

  function buttons(...list) { return el("div", { class: "knoppen" }, list); }

  function button(label, action, main) {
    const node = el("button", { type: "button", class: main ? "hoofd" : null }, label);
    node.addEventListener("click", action);
    return node;
  }

  const navigation = (nextLabel) => buttons(
    state.page > 0 ? button("Vorige", () => go(state.page - 1)) : null,
    button(nextLabel || "Volgende", () => next(), true));

  // MARK: pages

  function feedbackWelcome() {
    return [
      el("h1", { tabindex: "-1" }, (feedback.moment === "vervolg" ? "Vervolgmeting voor " : "Feedback voor ") + feedback.subject),
      feedback.moment === "vervolg"
        ? el("p", {}, feedback.subject + " werkte de afgelopen tijd aan een paar gedragskenmerken en vraagt je als " + feedback.groupWord + " of je daar nu iets van ziet. Het zijn er " + behaviours.length + "; het kost een paar minuten" + (feedback.group === "leidinggevende" ? ", bijvoorbeeld na een lesbezoek." : "."))
        : el("p", {}, feedback.subject + " vraagt je als " + feedback.groupWord + " om feedback op de gedragskenmerken van het profiel " + data.profile.word + ". Het kost ongeveer een kwartier; je kunt stoppen wanneer je wilt en later verdergaan " + (server ? "via dezelfde link." : "in dezelfde browser.")),
      el("p", {}, "Je naam wordt nergens gevraagd of bewaard. " + (feedback.group === "leidinggevende"
        ? "Als leidinggevende is je beoordeling herkenbaar als de jouwe."
        : "Wat " + feedback.groupPlural + " geven, ziet " + feedback.subject + " alleen als groep van minstens drie " + feedback.groupPlural + " die hetzelfde gedragskenmerk beoordeelden.")),
      el("p", { class: "uitleg" }, "Kun je iets niet beoordelen, kies dan 'kan ik niet beoordelen'. Per competentie mag je een opmerking geven."),
      navigation("Begin"),
    ];
  }

  function serverWelcome() {
    return [
      el("h1", { tabindex: "-1" }, "Zelfscan: " + data.profile.word),
      el("p", {}, "Welkom, " + server.name + ". Met deze scan kijk je hoe jij nu staat als loopbaanbegeleider" + (data.team ? " in team " + data.team : "") + ". Je scoort jezelf op de gedragskenmerken van het profiel. Het kost ongeveer twintig minuten."),
      el("p", {}, "Elk antwoord wordt meteen bewaard op de server van je school. Je kunt stoppen wanneer je wilt en later verdergaan via je link: in deze browser meteen, op een ander apparaat met je persoonlijke code. Niemand anders kan je antwoorden openen, ook je teamvoorzitter niet. Aan het eind kies je wie je scan mag zien, en lever je hem in."),
      navigation("Begin"),
    ];
  }

  function welcome() {
    if (feedback) return feedbackWelcome();
    if (server) return serverWelcome();
    const name = el("input", { type: "text", id: "naam", autocomplete: "name", maxlength: "120", required: true,
      value: state.teacher, "aria-describedby": "naam-fout" });
    name.addEventListener("input", () => { state.teacher = clean(name.value, false); save(); });
    const team = el("input", { type: "text", id: "team", maxlength: "120", value: state.team });
    team.addEventListener("input", () => { state.team = clean(team.value, false); save(); });
    const consent = data.consent.map((c) => ({ value: c.id, label: c.word, meaning: c.meaning }));
    return [
      el("h1", { tabindex: "-1" }, "Zelfscan: " + data.profile.word),
      el("p", {}, "Met deze scan kijk je hoe jij nu staat als loopbaanbegeleider. Je scoort jezelf op de gedragskenmerken van het profiel. Het kost ongeveer twintig minuten; je kunt stoppen wanneer je wilt en later verdergaan in dezelfde browser."),
      el("label", { class: "veld", for: "naam" }, "Je naam"),
      name,
      el("p", { id: "naam-fout", class: "fout" }),
      el("label", { class: "veld", for: "team" }, "Je team (mag leeg)"),
      team,
      radios("toestemming", "Wie mag je scan zien als je hem inlevert?", consent, state.consent,
        (value) => { state.consent = value; save(); }),
      el("p", { class: "uitleg" }, "Een teamcijfer toont nooit minder collega's dan de privacydrempel van het team. Je kunt dit tot het einde veranderen."),
      el("p", { class: "uitleg", id: "bestand-let-op" }, "Let op: het scanbestand dat je aan het eind downloadt, draagt je naam en al je antwoorden, ook als je anoniem kiest. Je teamvoorzitter krijgt dat bestand; pas bij het inlezen bewaart LOB-spiegel een anonieme scan zonder je naam. Wil je dat niemand je antwoorden ziet, kies dan privé en houd het bestand bij jezelf."),
      navigation("Begin"),
    ];
  }

  function portraits() {
    const [low, high] = data.portraitRange;
    // Untouched, the slider stands in the middle but nothing is chosen: it says so, rather than "5 van 10".
    const value = state.portrait === null ? Math.round((low + high) / 2) : state.portrait;
    const said = state.portrait === null ? unchosen : positionText(value);
    const slider = el("input", { type: "range", id: "positie", min: String(low), max: String(high), step: "1",
      value: String(value), "aria-valuetext": said });
    const shown = el("output", { for: "positie", id: "positie-tekst" }, said);
    slider.addEventListener("input", () => {
      state.portrait = Number(slider.value);
      slider.setAttribute("aria-valuetext", positionText(state.portrait));
      shown.textContent = positionText(state.portrait);
      save();
    });
    return [
      el("h1", { tabindex: "-1" }, "Twee portretten"),
      el("p", {}, "Lees de twee portretten en geef aan waar jij nu staat tussen de twee."),
      data.portraits.map((p) => el("section", {},
        el("h2", {}, p.title),
        el("p", {}, p.description),
        el("figure", {}, el("blockquote", {}, el("p", {}, p.pupilQuote)), el("figcaption", {}, p.quoteBy)))),
      el("label", { class: "veld", for: "positie" }, "Waar sta jij nu?"),
      slider,
      el("div", { class: "schaaleinden", "aria-hidden": "true" },
        el("span", {}, low + ": traditionele vakdocent"), el("span", {}, high + ": vakdocent als loopbaanbegeleider")),
      el("p", {}, "Jouw plaats: ", shown),
      navigation(),
    ];
  }

  const unchosen = "nog niet gekozen: schuif of gebruik de pijltjestoetsen (niet kiezen mag ook)";

  function positionText(value) {
    return value + " van " + data.portraitRange[1] + " (0 is de traditionele vakdocent, " + data.portraitRange[1] +
      " de vakdocent als loopbaanbegeleider)";
  }

  function competencyPage(index) {
    const competency = data.competencies[index];
    const before = data.competencies.slice(0, index).reduce((n, c) => n + c.behaviours.length, 0);
    const levels = data.scale.map((l) => ({ value: l.value, label: l.value + " " + l.label }))
      .concat([{ value: "", label: feedback ? "kan ik niet beoordelen" : data.notAnswered }]);
    return [
      el("h1", { tabindex: "-1" }, competency.name),
      el("p", { class: "uitleg" }, feedback
        ? "Kies bij elk gedragskenmerk hoe vaak " + feedback.subject + " het volgens jou doet."
        : "Kies bij elk gedragskenmerk hoe vaak je het nu doet. Een notitie (een voorbeeld of bewijsstuk) mag, hoeft niet."),
      competency.behaviours.map((b, i) => {
        const number = before + i + 1;
        const group = radios("gedrag-" + b.id,
          [el("span", { class: "nummer" }, "Vraag " + number + " van " + behaviours.length + " · " + b.id), b.text],
          levels, state.scores[b.id] === undefined ? "" : state.scores[b.id],
          (value) => {
            if (value === "") delete state.scores[b.id]; else state.scores[b.id] = value;
            save();
            progress();
          });
        if (feedback) return group;
        const noteID = "notitie-" + b.id;
        const note = el("textarea", { id: noteID, maxlength: "2000" });
        note.value = state.notes[b.id] || "";
        note.addEventListener("input", () => {
          const text = clean(note.value, true);
          if (text.trim()) state.notes[b.id] = text; else delete state.notes[b.id];
          save();
        });
        // The note stays outside the fieldset, which holds only the choices of this one behaviour.
        return el("div", { class: "gedrag" }, group, el("details", { open: state.notes[b.id] ? true : null },
          el("summary", {}, "Notitie bij " + b.id + " (mag leeg)"),
          el("label", { for: noteID, class: "veld" }, "Notitie bij " + b.id + ": een voorbeeld of bewijsstuk"),
          note));
      }),
      feedback ? remarkField(competency) : null,
      navigation(),
    ];
  }

  /// In a feedback form: one optional remark per competency.
  function remarkField(competency) {
    const id = "opmerking-" + competency.id;
    const box = el("textarea", { id: id, maxlength: "2000" });
    box.value = state.remarks[competency.id] || "";
    box.addEventListener("input", () => {
      const text = clean(box.value, true);
      if (text.trim()) state.remarks[competency.id] = text; else delete state.remarks[competency.id];
      save();
    });
    return el("div", {}, el("label", { class: "veld", for: id }, "Opmerking bij " + competency.name + " (mag leeg)"), box);
  }

  function preferencePage() {
    const levels = data.agreement.map((label, i) => ({ value: i + 1, label: label }))
      .concat([{ value: "", label: data.notAnswered }]);
    return [
      el("h1", { tabindex: "-1" }, "Hoe leer jij het liefst?"),
      el("p", {}, "Geef bij elke stelling aan in hoeverre die bij jou past. De uitslag stelt een leervoorkeur voor; je kiest daarna zelf."),
      data.statements.map((s, i) => radios("stelling-" + s.id,
        [el("span", { class: "nummer" }, "Stelling " + (i + 1) + " van " + data.statements.length), s.text],
        levels, state.preferences[s.id] === undefined ? "" : state.preferences[s.id],
        (value) => {
          if (value === "") delete state.preferences[s.id]; else state.preferences[s.id] = value;
          save();
        })),
      navigation(),
    ];
  }

  /// The metaphors by mean agreement, ties in the seed's order; those without an answer last (PreferenceCheck.swift).
  function ranking() {
    const mean = (metaphor) => {
      const values = data.statements.filter((s) => s.metaphor === metaphor && state.preferences[s.id] !== undefined)
        .map((s) => state.preferences[s.id]);
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : -1;
    };
    return data.metaphors.map((m, i) => ({ m: m, i: i, mean: mean(m.id) }))
      .sort((a, b) => (a.mean !== b.mean ? b.mean - a.mean : a.i - b.i)).map((x) => x.m);
  }

  function choicePage() {
    const answered = Object.keys(state.preferences).length > 0;
    const suggestion = answered ? ranking()[0] : null;
    const options = data.metaphors.map((m) => ({ value: m.id, label: m.name, meaning: m.description }))
      .concat([{ value: "", label: suggestion ? "Geen eigen keuze: neem de suggestie (" + suggestion.name + ")" : "Geen keuze" }]);
    return [
      el("h1", { tabindex: "-1" }, "Je leervoorkeur"),
      suggestion ? el("p", {}, "Op grond van je antwoorden past ", el("strong", {}, suggestion.name), " het best bij je.")
        : el("p", {}, "Je hebt geen stellingen beantwoord, dus er is geen suggestie."),
      el("p", { class: "uitleg" }, data.disclaimer),
      radios("leervoorkeur", "Welke leervoorkeur kies je?", options, state.chosen || "",
        (value) => { state.chosen = value || null; save(); }),
      el("p", { class: "uitleg" }, data.caveat),
      navigation("Naar je samenvatting"),
    ];
  }

  function feedbackSummary() {
    const rated = Object.keys(state.scores).length;
    return [
      el("h1", { tabindex: "-1" }, "Klaar: je feedback voor " + feedback.subject),
      el("p", {}, "Je beoordeelde " + rated + " van " + behaviours.length + " gedragskenmerken" +
        (Object.keys(state.remarks).length ? " en gaf " + Object.keys(state.remarks).length + " opmerking(en)." : ".")),
    ].concat(server ? [
      el("p", {}, "Lever je feedback in. Wat je gaf, wordt bewaard zonder je naam of je link; " + feedback.subject + (feedback.group === "leidinggevende" ? " ziet het als de beoordeling van de leidinggevende." : " ziet het alleen als groep van minstens drie " + feedback.groupPlural + ".") + " Daarna werkt je link niet meer."),
      buttons(
        button("Vorige", () => go(state.page - 1)),
        button("Lever je feedback in", handIn, true)),
    ] : [
      el("p", {}, "Download je feedbackbestand en geef het aan " + feedback.subject + " of aan wie erom vroeg. Het bestand noemt jou niet; het zegt alleen dat het van een " + feedback.groupWord + " komt."),
      buttons(
        button("Vorige", () => go(state.page - 1)),
        button("Download je feedbackbestand", download, true),
        button("Wis je antwoorden uit deze browser", forget)),
    ]);
  }

  /// What to do with the downloaded file, honestly per choice: it carries his name and every answer.
  function handInAdvice(consent) {
    if (consent.id === "prive") {
      return "Download je scanbestand en bewaar het voor jezelf, of lees het zelf in met lob scan --answers. Geef het niet aan je teamvoorzitter: privé telt nergens mee, en het bestand draagt je naam en al je antwoorden.";
    }
    if (consent.id === "anoniem") {
      return "Download je scanbestand en geef het aan je teamvoorzitter. Het bestand draagt je naam en al je antwoorden; wie het inleest, bewaart het zonder je naam en het telt anoniem mee in de teamcijfers.";
    }
    return "Download je scanbestand en geef het aan je teamvoorzitter, of lees het zelf in met lob scan --answers. Daarna telt je scan mee: " + consent.word + ".";
  }

  /// On the server: the choice of consent, then handing in; his report and plan wait behind his link.
  function handInPart(consent) {
    const choices = data.consent.map((c) => ({ value: c.id, label: c.word, meaning: c.meaning }));
    return [
      el("h2", { class: "geen-afdruk" }, "Inleveren"),
      radios("toestemming", "Wie mag je scan zien als je hem inlevert?", choices, state.consent,
        (value) => { state.consent = value; save(); }),
      el("p", { class: "uitleg geen-afdruk" }, "Een teamcijfer toont nooit minder collega's dan de privacydrempel van het team. Privé: je scan telt nergens mee en is alleen via jouw link te zien."),
      buttons(
        button("Vorige", () => go(state.page - 1)),
        button("Lever je scan in", handIn, true),
        button("Druk je samenvatting af", () => window.print())),
    ];
  }

  function handIn() {
    if (handingIn) return;
    if (timer) window.clearTimeout(timer);
    handingIn = true;
    send().then(() => fetch(server.handIn, {
      method: "POST", credentials: "same-origin", body: feedback ? feedbackFile() : scanFile(),
      headers: { "Content-Type": "application/x-yaml", "X-CSRF-Token": server.csrf },
    })).then((response) => {
      // A rater's link is forgotten once answered (opened again it is an unknown link): thank him here.
      if (response.ok) return feedback ? thanked() : window.location.reload();
      handingIn = false;
      save();
      // The server says why in a sentence (a refused scan, a link that no longer works): show it as it is.
      return response.text().then((reason) => {
        say("Inleveren is niet gelukt. " + (response.status < 500 ? reason.trim() : "Probeer het zo opnieuw.") + " Je antwoorden zijn bewaard.");
      });
    }).catch(() => {
      handingIn = false;
      save();
      say("Inleveren is niet gelukt: is de verbinding weg? Je antwoorden zijn bewaard; probeer het zo opnieuw.");
    });
  }

  function thanked() {
    form.replaceChildren(
      el("h1", { tabindex: "-1" }, "Dank je wel"),
      el("p", {}, "Je feedback is ingeleverd. Hij is bewaard zonder je naam en zonder je link, en telt mee zoals de pagina zei. Deze link werkt nu niet meer."));
    document.title = "Dank je wel · LOB-spiegel";
    form.querySelector("h1").focus();
  }

  function summaryPage() {
    if (feedback) return feedbackSummary();
    const result = data.competencies.map((c) => {
      const scores = c.behaviours.map((b) => state.scores[b.id]).filter((s) => s !== undefined);
      const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
      return { c: c, mean: mean, answered: scores.length };
    });
    const answered = Object.keys(state.scores).length;
    const scored = behaviours.map((b, position) => ({ b: b, position: position, score: state.scores[b.id],
      weight: data.competencies.find((c) => c.behaviours.includes(b)).weight }))
      .filter((x) => x.score !== undefined);
    const strengths = scored.filter((x) => x.score >= x.b.target);
    const points = scored.filter((x) => x.score < x.b.target)
      .map((x) => Object.assign(x, { priority: (x.b.target - x.score) * x.weight }))
      .sort((a, b) => (a.priority !== b.priority ? b.priority - a.priority : a.position - b.position));
    const consent = data.consent.find((c) => c.id === state.consent);
    const preference = state.chosen ? data.metaphors.find((m) => m.id === state.chosen)
      : (Object.keys(state.preferences).length ? ranking()[0] : null);
    const item = (x) => el("li", {}, x.b.id + " " + x.b.text + " (" + x.score + ", doel " + x.b.target + ")");
    return [
      el("h1", { tabindex: "-1" }, "Je samenvatting"),
      el("p", {}, state.teacher + (state.team ? " · " + state.team : "") + " · " + data.profile.word),
      el("p", {}, answered + " van " + behaviours.length + " gedragskenmerken beantwoord." +
        (preference ? " Leervoorkeur: " + preference.name + "." : "") + " Inleveren: " + consent.word + " (" + consent.meaning + ")."),
      el("h2", { id: "kop-per-competentie" }, "Je score tegen het doel per competentie"),
      chart(result),
      el("div", { class: "tabel" }, el("table", { id: "per-competentie" },
        el("caption", { class: "geen-afdruk" }, "Score tegen doel per competentie"),
        el("thead", {}, el("tr", {},
          el("th", { scope: "col" }, "Competentie"), el("th", { scope: "col", class: "getal" }, "Je score"),
          el("th", { scope: "col", class: "getal" }, "Doel"), el("th", { scope: "col", class: "getal" }, "Tekort"),
          el("th", { scope: "col", class: "getal" }, "Beantwoord"))),
        el("tbody", {}, result.map((r) => el("tr", { "data-competentie": r.c.id },
          el("th", { scope: "row" }, r.c.name),
          el("td", { class: "getal" }, r.mean === null ? "–" : decimal(r.mean)),
          el("td", { class: "getal" }, String(r.c.target)),
          el("td", { class: "getal" }, r.mean === null ? "–" : decimal(Math.max(0, r.c.target - r.mean))),
          el("td", { class: "getal" }, r.answered + " van " + r.c.behaviours.length)))))),
      el("h2", {}, "Sterke punten"),
      strengths.length ? el("ul", { id: "sterk" }, strengths.map(item)) : el("p", {}, "Nog geen gedragskenmerk op of boven het doel."),
      el("h2", {}, "Ontwikkelpunten"),
      points.length ? el("ol", { id: "ontwikkel" }, points.map(item)) : el("p", {}, "Geen gedragskenmerk onder het doel."),
    ].concat(server ? handInPart(consent) : [
      el("h2", { class: "geen-afdruk" }, "Inleveren"),
      el("p", { class: "geen-afdruk", id: "inleveren-uitleg" }, handInAdvice(consent)),
      buttons(
        button("Vorige", () => go(state.page - 1)),
        button("Download je scanbestand", download, true),
        button("Druk je samenvatting af", () => window.print()),
        button("Wis je antwoorden uit deze browser", forget)),
    ]);
  }

  /// Bars of the mean per competency with the target as a mark; the table beside it holds the same numbers.
  function chart(result) {
    const ns = "http://www.w3.org/2000/svg";
    const svg = (tag, attributes, text) => {
      const node = document.createElementNS(ns, tag);
      for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    // The axis runs over the scale itself (1–4): a bar's length is the distance above its lowest level.
    const max = data.scale[data.scale.length - 1].value, min = data.scale[0].value, span = Math.max(1, max - min);
    const at = (value) => (plot * (value - min)) / span;
    const row = 44, left = 230, width = 640, plot = width - left - 20, height = result.length * row + 30;
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": "grafiek-titel grafiek-uitleg" });
    root.append(svg("title", { id: "grafiek-titel" }, "Je score tegen het doel per competentie"));
    root.append(svg("desc", { id: "grafiek-uitleg" }, result.map((r) =>
      r.c.name + ": " + (r.mean === null ? "niet beantwoord" : decimal(r.mean)) + ", doel " + r.c.target).join("; ")));
    for (let v = min; v <= max; v++) {
      const x = left + at(v);
      root.append(svg("line", { class: "raster", x1: x, x2: x, y1: 0, y2: height - 24 }));
      root.append(svg("text", { x: x, y: height - 8, "text-anchor": "middle" }, String(v)));
    }
    result.forEach((r, i) => {
      const y = i * row + 6;
      // The name on at most two lines of about 30 characters, so two names that begin alike stay apart.
      const words = r.c.name.split(" ");
      const lines = [""];
      for (const word of words) {
        const last = lines.length - 1;
        if (lines[last] && (lines[last] + " " + word).length > 30 && lines.length < 2) lines.push(word);
        else lines[last] = lines[last] ? lines[last] + " " + word : word;
      }
      const label = svg("text", { x: 0, y: lines.length > 1 ? y + 11 : y + 19 });
      lines.forEach((line, n) => label.append(svg("tspan", { x: 0, dy: n ? 16 : 0 }, line)));
      root.append(label);
      if (r.mean !== null) root.append(svg("rect", { class: "balk", x: left, y: y + 4, height: 22, width: Math.max(0, at(r.mean)) }));
      const tx = left + at(r.c.target);
      root.append(svg("line", { class: "doel", x1: tx, x2: tx, y1: y, y2: y + 30 }));
    });
    return el("figure", {}, root, el("figcaption", { class: "sleutel" },
      el("span", {}, "Balk: je gemiddelde score"), el("span", {}, "Oranje streep: het doel")));
  }

  // MARK: the scan file

  // A JSON string is a valid YAML double-quoted scalar: names and notes are written safely whatever they hold.
  const q = (text) => JSON.stringify(text);

  /// Today in the browser, as the files write a date (JJJJ-MM-DD).
  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function scanFile() {
    const lines = [
      "# LOB-spiegel zelfscan (formaatversie " + data.formatVersion + "), gemaakt met het formulier van LOB-spiegel " + data.version + ".",
      "# Inlezen: lob scan --answers BESTAND, of door de teamvoorzitter met lob team import.",
      "formatVersion: " + data.formatVersion,
      "teacher: " + q(state.teacher.trim()),
    ];
    if (state.team.trim()) lines.push("team: " + q(state.team.trim()));
    lines.push("profile: " + q(data.profile.id));
    lines.push("date: " + today());
    lines.push("consent: " + state.consent);
    if (state.portrait !== null) lines.push("portraitPosition: " + state.portrait);
    const answers = data.statements.filter((s) => state.preferences[s.id] !== undefined);
    if (answers.length || state.chosen) {
      lines.push("learningPreference:");
      if (answers.length) {
        lines.push("  answers:");
        answers.forEach((s) => lines.push("    " + s.id + ": " + state.preferences[s.id]));
      }
      if (state.chosen) lines.push("  chosen: " + state.chosen);
    }
    const given = behaviours.filter((b) => state.scores[b.id] !== undefined || state.notes[b.id]);
    if (given.length) {
      lines.push("scores:");
      given.forEach((b) => {
        const score = state.scores[b.id];
        const note = state.notes[b.id];
        const value = note ? "{" + (score !== undefined ? "score: " + score + ", " : "") + "note: " + q(note) + "}" : String(score);
        lines.push("  " + q(b.id) + ": " + value);
      });
    }
    return lines.join("\n") + "\n";
  }

  /// A random id for a feedback response: it recognises a file imported twice and names no one.
  function responseID() {
    if (!state.response) {
      const bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      state.response = "r-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      save();
    }
    return state.response;
  }

  function feedbackFile() {
    const lines = [
      "# LOB-spiegel feedback (formaatversie " + data.formatVersion + "), gemaakt met het formulier van LOB-spiegel " + data.version + ".",
      "# Inlezen: lob feedback import BESTAND.",
      "formatVersion: " + data.formatVersion,
      "response: " + q(responseID()),
      "feedbackFor: " + q(feedback.subject),
      "group: " + feedback.group,
      "profile: " + q(data.profile.id),
      "date: " + today(),
    ];
    if (feedback.moment === "vervolg") lines.push("moment: vervolg");
    lines.push("ratings:");
    behaviours.forEach((b) => lines.push("  " + q(b.id) + ": " + (state.scores[b.id] === undefined ? "null" : state.scores[b.id])));
    const remarks = data.competencies.filter((c) => state.remarks[c.id]);
    if (remarks.length) {
      lines.push("remarks:");
      remarks.forEach((c) => lines.push("  " + q(String(c.id)) + ": " + q(state.remarks[c.id])));
    }
    return lines.join("\n") + "\n";
  }

  /// Hands the text to the browser as a file download; nothing leaves the computer.
  function offer(text, filename) {
    const blob = new Blob([text], { type: "application/x-yaml" });
    const link = el("a", { href: URL.createObjectURL(blob), download: filename });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function download() {
    if (feedback) {
      offer(feedbackFile(), "feedback-" + responseID().slice(2, 10) + ".yaml");
      say("Je feedbackbestand is gedownload. Op een gedeelde computer: wis daarna je antwoorden uit deze browser.");
      return;
    }
    const name = (state.teacher.trim() || "scan").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    offer(scanFile(), "zelfscan-" + (name || "scan") + ".yaml");
    say("Je scanbestand is gedownload. Geef het aan je teamvoorzitter, of lees het zelf in met lob scan --answers. Op een gedeelde computer: wis daarna je antwoorden uit deze browser.");
  }

  function forget() {
    if (!window.confirm("Alle antwoorden in dit formulier uit deze browser wissen? Download eerst je bestand als je het wilt bewaren.")) return;
    localStorage.removeItem(storageKey);
    state = fresh();
    go(0);
    say("Je antwoorden zijn uit deze browser gewist.");
  }

  // MARK: moving between pages

  function next() {
    if (!feedback && pages[state.page] === "welkom" && !state.teacher.trim()) {
      const name = document.getElementById("naam");
      name.setAttribute("aria-invalid", "true");
      document.getElementById("naam-fout").textContent = "Vul je naam in: die komt in je scanbestand.";
      name.focus();
      return;
    }
    go(state.page + 1);
  }

  function go(page) {
    state.page = Math.min(Math.max(0, page), pages.length - 1);
    save();
    say("");
    render();
    window.scrollTo(0, 0);
    form.querySelector("h1").focus();
  }

  function progress() {
    const answered = Object.keys(state.scores).length;
    const page = pages[state.page];
    let text = "Stap " + (state.page + 1) + " van " + pages.length;
    if (page.startsWith("competentie-")) {
      const index = Number(page.slice("competentie-".length));
      const first = data.competencies.slice(0, index).reduce((n, c) => n + c.behaviours.length, 0) + 1;
      const last = first + data.competencies[index].behaviours.length - 1;
      text += " · vraag " + first + "–" + last + " van " + behaviours.length;
    }
    text += " · " + answered + " van " + behaviours.length + " beantwoord";
    document.getElementById("voortgang-tekst").textContent = text;
    document.getElementById("voortgang").value = Math.round((100 * state.page) / (pages.length - 1));
  }

  function render() {
    const page = pages[state.page];
    let content;
    if (page === "welkom") content = welcome();
    else if (page === "portretten") content = portraits();
    else if (page === "leervoorkeur") content = preferencePage();
    else if (page === "keuze") content = choicePage();
    else if (page === "samenvatting") content = summaryPage();
    else content = competencyPage(Number(page.slice("competentie-".length)));
    form.replaceChildren(...content.flat());
    document.title = form.querySelector("h1").textContent + " · LOB-spiegel";
    progress();
  }

  if (feedback) {
    document.querySelector(".merk").textContent = "LOB-spiegel · 360°-feedback";
    document.querySelector(".voet p").textContent = "Je antwoorden blijven in deze browser op dit apparaat. Niets wordt verstuurd: alleen jij beslist of je het feedbackbestand geeft.";
  }
  if (server) {
    document.querySelector(".voet p").textContent = feedback
      ? "Je antwoorden worden bij elke stap bewaard op de server van je school, bij deze link in deze browser: een andere browser opent ze niet. Je naam wordt nergens bewaard."
      : "Je antwoorden worden bij elke stap bewaard op de server van je school. Alleen deze browser, of je link met je persoonlijke code, opent ze.";
  }
  form.addEventListener("submit", (event) => { event.preventDefault(); next(); });
  const resumed = restore() && state.page > 0;
  render();
  if (resumed && server) {
    say("Welkom terug" + (feedback ? "" : ", " + server.name) + ": je antwoorden van eerder staan er nog; je gaat verder waar je was.");
  } else if (resumed) {
    say("Welkom terug" + (state.teacher ? ", " + state.teacher : "") + ": je antwoorden van eerder staan er nog; je gaat verder waar je was.");
    // On a shared computer the next colleague must not go on in someone else's scan.
    const other = button("Ben jij dit niet? Begin een nieuwe scan", forget);
    other.id = "niet-ik";
    form.prepend(el("div", { class: "knoppen" }, other));
  }
})();
