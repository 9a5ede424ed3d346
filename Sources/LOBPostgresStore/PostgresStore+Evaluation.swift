import Foundation
import LOBCore
import PostgresNIO

extension PostgresStore: EvaluationStore {
    public func importLogbooks(_ logbooks: [YearLogbook], threshold: Int) async throws -> [LogbookImport.Outcome] {
        try await write { session in
            let years = Set(logbooks.map(\.schoolYear)).sorted()
            // One school year's imports one after another, so that each release is decided over what the last left.
            for year in years {
                try await session.execute("SELECT pg_advisory_xact_lock(hashtext('yearLogbook' || \(year)))")
            }
            var current: [YearLogbook] = []
            for year in years { current += try await Self.yearLogbooks(session, year) }
            let (outcomes, store) = LogbookImport.decide(logbooks, current: current)
            for logbook in store {
                try await session.execute(
                    """
                    INSERT INTO yearLogbook (schoolYear, teacherKey, teacher, date, body)
                    VALUES (\(logbook.schoolYear), \(logbook.key), \(logbook.teacher), \(logbook.date.description),
                            \(try Self.json(logbook)))
                    ON CONFLICT (schoolYear, teacherKey) DO UPDATE SET
                        teacher = excluded.teacher, date = excluded.date, body = excluded.body
                    """)
            }
            for year in Set(store.map(\.schoolYear)).sorted() {
                let earlier = try await session.values(
                    "SELECT release FROM yearRelease WHERE schoolYear = \(year) ORDER BY id", as: String.self
                ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
                let release = SchoolEvaluation.release(
                    try await Self.yearLogbooks(session, year), threshold: threshold, earlier: earlier)
                try await session.execute(
                    "INSERT INTO yearRelease (schoolYear, release) VALUES (\(year), \(try Self.json(release)))")
            }
            return outcomes
        }
    }

    public func yearLogbooks(schoolYear: String) async throws -> [YearLogbook] {
        try await read { session in try await Self.yearLogbooks(session, schoolYear) }
    }

    public func evaluationRelease(schoolYear: String) async throws -> PrivacyRule.Release? {
        try await read { session in
            try await session.value(
                "SELECT release FROM yearRelease WHERE schoolYear = \(schoolYear) ORDER BY id DESC LIMIT 1",
                as: String.self
            ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
        }
    }

    public func evaluationYears() async throws -> [String] {
        try await read { session in
            try await session.values(
                "SELECT schoolYear FROM yearLogbook UNION SELECT schoolYear FROM schoolIndicator ORDER BY 1",
                as: String.self)
        }
    }

    public func saveIndicators(_ indicators: [SchoolIndicator], schoolYear: String) async throws {
        try await write { session in
            try await session.execute("DELETE FROM schoolIndicator WHERE schoolYear = \(schoolYear)")
            for (position, indicator) in indicators.enumerated() {
                try await session.execute(
                    """
                    INSERT INTO schoolIndicator (schoolYear, position, name, value, unit, source)
                    VALUES (\(schoolYear), \(position), \(indicator.name), \(String(indicator.value)),
                            \(indicator.unit), \(indicator.source))
                    """)
            }
        }
    }

    public func indicators(schoolYear: String) async throws -> [SchoolIndicator] {
        try await read { session in
            try await session.rows(
                """
                SELECT name, value, unit, source FROM schoolIndicator WHERE schoolYear = \(schoolYear)
                ORDER BY position
                """
            ).compactMap { row in
                let (name, value, unit, source) = try row.decode((String, String, String, String?).self)
                guard let value = Double(value) else { return nil }
                return SchoolIndicator(name: name, value: value, unit: unit, source: source)
            }
        }
    }

    static func yearLogbooks(_ session: Session, _ year: String) async throws -> [YearLogbook] {
        try await session.values(
            "SELECT body FROM yearLogbook WHERE schoolYear = \(year) ORDER BY teacherKey", as: String.self
        ).map { try JSONDecoder().decode(YearLogbook.self, from: Data($0.utf8)) }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
