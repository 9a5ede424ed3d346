/// Something worked out once per distinct profile, for the thousands of scans of a team or a board that share a
/// handful of profiles. A profile is found by its id and then compared, which is immediate for the one value scans
/// read together share: hashing a whole profile for every scan would cost more than the work it saves.
public struct PerProfile<Value> {
    /// In the order the profiles were first met.
    public private(set) var values: [Value] = []
    private var profiles: [Profile] = []
    private var byID: [String: [Int]] = [:]

    public init() {}

    /// The place of `profile`'s value in `values`, made by `make` the first time the profile is met.
    public mutating func index(of profile: Profile, make: (Profile) throws -> Value) rethrows -> Int {
        if let found = byID[profile.id]?.first(where: { profiles[$0] == profile }) { return found }
        values.append(try make(profile))
        profiles.append(profile)
        byID[profile.id, default: []].append(values.count - 1)
        return values.count - 1
    }

    /// `profile`'s value, made by `make` the first time.
    public mutating func value(for profile: Profile, make: (Profile) throws -> Value) rethrows -> Value {
        values[try index(of: profile, make: make)]
    }
}
