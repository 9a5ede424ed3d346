import Foundation
import LOBCore

/// The rows of a survey export read as scans by a mapping: one scan per row, every fault of every row reported with
/// its row number and column, so the teamvoorzitter can correct the export or the mapping before anything is stored.
public struct SurveyImport: Sendable {
    /// One good row.
    public struct Entry: Sendable {
        public let row: Int
        public let scan: Scan
    }

    /// The profile every row is scored against (the mapping's).
    public let profile: Profile
    public let entries: [Entry]
    /// One problem per bad row (its first fault and how many more), in row order.
    public let badRows: [(row: Int, problems: [String])]

    /// Reads `table` by `mapping`. Throws when the export and the mapping do not fit at all (a mapped column that is
    /// not in the export); a bad row is reported in `badRows`.
    public init(
        _ table: SurveyTable, mapping: SurveyMapping, profile: Profile, file: String, mappingFile: String,
        team: String?, today: SchoolDate, scale: Scale = .standard
    ) throws(FormatError) {
        var missing: [FormatError.Problem] = []
        // Each header normalized once, and found by its whole text or by a grid row's "[rij]": a lookup per mapped
        // column, not a pass over every column (a header of 16,384 columns took seconds per question).
        var byHeader: [String: Int] = [:]
        var byGridRow: [String: Int] = [:]
        for (position, text) in table.header.enumerated() {
            let header = SurveyMapping.normalized(text)
            if byHeader[header] == nil { byHeader[header] = position }
            // Google Forms names a grid question's rows "Vraag [rij]".
            if header.hasSuffix("]"), let open = header.lastIndex(of: "[") {
                let row = String(header[header.index(after: open)..<header.index(before: header.endIndex)])
                if byGridRow[row] == nil { byGridRow[row] = position }
            }
        }
        func index(_ column: SurveyMapping.Column?) -> Int? {
            guard let column else { return nil }
            let wanted = SurveyMapping.normalized(column.header)
            let candidates = [byHeader[wanted], byGridRow[wanted]].compactMap { $0 }
            guard let first = candidates.min() else {
                missing.append(
                    .init(
                        file: mappingFile, line: column.line,
                        message: "kolom \(Excerpt.quote(column.header)) staat niet in \(file)"))
                return nil
            }
            return first
        }
        let teacherColumn = index(mapping.teacher)
        let consentColumn = index(mapping.consent)
        let teamColumn = index(mapping.team)
        let dateColumn = index(mapping.date)
        let preferenceColumn = index(mapping.learningPreference)
        let portraitColumn = index(mapping.portraitPosition)
        let behaviourColumns = mapping.behaviours.map {
            (id: $0.id, column: index($0.column), header: $0.column.header)
        }
        if !missing.isEmpty {
            throw FormatError(
                missing
                    + [
                        .init(
                            file: file,
                            message:
                                "de kolommen van deze export: \(table.header.prefix(12).map { Excerpt.quote($0) }.joined(separator: ", "))\(table.header.count > 12 ? ", …" : "")"
                        )
                    ])
        }
        if team == nil && teamColumn == nil {
            throw FormatError(
                file: mappingFile, "geen team: geef --team NAAM, of noem in columns.team de kolom met het team")
        }
        if table.rows.isEmpty { throw FormatError(file: file, "heeft een kopregel maar geen antwoorden") }

        var entries: [Entry] = []
        var bad: [(row: Int, problems: [String])] = []
        let levels = scale.levels.map(\.value)
        for row in table.rows {
            var problems: [String] = []
            func cell(_ column: Int?, _ header: String) -> (text: String, header: String) {
                (column.map { row[$0] } ?? "", header)
            }
            func problem(_ header: String, _ message: String) {
                problems.append("kolom \(Excerpt.quote(header)): \(message)")
            }
            let teacher = Self.name(cell(teacherColumn, mapping.teacher.header), problem)
            let teamName =
                team
                ?? Self.name(cell(teamColumn, mapping.team?.header ?? ""), problem)
            let consentText = cell(consentColumn, mapping.consent.header)
            let consent =
                mapping.consentAnswers[SurveyMapping.normalized(consentText.text)]
                ?? Self.consentWords[SurveyMapping.normalized(consentText.text)]
            if consent == nil {
                let expected = mapping.consentAnswers.isEmpty ? ["privé", "anoniem", "met naam"] : nil
                problem(
                    consentText.header,
                    consentText.text.isEmpty
                        ? "leeg: de collega koos niet wie zijn scan mag zien"
                        : "\(Excerpt.quote(consentText.text)) staat niet onder consentAnswers\(expected.map { " (verwacht \($0.joined(separator: ", ")))" } ?? "")"
                )
            }
            var date = today
            if let dateColumn, let header = mapping.date?.header {
                if let parsed = Self.date(row[dateColumn], order: mapping.dateOrder) {
                    date = parsed
                } else {
                    problem(
                        header,
                        "\(Excerpt.quote(row[dateColumn])) is geen datum (verwacht bijvoorbeeld 24-11-2026 of 2026-11-24)"
                    )
                }
            }
            var answers: [Behaviour.ID: Scan.Answer] = [:]
            for behaviour in behaviourColumns {
                guard let column = behaviour.column else { continue }
                let text = row[column]
                if text.isEmpty { continue }
                if let level = mapping.answers[SurveyMapping.normalized(text)] {
                    if let level { answers[behaviour.id] = Scan.Answer(score: level) }
                } else if let level = Digits.int(text), levels.contains(level) {
                    answers[behaviour.id] = Scan.Answer(score: level)
                } else {
                    problem(
                        behaviour.header,
                        "antwoord \(Excerpt.quote(text)) staat niet onder answers in de mapping")
                }
            }
            var preference: LearningPreference?
            if let preferenceColumn, let header = mapping.learningPreference?.header, !row[preferenceColumn].isEmpty {
                let wanted = SurveyMapping.normalized(row[preferenceColumn])
                preference = LearningPreference.allCases.first {
                    SurveyMapping.normalized($0.name) == wanted || SurveyMapping.normalized($0.rawValue) == wanted
                }
                if preference == nil {
                    problem(
                        header,
                        "\(Excerpt.quote(row[preferenceColumn])) is geen leervoorkeur (verwacht kunst afkijken, participeren, kennis verwerven, oefenen of ontdekken)"
                    )
                }
            }
            var portrait: Int?
            if let portraitColumn, let header = mapping.portraitPosition?.header, !row[portraitColumn].isEmpty {
                let digits = row[portraitColumn].prefix { $0.isNumber }
                portrait = Digits.int(digits).flatMap { Scan.portraitRange.contains($0) ? $0 : nil }
                if portrait == nil { problem(header, "verwacht een getal van 0 t/m 10") }
            }
            guard problems.isEmpty, let teacher, let teamName, let consent else {
                bad.append((row.number, problems))
                continue
            }
            var scan = Scan(teacher: teacher, team: teamName, profileID: profile.id, date: date)
            scan.consent = consent
            scan.answers = answers
            scan.chosenPreference = preference
            scan.portraitPosition = portrait
            entries.append(Entry(row: row.number, scan: scan))
        }
        self.profile = profile
        self.entries = entries
        self.badRows = bad
    }

