import LOBCore

// MARK: - A teacher's own scans

extension LOBApp {
    /// Stores a finished scan unless the very same one is stored already.
    public func storeScan(_ scan: Scan, profile: Profile) async throws -> (id: Int64, new: Bool) {
        try await scans.saveIfNew(scan, profile: profile)
    }

    /// The scan with this id, or the latest finished one when `id` is nil.
    public func scan(_ id: Int64?) async throws -> StoredScan {
        if let id {
            guard let stored = try await scans.scan(id: id) else { throw AppError.noSuchScan(id) }
            return stored
        }
        guard let latest = try await scans.latestScan() else { throw AppError.noScans }
        return latest
    }

    /// A scan and, when asked, an earlier one to compare it with: what a report shows.
    public func report(
        _ id: Int64?, compareWith earlier: Int64?
    ) async throws -> (scan: StoredScan, earlier: StoredScan?) {
        (try await scan(id), try await earlier.asyncFlatMap { try await scan($0) })
    }

    /// The scholingsplan of a scan with the school's catalogue of activity forms.
    public func plan(
        _ stored: StoredScan, activities: ActivityCatalogue, options: Scholingsplan.Options
    ) -> Scholingsplan {
        Scholingsplan(scan: stored.scan, profile: stored.profile, catalogue: activities, options: options)
    }

    /// Removes a scan; `AppError.noSuchScan` when there is none.
    public func deleteScan(_ id: Int64) async throws {
        guard try await scans.deleteScan(id: id) else { throw AppError.noSuchScan(id) }
    }
}

extension LOBApp {
    /// The stored scans: finished ones, and those still being filled in.
    public func scanList() async throws -> (finished: [ScanSummary], unfinished: [ScanSummary]) {
        await (try scans.summaries(), try scans.unfinishedScans())
    }
}
