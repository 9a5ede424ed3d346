import Testing

@testable import LOBCore

/// 360° feedback: the maths of blind spots and agreement, and the privacy rule for colleagues.
struct FeedbackTests {
    static let profile = Profile(id: "p", title: "P", behaviours: ["1.1", "1.2", "2.1"], defaultTarget: 3)
    static let date = SchoolDate("2026-11-24")!

    static func colleague(_ id: String, _ ratings: [Behaviour.ID: Int], remark: String? = nil) -> FeedbackResponse {
        FeedbackResponse(
            id: id, subject: "Jan", group: .collega, profileID: "p", date: date, ratings: ratings,
            remarks: remark.map { [1: $0] } ?? [:])
    }

    static let scan = Scan(
        teacher: "Jan", profileID: "p", date: date,
        answers: ["1.1": .init(score: 4), "1.2": .init(score: 1), "2.1": .init(score: 3)])

    /// Dutch plurals are words of their own, not the singular with "en" ("collegaen", "leidinggevendeen").
    @Test func every_rater_group_has_its_singular_and_plural() async {
        #expect(
            RaterGroup.allCases.map { [$0.word, $0.plural] } == [
                ["leidinggevende", "leidinggevenden"], ["collega", "collega's"], ["leerling", "leerlingen"],
            ])
    }

    @Test func two_colleagues_are_no_group_three_are() async throws {
        let two = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile,
            responses: [Self.colleague("a", ["1.1": 2]), Self.colleague("b", ["1.1": 3])])
        let first = try #require(two.behaviours.first)
        #expect(first.colleagues == nil && first.withheld == .tooFew)
        #expect(two.colleaguesAnswered == 2)
        let three = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile,
            responses: [
                Self.colleague("a", ["1.1": 2]), Self.colleague("b", ["1.1": 3]), Self.colleague("c", ["1.1": 4]),
            ])
        let shown = try #require(three.behaviours.first?.colleagues)
        #expect(shown.n == 3 && shown.mean == 3)
        // With three, one rater beside the teacher rated could work out the other two from a spread: none is shown.
        #expect(shown.spread == nil)
        // 1.2 was rated by nobody: nothing shown, nothing withheld.
        #expect(three.behaviours[1].colleagues == nil && three.behaviours[1].withheld == nil)
    }

    /// The insider: with three raters, one of them beside the teacher rated could work out the other two from the
    /// mean and the spread; a remark names its author more easily than a number; a mean at the scale's end tells all.
    @Test func a_small_rater_group_shows_its_mean_only_and_no_remarks() async throws {
        func raters(_ ratings: [Int]) -> [FeedbackResponse] {
            ratings.enumerated().map { index, rating in
                var response = Self.colleague("r\(index)", ["1.1": rating])
                response.remarks = [1: "opmerking \(index)"]
                return response
            }
        }
        let three = FeedbackAnalysis(scan: Self.scan, profile: Self.profile, responses: raters([1, 2, 4]))
        let group = try #require(three.behaviours.first?.colleagues)
        #expect(group.n == 3 && group.spread == nil && !three.behaviours[0].agree)
        #expect(three.competencies.first?.colleagueRemarks == [])
        let five = FeedbackAnalysis(scan: Self.scan, profile: Self.profile, responses: raters([2, 2, 3, 3, 2]))
        #expect(five.behaviours.first?.colleagues?.spread != nil && five.behaviours[0].agree)
        #expect(five.competencies.first?.colleagueRemarks.count == 5)
        // All at the top, or all but one with the one next to them: the mean would tell each rating.
        for ratings in [[4, 4, 4], [4, 4, 3], [1, 1, 2, 1, 1]] {
            let analysis = FeedbackAnalysis(scan: Self.scan, profile: Self.profile, responses: raters(ratings))
            #expect(analysis.behaviours[0].colleagues == nil && analysis.behaviours[0].withheld == .sameAnswers)
        }
    }

    @Test func blind_spots_hidden_strengths_and_agreement() async throws {
        let responses =
            ["a", "b", "c", "d", "e"].map { Self.colleague($0, ["1.1": 2, "1.2": 3, "2.1": 3]) }
            + [
                FeedbackResponse(
                    id: "l", subject: "Jan", group: .leidinggevende, profileID: "p", date: Self.date,
                    ratings: ["1.1": 2, "1.2": 4, "2.1": 1])
            ]
        let analysis = FeedbackAnalysis(scan: Self.scan, profile: Self.profile, responses: responses)
        // 1.1: self 4, others 2: a blind spot. 1.2: self 1, others 3: a hidden strength. 2.1: self 3, others 3.
        #expect(analysis.blindSpots.map(\.behaviour.id) == ["1.1"])
        #expect(analysis.hiddenStrengths.map(\.behaviour.id) == ["1.2"])
        // Colleagues agree on all three; the leidinggevende is close on 1.1 only.
        #expect(analysis.agreements.map(\.behaviour.id) == ["1.1"])
        #expect(analysis.leidinggevendeAnswered && analysis.colleaguesAnswered == 5)
        let first = try #require(analysis.competencies.first)
        #expect(first.selfMean == 2.5 && first.leidinggevendeMean == 3 && first.colleaguesMean == 2.5)
    }

    @Test func without_colleagues_the_leidinggevende_is_the_others_view() async throws {
        let analysis = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile,
            responses: [
                FeedbackResponse(
                    id: "l", subject: "Jan", group: .leidinggevende, profileID: "p", date: Self.date,
                    ratings: ["1.1": 2])
            ])
        #expect(analysis.behaviours[0].others == 2 && analysis.behaviours[0].reading == .blindSpot)
        #expect(analysis.behaviours[0].agree == false)
    }

    @Test func a_later_report_cannot_be_subtracted_to_one_colleague() async throws {
        let first = ["a", "b", "c"].map { Self.colleague($0, ["1.1": 3]) }
        let before = FeedbackAnalysis(scan: Self.scan, profile: Self.profile, responses: first)
        #expect(before.behaviours[0].colleagues?.n == 3)
        // One more colleague: the difference would be his rating, so the figure is withheld.
        let one = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile, responses: first + [Self.colleague("d", ["1.1": 1])],
            earlier: [before.release])
        #expect(one.behaviours[0].colleagues == nil && one.behaviours[0].withheld == .changeTooSmall)
        // Three more: a group again.
        let three = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile,
            responses: first + ["d", "e", "f"].map { Self.colleague($0, ["1.1": 1]) }, earlier: [before.release])
        #expect(three.behaviours[0].colleagues?.n == 6)
        // One fewer than shown before (a response removed): withheld too.
        let fewer = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile,
            responses: Array(first.prefix(2)) + [Self.colleague("g", ["1.1": 4])], earlier: [before.release])
        #expect(fewer.behaviours[0].colleagues == nil)
    }

    @Test func remarks_of_colleagues_only_with_their_group_and_in_an_order_that_tells_nothing() async throws {
        let two = FeedbackAnalysis(
            scan: nil, profile: Self.profile,
            responses: [Self.colleague("a", ["1.1": 2], remark: "Zo"), Self.colleague("b", ["1.1": 3], remark: "Aa")])
        #expect(two.competencies[0].colleagueRemarks.isEmpty)
        // Remarks need a group of five (a number of three is shown, a remark of one of three is not).
        let three = FeedbackAnalysis(
            scan: nil, profile: Self.profile,
            responses: [
                Self.colleague("a", ["1.1": 2], remark: "Zo"), Self.colleague("b", ["1.1": 3], remark: "Aa"),
                Self.colleague("c", ["1.1": 3]),
            ])
        #expect(three.behaviours[0].colleagues?.n == 3 && three.competencies[0].colleagueRemarks.isEmpty)
        let five = FeedbackAnalysis(
            scan: nil, profile: Self.profile,
            responses: [
                Self.colleague("a", ["1.1": 2], remark: "Zo"), Self.colleague("b", ["1.1": 3], remark: "Aa"),
                Self.colleague("c", ["1.1": 3]), Self.colleague("d", ["1.1": 2]), Self.colleague("e", ["1.1": 3]),
            ])
        #expect(five.competencies[0].colleagueRemarks == ["Aa", "Zo"])
        #expect(five.behaviours[0].selfScore == nil && five.behaviours[0].reading == nil)
    }

    @Test func the_combined_picture_is_the_mean_of_self_and_others_rounded_down() async {
        let responses = zip(["a", "b", "c"], [3, 3, 4]).map { Self.colleague($0, ["1.1": 2, "1.2": $1]) }
        let analysis = FeedbackAnalysis(scan: Self.scan, profile: Self.profile, responses: responses)
        let combined = analysis.combined(Self.scan)
        // 1.1: (4 + 2) / 2 = 3. 1.2: (1 + 3,33) / 2 = 2,17, down to 2. 2.1: no others, his own 3.
        #expect(combined.answers["1.1"]?.score == 3 && combined.answers["1.2"]?.score == 2)
        #expect(combined.answers["2.1"]?.score == 3)
        #expect(analysis.conversationTopics.map(\.behaviour.id) == ["1.1", "1.2"])
    }

    @Test func pupils_are_a_group_of_their_own_beside_the_colleagues() async throws {
        func pupil(_ id: String, _ level: Int) -> FeedbackResponse {
            FeedbackResponse(
                id: id, subject: "Jan", group: .leerling, profileID: "p", date: Self.date, ratings: ["1.1": level])
        }
        let colleagues = ["a", "b", "c"].map { Self.colleague($0, ["1.1": 2]) }
        let two = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile, responses: colleagues + [pupil("x", 4), pupil("y", 4)])
        #expect(two.behaviours[0].pupils == nil && two.behaviours[0].pupilsWithheld == .tooFew)
        #expect(two.behaviours[0].colleagues?.mean == 2 && two.pupilsAnswered == 2)
        let three = FeedbackAnalysis(
            scan: Self.scan, profile: Self.profile,
            responses: colleagues + [pupil("x", 4), pupil("y", 4), pupil("z", 1)])
        #expect(three.behaviours[0].pupils?.n == 3 && three.behaviours[0].pupils?.mean == 3)
        // The others' view stays the colleagues': pupils do not move a blind spot.
        #expect(three.behaviours[0].others == 2 && three.behaviours[0].reading == .blindSpot)
        // A pupil's figure is never counted as a colleague's, nor the other way round.
        #expect(three.release.counted["1.1"] == ["a", "b", "c"])
        #expect(three.release.counted["leerling:1.1"] == ["x", "y", "z"])
    }
}
