import Foundation
import LOBCore
import LOBFormats
import LOBShippedProfiles

/// One reader of `lob`, fed the bytes of one input: every reader must refuse what it cannot read with a
/// `FormatError`, never crash, hang or grow without bound. `Tests/fuzz/run.sh` runs each under libFuzzer with
/// AddressSanitizer (docs/fuzzing.md); without the fuzzer, `lob-fuzz READER FILE…` replays files through it.
enum FuzzTarget: String, CaseIterable {
    case scan, feedback, profile, costs, schoolscan
    case surveyCSV = "survey-csv"
    case surveyXLSX = "survey-xlsx"
    case mapping
    case invite
    /// A database address (the first line) and a password file (the rest).
    case pgaddress
    /// A teacher's logbook of a school year, and a school's indicators (CSV).
    case logbook, indicators
    /// The reactions downloaded from the offline page (`lob plan react --file`).
    case reactions

    /// A logbook of two activities for the reactions to meet.
    static let reactionLogbook = [
        ActivityDone(
            id: 1, planScanID: 1, competency: 2, formID: "meedraaien-collega",
            formName: "Meedraaien met een getalenteerde LOB-collega", date: SchoolDate("2026-12-10")!, minutes: 360,
            cents: 18_000),
        ActivityDone(
            id: 2, planScanID: 1, competency: 2, formID: "training-loopbaangesprekken",
            formName: "Training loopbaangesprekken in dialoog", date: SchoolDate("2026-12-11")!, minutes: 720,
            cents: 27_500),
    ]

    static let library = ProfileLibrary(folders: [ShippedProfiles.directory].compactMap { $0 })
    static func profile(_ id: String) -> Profile? { library.profile(id) }

    /// Reads the bytes as this kind of file; a refusal is the reader's answer, anything else a finding.
    func run(_ data: Data) {
        do {
            switch self {
            case .scan: _ = try ScanFile.decode(data: data, file: "f", profile: Self.profile)
            case .feedback: _ = try FeedbackFile.decode(data: data, file: "f", profile: Self.profile)
            case .profile: _ = try ProfileFile.decode(data: data, file: "f")
            case .costs: _ = try ActivityCatalogueFile.decode(data: data, file: "f")
            case .schoolscan: _ = try SchoolScanFile.decode(data: data, file: "f")
            case .surveyCSV, .surveyXLSX:
                // The xlsx corpus starts with a zip's bytes, the CSV corpus with text: the same entry reads both.
                let table = try SurveyTable.decode(data, file: "f")
                _ = table.rows.count
            case .mapping: _ = try SurveyMapping.decode(data: data, file: "f", profile: Self.profile)
            case .invite: _ = try InvitationList.invitees(data, file: "f", csv: data.first == UInt8(ascii: "n"))
            case .pgaddress:
                let text = String(decoding: data, as: UTF8.self)
                let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                let address = try PostgresAddress(String(lines.first ?? ""), environment: [:])
                _ = PasswordFile.password(in: lines.count > 1 ? String(lines[1]) : "", for: address)
            case .logbook:
                // What the school does with one: decide a release over it, as an import does.
                let logbook = try LogbookFile.decode(data: data, file: "f")
                _ = SchoolEvaluation.release([logbook], threshold: 3, earlier: [])
            case .indicators: _ = try IndicatorFile.decode(data, file: "f")
            case .reactions:
                // What the command does with one: meet the logbook it names.
                let (sheet, _) = try ReactionFile.decode(data: data, file: "f")
                _ = try? LogbookEntry.reactions(sheet, teacher: "Jan de Vries", done: Self.reactionLogbook)
            }
        } catch {
            // A FormatError: refused, as it should be.
        }
    }

    /// The reader named by `LOB_FUZZ_TARGET`.
    static var current: FuzzTarget {
        let name = ProcessInfo.processInfo.environment["LOB_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(
                Data("LOB_FUZZ_TARGET: verwacht een van \(allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }
}

#if FUZZING
/// libFuzzer's entry: it calls this with every input it makes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzTarget.selected.run(Data(bytes: bytes, count: count))
    return 0
}

extension FuzzTarget {
    nonisolated(unsafe) static let selected = current
}
#else
/// Without the fuzzer: `lob-fuzz READER FILE…` replays inputs (the seed corpus, the crashes kept) through a reader.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("gebruik: lob-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) BESTAND…")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            target.run(data)
            count += 1
        }
        print("\(name): \(count) invoer zonder crash")
    }
}
#endif
