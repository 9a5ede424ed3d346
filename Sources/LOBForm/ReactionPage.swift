import Foundation
import LOBCore

/// The offline page on which a teacher gives his reactions (Kirkpatrick's first level) to the activities of his plan
/// that await one, in any browser, and downloads them as a file of reactions (`ReactionFile`) for his own logbook.
/// Unlike a blank scan form it names him and what he did: his, written readable by him only.
public enum ReactionPage {
    struct Data: Encodable {
        struct Activity: Encodable {
            let id: Int64
            let name: String
            let date: String
            let dateText: String
        }
        let formatVersion = 1
        let teacher: String
        let planScan: Int64
        let activities: [Activity]
        let satisfiedQuestion = Reaction.satisfiedQuestion
        let usableQuestion = Reaction.usableQuestion
        let satisfiedLabels = Reaction.satisfiedLabels
        let usableLabels = Reaction.usableLabels
        let remarkLength = Reaction.remarkLength
        let version = LOBSpiegel.version
    }

    /// The whole HTML file for `activities` of the plan made from scan `planScanID` of `teacher`. Same inputs, same
    /// bytes.
    public static func html(
        teacher: String, planScanID: Int64, activities: [ActivityDone]
    ) throws(ScanForm.Failure) -> String {
        let page = try ScanForm.resource("reaction-page", "html")
        let style = try ScanForm.resource("scan-form", "css")
        let script = try ScanForm.resource("reaction-page", "js")
        let data = Data(
            teacher: teacher, planScan: planScanID,
            activities: activities.map {
                Data.Activity(id: $0.id, name: $0.formName, date: $0.date.description, dateText: $0.date.dutch)
            })
        // Nothing may leave the page: no connections, no form posts, only its own style and script.
        let policy = [
            "default-src 'none'", "script-src '\(ScanForm.hash(script))'", "style-src '\(ScanForm.hash(style))'",
            "base-uri 'none'", "form-action 'none'",
        ].joined(separator: "; ")
        return ScanForm.fill(
            page,
            [
                "policy": ScanForm.escape(policy), "title": ScanForm.escape("Reacties van \(teacher)"),
                "style": style, "script": script, "data": Questionnaire.scriptJSON(data),
            ])
    }
}
