/// Failed links and logins per client address: after `limit` within `window` seconds, the address is refused
/// (429) until the oldest failure is older than the window. Guessing a 256-bit link is hopeless anyway; this keeps
/// a password guesser slow and the logs quiet. Kept in memory: a restart forgets it, which costs an attacker nothing
/// he could not get by waiting.
actor FailureLimit {
    private let limit: Int
    private let window: Int64
    private var failures: [String: [Int64]] = [:]
    /// Bounded, so that a flood of addresses cannot fill memory.
    private let maximumAddresses = 10_000

    init(limit: Int, window: Int64) {
        self.limit = limit
        self.window = window
    }

    func isBlocked(_ address: String, now: Int64) -> Bool {
        recent(address, now: now).count >= limit
    }

    func record(_ address: String, now: Int64) {
        var list = recent(address, now: now)
        list.append(now)
        if failures[address] == nil && failures.count >= maximumAddresses {
            // Forget the addresses whose failures are oldest.
            let oldest = failures.sorted { ($0.value.last ?? 0) < ($1.value.last ?? 0) }.prefix(maximumAddresses / 10)
            for (key, _) in oldest { failures[key] = nil }
        }
        failures[address] = list
    }

    private func recent(_ address: String, now: Int64) -> [Int64] {
        let list = (failures[address] ?? []).filter { now - $0 < window }
        failures[address] = list.isEmpty ? nil : list
        return list
    }
}
