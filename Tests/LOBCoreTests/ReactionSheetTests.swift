import Testing

@testable import LOBCore

/// What a sheet of reactions from the offline page means for the logbook it came from: every answer checked as one
/// reaction is, about an activity of that plan that is still the one the page named; all or none.
struct ReactionSheetTests {
    func date(_ text: String) -> SchoolDate { SchoolDate(text)! }

    var done: [ActivityDone] {
        [
            ActivityDone(
                id: 4, planScanID: 3, competency: 2, formID: "training", formName: "Training loopbaangesprekken",
                date: date("2026-12-10"), minutes: 720, cents: 27_500),
            ActivityDone(
                id: 5, planScanID: 3, competency: 2, formID: "intervisie", formName: "Intervisie",
                date: date("2027-01-20"), minutes: 120, cents: 0),
        ]
    }

    func answer(
        _ id: Int64, _ name: String, satisfied: Int = 4, usable: Int = 5, remark: String? = nil,
        on day: String = "2027-01-21"
    ) -> ReactionSheet.Answer {
        .init(activityID: id, activityName: name, satisfied: satisfied, usable: usable, remark: remark, date: date(day))
    }

    @Test func a_sheet_gives_each_activity_its_reaction() throws {
        let sheet = ReactionSheet(
            teacher: "Jan de Vries", planScanID: 3,
            answers: [
                answer(4, "Training loopbaangesprekken", remark: "  Direct bruikbaar \n"),
                answer(5, "Intervisie", satisfied: 2, usable: 3),
            ])
        // The name as the store writes it: the same person, whatever the case or spacing.
        let reactions = try LogbookEntry.reactions(sheet, teacher: "jan  de vries", done: done)
        #expect(reactions.map(\.activityID) == [4, 5])
        #expect(
            reactions.map(\.reaction) == [
                Reaction(satisfied: 4, usable: 5, remark: "Direct bruikbaar", date: date("2027-01-21")),
                Reaction(satisfied: 2, usable: 3, remark: nil, date: date("2027-01-21")),
            ])
    }

    @Test func every_fault_is_named_and_nothing_is_given() {
        let sheet = ReactionSheet(
            teacher: "Jan de Vries", planScanID: 3,
            answers: [
                answer(4, "Training loopbaangesprekken"),
                answer(9, "Studiedag"),
                answer(5, "Training op maat"),
                answer(4, "Training loopbaangesprekken"),
            ])
        #expect(
            throws: LogbookEntry.SheetFaults(faults: [
                .init(answer: 1, .notInPlan(9)),
                .init(answer: 2, .otherActivity(5, now: "Intervisie")),
                .init(answer: 3, .reactedTwice(4)),
            ])
        ) { try LogbookEntry.reactions(sheet, teacher: "Jan de Vries", done: done) }
        // Each answer is checked as one reaction is.
        let checked = ReactionSheet(
            teacher: "Jan de Vries", planScanID: 3,
            answers: [
                answer(5, "Intervisie", on: "2027-01-19"),
                answer(4, "Training loopbaangesprekken", satisfied: 0),
                answer(4, "Training loopbaangesprekken", usable: 6),
            ])
        #expect(
            throws: LogbookEntry.SheetFaults(faults: [
                .init(answer: 0, .reactionBeforeActivity(date("2027-01-20"))),
                .init(answer: 1, .outOfScale("tevreden")),
                .init(answer: 2, .reactedTwice(4)),
            ])
        ) { try LogbookEntry.reactions(checked, teacher: "Jan de Vries", done: done) }
    }

    @Test func a_sheet_from_another_logbook_is_refused_as_a_whole() {
        let sheet = ReactionSheet(
            teacher: "Piet Jansen", planScanID: 3, answers: [answer(4, "Training loopbaangesprekken")])
        #expect(throws: LogbookEntry.SheetFaults(faults: [.init(answer: nil, .otherTeacher("Jan de Vries"))])) {
            try LogbookEntry.reactions(sheet, teacher: "Jan de Vries", done: done)
        }
        let empty = ReactionSheet(teacher: "Jan de Vries", planScanID: 3, answers: [])
        #expect(throws: LogbookEntry.SheetFaults(faults: [.init(answer: nil, .noReactions)])) {
            try LogbookEntry.reactions(empty, teacher: "Jan de Vries", done: done)
        }
    }
}
