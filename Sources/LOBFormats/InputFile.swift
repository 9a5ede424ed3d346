import Foundation

/// A kind of file LOB-spiegel reads, with the largest one that is plausible: a real scan of 44 behaviours with a
/// note on each is some 30 kB, so a limit of 1 MB refuses only what no real file needs, before any work is done on it.
public struct InputFile: Sendable {
    /// "scanbestand", for messages.
    public let name: String
    public let maximumBytes: Int

    public init(name: String, maximumBytes: Int) {
        self.name = name
        self.maximumBytes = maximumBytes
    }

    /// What `-` on the command line stands for.
    public static let standardInput = URL(fileURLWithPath: "/dev/stdin")

    /// A file argument as a URL: `-` is standard input.
    public static func url(_ argument: String) -> URL {
        argument == "-" ? standardInput : URL(fileURLWithPath: argument)
    }

    public static let scan = InputFile(name: "een scanbestand", maximumBytes: 1 << 20)
    public static let feedback = InputFile(name: "een feedbackbestand", maximumBytes: 1 << 20)
    public static let profile = InputFile(name: "een profiel", maximumBytes: 1 << 20)
    public static let catalogue = InputFile(name: "een catalogus", maximumBytes: 1 << 20)
    public static let schoolScan = InputFile(name: "een schoolscan", maximumBytes: 256 << 10)
    /// 500 activities of a school year at some 200 bytes each.
    public static let logbook = InputFile(name: "een logboek", maximumBytes: 256 << 10)
    /// 500 reactions with a remark of 1,000 characters each fit.
    public static let reactions = InputFile(name: "een bestand met reacties", maximumBytes: 1 << 20)
    public static let indicators = InputFile(name: "een lijst met indicatoren", maximumBytes: 64 << 10)
    public static let document = InputFile(name: "een LOB-spiegelbestand", maximumBytes: 1 << 20)

    /// The bytes of `url`: refused first when it is missing, a folder, not a regular file (a pipe, a device, a
    /// socket) or too large, then when its first bytes show another format.
    public func read(_ url: URL) throws(FormatError) -> Data {
        let data = try readBytes(url)
        if let foreign = Self.foreignFormat(data) { throw FormatError(file: url.relativePath, foreign) }
        return data
    }

    /// The bytes of `url`, refused only when it is missing, not a regular file or too large: for a reader that
    /// takes more than text (a survey's `.xlsx`).
    public func readBytes(_ url: URL) throws(FormatError) -> Data {
        // Standard input (`-` on the command line): a pipe or a redirected file, read up to the same limit.
        if url.path == Self.standardInput.path {
            let data = (try? FileHandle.standardInput.read(upToCount: maximumBytes + 1)) ?? Data()
            guard data.count <= maximumBytes else {
                throw FormatError(
                    file: url.path, "de invoer is te groot: \(name) is hooguit \(Self.size(maximumBytes))")
            }
            return data
        }
        let path = url.relativePath
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw FormatError(
                file: path,
                errno == ENOENT ? "bestand niet gevonden" : "kan het bestand niet lezen: \(SystemError.dutch(errno))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: throw FormatError(file: path, "is een map, geen bestand: verwacht \(name)")
        case S_IFREG: break
        default:
            throw FormatError(
                file: path, "is geen gewoon bestand (maar een apparaat, pipe of socket): verwacht \(name)")
        }
        guard Int(info.st_size) <= maximumBytes else {
            throw FormatError(
                file: path,
                "is te groot (\(Self.size(Int(info.st_size)))): \(name) is hooguit \(Self.size(maximumBytes))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FormatError(file: path, "kan het bestand niet lezen: \(SystemError.dutch(errno))")
        }
        defer { try? handle.close() }
        // One byte more than allowed: a file that grew since stat is still refused.
        let data = (try? handle.read(upToCount: maximumBytes + 1)) ?? Data()
        guard data.count <= maximumBytes else {
            throw FormatError(file: path, "is te groot: \(name) is hooguit \(Self.size(maximumBytes))")
        }
        return data
    }

    /// What a file is when its first bytes show it is not YAML or JSON text: a spreadsheet, a PDF, UTF-16, a web page.
    public static func foreignFormat(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return
                "lijkt een Excel-bestand (.xlsx) of een zipbestand: verwacht YAML of JSON-tekst (een enquête-export lees je in met 'lob import survey')"
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return "lijkt een oud Excel- of Word-bestand (.xls, .doc): verwacht YAML of JSON-tekst"
        }
        if head.starts(with: Array("%PDF".utf8)) { return "lijkt een PDF: verwacht YAML of JSON-tekst" }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return "is UTF-16-tekst: sla het op als UTF-8 (in Kladblok: Opslaan als, codering UTF-8)"
        }
        // The form of `lob form` (or a saved report) given where its download belongs.
        let start = String(decoding: data.prefix(512), as: UTF8.self).drop { $0 == "\u{FEFF}" || $0.isWhitespace }
            .prefix(14).lowercased()
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") {
            return
                "is een webpagina (HTML), geen YAML of JSON: is het het formulier van 'lob form'? Open het in een browser, vul het in en lees het bestand in dat het je laat downloaden"
        }
        return nil
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20
            ? "\(DutchText.number(Double((bytes * 10) >> 20) / 10)) MB" : "\(DutchText.number(Double(bytes >> 10))) kB"
    }
}

