import Foundation
import LOBCore

extension SchoolScanSession {
    private var page: Page { Page(width: width, height: height) }

    /// Draws the current state. Pure: the same state gives the same buffer.
    public func view() -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else {
            page.drawTooSmall(minimum: Self.minimumSize, into: &buffer)
            return buffer
        }
        let step: String
        switch screen {
        case .welcome: step = "stap 1 van 3 · Welkom"
        case .aspects: step = "stap 2 van 3 · aspect \(index + 1) van \(Aspect.all.count)"
        case .summary: step = "stap 3 van 3 · Samenvatting"
        }
        page.drawTitle("LOB-spiegel · schoolscan", step, into: &buffer)
        let area = 1..<(height - 2)
        switch screen {
        case .welcome: page.draw(welcomeLines(), in: area, into: &buffer)
        case .aspects: page.draw(aspectLines(), in: area, into: &buffer)
        case .summary: page.draw(summaryLines(), in: area, into: &buffer, scrollable: true)
        }
        let row = height - 2
        if let message {
            buffer.put(TextLayout.fit(" " + message, width), x: 0, y: row, style: .warning)
        } else if screen == .aspects {
            let label = " \(answered) van \(Aspect.all.count) beantwoord "
            let x = buffer.put(label, x: 0, y: row, style: .emphasis)
            page.drawBar(answered, of: Aspect.all.count, x: x + 1, width: width - x - 2, y: row, into: &buffer)
        } else if started {
            buffer.put(" Alles wat je kiest, wordt meteen bewaard.", x: 0, y: row, style: .muted)
        }
        buffer.put(TextLayout.fit(" " + hints, width), x: 0, y: height - 1, style: .key)
        switch overlay {
        case .help?: page.drawBox(title: "Toetsen", lines: helpLines, into: &buffer)
        case .confirmQuit?:
            page.drawConfirmQuit(
                started
                    ? "Wat je gekozen hebt, is bewaard. Met 'lob schoolscan' ga je later verder waar je gebleven was."
                    : "Er is nog niets bewaard.", into: &buffer)
        case .editing(let text)?:
            page.drawEditor(title: "Naam van de school", text: text, into: &buffer)
        case nil: break
        }
        return buffer
    }

    private var hints: String {
        switch screen {
        case .welcome: "n naam · Enter beginnen · ? hulp · q stoppen"
        case .aspects: "1 2 3 zo gaat het nu · ↑↓ kies · g gewenst · ←→ aspect · ? hulp · q stoppen"
        case .summary: "← terug · Enter klaar · q stoppen"
        }
    }

    private var helpLines: [String] {
        [
            "1, 2, 3     het model dat beschrijft hoe het nu werkelijk gaat",
            "↑ ↓ Enter   hetzelfde met de cursor",
            "g           het model waar de school heen wil (nog eens g: weg)",
            "← →         vorig of volgend aspect",
            "q           stoppen; alles is bewaard",
        ]
    }

    private func welcomeLines() -> [Line] {
        var lines = [Line("Schoolscan: waar staat de school met LOB?", .heading), Line()]
        lines += page.paragraph(
            "Voor de directie en de decaan of LOB-coördinator. Bij elk van de 12 aspecten kies je welk van de drie modellen beschrijft hoe het op school werkelijk gaat, en als je dat weet, waar de school heen wil."
        )
        lines.append(Line())
        lines += page.paragraph("\u{201C}\(SchoolModel.howToDetermine)\u{201D}", .muted, indent: 2)
        lines.append(Line())
        lines.append(
            Line(segments: [
                ("School:     ", .emphasis),
                (scan.school.isEmpty ? "(nog leeg: druk n)" : scan.school, scan.school.isEmpty ? .muted : .plain),
            ]))
        lines.append(Line(segments: [("Schooljaar: ", .emphasis), (scan.schoolYear, .plain)]))
        return lines
    }

    private func aspectLines() -> [Line] {
        let pillar = Pillar.all.first { $0.id == aspect.pillar }?.name ?? ""
        var lines = [Line(pillar, .muted), Line("\(aspect.id). \(aspect.name)", .heading), Line()]
        let answer = scan.answers[aspect.id]
        for model in SchoolModel.ID.allCases {
            var marks: [String] = []
            if answer?.current == model { marks.append("nu") }
            if answer?.wished == model { marks.append("gewenst") }
            let name = Catalogue.standard.schoolModel(model)?.name ?? model.rawValue
            let lead = (model == cursor ? "▸ " : "  ") + "\(model.number)  "
            var block = page.hanging(
                lead, "\(name)\(marks.isEmpty ? "" : " [" + marks.joined(separator: ", ") + "]")", .emphasis)
            block += page.hanging(String(repeating: " ", count: lead.count), aspect.description(for: model))
            if model == cursor { for index in block.indices { block[index].rowStyle = .selected } }
            lines += block
            lines.append(Line())
        }
        return lines
    }

    private func summaryLines() -> [Line] {
        let result = SchoolScanResult(scan)
        var lines = [Line("\(scan.school) · \(scan.schoolYear)", .heading), Line()]
        if !scan.isComplete {
            lines += page.paragraph(
                "Nog \(DutchNumber.count(Aspect.all.count - answered, "aspect", "aspecten")) open: ga terug met ←.",
                .warning)
            lines.append(Line())
        }
        lines.append(
            Line(segments: [
                ("De school nu: ", .emphasis),
                (
                    "model \(result.dominant.number), \(Catalogue.standard.schoolModel(result.dominant)?.name ?? "")",
                    .plain
                ),
            ]))
        if let wished = result.wished {
            lines.append(
                Line(segments: [
                    ("Gewenst:      ", .emphasis),
                    ("model \(wished.number), \(Catalogue.standard.schoolModel(wished)?.name ?? "")", .plain),
                ]))
        }
        lines.append(Line())
        for pillar in result.pillars {
            let counts = SchoolModel.ID.allCases.map { "\(pillar.counts[$0] ?? 0)" }.joined(separator: " · ")
            lines += page.hanging(
                "  ", "\(pillar.pillar.name): model \(pillar.dominant.number) (aspecten per model 1 · 2 · 3: \(counts))"
            )
        }
        if !result.lagging.isEmpty {
            lines.append(Line())
            lines += page.paragraph(
                "Loopt achter: " + result.lagging.map { "\($0.aspect.id) \($0.aspect.name)" }.joined(separator: "; "))
        }
        if !result.leading.isEmpty {
            lines += page.paragraph(
                "Loopt voor: " + result.leading.map { "\($0.aspect.id) \($0.aspect.name)" }.joined(separator: "; "))
        }
        lines.append(Line())
        lines += page.paragraph(
            "Het volledige verslag, met wat het model vraagt van de rollen: lob schoolscan show.", .muted)
        return lines
    }
}
