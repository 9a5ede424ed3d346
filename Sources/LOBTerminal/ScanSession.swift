import LOBCore

/// The scan in the terminal, as a state machine: `update` takes a key and says what must happen to the stored
/// scan; `view` (ScanSession+View.swift) draws the state into a `ScreenBuffer`. No terminal and no store in here,
/// so every screen and every key can be tested as plain values.
public struct ScanSession: Sendable {
    /// The steps of the scan, in order.
    public enum Screen: Sendable, Hashable {
        /// An unfinished scan was found: go on with it or start again.
        case resume
        case welcome
        case portraits
        case behaviours
        case preferences
        case preferenceChoice
        case summary
    }

    /// The fields of the welcome screen.
    public enum Field: Int, Sendable, Hashable, CaseIterable {
        case name, team, profile, consent, start
    }

    /// A layer over the screen that takes the keys while it is open.
    public enum Overlay: Sendable, Hashable {
        case help
        case confirmQuit
        /// Typing a text: the note of the selected behaviour, or a welcome field.
        case editing(EditTarget, text: String)
    }

    public enum EditTarget: Sendable, Hashable {
        case note(Behaviour.ID)
        case name, team
    }

    /// What the runner must do after a key; each carries what it needs. The result comes back as a `StoreEvent`.
    public enum Effect: Sendable, Hashable {
        /// Store the whole scan: new (id nil) when the teacher begins, or again after a change of its header or a
        /// failed save.
        case saveScan(Scan, Profile, id: Int64?)
        /// Store one answer of the stored scan: one row.
        case saveAnswer(Scan.Answer?, Behaviour, position: Int, scanID: Int64)
        /// Store one answer of the self-check: one row.
        case savePreference(Int?, statement: String, scanID: Int64)
        /// The summary was reached: mark the stored scan finished.
        case finish(Int64)
        /// Start again: delete this unfinished scan.
        case discard(Int64)
        /// Leave the scan.
        case quit
    }

    public static let minimumSize = (width: 80, height: 24)

    public private(set) var screen: Screen
    public private(set) var overlay: Overlay?
    public private(set) var scan: Scan
    public private(set) var profile: Profile
    /// The stored scan's id once the teacher began; it arrives as `StoreEvent.saved` after the first save.
    public private(set) var draftID: Int64?
    /// A save failed: the next change stores the whole scan again, so nothing stays behind.
    private var unsaved = false
    public private(set) var finished = false
    /// A one-line message for the status bar (a refusal, a store error).
    public var message: String?
    public private(set) var width: Int
    public private(set) var height: Int

    let catalogue: Catalogue
    let scale: Scale
    let profiles: [Profile]
    let resumable: StoredScan?
    private(set) var behaviours: [Behaviour]
    /// The selected behaviour (index into `behaviours`), statement and metaphor.
    private(set) var cursor = 0
    private(set) var statementCursor = 0
    private(set) var choiceCursor = 0
    private(set) var field: Field = .name
    /// First line shown on the scrolling screens (portraits, summary).
    private(set) var scroll = 0

    /// - Parameters:
    ///   - profiles: the profiles a teacher may choose; `defaultProfileID` is selected first.
    ///   - teacher, team: remembered from the last scan.
    ///   - resumable: an unfinished scan, offered to resume.
    public init(
        profiles: [Profile], defaultProfileID: String, teacher: String = "", team: String? = nil,
        date: SchoolDate, resumable: StoredScan? = nil, width: Int = 80, height: Int = 24,
        catalogue: Catalogue = .standard, scale: Scale = .standard
    ) {
        precondition(!profiles.isEmpty, "at least one profile")
        let profile = profiles.first { $0.id == defaultProfileID } ?? profiles[0]
        self.profiles = profiles
        self.profile = profile
        self.catalogue = catalogue
        self.scale = scale
        self.resumable = resumable
        self.width = width
        self.height = height
        behaviours = profile.scoredBehaviours(in: catalogue)
        scan = Scan(teacher: teacher, team: team, profileID: profile.id, date: date)
        screen = resumable == nil ? .welcome : .resume
        if resumable == nil, teacher.isEmpty { overlay = .editing(.name, text: "") }
    }

    // MARK: - Update

