import LOBCore

extension ScanSession {
    /// Draws the current state. Pure: the same state gives the same buffer.
    public func view() -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else {
            drawTooSmall(&buffer)
            return buffer
        }
        drawTitle(&buffer)
        let area = 1..<(height - 2)
        switch screen {
        case .resume: draw(resumeLines(), in: area, into: &buffer)
        case .welcome: draw(welcomeLines(), in: area, into: &buffer)
        case .portraits: drawPortraits(in: area, into: &buffer)
        case .behaviours: drawBehaviours(in: area, into: &buffer)
        case .preferences: drawPreferences(in: area, into: &buffer)
        case .preferenceChoice: draw(choiceLines(), in: area, into: &buffer)
        case .summary: draw(summaryLines(), in: area, into: &buffer, scroll: scroll, scrollable: true)
        }
        drawStatus(&buffer)
        buffer.put(TextLayout.fit(" " + keyHints, width), x: 0, y: height - 1, style: .key)
        switch overlay {
        case .help?: drawBox(title: "Toetsen", lines: helpLines, into: &buffer)
        case .confirmQuit?: page.drawConfirmQuit(quitMessage, into: &buffer)
        case .editing(let target, let text)?: drawEditor(target, text, into: &buffer)
        case nil: break
        }
        return buffer
    }

    // MARK: - Frame

    private var page: Page { Page(width: width, height: height) }

    private func drawTooSmall(_ buffer: inout ScreenBuffer) {
        page.drawTooSmall(minimum: Self.minimumSize, into: &buffer)
    }

    private var stepTitle: String {
        switch screen {
        case .resume: "Verder met je scan"
        case .welcome: "stap 1 van 5 · Welkom"
        case .portraits: "stap 2 van 5 · Twee portretten"
        case .behaviours: "stap 3 van 5 · Gedragskenmerken"
        case .preferences, .preferenceChoice: "stap 4 van 5 · Leervoorkeur"
        case .summary: "stap 5 van 5 · Samenvatting"
        }
    }

    private func drawTitle(_ buffer: inout ScreenBuffer) {
        page.drawTitle("LOB-spiegel · zelfscan", stepTitle, into: &buffer)
    }

    private func drawStatus(_ buffer: inout ScreenBuffer) {
        let row = height - 2
        if let message {
            buffer.put(TextLayout.fit(" " + message, width), x: 0, y: row, style: .warning)
            return
        }
        switch screen {
        case .behaviours:
            let label = " vraag \(question.number) van \(question.of) · \(answeredCount) beantwoord "
            let x = buffer.put(label, x: 0, y: row, style: .emphasis)
            drawBar(answeredCount, of: question.of, x: x + 1, width: width - x - 2, y: row, into: &buffer)
        case .preferences:
            let answered = scan.preferenceAnswers.count
            let label =
                " stelling \(statementCursor + 1) van \(PreferenceCheck.statements.count) · \(answered) beantwoord "
            let x = buffer.put(label, x: 0, y: row, style: .emphasis)
            drawBar(
                answered, of: PreferenceCheck.statements.count, x: x + 1, width: width - x - 2, y: row, into: &buffer)
        default:
            if draftID != nil { buffer.put(" Alles wat je invult, wordt meteen bewaard.", x: 0, y: row, style: .muted) }
        }
    }

    private func drawBar(
        _ value: Int, of total: Int, x: Int, width barWidth: Int, y: Int, into buffer: inout ScreenBuffer
    ) {
        page.drawBar(value, of: total, x: x, width: barWidth, y: y, into: &buffer)
    }

    private func draw(
        _ lines: [Line], in area: Range<Int>, into buffer: inout ScreenBuffer, scroll: Int = 0,
        scrollable: Bool = false
    ) {
        page.draw(lines, in: area, into: &buffer, scroll: scroll, scrollable: scrollable)
    }

    private func hanging(_ lead: String, _ text: String, _ style: Style = .plain) -> [Line] {
        page.hanging(lead, text, style)
    }

    private func paragraph(_ text: String, _ style: Style = .plain, indent: Int = 0) -> [Line] {
        page.paragraph(text, style, indent: indent)
    }

    private func resumeLines() -> [Line] {
        guard let stored = resumable else { return [] }
        let behaviours = stored.profile.scoredBehaviours(in: catalogue)
        let answered = behaviours.filter { stored.scan.answers[$0.id]?.score != nil }.count
        var lines = [Line(), Line("Je hebt een scan die nog niet af is.", .heading), Line()]
        lines += paragraph(
            "Begonnen op \(stored.scan.date) door \(stored.scan.teacher), profiel \(stored.profile.title).")
        lines += paragraph("\(answered) van \(behaviours.count) gedragskenmerken beantwoord.")
        lines += [Line()]
        lines.append(Line(segments: [("  v  ", .key), ("verder gaan waar je gebleven was", .plain)]))
        lines.append(
            Line(segments: [("  n  ", .key), ("opnieuw beginnen (de onafgemaakte scan wordt verwijderd)", .plain)]))
        return lines
    }

    private func welcomeLines() -> [Line] {
        var lines = [Line()]
        lines += paragraph(
            "Met deze zelfscan houd je jezelf een spiegel voor: hoe sta je ervoor als loopbaanbegeleider van je leerlingen? Je scoort jezelf op de gedragskenmerken van de loopbaanbegeleider bij de zeven SBL-competenties en doet een korte test naar hoe je het liefst leert. Daarna krijg je je sterke punten en ontwikkelpunten, de basis voor je scholingsplan."
        )
        lines += [Line()]
        lines += paragraph(
            "Het duurt ongeveer 20 minuten. Elk antwoord wordt meteen bewaard: je kunt stoppen wanneer je wilt en later met 'lob scan' verder gaan.",
            .muted)
        lines += [Line()]
        let profileText = profile.id + (draftID == nil ? "" : " · vast")
        let rows: [(Field, String, String)] = [
            (.name, "Naam", scan.teacher.isEmpty ? "(Enter om in te vullen)" : scan.teacher),
            (.team, "Team", scan.team ?? "(Enter om in te vullen; mag leeg)"),
            (.profile, "Profiel", "‹ \(profileText) ›"),
            (.consent, "Delen", "‹ \(scan.consent.word): \(scan.consent.meaning) ›"),
        ]
        for (field, label, value) in rows {
            var line = Line(segments: [
                (self.field == field ? "› " : "  ", .emphasis), (TextLayout.fit(label, 9), .heading), (value, .plain),
            ])
            if self.field == field { line.rowStyle = .selected }
            lines.append(line)
            if field == .profile {
                lines += hanging(
                    String(repeating: " ", count: 13), "\(profile.title), \(behaviours.count) gedragskenmerken", .muted)
            }
        }
        lines.append(Line())
        var start = Line(segments: [(field == .start ? "› " : "  ", .emphasis), ("[ Begin de scan ]", .heading)])
        if field == .start { start.rowStyle = .selected }
        lines.append(start)
        return lines
    }

    private func portraitBlock(_ portrait: Portrait, width columnWidth: Int) -> [Line] {
        var lines = TextLayout.wrap(portrait.title, width: columnWidth).map { Line($0, .heading) }
        lines += TextLayout.wrap(portrait.description, width: columnWidth).map { Line($0) }
        lines.append(Line())
        lines += TextLayout.wrap(portrait.quoteBy + ":", width: columnWidth).map { Line($0, .muted) }
        lines += TextLayout.wrap("\u{201C}" + portrait.pupilQuote + "\u{201D}", width: columnWidth - 2).map {
            Line("  " + $0, .emphasis)
        }
        return lines
    }

    private func drawPortraits(in area: Range<Int>, into buffer: inout ScreenBuffer) {
        // The slider keeps its place at the foot; the portraits scroll above it.
        let textArea = area.lowerBound..<(area.upperBound - 4)
        let portraits = Portrait.all
        var lines: [Line]
        if width >= 120 {
            let column = (width - 5) / 2
            let left = portraitBlock(portraits[0], width: column)
            let right = portraitBlock(portraits[1], width: column)
            lines = (0..<max(left.count, right.count)).map { index in
                var segments: [(text: String, style: Style)] = []
                let l = index < left.count ? left[index].segments[0] : ("", .plain)
                segments.append((TextLayout.fit(l.text, column), l.style))
                segments.append((" │ ", .muted))
                if index < right.count { segments.append(right[index].segments[0]) }
                return Line(segments: segments)
            }
        } else {
            lines =
                portraitBlock(portraits[0], width: width - 2) + [Line()] + portraitBlock(portraits[1], width: width - 2)
        }
        draw(lines, in: textArea, into: &buffer, scroll: scroll, scrollable: true)

        let row = area.upperBound - 3
        buffer.put(String(repeating: "─", count: width - 2), x: 1, y: row - 1, style: .muted)
        buffer.put("Waar sta jij nu tussen deze twee portretten?", x: 1, y: row, style: .heading)
        var x = buffer.put("traditioneel  ", x: 1, y: row + 1, style: .muted)
        for value in Scan.portraitRange {
            let selected = scan.portraitPosition == value
            x = buffer.put(
                selected ? "[\(value)]" : " \(value) ", x: x, y: row + 1, style: selected ? .selected : .plain)
        }
        buffer.put("  loopbaanbegeleider", x: x, y: row + 1, style: .muted)
        let hint =
            scan.portraitPosition == nil
            ? "Kies met ← en →, of een cijfer 0–9." : "Enter: verder naar de gedragskenmerken."
        buffer.put(hint, x: 1, y: row + 2, style: .muted)
    }

    /// The items of a list screen, each wrapped with a hanging indent; returns the lines and each item's first line.
    private func itemLines(
        _ items: [(label: String, box: String, text: String, note: String?)], selected: Int
    ) -> (lines: [Line], starts: [Int]) {
        var lines: [Line] = []
        var starts: [Int] = []
        for (index, item) in items.enumerated() {
            starts.append(lines.count)
            let isSelected = index == selected
            let lead = (isSelected ? "› " : "  ") + TextLayout.fit(item.label, 5) + item.box + " "
            let wrapped = TextLayout.wrap(item.text, width: width - 2 - lead.count)
            for (row, text) in wrapped.enumerated() {
                var line =
                    row == 0
                    ? Line(segments: [(lead, item.box.contains("[ ]") ? .muted : .emphasis), (text, .plain)])
                    : Line(String(repeating: " ", count: lead.count) + text)
                if isSelected { line.rowStyle = .selected }
                lines.append(line)
            }
            if let note = item.note {
                for text in TextLayout.wrap("notitie: " + note, width: width - 2 - lead.count) {
                    var line = Line(String(repeating: " ", count: lead.count) + text, .muted)
                    if isSelected { line.rowStyle = .selected }
                    lines.append(line)
                }
            }
        }
        return (lines, starts)
    }

    /// Draws a list so that the selected item is in view.
    private func drawList(
        _ list: (lines: [Line], starts: [Int]), selected: Int, in area: Range<Int>, into buffer: inout ScreenBuffer
    ) {
        let end = selected + 1 < list.starts.count ? list.starts[selected + 1] : list.lines.count
        let start = list.starts[selected]
        let visible = list.lines.count > area.count && area.count > 2 ? area.count - 2 : area.count
        var first = 0
        if end > visible { first = min(start, end - visible) }
        draw(list.lines, in: area, into: &buffer, scroll: first, scrollable: true)
    }

    private func drawBehaviours(in area: Range<Int>, into buffer: inout ScreenBuffer) {
        guard let behaviour = selectedBehaviour, let competency = catalogue.competency(behaviour.competency) else {
            return
        }
        let page = behaviours.filter { $0.competency == competency.id }
        let competencies = profile.scoredCompetencies(in: catalogue)
        let number = (competencies.firstIndex { $0.id == competency.id } ?? 0) + 1
        var header = [Line("Competentie \(number) van \(competencies.count) · \(competency.name)", .heading)]
        header += paragraph(competency.bekwaamheidseis, .emphasis)
        header.append(Line("\(Behaviour.stem) …", .muted))
        draw(header, in: area.lowerBound..<(area.lowerBound + header.count), into: &buffer)

        let legend = scaleLegend
        let listArea = (area.lowerBound + header.count + 1)..<(area.upperBound - legend.count)
        let items = page.map { item in
            let score = scan.answers[item.id]?.score
            return (
                label: item.id, box: score.map { "[\($0)]" } ?? "[ ]", text: item.text,
                note: scan.answers[item.id]?.note
            )
        }
        let selected = page.firstIndex { $0.id == behaviour.id } ?? 0
        drawList(itemLines(items, selected: selected), selected: selected, in: listArea, into: &buffer)
        draw(legend, in: (area.upperBound - legend.count)..<area.upperBound, into: &buffer)
    }

    /// The scale's labels, on one row where they fit.
    private var scaleLegend: [Line] {
        legend(scale.levels.map { "\($0.value) \($0.label)" })
    }

    private func legend(_ entries: [String]) -> [Line] {
        let oneRow = entries.joined(separator: "   ")
        if oneRow.count <= width - 2 { return [Line(oneRow, .muted)] }
        let half = (entries.count + 1) / 2
        return [
            Line(entries[..<half].joined(separator: "   "), .muted),
            Line(entries[half...].joined(separator: "   "), .muted),
        ]
    }

    private func drawPreferences(in area: Range<Int>, into buffer: inout ScreenBuffer) {
        var header = [Line("Hoe leer jij het liefst?", .heading)]
        header += paragraph(
            "Geef bij elke stelling aan hoe goed die bij je past. De stellingen zijn van LOB-spiegel zelf, niet het instrument van Ruijters: de uitslag is een indicatie.",
            .muted)
        draw(header, in: area.lowerBound..<(area.lowerBound + header.count), into: &buffer)
        let legend = self.legend(PreferenceCheck.agreement.enumerated().map { "\($0.offset + 1) \($0.element)" })
        let listArea = (area.lowerBound + header.count + 1)..<(area.upperBound - legend.count)
        let items = PreferenceCheck.statements.enumerated().map { index, statement in
            (
                label: "\(index + 1).", box: scan.preferenceAnswers[statement.id].map { "[\($0)]" } ?? "[ ]",
                text: statement.text, note: String?.none
            )
        }
        drawList(itemLines(items, selected: statementCursor), selected: statementCursor, in: listArea, into: &buffer)
        draw(legend, in: (area.upperBound - legend.count)..<area.upperBound, into: &buffer)
    }

    private func choiceLines() -> [Line] {
        let order = choiceOrder
        var lines = [Line("Jouw leervoorkeur", .heading)]
        lines += paragraph(
            scan.preferenceAnswers.isEmpty
                ? "Je hebt de stellingen niet ingevuld; kies zelf hoe je het liefst leert."
                : "Volgens de stellingen leer je het liefst door \(order[0].name). Kies die, of de metafoor die beter bij je past.",
            .plain)
        lines.append(Line())
        for (index, preference) in order.enumerated() {
            let values = PreferenceCheck.statements.filter { $0.preference == preference }.compactMap {
                scan.preferenceAnswers[$0.id]
            }
            let mean =
                values.isEmpty
                ? "" : "gemiddeld " + DutchNumber.format(Double(values.reduce(0, +)) / Double(values.count))
            let mark = preference == scan.suggestedPreference ? " (voorstel)" : ""
            var line = Line(segments: [
                (index == choiceCursor ? "› " : "  ", .emphasis),
                ("\(index + 1). " + TextLayout.fit(preference.name, 18), .heading), (mean + mark, .muted),
            ])
            if index == choiceCursor { line.rowStyle = .selected }
            lines.append(line)
        }
        lines.append(Line())
        let selected = order[choiceCursor]
        lines += paragraph(selected.description)
        lines += paragraph("Past bij: " + selected.fittingForms.joined(separator: "; "), .muted)
        return lines
    }

    private func summaryLines() -> [Line] {
        let result = ScanResult(scan: scan, profile: profile, catalogue: catalogue)
        var lines = [
            Line(
                "Je uitslag: \(result.answeredCount) van \(result.behaviours.count) gedragskenmerken beantwoord",
                .heading)
        ]
        // One row per competency where the name fits beside the bar, else the name above its bar.
        let nameWidth = 44
        let oneRow = width - 2 >= nameWidth + 20 + 24
        let barWidth = oneRow ? min(40, width - 2 - nameWidth - 24) : min(40, width - 2 - 26)
        // The bar runs over the scale itself (1–4): its length is the distance above the lowest level.
        let (bottom, top) = (Double(scale.range.lowerBound), Double(scale.range.upperBound))
        func columns(_ value: Double) -> Int {
            Int((max(0, value - bottom) / (top - bottom) * Double(barWidth)).rounded())
        }
        for competency in result.competencies {
            let filled = competency.mean.map(columns) ?? 0
            let targetColumn = min(barWidth - 1, columns(Double(competency.target)) - 1)
            var bar = Array(String(repeating: "█", count: filled) + String(repeating: "·", count: barWidth - filled))
            if targetColumn >= 0 { bar[targetColumn] = bar[targetColumn] == "█" ? "┃" : "|" }
            let reached = (competency.gap ?? 1) == 0
            let name = "\(competency.competency.id) \(competency.competency.name)"
            var segments: [(text: String, style: Style)] = [
                (String(bar), reached ? .good : .warning),
                (" \(DutchNumber.format(competency.mean)) / doel \(competency.target)", .plain),
                (reached ? "  bereikt" : "", .good),
            ]
            if oneRow {
                segments.insert((TextLayout.fit(name, nameWidth), .plain), at: 0)
            } else {
                lines.append(Line(name))
                segments.insert(("  ", .plain), at: 0)
            }
            lines.append(Line(segments: segments))
        }
        lines.append(
            Line(
                "| = doel; het gemiddelde van je antwoorden per competentie op de schaal 1–\(scale.range.upperBound)",
                .muted))
        lines.append(Line())
        // Five of each at most, and said so when there are more.
        let strengths = result.strengths.sorted { ($0.score ?? 0) > ($1.score ?? 0) }.prefix(5)
        lines.append(
            Line(
                result.strengths.count > strengths.count
                    ? "Sterke punten (de \(strengths.count) hoogste van \(result.strengths.count))" : "Sterke punten",
                .heading))
        if strengths.isEmpty { lines.append(Line("  (nog geen gedragskenmerk op of boven het doel)", .muted)) }
        for item in strengths {
            lines += hanging("  \(TextLayout.fit(item.behaviour.id, 5))", "\(item.behaviour.text) (\(item.score ?? 0))")
        }
        lines.append(Line())
        let points = result.developmentPoints.prefix(5)
        lines.append(
            Line(
                result.developmentPoints.count > points.count
                    ? "Ontwikkelpunten (de \(points.count) met de hoogste prioriteit van \(result.developmentPoints.count))"
                    : "Ontwikkelpunten (hoogste prioriteit eerst)", .heading))
        if points.isEmpty { lines.append(Line("  (geen: alle beantwoorde gedragskenmerken halen het doel)", .muted)) }
        for item in points {
            lines += hanging(
                "  \(TextLayout.fit(item.behaviour.id, 5))",
                "\(item.behaviour.text) (\(item.score ?? 0), doel \(item.target))")
        }
        if let preference = scan.learningPreference {
            lines.append(Line())
            lines.append(Line(segments: [("Leervoorkeur: ", .heading), (preference.name, .plain)]))
        }
        lines.append(Line())
        lines.append(Line("Hoe verder", .heading))
        let id = draftID.map(String.init) ?? ""
        lines.append(
            Line(segments: [("  lob report \(id)", .key), ("   je hele uitslag, per gedragskenmerk", .plain)]))
        lines.append(
            Line(segments: [("  lob plan \(id)", .key), ("     je scholingsplan, passend bij hoe je leert", .plain)]))
        lines.append(
            Line(segments: [
                ("  lob export scan \(id) --out scan.yaml", .key), ("  je scan voor je teamvoorzitter", .plain),
            ]))
        return lines
    }

    // MARK: - Overlays

    private var keyHints: String {
        switch screen {
        case .resume: "v verder · n opnieuw · ? hulp · q stoppen"
        case .welcome: "↑↓ kiezen · Enter invullen/verder · ←→ wisselen · ? hulp · q stoppen"
        case .portraits: "←→ positie · ↑↓ lezen · Enter verder · Esc terug · ? hulp · q stoppen"
        case .behaviours: "1–4 score · ↑↓ vraag · ←→ pagina · n notitie · 0 wissen · ? hulp · q stoppen"
        case .preferences: "1–4 antwoord · ↑↓ stelling · → verder · ← terug · ? hulp · q stoppen"
        case .preferenceChoice: "↑↓ kiezen · Enter bevestigen · ← terug · ? hulp · q stoppen"
        case .summary: "↑↓ lezen · ← terug · Enter of q afsluiten · ? hulp"
        }
    }

    private var helpLines: [String] {
        var lines: [String]
        switch screen {
        case .resume: lines = ["v of Enter   verder waar je gebleven was", "n            opnieuw beginnen"]
        case .welcome:
            lines = [
                "↑ ↓          veld kiezen", "Enter        naam of team invullen; verder",
                "← →          profiel of delen wisselen",
            ]
        case .portraits:
            lines = [
                "← →          je plaats op de schaal 0–10", "0–9          een plaats direct kiezen",
                "↑ ↓ PgUp PgDn  de portretten lezen", "Enter        verder", "Esc          terug",
            ]
        case .behaviours:
            lines = [
                "1 2 3 4      score geven (en naar de volgende vraag)", "0 of x       score wissen (niet beantwoord)",
                "↑ ↓ j k      vorige / volgende vraag", "← → PgUp PgDn  vorige / volgende competentie",
                "n            notitie bij deze vraag", "Esc          terug naar de portretten",
            ]
        case .preferences:
            lines = [
                "1 2 3 4      hoe goed de stelling bij je past", "↑ ↓          vorige / volgende stelling",
                "→            naar je keuze", "←            terug naar de gedragskenmerken",
            ]
        case .preferenceChoice:
            lines = [
                "↑ ↓ of 1–5   metafoor kiezen", "Enter        bevestigen en naar de samenvatting",
                "←            terug naar de stellingen",
            ]
        case .summary:
            lines = ["↑ ↓ PgUp PgDn  lezen", "←            terug om iets te veranderen", "Enter of q   afsluiten"]
        }
        return lines + [
            "", "?            deze hulp", "q            stoppen (alles is bewaard)",
            "Ctrl-C       direct stoppen (alles is bewaard)", "", "Druk op een toets om verder te gaan.",
        ]
    }

    private var quitMessage: String {
        draftID == nil
            ? "Je bent nog niet begonnen; er is niets bewaard."
            : "Alles wat je hebt ingevuld, is bewaard. Met 'lob scan' ga je later verder waar je gebleven was."
    }

    private func drawEditor(_ target: EditTarget, _ text: String, into buffer: inout ScreenBuffer) {
        let title: String
        switch target {
        case .note(let id): title = "Notitie bij \(id)"
        case .name: title = "Je naam"
        case .team: title = "Je team (mag leeg)"
        }
        page.drawEditor(title: title, text: text, into: &buffer)
    }

    private func drawBox(title: String, lines: [String], into buffer: inout ScreenBuffer) {
        page.drawBox(title: title, lines: lines, into: &buffer)
    }
}
