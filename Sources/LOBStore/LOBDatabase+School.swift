import GRDB
import LOBCore

extension LOBDatabase: SchoolStore {
    public func saveSchoolScan(_ scan: SchoolScan) async throws {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM schoolScan WHERE school = ? AND schoolYear = ?",
                arguments: [scan.school, scan.schoolYear])
            try db.execute(
                sql: "INSERT INTO schoolScan (school, schoolYear, date) VALUES (?, ?, ?)",
                arguments: [scan.school, scan.schoolYear, scan.date.description])
            let id = db.lastInsertedRowID
            for (aspect, answer) in scan.answers.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO schoolScanAnswer (schoolScanId, aspectId, current, wished) VALUES (?, ?, ?, ?)",
                    arguments: [id, aspect, answer.current.rawValue, answer.wished?.rawValue])
            }
        }
    }

    public func schoolScans() async throws -> [SchoolScan] {
        try await read { db in
            let answers = try Row.fetchAll(
                db, sql: "SELECT schoolScanId, aspectId, current, wished FROM schoolScanAnswer")
            var byScan: [Int64: [Aspect.ID: SchoolScan.Answer]] = [:]
            for row in answers {
                guard let current = SchoolModel.ID(rawValue: row["current"]) else { continue }
                byScan[row["schoolScanId"], default: [:]][row["aspectId"]] =
                    SchoolScan.Answer(
                        current: current, wished: (row["wished"] as String?).flatMap(SchoolModel.ID.init(rawValue:)))
            }
            return try Row.fetchAll(
                db, sql: "SELECT id, school, schoolYear, date FROM schoolScan ORDER BY schoolYear, date, id"
            ).compactMap { row in
                guard let date = SchoolDate(row["date"]) else { return nil }
                return SchoolScan(
                    school: row["school"], schoolYear: row["schoolYear"], date: date, answers: byScan[row["id"]] ?? [:])
            }
        }
    }
}
