import Crypto
import Foundation
import LOBCore

/// `lob form`: the self-scan as one self-contained HTML file that a colleague opens in any browser, answers offline
/// and turns into a scan file (`docs/scan-file.md`) that `lob scan --answers` and `lob team import` read unchanged.
///
/// The page, its style and its script are source files of their own (`Resources/`); this type only fills in the
/// questionnaire (profile, scale, portraits, self-check) as JSON and a Content-Security-Policy that allows exactly
/// the embedded style and script by their hashes and nothing from the network.
public enum ScanForm {
    public enum Failure: Error, Equatable {
        /// The resources were not installed beside the executable.
        case missingResource(String)
        /// Feedback from pupils asked of a profile without pupil-worded statements.
        case noPupilStatements(String)
    }

    /// The page served through a colleague's personal link (`lob serve`): the same pages, but every answer is saved
    /// on the server as it is given (PUT `save`, JSON state), and the scan is handed in (POST `handIn`, the scan
    /// file) instead of downloaded. Both carry `csrf` in the `X-CSRF-Token` header.
    public struct ServerLink: Encodable, Sendable {
        /// The invited colleague's name: fixed, he does not type it.
        public let name: String
        public let save: String
        public let handIn: String
        public let csrf: String
        /// The state saved last time (JSON), to resume.
        public let draft: String?

        public init(name: String, save: String, handIn: String, csrf: String, draft: String?) {
            self.name = name
            self.save = save
            self.handIn = handIn
            self.csrf = csrf
            self.draft = draft
        }
    }

    /// The whole HTML file. Same inputs, same bytes.
    /// With `feedbackFor`, the form asks a colleague or the leidinggevende to rate that teacher on the same
    /// behaviours (360° feedback, `docs/feedback.md`) and saves a feedback file instead of a scan file; with
    /// `followUp` as well, it asks only those behaviours (a plan's goal behaviours) and marks the file a follow-up.
    public static func html(
        profile: Profile, team: String?, feedbackFor: (subject: String, group: RaterGroup)? = nil,
        followUp: Set<Behaviour.ID>? = nil, server: ServerLink? = nil, catalogue: Catalogue = .standard,
        scale: Scale = .standard
    ) throws(Failure) -> String {
        if feedbackFor?.group == .leerling, (profile.pupilStatements ?? [:]).isEmpty {
            throw .noPupilStatements(profile.id)
        }
        let page = try resource("scan-form", "html")
        let style = try resource("scan-form", "css")
        let script = try resource("scan-form", "js")
        let data = Questionnaire(
            profile: profile, team: team, catalogue: catalogue, scale: scale, feedback: feedbackFor, server: server,
            followUp: feedbackFor == nil ? nil : followUp)
        // Offline nothing may leave the page; served, it may talk to its own server only.
        let policy = [
            "default-src 'none'", "script-src '\(hash(script))'", "style-src '\(hash(style))'", "img-src data:",
            server == nil ? nil : "connect-src 'self'", "base-uri 'none'", "form-action 'none'",
        ].compactMap { $0 }.joined(separator: "; ")
        // One pass over the template, so text from a profile can never be read as a placeholder.
        let values = [
            "policy": escape(policy),
            "title": escape(
                feedbackFor.map { "\(followUp == nil ? "Feedback" : "Vervolgmeting") voor \($0.subject)" }
                    ?? "Zelfscan \(profile.title)"),
            "style": style,
            "script": script, "data": data.json,
        ]
        return fill(page, values)
    }

    /// `{{name}}` replaced by `values[name]`.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound])
            result += values[name] ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The CSP source expression of an inline element's exact text (also what `lob serve` allows its pages' inline
    /// elements by).
    public static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func resource(_ name: String, _ ext: String) throws(Failure) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw .missingResource("\(name).\(ext)") }
        return text
    }
}
