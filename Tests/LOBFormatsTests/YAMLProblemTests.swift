import Foundation
import Testing

@testable import LOBFormats

/// libyaml's English never reaches a Dutch message: every problem it can report has Dutch words, and files that
/// once showed English (a second document, text after `...`) or no line (a control character in a comment) now say
/// in Dutch what is wrong and where.
struct YAMLProblemTests {
    /// Every problem text of libyaml 0.2.5 (scanner.c, parser.c, reader.c) and Yams's Parser.swift, as written there.
    static let libyaml = [
        "Maximum nesting level reached, set with yaml_set_max_nest_level())", "did not find expected ',' or ']'",
        "did not find expected ',' or '}'", "did not find expected '-' indicator",
        "did not find expected <document start>", "did not find expected <stream-start>", "did not find expected key",
        "did not find expected node content", "found duplicate %TAG directive", "found duplicate %YAML directive",
        "found incompatible YAML document", "found undefined tag handle", "control characters are not allowed",
        "expected low surrogate area", "incomplete UTF-16 character", "incomplete UTF-16 surrogate pair",
        "incomplete UTF-8 octet sequence", "input error", "input is too long", "invalid Unicode character",
        "invalid leading UTF-8 octet", "invalid length of a UTF-8 sequence", "invalid trailing UTF-8 octet",
        "unexpected low surrogate area", "block sequence entries are not allowed in this context",
        "could not find expected ':'", "could not find expected directive name", "did not find URI escaped octet",
        "did not find expected '!'", "did not find expected alphabetic or numeric character",
        "did not find expected comment or line break", "did not find expected digit or '.' character",
        "did not find expected hexdecimal number", "did not find expected tag URI",
        "did not find expected version number", "did not find expected whitespace",
        "did not find expected whitespace or line break", "did not find the expected '>'",
        "found a tab character that violates indentation",
        "found a tab character where an indentation space is expected", "found an incorrect leading UTF-8 octet",
        "found an incorrect trailing UTF-8 octet", "found an indentation indicator equal to 0",
        "found character that cannot start any token", "found extremely long version number",
        "found invalid Unicode character escape code", "found unexpected ':'", "found unexpected document indicator",
        "found unexpected end of stream", "found unexpected non-alphabetical character", "found unknown directive name",
        "found unknown escape character", "mapping keys are not allowed in this context",
        "mapping values are not allowed in this context", "but found another document", "found undefined alias",
    ]

    @Test func every_problem_libyaml_reports_has_its_own_dutch_words() async {
        for problem in Self.libyaml {
            let words = YAMLProblem.dutch(problem)
            #expect(words != "de structuur klopt niet", "\(problem): no Dutch words of its own")
            #expect(!words.contains(problem), "\(problem): quoted in English")
        }
        #expect(YAMLProblem.dutch("something libyaml never said") == "de structuur klopt niet")
    }

    @Test(arguments: [
        (
            "formatVersion: 1\n---\nteacher: x\n",
            "f.yaml:2:1: onleesbare YAML: het bestand bevat meer dan één document (een tweede '---'): verwacht er één"
        ),
        (
            "formatVersion: 1\n...\nteacher: x\n",
            "f.yaml:3:1: onleesbare YAML: na het einde van het document staat nog tekst: verwacht één document (zonder '...' of '---' ertussen)"
        ),
        (
            "formatVersion: 1\n# een opmerking\u{1B}[2J\nteacher: x\n",
            "f.yaml:2:16: bevat een onzichtbaar stuurteken (U+001B): verwacht gewone tekst"
        ),
        (
            "formatVersion: 1\nnote: |\n  tekst\u{0}\n",
            "f.yaml:3:8: bevat een onzichtbaar stuurteken (U+0000): verwacht gewone tekst"
        ),
        // Not printable to libyaml, and found by its reader, which counts bytes.
        ("a: b\nc: x\u{FFFE}\n", "f.yaml:2: onleesbare YAML: het bestand bevat een onzichtbaar stuurteken"),
        ("a: \"\\q\"\n", "f.yaml:1:5: onleesbare YAML: een onbekende escape (\\…) tussen dubbele aanhalingstekens"),
    ])
    func a_broken_file_is_told_in_dutch_at_its_line(text: String, message: String) {
        let error = #expect(throws: FormatError.self) { try YAMLDocument(text: text, file: "f.yaml") }
        #expect(error?.description == message)
    }

    @Test func the_reader_counts_lines_by_bytes() async {
        #expect(YAMLProblem.line(atByte: 0, in: "a\nb") == 1)
        #expect(YAMLProblem.line(atByte: 2, in: "a\nb") == 2)
        #expect(YAMLProblem.line(atByte: 5, in: "é\nü\nc") == 2)
        #expect(YAMLProblem.line(atByte: 6, in: "é\nü\nc") == 3)
    }
}