/// The files named on a command line, with folders opened: what will be read, and every file of a folder that will
/// not be, with the reason. Symbolic links inside a folder are named, never followed silently.
public struct InputSelection: Sendable {
    public struct Skipped: Sendable, Hashable {
        public let path: String
        public let reason: String
    }

    public private(set) var files: [String] = []
    public private(set) var skipped: [Skipped] = []
    /// Arguments that name nothing.
    public private(set) var missing: [String] = []
    /// Folders named that hold nothing to read.
    public private(set) var emptyFolders: [Skipped] = []
    /// Files and folders named that are there but cannot be read (no permission, a loop of links).
    public private(set) var unreadable: [Skipped] = []

    /// `extensions` in lower case without the dot; a file's own is compared ignoring case (`.YAML` counts).
    public init(_ arguments: [String], extensions: Set<String>) {
        for argument in arguments {
            if argument == "-" {
                files.append(InputFile.standardInput.path)
                continue
            }
            var info = stat()
            guard stat(argument, &info) == 0 else {
                if errno == ENOENT {
                    missing.append(argument)
                } else {
                    unreadable.append(
                        .init(path: argument, reason: "kan niet gelezen worden: \(SystemError.dutch(errno))"))
                }
                continue
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                files.append(argument)
                continue
            }
            // A folder that cannot be opened is not "a folder without files".
            guard let folder = opendir(argument) else {
                unreadable.append(
                    .init(path: argument, reason: "is een map die niet gelezen kan worden: \(SystemError.dutch(errno))")
                )
                continue
            }
            closedir(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted()
            let before = files.count
            defer {
                if files.count == before {
                    let expected = extensions.sorted().map { "." + $0 }.joined(separator: ", ")
                    emptyFolders.append(
                        .init(path: argument, reason: "is een map zonder bestanden met de extensie \(expected)"))
                }
            }
            for name in names {
                let path = (argument as NSString).appendingPathComponent(name)
                var link = stat()
                lstat(path, &link)
                let suffix = (name as NSString).pathExtension.lowercased()
                switch link.st_mode & S_IFMT {
                case S_IFLNK:
                    skipped.append(
                        .init(
                            path: path,
                            reason:
                                "is een symbolische koppeling: niet gevolgd (noem het bestand zelf als je het wilt inlezen)"
                        ))
                case S_IFDIR:
                    skipped.append(.init(path: path, reason: "is een map: niet doorzocht"))
                case S_IFREG where extensions.contains(suffix):
                    files.append(path)
                case S_IFREG where ["xlsx", "xls", "csv", "ods"].contains(suffix):
                    skipped.append(.init(path: path, reason: "is een spreadsheet, geen scanbestand: overgeslagen"))
                case S_IFREG:
                    let expected = extensions.sorted().map { "." + $0 }.joined(separator: ", ")
                    skipped.append(.init(path: path, reason: "heeft niet de extensie \(expected): overgeslagen"))
                default:
                    skipped.append(.init(path: path, reason: "is geen gewoon bestand: overgeslagen"))
                }
            }
        }
    }
}
