import Foundation
import GRDB
import LOBCore

extension LOBDatabase: EvaluationStore {
    public func importLogbooks(_ logbooks: [YearLogbook], threshold: Int) async throws -> [LogbookImport.Outcome] {
        try await write { db in
            let years = Set(logbooks.map(\.schoolYear)).sorted()
            var current: [YearLogbook] = []
            for year in years { current += try Self.yearLogbooks(db, year) }
            let (outcomes, store) = LogbookImport.decide(logbooks, current: current)
            for logbook in store {
                try db.execute(
                    sql: """
                        INSERT INTO yearLogbook (schoolYear, teacherKey, teacher, date, body) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (schoolYear, teacherKey) DO UPDATE SET
                            teacher = excluded.teacher, date = excluded.date, body = excluded.body
                        """,
                    arguments: [
                        logbook.schoolYear, logbook.key, logbook.teacher, logbook.date.description,
                        try Self.json(logbook),
                    ])
            }
            for year in Set(store.map(\.schoolYear)).sorted() {
                let earlier = try String.fetchAll(
                    db, sql: "SELECT release FROM yearRelease WHERE schoolYear = ? ORDER BY id", arguments: [year]
                ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
                let release = SchoolEvaluation.release(
                    try Self.yearLogbooks(db, year), threshold: threshold, earlier: earlier)
                try db.execute(
                    sql: "INSERT INTO yearRelease (schoolYear, release) VALUES (?, ?)",
                    arguments: [year, try Self.json(release)])
            }
            return outcomes
        }
    }

    public func yearLogbooks(schoolYear: String) async throws -> [YearLogbook] {
        try await read { db in try Self.yearLogbooks(db, schoolYear) }
    }

    public func evaluationRelease(schoolYear: String) async throws -> PrivacyRule.Release? {
        try await read { db in
            try String.fetchOne(
                db, sql: "SELECT release FROM yearRelease WHERE schoolYear = ? ORDER BY id DESC LIMIT 1",
                arguments: [schoolYear]
            ).map { try JSONDecoder().decode(PrivacyRule.Release.self, from: Data($0.utf8)) }
        }
    }

    public func evaluationYears() async throws -> [String] {
        try await read { db in
            try String.fetchAll(
                db,
                sql: "SELECT schoolYear FROM yearLogbook UNION SELECT schoolYear FROM schoolIndicator ORDER BY 1")
        }
    }

    public func saveIndicators(_ indicators: [SchoolIndicator], schoolYear: String) async throws {
        try await write { db in
            try db.execute(sql: "DELETE FROM schoolIndicator WHERE schoolYear = ?", arguments: [schoolYear])
            for (position, indicator) in indicators.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO schoolIndicator (schoolYear, position, name, value, unit, source)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        schoolYear, position, indicator.name, String(indicator.value), indicator.unit,
                        indicator.source,
                    ])
            }
        }
    }

    public func indicators(schoolYear: String) async throws -> [SchoolIndicator] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT name, value, unit, source FROM schoolIndicator WHERE schoolYear = ? ORDER BY position",
                arguments: [schoolYear]
            ).compactMap { row in
                guard let value = Double(row["value"] as String) else { return nil }
                return SchoolIndicator(name: row["name"], value: value, unit: row["unit"], source: row["source"])
            }
        }
    }

    static func yearLogbooks(_ db: Database, _ year: String) throws -> [YearLogbook] {
        try String.fetchAll(
            db, sql: "SELECT body FROM yearLogbook WHERE schoolYear = ? ORDER BY teacherKey", arguments: [year]
        ).map { try JSONDecoder().decode(YearLogbook.self, from: Data($0.utf8)) }
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
