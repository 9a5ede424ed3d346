import Foundation
import LOBCore

/// The schoolscan in the terminal, on the same frame as the self-scan: the school's name and year, then the 12
/// aspects one page each (the three models' descriptions side by side in rows), then a summary. Every change is
/// saved at once (`Effect.save`), so an interrupted schoolscan resumes where it stopped.
public struct SchoolScanSession: Sendable {
    public enum Screen: Sendable, Hashable {
        case welcome, aspects, summary
    }

    public enum Overlay: Sendable, Hashable {
        case help, confirmQuit
        case editing(text: String)
    }

    public enum Effect: Sendable, Hashable {
        /// Store the schoolscan as it now is (one per school year; saving again replaces it).
        case save(SchoolScan)
        case quit
    }

    public static let minimumSize = (width: 80, height: 24)

    public private(set) var scan: SchoolScan
    public private(set) var screen: Screen
    public private(set) var overlay: Overlay?
    /// The aspect shown (0…11) and the model under the cursor.
    public private(set) var index = 0
    public private(set) var cursor: SchoolModel.ID = .model1
    public private(set) var width: Int
    public private(set) var height: Int
    /// A store failure, shown in the status row.
    public var message: String?
    /// Whether anything has been saved: the first choice saves the scan, and a choice is never taken back.
    public var started: Bool { !scan.answers.isEmpty }

    public var aspect: Aspect { Aspect.all[index] }

    /// Starts on the welcome page, or for a stored scan of this school year at its first unanswered aspect.
    public init(school: String, date: SchoolDate, stored: SchoolScan? = nil, width: Int, height: Int) {
        self.width = width
        self.height = height
        if let stored {
            scan = stored
            if let first = Aspect.all.firstIndex(where: { stored.answers[$0.id] == nil }) {
                screen = .aspects
                index = first
            } else {
                screen = .summary
            }
        } else {
            scan = SchoolScan(school: school, schoolYear: SchoolScan.schoolYear(of: date), date: date)
            screen = .welcome
        }
        cursor = scan.answers[aspect.id]?.current ?? .model1
    }

    public var answered: Int { scan.answers.count }

    public mutating func update(_ key: Key) -> [Effect] {
        if case .resize(let newWidth, let newHeight) = key {
            width = newWidth
            height = newHeight
            return []
        }
        if key == .interrupt { return [.quit] }
        message = nil
        if let overlay { return updateOverlay(overlay, key) }
        switch key {
        case .character("?"):
            overlay = .help
            return []
        case .character("q"), .escape:
            overlay = .confirmQuit
            return []
        default: break
        }
        switch screen {
        case .welcome: return updateWelcome(key)
        case .aspects: return updateAspects(key)
        case .summary: return updateSummary(key)
        }
    }

    private mutating func updateOverlay(_ current: Overlay, _ key: Key) -> [Effect] {
        switch current {
        case .help:
            overlay = nil
        case .confirmQuit:
            if key.confirms { return [.quit] }
            overlay = nil
        case .editing(let text):
            switch key.edit(text, limit: 80) {
            case .commit(let text):
                let name = text.trimmingCharacters(in: .whitespaces)
                overlay = nil
                if !name.isEmpty { scan.school = name }
            case .cancel: overlay = nil
            case .typing(let text): overlay = .editing(text: text)
            case .ignored: break
            }
        }
        return []
    }

    private mutating func updateWelcome(_ key: Key) -> [Effect] {
        switch key {
        case .character("n"): overlay = .editing(text: scan.school)
        case .enter:
            guard !scan.school.trimmingCharacters(in: .whitespaces).isEmpty else {
                message = "Vul eerst de naam van de school in (n)."
                return []
            }
            screen = .aspects
            cursor = scan.answers[aspect.id]?.current ?? .model1
        default: break
        }
        return []
    }

    private mutating func updateAspects(_ key: Key) -> [Effect] {
        let models = SchoolModel.ID.allCases
        switch key {
        case .up, .character("k"):
            cursor = models[max(0, models.firstIndex(of: cursor)! - 1)]
        case .down, .character("j"):
            cursor = models[min(models.count - 1, models.firstIndex(of: cursor)! + 1)]
        case .character(let character) where ("1"..."3").contains(character):
            // The model that fits how the school works now; then on to the next aspect.
            let model = models[Int(String(character))! - 1]
            scan.answers[aspect.id] = SchoolScan.Answer(current: model, wished: scan.answers[aspect.id]?.wished)
            move(by: 1)
            return [.save(scan)]
        case .enter, .character(" "):
            scan.answers[aspect.id] = SchoolScan.Answer(current: cursor, wished: scan.answers[aspect.id]?.wished)
            move(by: 1)
            return [.save(scan)]
        case .character("g"):
            guard var answer = scan.answers[aspect.id] else {
                message = "Kies eerst hoe het nu gaat (1, 2 of 3); daarna waar de school heen wil (g)."
                return []
            }
            answer.wished = answer.wished == cursor ? nil : cursor
            scan.answers[aspect.id] = answer
            return [.save(scan)]
        case .right, .pageDown, .tab:
            move(by: 1)
        case .left, .pageUp, .backTab:
            if index > 0 { move(by: -1) }
        case .home:
            index = 0
            cursor = scan.answers[aspect.id]?.current ?? .model1
        default: break
        }
        return []
    }

    /// Next or previous aspect; past the last, the summary.
    private mutating func move(by step: Int) {
        let next = index + step
        if next >= Aspect.all.count {
            screen = .summary
            return
        }
        index = max(0, next)
        cursor = scan.answers[aspect.id]?.current ?? .model1
    }

    private mutating func updateSummary(_ key: Key) -> [Effect] {
        switch key {
        case .left, .pageUp, .backTab:
            screen = .aspects
            index = Aspect.all.count - 1
            cursor = scan.answers[aspect.id]?.current ?? .model1
        case .enter:
            if scan.isComplete { return [.quit] }
            message = "Nog niet alle aspecten zijn beantwoord: ga terug (←) of stop (q); je kunt later verder."
        default: break
        }
        return []
    }
}

// MARK: - View

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
        case .aspects: "1 2 3 zo gaat het nu · ↑↓ kies · g gewenst · ← → vorige/volgende · ? hulp · q stoppen"
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
            lines += page.paragraph("Nog \(Aspect.all.count - answered) aspect(en) open: ga terug met ←.", .warning)
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

extension SchoolScanSession: TerminalSession {
    public static func ends(_ effect: Effect) -> Bool { effect == .quit }

    public mutating func receive(_ event: StoreEvent) {
        if case .failed(let reason) = event {
            message = "Niet bewaard: \(reason). Je volgende keuze probeert het opnieuw."
        }
    }
}

/// Runs a schoolscan session on a terminal and saves after every change.
public enum SchoolScanRunner {
    public static func run(_ session: inout SchoolScanSession, store: any SchoolStore, terminal: any TerminalDevice) {
        SessionRunner.run(&session, terminal: terminal) { effect in
            guard case .save(let scan) = effect else { return nil }
            do {
                try store.saveSchoolScan(scan)
                return nil
            } catch {
                return .failed("\(error)")
            }
        }
    }
}
