import Foundation
import LOBCore

/// All profiles a user can choose from: the shipped ones, then the school's own folders, later folders
/// overriding earlier ones by id (so a school's edited copy of `loopbaanbegeleider-vmbo` wins).
public struct ProfileLibrary: Sendable {
    public struct Entry: Sendable {
        public let profile: Profile
        public let url: URL
    }

    /// Valid profiles by id, sorted by id.
    public private(set) var entries: [Entry]
    /// Files that could not be read; they are left out of `entries`.
    public private(set) var problems: [FormatError]

    /// Reads every `*.yaml` file of the folders, in order; a missing folder is skipped.
    public init(folders: [URL], catalogue: Catalogue = .standard) {
        var byID: [String: Entry] = [:]
        var problems: [FormatError] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let url = folder.appendingPathComponent(name)
                do {
                    let profile = try ProfileFile.load(url, catalogue: catalogue)
                    byID[profile.id] = Entry(profile: profile, url: url)
                } catch {
                    problems.append(error)
                }
            }
        }
        self.entries = byID.values.sorted { $0.profile.id < $1.profile.id }
        self.problems = problems
    }

    public func profile(_ id: String) -> Profile? { entries.first { $0.profile.id == id }?.profile }
}
