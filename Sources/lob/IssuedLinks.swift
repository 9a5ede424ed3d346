import Foundation
import LOBApp
import LOBCore
import LOBFormats
import LOBServe

/// Personal links made on the command line (`lob team round open`, `lob feedback invite`): shown this once, on the
/// screen or in a CSV readable by its owner only, since only their hashes are kept.
enum IssuedLinks {
    /// The names of an invitation list, or the command's end with the list's faults.
    static func names(_ argument: String) throws -> [String] {
        do {
            return try InvitationList.load(InputFile.url(argument))
        } catch {
            throw Output.fail(error)
        }
    }

    static func deliver(_ links: [LOBApp.IssuedLink], url: String, path: String, days: Int, out: String?) throws {
        var configuration = ServeConfiguration(profile: { _ in nil }, activities: { _ in nil })
        configuration.publicURL = url
        let rows = links.map { ($0.name, configuration.link($0.token, path: path)) }
        if let out {
            let lines = rows.map { "\"\($0.0.replacingOccurrences(of: "\"", with: "\"\""))\";\($0.1)" }
            try Output.writePrivately((["naam;link"] + lines).joined(separator: "\r\n") + "\r\n", to: out)
            Output.write("\(DutchNumber.count(links.count, "link", "links")) geschreven naar \(out).\n")
        } else {
            for (name, link) in rows { Output.write("\(name)\t\(link)\n") }
        }
        Output.write(
            "Deze links worden maar één keer getoond en zijn \(days) dagen geldig. Ieder krijgt alleen zijn eigen link.\n"
        )
    }
}