    /// Handles one key; returns what the caller must do, in order.
    public mutating func update(_ key: Key) -> [Effect] {
        if case .resize(let newWidth, let newHeight) = key {
            width = newWidth
            height = newHeight
            return []
        }
        if key == .interrupt { return [.quit] }
        message = nil
        if let overlay { return updateOverlay(overlay, key) }
        if key == .character("?") {
            overlay = .help
            return []
        }
        if key == .character("q") {
            if screen == .summary { return [.quit] }
            overlay = .confirmQuit
            return []
        }
        switch screen {
        case .resume: return updateResume(key)
        case .welcome: return updateWelcome(key)
        case .portraits: return updatePortraits(key)
        case .behaviours: return updateBehaviours(key)
        case .preferences: return updatePreferences(key)
        case .preferenceChoice: return updateChoice(key)
        case .summary: return updateSummary(key)
        }
    }

    private mutating func updateOverlay(_ current: Overlay, _ key: Key) -> [Effect] {
        switch current {
        case .help:
            overlay = nil
            return []
        case .confirmQuit:
            if key.confirms { return [.quit] }
            overlay = nil
            return []
        case .editing(let target, let text):
            switch key.edit(text, limit: Self.maximumTextLength) {
            case .commit(let text):
                overlay = nil
                return commit(text, to: target)
            case .cancel: overlay = nil
            case .typing(let text): overlay = .editing(target, text: text)
            case .ignored: break
            }
            return []
        }
    }

    static let maximumTextLength = 500

    private mutating func commit(_ text: String, to target: EditTarget) -> [Effect] {
        let trimmed = text.trimmingSpaces
        switch target {
        case .note(let id):
            var answer = scan.answers[id] ?? Scan.Answer(score: nil)
            answer.note = trimmed.isEmpty ? nil : trimmed
            scan.answers[id] = answer.score == nil && answer.note == nil ? nil : answer
            return savedAnswer(id)
        case .name:
            scan.teacher = trimmed
            field = .team
            return saved()
        case .team:
            scan.team = trimmed.isEmpty ? nil : trimmed
            field = .profile
            return saved()
        }
    }

    /// A change to the scan is saved at once, once the scan has begun: the whole scan.
    private func saved() -> [Effect] {
        draftID.map { [.saveScan(scan, profile, id: $0)] } ?? []
    }

    /// One answer changed: only its row, unless an earlier save failed.
    private func savedAnswer(_ id: Behaviour.ID) -> [Effect] {
        guard let draftID, !unsaved, let position = behaviours.firstIndex(where: { $0.id == id }) else {
            return saved()
        }
        return [.saveAnswer(scan.answers[id], behaviours[position], position: position, scanID: draftID)]
    }

    /// One self-check answer changed: only its row, unless an earlier save failed.
    private func savedPreference(_ statement: String) -> [Effect] {
        guard let draftID, !unsaved else { return saved() }
        return [.savePreference(scan.preferenceAnswers[statement], statement: statement, scanID: draftID)]
    }

    /// What the store did with an effect.
    public mutating func receive(_ event: StoreEvent) {
        switch event {
        case .saved(let id):
            draftID = id
            unsaved = false
        case .failed(let reason):
            unsaved = true
            message = "Niet bewaard: \(reason). Je volgende antwoord probeert het opnieuw."
        }
    }

    private mutating func updateResume(_ key: Key) -> [Effect] {
        guard let stored = resumable else {
            screen = .welcome
            return []
        }
        switch key {
        case .character("v"), .enter:
            scan = stored.scan
            profile = stored.profile
            behaviours = profile.scoredBehaviours(in: catalogue)
            draftID = stored.id
            resumeWhereLeft()
            return []
        case .character("n"):
            scan = Scan(teacher: stored.scan.teacher, team: stored.scan.team, profileID: profile.id, date: scan.date)
            screen = .welcome
            field = .start
            return [.discard(stored.id)]
        default:
            return []
        }
    }

    /// Opens the first step that still has an open question.
    private mutating func resumeWhereLeft() {
        if scan.portraitPosition == nil {
            screen = .portraits
        } else if let first = behaviours.firstIndex(where: { scan.answers[$0.id]?.score == nil }) {
            screen = .behaviours
            cursor = first
        } else if let first = PreferenceCheck.statements.firstIndex(where: { scan.preferenceAnswers[$0.id] == nil }) {
            screen = .preferences
            statementCursor = first
        } else {
            openChoice()
        }
    }

