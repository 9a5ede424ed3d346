import Testing

@testable import LOBCore

/// The team view of 360° feedback: the differences per behaviour, and the privacy rule over members.
struct TeamFeedbackTests {
    static let profile = FeedbackTests.profile
    static let date = FeedbackTests.date

    /// A member with his self scores and, when `colleagues` is given, that many colleagues' feedback about him, each
    /// rating every behaviour as given.
    static func member(
        _ name: String, consent: Consent = .anoniem, scores: [Behaviour.ID: Int], colleagues: Int = 0,
        rating: [Behaviour.ID: Int] = [:], earlier: [PrivacyRule.Release] = []
    ) -> TeamFeedback.Member {
        let scan = TeamMemberScan(
            teacher: name, consent: consent, learningPreference: nil, date: date, profile: profile, scores: scores,
            fingerprint: Fingerprint.fnv1a(name + "\(scores.sorted { $0.key < $1.key })"))
        guard colleagues > 0 else { return TeamFeedback.Member(scan: scan, feedback: nil) }
        let responses = (0..<colleagues).map {
            FeedbackResponse(
                id: "\(name)-\($0)", subject: name, group: .collega, profileID: "p", date: date, ratings: rating)
        }
        return TeamFeedback.Member(
            scan: scan,
            feedback: FeedbackAnalysis(scan: scan.scan, profile: profile, responses: responses, earlier: earlier))
    }

    @Test func the_largest_difference_comes_first_with_its_counts() async throws {
        let members = [
            Self.member("a", scores: ["1.1": 4, "1.2": 2], colleagues: 3, rating: ["1.1": 2, "1.2": 2]),
            Self.member("b", scores: ["1.1": 3, "1.2": 2], colleagues: 3, rating: ["1.1": 3, "1.2": 3]),
            Self.member("c", scores: ["1.1": 4, "1.2": 1], colleagues: 4, rating: ["1.1": 3, "1.2": 3]),
            Self.member("d", scores: ["1.1": 4]),
        ]
        let view = TeamFeedback(team: "T", round: "r", members: members, threshold: 3, earlier: [])
        #expect(view.members == 4 && view.membersWithFeedback == 3)
        // 1.2: 0, -1, -2 → mean -1; 1.1: +2, 0, +1 → mean +1. Equal size: the catalogue's order decides.
        #expect(view.behaviours.map(\.behaviour.id) == ["1.1", "1.2"])
        let first = try #require(view.behaviours.first)
        // Two of three members in one box (blind spot, hidden strength, neither) tell the third's too, and the
        // one who differs learns the others': the counts are left out.
        #expect(first.n == 3 && first.meanDifference == 1 && first.blindSpots == nil && first.hiddenStrengths == nil)
        let second = view.behaviours[1]
        #expect(second.meanDifference == -1 && second.blindSpots == nil && second.hiddenStrengths == nil)
        // One in each box: the counts tell nobody's.
        let spread = TeamFeedback(
            team: "T", round: "r",
            members: [
                Self.member("a", scores: ["1.1": 4], colleagues: 3, rating: ["1.1": 2]),
                Self.member("b", scores: ["1.1": 3], colleagues: 3, rating: ["1.1": 3]),
                Self.member("c", scores: ["1.1": 1], colleagues: 3, rating: ["1.1": 3]),
            ], threshold: 3, earlier: [])
        let each = try #require(spread.behaviours.first)
        #expect(each.blindSpots == 1 && each.hiddenStrengths == 1)
        // 2.1: nobody rated it.
        #expect(view.withheld.isEmpty)
    }

    @Test func two_members_are_no_group_not_even_named_ones() async {
        // Both shared their scan by name: their self scores are public, what colleagues said about them is not.
        let members = [
            Self.member("a", consent: .metNaam, scores: ["1.1": 4], colleagues: 3, rating: ["1.1": 1]),
            Self.member("b", consent: .metNaam, scores: ["1.1": 4], colleagues: 3, rating: ["1.1": 2]),
        ]
        let view = TeamFeedback(team: "T", round: "r", members: members, threshold: 3, earlier: [])
        #expect(view.behaviours.isEmpty)
        #expect(view.withheld == ["1.1": .tooFew])
    }

    @Test func a_member_counts_only_where_his_own_colleagues_form_a_group() async {
        // c has two colleagues: his own report withholds them, so the team figure may not use them either.
        let members = [
            Self.member("a", scores: ["1.1": 4], colleagues: 3, rating: ["1.1": 2]),
            Self.member("b", scores: ["1.1": 4], colleagues: 3, rating: ["1.1": 3]),
            Self.member("c", scores: ["1.1": 4], colleagues: 2, rating: ["1.1": 3]),
        ]
        let view = TeamFeedback(team: "T", round: "r", members: members, threshold: 3, earlier: [])
        #expect(view.membersWithFeedback == 2)
        #expect(view.behaviours.isEmpty && view.withheld == ["1.1": .tooFew])
    }

    @Test func one_member_more_than_before_is_withheld_as_a_difference() async {
        let three = (0..<3).map { Self.member("m\($0)", scores: ["1.1": 4], colleagues: 3, rating: ["1.1": 2]) }
        let first = TeamFeedback(team: "T", round: "r", members: three, threshold: 3, earlier: [])
        #expect(first.behaviours.count == 1)
        // A fourth member's feedback arrives: the difference of the two views would be his alone.
        let four = three + [Self.member("m3", scores: ["1.1": 1], colleagues: 3, rating: ["1.1": 3])]
        let second = TeamFeedback(team: "T", round: "r", members: four, threshold: 3, earlier: [first.release])
        #expect(second.behaviours.isEmpty && second.withheld == ["1.1": .changeTooSmall])
        // New feedback about one member who counted already changes his part: the same attack, the same answer.
        var changed = three
        changed[0] = Self.member("m0", scores: ["1.1": 4], colleagues: 4, rating: ["1.1": 3])
        let third = TeamFeedback(team: "T", round: "r", members: changed, threshold: 3, earlier: [first.release])
        #expect(third.behaviours.isEmpty && third.withheld == ["1.1": .changeTooSmall])
        // Three more at once: a group again.
        let six = three + (3..<6).map { Self.member("m\($0)", scores: ["1.1": 3], colleagues: 3, rating: ["1.1": 3]) }
        let fourth = TeamFeedback(team: "T", round: "r", members: six, threshold: 3, earlier: [first.release])
        #expect(fourth.behaviours.first?.n == 6)
    }

    @Test func the_team_threshold_applies() async {
        let four = (0..<4).map { Self.member("m\($0)", scores: ["1.1": 4], colleagues: 3, rating: ["1.1": 2]) }
        #expect(TeamFeedback(team: "T", round: "r", members: four, threshold: 5, earlier: []).behaviours.isEmpty)
        #expect(TeamFeedback(team: "T", round: "r", members: four, threshold: 1, earlier: []).threshold == 3)
    }
}
