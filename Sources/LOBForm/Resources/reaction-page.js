// LOB-spiegel reacties in the browser: Kirkpatrick's first level for the activities of one teacher's plan that await
// his reaction, offline. Per activity the two questions on a five-point scale and a remark; at the end he downloads a
// file of reactions (docs/logbook.md) that `lob plan react --file` stores in his own logbook, all or none. Nothing is
// sent and nothing is kept in the browser. Built with DOM calls and textContent only: no text is read as HTML.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("activiteiten").textContent);
  const form = document.getElementById("reacties");
  const status = document.getElementById("melding");

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
    });
    children.flat().forEach((child) => {
      if (child !== null && child !== undefined) node.append(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function say(text) {
    status.textContent = text;
  }

  /// Today in the browser, as the files write a date (JJJJ-MM-DD).
  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  /// One question as a group of five radio buttons, the words of each point beside its number.
  function scale(activity, key, question, labels) {
    const name = key + "-" + activity.id;
    return el("fieldset", { class: "vraag" },
      el("legend", {}, question),
      labels.map((label, index) => el("label", { class: "keuze" },
        el("input", { type: "radio", name: name, value: String(index + 1) }),
        el("span", {}, String(index + 1) + " · " + label))));
  }

  function activityBlock(activity) {
    const error = "fout-" + activity.id;
    return el("fieldset", { class: "activiteit", id: "activiteit-" + activity.id, "aria-describedby": error },
      el("legend", {}, "Activiteit " + activity.id + ": " + activity.name,
        el("span", { class: "nummer" }, "gedaan op " + activity.dateText)),
      el("p", { class: "fout", id: error }),
      scale(activity, "tevreden", data.satisfiedQuestion, data.satisfiedLabels),
      scale(activity, "aan-de-slag", data.usableQuestion, data.usableLabels),
      el("label", { class: "veld", for: "opmerking-" + activity.id }, "Een opmerking, als je wilt"),
      el("textarea", { id: "opmerking-" + activity.id, maxlength: String(data.remarkLength), rows: "3" }));
  }

  function chosen(name) {
    const input = form.querySelector("input[name=\"" + name + "\"]:checked");
    return input ? Number(input.value) : null;
  }

  /// The answers given, or null after marking what is missing (the first fault gets the focus).
  function answers() {
    const given = [];
    let first = null;
    const date = today();
    data.activities.forEach((activity) => {
      const satisfied = chosen("tevreden-" + activity.id);
      const usable = chosen("aan-de-slag-" + activity.id);
      const remark = document.getElementById("opmerking-" + activity.id).value.trim();
      let fault = "";
      // Where the focus goes when this is the first fault: the question still open.
      let missing = satisfied === null ? "tevreden-" : "aan-de-slag-";
      if (satisfied === null && usable === null) {
        if (remark) fault = "Een opmerking hoort bij een reactie: beantwoord ook de twee vragen.";
      } else if (satisfied === null || usable === null) {
        fault = "Beantwoord ook: " + (satisfied === null ? data.satisfiedQuestion : data.usableQuestion);
      } else if (date < activity.date) {
        fault = "Deze activiteit is op " + activity.dateText + ": reageer als je hem gedaan hebt.";
      } else {
        given.push({ activity: activity, satisfied: satisfied, usable: usable, remark: remark, date: date });
      }
      const block = document.getElementById("activiteit-" + activity.id);
      document.getElementById("fout-" + activity.id).textContent = fault;
      if (fault) {
        block.setAttribute("aria-invalid", "true");
        if (!first) first = form.querySelector("input[name=\"" + missing + activity.id + "\"]");
      } else {
        block.removeAttribute("aria-invalid");
      }
    });
    if (first) {
      say("Niet alles is in orde: zie de activiteit met de rode tekst.");
      first.focus();
      return null;
    }
    if (!given.length) {
      say("Je hebt nog op geen enkele activiteit gereageerd: kies bij een activiteit een antwoord op beide vragen.");
      form.querySelector("input").focus();
      return null;
    }
    return given;
  }

  // A JSON string is a valid YAML double-quoted scalar: names and remarks are written safely whatever they hold.
  const q = (text) => JSON.stringify(text);

  function reactionFile(given) {
    const lines = [
      "# LOB-spiegel reacties (formaatversie " + data.formatVersion + "), gemaakt met de pagina van LOB-spiegel " + data.version + ".",
      "# Lees ze in je eigen logboek in met: lob plan react --file BESTAND",
      "# Met je naam en je antwoorden: alleen voor jezelf, de school ziet reacties alleen als groep.",
      "formatVersion: " + data.formatVersion,
      "reactionsOf: " + q(data.teacher),
      "planScan: " + data.planScan,
      "reactions:",
    ];
    given.forEach((answer) => {
      lines.push("  - activity: " + answer.activity.id);
      lines.push("    name: " + q(answer.activity.name));
      lines.push("    date: " + answer.date);
      lines.push("    satisfied: " + answer.satisfied);
      lines.push("    usable: " + answer.usable);
      if (answer.remark) lines.push("    remark: " + q(answer.remark));
    });
    return lines.join("\n") + "\n";
  }

  function download(event) {
    event.preventDefault();
    const given = answers();
    if (!given) return;
    const slug = data.teacher.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    const blob = new Blob([reactionFile(given)], { type: "application/x-yaml" });
    const link = el("a", { href: URL.createObjectURL(blob), download: "reacties-" + (slug || "logboek") + "-" + today() + ".yaml" });
    document.body.append(link);
    link.click();
    link.remove();
    say("Je " + (given.length === 1 ? "reactie is" : given.length + " reacties zijn") +
      " gedownload. Lees ze in met: lob plan react --file en de naam van het bestand. Op een gedeelde computer: verwijder het bestand daarna uit je downloads.");
  }

  const count = data.activities.length;
  form.replaceChildren(...[
    el("h1", { tabindex: "-1" }, "Je reactie op wat je deed"),
    el("p", {}, "Hallo " + data.teacher + ". " + (count === 1
      ? "Op deze activiteit van je scholingsplan wacht je reactie."
      : "Op deze " + count + " activiteiten van je scholingsplan wacht je reactie.")),
    el("p", { class: "uitleg" }, "Twee vragen per activiteit, elk op een schaal van 1 tot en met 5, en een opmerking als je wilt. Een activiteit die je overslaat, blijft openstaan. Alleen jij ziet je reactie met je naam; de school ziet reacties alleen als groep."),
    data.activities.map(activityBlock),
    el("div", { class: "knoppen" }, el("button", { type: "submit", class: "hoofd" }, "Download je reacties")),
  ].flat());
  form.addEventListener("submit", download);
})();
