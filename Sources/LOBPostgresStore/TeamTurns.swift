/// One change of a team at a time within this process, before a connection is taken: the changes that decide a
/// team's release wait for its row lock anyway (across servers), and a hundred hand-ins waiting there each holding
/// one of the pool's connections left none for the saves of everyone else (p99 of a save 70 ms instead of 14,
/// measured with lob-bench serve-postgres).
actor TeamTurns {
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` when no other change of `team` runs in this process.
    func run<T: Sendable>(_ team: String, _ body: @Sendable () async throws -> T) async throws -> T {
        await take(team)
        do {
            let result = try await body()
            give(team)
            return result
        } catch {
            give(team)
            throw error
        }
    }

    private func take(_ team: String) async {
        guard busy.contains(team) else {
            busy.insert(team)
            return
        }
        // The turn is handed over by `give`: the team stays busy.
        await withCheckedContinuation { waiting[team, default: []].append($0) }
    }

    private func give(_ team: String) {
        guard var queue = waiting[team], !queue.isEmpty else {
            busy.remove(team)
            return
        }
        let next = queue.removeFirst()
        waiting[team] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
