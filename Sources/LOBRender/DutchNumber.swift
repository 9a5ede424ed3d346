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
}
