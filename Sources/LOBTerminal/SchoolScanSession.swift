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