    /// The consent as people write it, when the mapping has no `consentAnswers`.
    static let consentWords: [String: Consent] = [
        "prive": .prive, "anoniem": .anoniem, "met naam": .metNaam, "metnaam": .metNaam,
    ]

    /// A name or team: one line of at most 120 characters without control characters.
    static func name(_ cell: (text: String, header: String), _ problem: (String, String) -> Void) -> String? {
        let text = cell.text
        if text.isEmpty {
            problem(cell.header, "leeg: verwacht een naam")
            return nil
        }
        let faults = VisibleText.lineFaults(text, maximum: VisibleText.nameLength)
        if !faults.isDisjoint(with: [.severalLines, .hidden]) {
            problem(cell.header, "een naam is één regel zonder stuurtekens")
            return nil
        }
        if faults.contains(.tooLong) {
            problem(cell.header, "een naam is hooguit \(VisibleText.nameLength) tekens, gevonden \(text.count)")
            return nil
        }
        return text
    }

    /// A date as survey tools write it, with or without a time: 2026-11-24, 24-11-2026, 24/11/2026, 24.11.2026
    /// (or 11/24/2026 with `.mdy`), 2026/11/24, or Excel's day number (46350 is 24 november 2026).
    static func date(_ text: String, order: SurveyMapping.DateOrder) -> SchoolDate? {
        let day = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? ""
        if let serial = Double(day), serial >= 1, serial < 2_958_466 {
            // Excel counts days from 30 december 1899 (its 1900 leap-year error included).
            let date = Date(timeIntervalSince1970: (serial.rounded(.down) - 25_569) * 86_400)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return make(parts.year, parts.month, parts.day)
        }
        // Digits only, a day and month of one or two, a year of two or four: no sign, no 2^32 that wraps.
        let parts =
            day.split(separator: "-", omittingEmptySubsequences: false).count == 3
            ? day.split(separator: "-", omittingEmptySubsequences: false)
            : day.split(whereSeparator: { "/.".contains($0) })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            parts.allSatisfy({ $0.count <= 4 })
        else { return nil }
        let (a, b, c) = (Int(parts[0])!, Int(parts[1])!, Int(parts[2])!)
        if parts[0].count == 4 { return parts[1].count <= 2 && parts[2].count <= 2 ? make(a, b, c) : nil }
        guard parts[0].count <= 2, parts[1].count <= 2, [2, 4].contains(parts[2].count) else { return nil }
        let year = parts[2].count == 2 ? c + 2000 : c
        return order == .dmy ? make(year, b, a) : make(year, a, b)
    }

    private static func make(_ year: Int?, _ month: Int?, _ day: Int?) -> SchoolDate? {
        guard let year, let month, let day else { return nil }
        return SchoolDate(year: year, month: month, day: day)
    }
}