    private mutating func updateWelcome(_ key: Key) -> [Effect] {
        let fields = Field.allCases
        switch key {
        case .up, .character("k"), .backTab:
            field = fields[max(0, field.rawValue - 1)]
        case .down, .character("j"), .tab:
            field = fields[min(fields.count - 1, field.rawValue + 1)]
        case .left, .right, .character("h"), .character("l"):
            let step = key == .left || key == .character("h") ? -1 : 1
            return cycle(step)
        case .enter:
            switch field {
            case .name: overlay = .editing(.name, text: scan.teacher)
            case .team: overlay = .editing(.team, text: scan.team ?? "")
            case .profile, .consent: field = fields[field.rawValue + 1]
            case .start: return begin()
            }
        default:
            break
        }
        return []
    }

    private mutating func cycle(_ step: Int) -> [Effect] {
        switch field {
        case .profile:
            guard draftID == nil else {
                message = "Het profiel ligt vast voor deze scan. Begin een nieuwe scan voor een ander profiel."
                return []
            }
            let index = profiles.firstIndex { $0.id == profile.id } ?? 0
            profile = profiles[(index + step + profiles.count) % profiles.count]
            behaviours = profile.scoredBehaviours(in: catalogue)
            scan.profileID = profile.id
            scan.answers = [:]
            cursor = 0
            return []
        case .consent:
            let all = Consent.allCases
            let index = all.firstIndex(of: scan.consent) ?? 0
            scan.consent = all[(index + step + all.count) % all.count]
            return saved()
        default:
            return []
        }
    }

    private mutating func begin() -> [Effect] {
        guard !scan.teacher.isEmpty else {
            message = "Vul eerst je naam in."
            field = .name
            return []
        }
        screen = .portraits
        scroll = 0
        return draftID == nil ? [.saveScan(scan, profile, id: nil)] : []
    }

    private mutating func updatePortraits(_ key: Key) -> [Effect] {
        switch key {
        case .left, .right, .character("h"), .character("l"):
            let step = key == .left || key == .character("h") ? -1 : 1
            let current = scan.portraitPosition ?? 5
            let next =
                scan.portraitPosition == nil
                ? current : min(Scan.portraitRange.upperBound, max(Scan.portraitRange.lowerBound, current + step))
            scan.portraitPosition = next
            return saved()
        case .character(let digit) where digit.isNumber:
            if let value = digit.wholeNumberValue {
                scan.portraitPosition = value
                return saved()
            }
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .pageDown, .character(" "): scroll += max(1, height - 8)
        case .pageUp: scroll = max(0, scroll - max(1, height - 8))
        case .enter, .tab:
            guard scan.portraitPosition != nil else {
                message = "Kies eerst met ← en → waar je staat tussen de twee portretten."
                return []
            }
            screen = .behaviours
        case .escape, .backspace, .backTab:
            screen = .welcome
            field = .start
        default:
            break
        }
        return []
    }

    private var pageStarts: [Int] {
        behaviours.indices.filter { $0 == 0 || behaviours[$0].competency != behaviours[$0 - 1].competency }
    }

    private mutating func updateBehaviours(_ key: Key) -> [Effect] {
        switch key {
        case .character(let digit) where digit.wholeNumberValue.map(scale.range.contains) == true:
            let id = behaviours[cursor].id
            var answer = scan.answers[id] ?? Scan.Answer(score: nil)
            answer.score = digit.wholeNumberValue
            scan.answers[id] = answer
            nextBehaviour()
            return savedAnswer(id)
        case .character("0"), .character("x"), .delete:
            let id = behaviours[cursor].id
            if var answer = scan.answers[id] {
                answer.score = nil
                scan.answers[id] = answer.note == nil ? nil : answer
            }
            return savedAnswer(id)
        case .character("n"):
            let id = behaviours[cursor].id
            overlay = .editing(.note(id), text: scan.answers[id]?.note ?? "")
        case .down, .character("j"), .enter:
            nextBehaviour()
        case .up, .character("k"):
            if cursor > 0 { cursor -= 1 } else { screen = .portraits }
        case .right, .pageDown, .tab, .character("l"):
            if let next = pageStarts.first(where: { $0 > cursor }) { cursor = next } else { openPreferences() }
        case .left, .pageUp, .backTab, .character("h"):
            let starts = pageStarts
            let current = starts.last { $0 <= cursor } ?? 0
            if let previous = starts.last(where: { $0 < current }) {
                cursor = previous
            } else if cursor == 0 {
                screen = .portraits
            } else {
                cursor = 0
            }
        case .home:
            cursor = 0
        case .end:
            cursor = behaviours.count - 1
        case .escape, .backspace:
            screen = .portraits
        default:
            break
        }
        return []
    }

