import Foundation
import LOBFormats

/// File and folder arguments as every import reads them (`team import`, `feedback import`).
enum FileArguments {
    /// The paths in a `--files-from` list: one per line, empty lines and a final newline left out.
    static func listed(_ list: String?) throws -> [String] {
        guard let list else { return [] }
        let kind = InputFile(name: "een lijst van bestanden", maximumBytes: 16 << 20)
        let data: Data
        do { data = try kind.read(InputFile.url(list)) } catch { throw Output.fail(error) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Output.fail("\(Excerpt.visible(list)): de lijst is geen UTF-8-tekst; niets ingelezen")
        }
        return text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    /// Files as given; a folder gives its scan files in name order, and every other file in it is named with the reason
    /// it is not read.
    static func expand(_ arguments: [String]) throws -> [String] {
        let selection = InputSelection(arguments, extensions: ["yaml", "yml", "json"])
        if let missing = selection.missing.first {
            throw Output.fail("\(Excerpt.visible(missing)): bestand niet gevonden; niets ingelezen")
        }
        if let unreadable = selection.unreadable.first {
            throw Output.fail("\(Excerpt.visible(unreadable.path)): \(unreadable.reason); niets ingelezen")
        }
        for skipped in selection.skipped + selection.emptyFolders {
            Output.warn("\(Excerpt.visible(skipped.path)): \(skipped.reason)")
        }
        if !selection.skipped.isEmpty {
            Output.warn(
                "\(selection.skipped.count) \(selection.skipped.count == 1 ? "bestand" : "bestanden") in de map niet ingelezen (zie boven)"
            )
        }
        return selection.files
    }
}
