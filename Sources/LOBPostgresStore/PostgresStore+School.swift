import LOBCore
import PostgresNIO

extension PostgresStore: SchoolStore {
    public func saveSchoolScan(_ scan: SchoolScan) async throws {
        try await write { session in
            try await session.execute(
                "DELETE FROM schoolScan WHERE school = \(scan.school) AND schoolYear = \(scan.schoolYear)")
            let id = try await session.value(
                """
                INSERT INTO schoolScan (school, schoolYear, date)
                VALUES (\(scan.school), \(scan.schoolYear), \(scan.date.description)) RETURNING id
                """, as: Int64.self)!
            for (aspect, answer) in scan.answers.sorted(by: { $0.key < $1.key }) {
                try await session.execute(
                    """
                    INSERT INTO schoolScanAnswer (schoolScanId, aspectId, current, wished)
                    VALUES (\(id), \(aspect), \(answer.current.rawValue), \(answer.wished?.rawValue))
                    """)
            }
        }
    }

    public func schoolScans() async throws -> [SchoolScan] {
        try await read { session in
            var byScan: [Int64: [Aspect.ID: SchoolScan.Answer]] = [:]
            for row in try await session.rows("SELECT schoolScanId, aspectId, current, wished FROM schoolScanAnswer") {
                let (scan, aspect, current, wished) = try row.decode((Int64, Int, String, String?).self)
                guard let current = SchoolModel.ID(rawValue: current) else { continue }
                byScan[scan, default: [:]][aspect] = SchoolScan.Answer(
                    current: current, wished: wished.flatMap(SchoolModel.ID.init(rawValue:)))
            }
            return try await session.rows(
                "SELECT id, school, schoolYear, date FROM schoolScan ORDER BY schoolYear, date, id"
            ).compactMap { row in
                let (id, school, year, date) = try row.decode((Int64, String, String, String).self)
                guard let date = SchoolDate(date) else { return nil }
                return SchoolScan(school: school, schoolYear: year, date: date, answers: byScan[id] ?? [:])
            }
        }
    }
}
