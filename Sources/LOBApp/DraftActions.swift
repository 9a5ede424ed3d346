import LOBCore

// MARK: - A scan filled in on the terminal, saved after every key

extension LOBApp {
    /// Where `lob scan` starts: the unfinished scan to offer to resume, and the name and team of the last scan begun.
    public struct ScanStart: Sendable {
        public let resumable: StoredScan?
        public let teacher: String?
        public let team: String?
    }

    public func scanStart() async throws -> ScanStart {
        let unfinished = try await scans.unfinishedScans()
        let resumable = try await unfinished.last.asyncFlatMap { try await scans.scan(id: $0.id) }
        let last = try await (scans.summaries() + unfinished).max { $0.id < $1.id }
        return ScanStart(resumable: resumable, teacher: last?.teacher, team: last?.team)
    }

    /// Stores an unfinished scan whole: a new one when `id` is nil, else over scan `id`. Returns its id.
    public func saveDraft(_ scan: Scan, profile: Profile, id: Int64?) async throws -> Int64 {
        guard let stored = try await scans.saveDraft(scan, profile: profile, id: id) else {
            throw AppError.noSuchScan(id ?? 0)
        }
        return stored
    }

    /// Stores one answer (nil: not answered) of an unfinished scan.
    public func saveAnswer(
        _ answer: Scan.Answer?, for behaviour: Behaviour, at position: Int, scanID: Int64
    )
        async throws
    {
        guard try await scans.saveAnswer(answer, for: behaviour, at: position, scanID: scanID) else {
            throw AppError.noSuchScan(scanID)
        }
    }

    /// Stores one answer of the learning-preference self-check (nil: not answered) of an unfinished scan.
    public func savePreferenceAnswer(_ level: Int?, statement: String, scanID: Int64) async throws {
        guard try await scans.savePreferenceAnswer(level, statement: statement, scanID: scanID) else {
            throw AppError.noSuchScan(scanID)
        }
    }

    /// Marks a scan complete: from then on it counts in lists, reports and plans.
    public func finishScan(id: Int64) async throws {
        guard try await scans.finishScan(id: id) else { throw AppError.noSuchScan(id) }
    }
}

extension Optional {
    /// `flatMap` with an asynchronous transform.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Sequence {
    /// `map` with an asynchronous transform, one element after the other.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
