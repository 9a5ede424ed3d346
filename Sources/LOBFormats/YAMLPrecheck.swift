/// A quick pass over YAML text, before it is parsed, for what no LOB-spiegel file needs and a hostile file uses:
/// control characters, anchors (`&`) and aliases (`*`) — the "billion laughs" that make a parser expand a few hundred
/// bytes into billions of nodes —, tags (`!`), complex keys (`? `) and nesting deeper than any real file.
///
/// It is a small lexer, not a parser: it follows quotes, comments, flow brackets and block scalars well enough to
/// know where a node starts, which is the only place these indicators mean anything. A plain text that happens to
/// start a continuation line with `*` is refused too, with a message that says to quote it.
enum YAMLPrecheck {
    static let maximumFlowDepth = 16
    static let maximumIndent = 64

    static func problems(in text: String, file: String) -> [FormatError.Problem] {
        var problems: [FormatError.Problem] = []
        var line = 1, column = 0
        func add(_ message: String) {
            if problems.count <= FormatError.limit {
                problems.append(.init(file: file, line: line, column: column, message: message))
            }
        }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var inDouble = false, inSingle = false, afterQuoted = false
        var flowDepth = 0, tooDeep = false
        var blockIndent: Int?  // the indent of the line that started a block scalar; deeper lines are its text
        var nodeStart = true, lineStart = true, indent = 0

        func next(_ offset: Int = 1) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        func endsToken(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return true }
            return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
                || (flowDepth > 0 && ",]}".unicodeScalars.contains(scalar))
        }
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n"
                || (0x7F...0x9F).contains(scalar.value)
        }
        // A comment or a block scalar's line is skipped, but not a control character in it (libyaml's reader refuses
        // one without saying where).
        func skipToEndOfLine() {
            while index + 1 < scalars.count && scalars[index + 1] != "\n" {
                index += 1
                column += 1
                if isControl(scalars[index]) {
                    add("bevat een onzichtbaar stuurteken (U+\(hex4(scalars[index].value))): verwacht gewone tekst")
                }
            }
        }

        while index < scalars.count {
            let scalar = scalars[index]
            column += 1
            defer { index += 1 }
            if scalar == "\n" {
                line += 1
                column = 0
                lineStart = true
                if !inDouble && !inSingle && flowDepth == 0 { nodeStart = true }
                continue
            }
            if isControl(scalar) {
                add("bevat een onzichtbaar stuurteken (U+\(hex4(scalar.value))): verwacht gewone tekst")
                continue
            }
            if lineStart {
                // The indent of this line; inside a block scalar, deeper lines (and blank ones) are its text.
                var spaces = 0
                while index + spaces < scalars.count && scalars[index + spaces] == " " { spaces += 1 }
                let blank =
                    index + spaces >= scalars.count || scalars[index + spaces] == "\n"
                    || scalars[index + spaces] == "\r"
                lineStart = false
                indent = spaces
                if let block = blockIndent, !inDouble && !inSingle {
                    if blank || spaces > block {
                        skipToEndOfLine()
                        continue
                    }
                    blockIndent = nil
                }
                if spaces > Self.maximumIndent && !tooDeep && !inDouble && !inSingle {
                    tooDeep = true
                    add("is dieper ingesprongen (\(spaces) spaties) dan een LOB-spiegelbestand ooit is")
                }
            }
            if inDouble {
                if scalar == "\\" {
                    index += 1
                    column += 1
                } else if scalar == "\"" {
                    inDouble = false
                    afterQuoted = true
                }
                continue
            }
            if inSingle {
                if scalar == "'" {
                    if next() == "'" {
                        index += 1
                        column += 1
                    } else {
                        inSingle = false
                        afterQuoted = true
                    }
                }
                continue
            }
            if scalar == " " || scalar == "\t" || scalar == "\r" { continue }
            if scalar == "#" && (column == 1 || index == 0 || [" ", "\t"].contains(scalars[index - 1])) {
                skipToEndOfLine()
                continue
            }
            let quoted = afterQuoted
            afterQuoted = false
            if nodeStart {
                switch scalar {
                case "&": add("een anker (&) is niet toegestaan: zet tekst die met & begint tussen aanhalingstekens")
                case "*":
                    add("een verwijzing (*) is niet toegestaan: zet tekst die met * begint tussen aanhalingstekens")
                case "!":
                    add(
                        "een type-aanduiding (!) is niet toegestaan: zet tekst die met ! begint tussen aanhalingstekens"
                    )
                case "?" where endsToken(next()):
                    add("een samengestelde sleutel (?) is niet toegestaan: een sleutel is gewone tekst")
                case "|" where flowDepth == 0, ">" where flowDepth == 0:
                    blockIndent = indent
                    skipToEndOfLine()
                    continue
                case "\"": inDouble = true
                case "'": inSingle = true
                case "-" where endsToken(next()): continue
                case "," where flowDepth > 0: continue
                case "]" where flowDepth > 0, "}" where flowDepth > 0:
                    flowDepth -= 1
                case "[", "{":
                    flowDepth += 1
                    if flowDepth > Self.maximumFlowDepth && !tooDeep {
                        tooDeep = true
                        add(
                            "is dieper genest (meer dan \(Self.maximumFlowDepth) haakjes) dan een LOB-spiegelbestand ooit is"
                        )
                    }
                    continue
                default: break
                }
                nodeStart = false
                continue
            }
            switch scalar {
            case ":" where quoted || endsToken(next()): nodeStart = true
            case "," where flowDepth > 0: nodeStart = true
            case "[" where flowDepth > 0, "{" where flowDepth > 0:
                flowDepth += 1
                nodeStart = true
            case "]" where flowDepth > 0, "}" where flowDepth > 0: flowDepth -= 1
            default: break
            }
        }
        return problems
    }
}

/// A code point as four or more hex digits, as Unicode writes it.
private func hex4(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