    private mutating func nextBehaviour() {
        if cursor + 1 < behaviours.count { cursor += 1 } else { openPreferences() }
    }

    private mutating func openPreferences() {
        screen = .preferences
    }

    private mutating func updatePreferences(_ key: Key) -> [Effect] {
        let statements = PreferenceCheck.statements
        switch key {
        case .character(let digit)
        where digit.wholeNumberValue.map((1...PreferenceCheck.agreement.count).contains) == true:
            let statement = statements[statementCursor].id
            scan.preferenceAnswers[statement] = digit.wholeNumberValue
            if statementCursor + 1 < statements.count { statementCursor += 1 } else { openChoice() }
            return savedPreference(statement)
        case .character("0"), .character("x"), .delete:
            let statement = statements[statementCursor].id
            scan.preferenceAnswers[statement] = nil
            return savedPreference(statement)
        case .down, .character("j"), .enter:
            if statementCursor + 1 < statements.count { statementCursor += 1 } else { openChoice() }
        case .up, .character("k"):
            if statementCursor > 0 { statementCursor -= 1 } else { backToBehaviours() }
        case .right, .pageDown, .tab, .character("l"):
            openChoice()
        case .left, .pageUp, .backTab, .character("h"), .escape, .backspace:
            backToBehaviours()
        default:
            break
        }
        return []
    }

    private mutating func backToBehaviours() {
        screen = .behaviours
        cursor = behaviours.count - 1
    }

    /// The metaphors as the choice screen lists them: the self-check's ranking.
    var choiceOrder: [LearningPreference] {
        scan.preferenceAnswers.isEmpty ? LearningPreference.allCases : PreferenceCheck.ranking(scan.preferenceAnswers)
    }

    private mutating func openChoice() {
        screen = .preferenceChoice
        let current = scan.learningPreference ?? choiceOrder[0]
        choiceCursor = choiceOrder.firstIndex(of: current) ?? 0
    }

    private mutating func updateChoice(_ key: Key) -> [Effect] {
        let order = choiceOrder
        switch key {
        case .down, .character("j"), .tab: choiceCursor = min(order.count - 1, choiceCursor + 1)
        case .up, .character("k"), .backTab: choiceCursor = max(0, choiceCursor - 1)
        case .character(let digit) where digit.wholeNumberValue.map((1...order.count).contains) == true:
            choiceCursor = (digit.wholeNumberValue ?? 1) - 1
        case .enter, .right:
            let chosen = order[choiceCursor]
            // Following the suggestion is not a choice of one's own: a later self-check may suggest otherwise.
            scan.chosenPreference = chosen == scan.suggestedPreference ? nil : chosen
            screen = .summary
            scroll = 0
            var effects = saved()
            if !finished, let draftID {
                finished = true
                effects.append(.finish(draftID))
            }
            return effects
        case .left, .escape, .backspace:
            screen = .preferences
            statementCursor = PreferenceCheck.statements.count - 1
        default:
            break
        }
        return []
    }

    private mutating func updateSummary(_ key: Key) -> [Effect] {
        switch key {
        case .down, .character("j"): scroll += 1
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .pageDown, .character(" "): scroll += max(1, height - 6)
        case .pageUp: scroll = max(0, scroll - max(1, height - 6))
        case .left, .escape, .backspace: openChoice()
        case .enter: return [.quit]
        default: break
        }
        return []
    }

    // MARK: - Queries

    /// The selected behaviour's position, 1-based, and the number of behaviours ("vraag 17 van 44").
    public var question: (number: Int, of: Int) { (cursor + 1, behaviours.count) }
    public var answeredCount: Int { behaviours.filter { scan.answers[$0.id]?.score != nil }.count }
    public var selectedBehaviour: Behaviour? { behaviours.indices.contains(cursor) ? behaviours[cursor] : nil }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
