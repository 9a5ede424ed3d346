/// Numbers as Dutch readers write them: a decimal comma and at most two decimals ("2,75", "1,5", "3").
public enum DutchNumber {
    /// "–" for no value.
    public static func format(_ value: Double?) -> String {
        guard let value else { return "–" }
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, rest = abs(hundredths % 100)
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        if rest == 0 { return "\(sign)\(whole)" }
        return rest % 10 == 0 ? "\(sign)\(whole),\(rest / 10)" : "\(sign)\(whole),\(rest < 10 ? "0" : "")\(rest)"
    }

    /// With a "+" before a rise, for changes.
    public static func signed(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value > 0 ? "+" + format(value) : format(value)
    }

    /// Euros as a Dutch invoice writes them: "€ 1.350", "€ 87,50", with a no-break space so that the sign and the
    /// amount never part at a line end.
    public static func euro(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        let whole = abs(cents) / 100, rest = abs(cents) % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let sign = cents < 0 ? "-" : ""
        return "€\u{00A0}\(sign)\(digits)\(grouped)" + (rest == 0 ? "" : ",\(rest < 10 ? "0" : "")\(rest)")
    }

    /// A count with its noun in the right number: "1 scan", "3 scans", "1 bestand", "2 bestanden".
    public static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(value) \(value == 1 ? one : many)"
    }

    /// Rounded to three decimals, for JSON.
    public static func rounded(_ value: Double?) -> Double? {
        value.map { ($0 * 1000).rounded() / 1000 }
    }
}
