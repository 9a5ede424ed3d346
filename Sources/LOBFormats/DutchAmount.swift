/// Amounts of money and hours as Dutch people write them: `20000`, `20.000`, `€ 20.000`, `20.000,50`, `20000,50`.
/// What could mean two things (`20.5`, `20,000`, `1.2.3`) is refused with a message that shows how to write it.
public enum DutchAmount {
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The amount in `text`, within `range`; `what` names it in a message ("--budget").
    public static func parse(_ text: String, what: String, range: ClosedRange<Double>) throws(Refusal) -> Double {
        var body = text.trimmingSpaces
        for prefix in ["€", "EUR", "eur"] where body.hasPrefix(prefix) { body = String(body.dropFirst(prefix.count)) }
        body = body.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" }
        let example = "schrijf bijvoorbeeld 20000, 20.000 of 20.000,50"
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
            body.first!.isNumber
        else {
            throw Refusal(description: "\(what): '\(text)' is geen bedrag of aantal; \(example)")
        }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            throw Refusal(description: "\(what): '\(text)' heeft meer dan één komma; \(example)")
        }
        let whole = String(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : nil
        if let fraction, fraction.isEmpty || fraction.count > 2 || fraction.contains(".") {
            throw Refusal(
                description:
                    "\(what): '\(text)' is dubbelzinnig: na de komma komen hooguit twee decimalen (20000,50); duizendtallen schrijf je met een punt (20.000)"
            )
        }
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Points only as thousands separators: 1 to 3 digits, then groups of exactly 3.
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw Refusal(
                    description:
                        "\(what): '\(text)' is dubbelzinnig: een punt scheidt hier duizendtallen (20.000); decimalen schrijf je met een komma (20,5)"
                )
            }
        }
        let digits = groups.joined()
        guard digits.count <= 12, let value = Double(digits + (fraction.map { "." + $0 } ?? "")) else {
            throw Refusal(description: "\(what): '\(text)' is te groot")
        }
        guard range.contains(value) else {
            throw Refusal(
                description:
                    "\(what): \(text) ligt buiten het bereik: verwacht \(DutchText.number(range.lowerBound)) t/m \(DutchText.number(range.upperBound))"
            )
        }
        return value
    }
}

private extension String {
    var trimmingSpaces: String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return String(result)
    }
}
