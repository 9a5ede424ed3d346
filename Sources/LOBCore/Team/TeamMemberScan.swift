/// One teacher's scan as the team sees it: the scores (never the notes), the profile it was scored against,
/// what he agreed to share, and how he learns.
public struct TeamMemberScan: Sendable, Hashable {
    public let teacher: String
    public let consent: Consent
    public let learningPreference: LearningPreference?
    public let date: SchoolDate
    public let profile: Profile
    public let scores: [Behaviour.ID: Int]
    /// A stable fingerprint of the scan's content: the same scan imported twice has the same one.
    public let fingerprint: String

    public init(
        teacher: String, consent: Consent, learningPreference: LearningPreference?, date: SchoolDate,
        profile: Profile, scores: [Behaviour.ID: Int], fingerprint: String
    ) {
        self.teacher = teacher
        self.consent = consent
        self.learningPreference = learningPreference
        self.date = date
        self.profile = profile
        self.scores = scores
        self.fingerprint = fingerprint
    }

    /// From a teacher's own scan: the notes stay with the teacher.
    public init(_ scan: Scan, profile: Profile) {
        self.init(
            teacher: scan.teacher, consent: scan.consent, learningPreference: scan.learningPreference, date: scan.date,
            profile: profile, scores: scan.answers.compactMapValues(\.score), fingerprint: scan.fingerprint)
    }

    /// As a scan, for scoring with `ScanResult`.
    public var scan: Scan {
        Scan(
            teacher: teacher, profileID: profile.id, date: date, answers: scores.mapValues { Scan.Answer(score: $0) },
            chosenPreference: learningPreference, consent: consent)
    }
}

extension Scan {
    /// FNV-1a (64 bit) over a canonical text of everything the team may store: same content, same fingerprint.
    /// Not a secret; it only recognises a scan that was imported before.
    public var fingerprint: String {
        var text =
            "\(teacher)\u{1}\(team ?? "")\u{1}\(profileID)\u{1}\(date)\u{1}\(consent.rawValue)\u{1}\(portraitPosition.map(String.init) ?? "")"
        text += "\u{1}\(chosenPreference?.rawValue ?? "")"
        for (id, answer) in answers.sorted(by: { $0.key < $1.key }) {
            text += "\u{1}\(id)=\(answer.score.map(String.init) ?? "")"
        }
        for (id, level) in preferenceAnswers.sorted(by: { $0.key < $1.key }) { text += "\u{1}\(id):\(level)" }
        return Fingerprint.fnv1a(text)
    }
}

/// FNV-1a (64 bit) as 16 hex digits: a short, stable, dependency-free content hash. Not cryptographic.
public enum Fingerprint {
    public static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
