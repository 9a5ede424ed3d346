import Foundation
import Yams

/// What libyaml (through Yams) says is wrong with a file, in Dutch and at its line: every problem libyaml 0.2.5 and
/// Yams can report has its own words here, so no English reaches a Dutch message.
enum YAMLProblem {
    static func formatError(_ error: YamlError, text: String, file: String) -> FormatError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return FormatError(file: file, line: mark.line, column: mark.column, "onleesbare YAML: \(dutch(problem))")
        case .reader(let problem, let offset, _, _):
            // The reader counts bytes, not lines: a control character in a comment is found here.
            let at = offset.map { line(atByte: $0, in: text) }
            return FormatError(file: file, line: at, "onleesbare YAML: \(dutch(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map(Excerpt.quote).joined(separator: ", ")
            return FormatError(
                file: file, line: context.mark.line, column: context.mark.column,
                "sleutel \(keys) staat er dubbel in: een sleutel mag één keer voorkomen")
        default:
            return FormatError(file: file, "onleesbare YAML")
        }
    }

    /// The 1-based line of a byte offset in the UTF-8 text.
    static func line(atByte offset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(max(0, offset)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// libyaml's problem in Dutch, with a hint where one helps; one it never reported before has a Dutch wording too.
    static func dutch(_ problem: String) -> String {
        if let words = wording[problem] { return words }
        if problem.hasPrefix("Maximum nesting level") { return deep }
        return "de structuur klopt niet"
    }

    private static let deep = "dieper genest dan een LOB-spiegelbestand ooit is"
    private static let directive =
        "een regel die met % begint is geen LOB-spiegelregel (zet tekst met een % vooraan tussen aanhalingstekens)"
    private static let tag = "een tag (!) is niet toegestaan: zet tekst met een ! tussen aanhalingstekens"
    private static let encoding = "tekens die geen UTF-8 zijn: sla het bestand op als UTF-8"
    private static let utf16 = "onvolledige UTF-16-tekst: sla het bestand op als UTF-8"
    private static let anchor = "na & of * verwacht een naam: zet tekst met een & of * tussen aanhalingstekens"

    /// By libyaml's exact words (scanner.c, parser.c, reader.c) and Yams's own (Parser.swift).
    static let wording: [String: String] = [
        // Structure.
        "mapping values are not allowed in this context":
            "hier mag geen 'sleutel: waarde' staan (klopt de inspringing, of hoort de tekst tussen aanhalingstekens?)",
        "mapping keys are not allowed in this context": "hier mag geen sleutel ('? ') staan (klopt de inspringing?)",
        "block sequence entries are not allowed in this context":
            "hier mag geen lijstregel ('- ') staan (klopt de inspringing?)",
        "did not find expected key": "verwacht een sleutel (klopt de inspringing?)",
        "could not find expected ':'": "verwacht ':' na de sleutel",
        "did not find expected '-' indicator": "verwacht een lijstregel ('- ') met dezelfde inspringing",
        "did not find expected node content": "hier ontbreekt een waarde",
        "did not find expected ',' or ']'": "een lijst tussen [ ] is niet goed gesloten",
        "did not find expected ',' or '}'": "een mapping tussen { } is niet goed gesloten",
        "found unexpected ':'": "een ':' waar die niet kan staan (zet de tekst tussen aanhalingstekens)",
        "found character that cannot start any token":
            "een teken waarmee hier niets kan beginnen (een tab als inspringing? zet tekst met zulke tekens tussen aanhalingstekens)",
        "found a tab character that violates indentation": "een tab als inspringing: gebruik spaties",
        "found a tab character where an indentation space is expected": "een tab als inspringing: gebruik spaties",
        "did not find expected comment or line break":
            "na deze waarde mag op de regel alleen nog commentaar (#) staan",
        "did not find expected whitespace or line break": "verwacht een spatie of het einde van de regel",
        "did not find expected whitespace": "verwacht een spatie",
        "found unexpected end of stream":
            "het bestand houdt onverwacht op (een aanhalingsteken of haakje niet gesloten?)",
        "found unexpected document indicator":
            "een regel '---' of '...' midden in tekst tussen aanhalingstekens (niet gesloten?)",
        "found an indentation indicator equal to 0": "een tekstblok (| of >) met inspringing 0: gebruik 1 t/m 9",
        // Documents: a LOB-spiegel file is one.
        "did not find expected <document start>":
            "na het einde van het document staat nog tekst: verwacht één document (zonder '...' of '---' ertussen)",
        "did not find expected <stream-start>": "het bestand begint niet als YAML",
        "but found another document": "het bestand bevat meer dan één document (een tweede '---'): verwacht er één",
        "found incompatible YAML document": "een %YAML-regel met een versie die niet gelezen kan worden: laat hem weg",
        // Text between double quotes.
        "found unknown escape character": "een onbekende escape (\\…) tussen dubbele aanhalingstekens",
        "did not find expected hexdecimal number":
            "een escape (\\x, \\u of \\U) tussen dubbele aanhalingstekens zonder geldig hexadecimaal getal",
        "found invalid Unicode character escape code":
            "een escape (\\u of \\U) tussen dubbele aanhalingstekens die geen geldig teken is",
        // Anchors, aliases, tags and directives, which no LOB-spiegel file has.
        "found undefined alias": "een verwijzing (*) is niet toegestaan",
        "did not find expected alphabetic or numeric character": anchor,
        "found undefined tag handle": tag,
        "did not find expected '!'": tag,
        "did not find expected tag URI": tag,
        "did not find URI escaped octet": tag,
        "did not find the expected '>'": tag,
        "found duplicate %TAG directive": directive,
        "found duplicate %YAML directive": directive,
        "could not find expected directive name": directive,
        "found unexpected non-alphabetical character": directive,
        "found unknown directive name": directive,
        "did not find expected digit or '.' character": directive,
        "did not find expected version number": directive,
        "found extremely long version number": directive,
        // Characters.
        "control characters are not allowed": "het bestand bevat een onzichtbaar stuurteken",
        "found an incorrect leading UTF-8 octet": encoding,
        "found an incorrect trailing UTF-8 octet": encoding,
        "invalid leading UTF-8 octet": encoding,
        "invalid trailing UTF-8 octet": encoding,
        "incomplete UTF-8 octet sequence": encoding,
        "invalid length of a UTF-8 sequence": encoding,
        "invalid Unicode character": "een teken dat geen geldig Unicode is: sla het bestand op als UTF-8",
        "incomplete UTF-16 character": utf16,
        "incomplete UTF-16 surrogate pair": utf16,
        "expected low surrogate area": utf16,
        "unexpected low surrogate area": utf16,
        "input is too long": "het bestand is te groot",
        "input error": "het bestand kon niet gelezen worden",
    ]
}
