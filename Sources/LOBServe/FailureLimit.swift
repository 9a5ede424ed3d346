/// Failed attempts per key (a client's address, a login, a link): after a key's limit within `window` seconds it is
/// refused (429) until its oldest failure is older than the window.
///
/// An attempt that is checked slowly (a password, a personal code) is *reserved* before the check and refunded when it
/// succeeds, in one step of this actor: a hundred wrong passwords sent at once get at most the limit of checks, not a
/// hundred. Guessing a 256-bit link is hopeless anyway; this keeps a password or code guesser slow and the logs quiet.
/// Kept in memory: a restart forgets it, which costs an attacker nothing he could not get by waiting.
actor FailureLimit {
    /// A key and the number of failures it may have in the window.
    struct Key: Sendable, Hashable {
        let name: String
        let limit: Int
    }

    private let window: Int64
    private var failures: [String: [Int64]] = [:]
    /// Bounded, so that a flood of addresses cannot fill memory.
    private let maximumKeys = 10_000

    init(window: Int64) {
        self.window = window
    }

    func isBlocked(_ key: Key, now: Int64) -> Bool {
        recent(key.name, now: now).count >= key.limit
    }

    func record(_ key: Key, now: Int64) {
        append(key.name, now: now)
    }

    /// Counts an attempt against every key before it is checked; false, counting nothing, when one of them is at its
    /// limit.
    func reserve(_ keys: [Key], now: Int64) -> Bool {
        guard !keys.contains(where: { isBlocked($0, now: now) }) else { return false }
        for key in keys { append(key.name, now: now) }
        return true
    }

    /// Takes back a reserved attempt that succeeded.
    func refund(_ keys: [Key], now: Int64) {
        for key in keys {
            guard var list = failures[key.name], let last = list.lastIndex(of: now) else { continue }
            list.remove(at: last)
            failures[key.name] = list.isEmpty ? nil : list
        }
    }

    private func append(_ name: String, now: Int64) {
        var list = recent(name, now: now)
        list.append(now)
        if failures[name] == nil && failures.count >= maximumKeys {
            // Forget the keys whose failures are oldest.
            let oldest = failures.sorted { ($0.value.last ?? 0) < ($1.value.last ?? 0) }.prefix(maximumKeys / 10)
            for (key, _) in oldest { failures[key] = nil }
        }
        failures[name] = list
    }

    private func recent(_ name: String, now: Int64) -> [Int64] {
        let list = (failures[name] ?? []).filter { now - $0 < window }
        failures[name] = list.isEmpty ? nil : list
        return list
    }
}
