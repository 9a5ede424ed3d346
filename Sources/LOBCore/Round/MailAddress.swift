/// An e-mail address as a school's list holds one: `naam@domein`, ASCII letters, digits and the usual signs before the
/// `@`, a dotted domain after it; no spaces, angle brackets, quotes or line ends that could break a mail header. Not
/// every address RFC 5321 allows; every address a school hands out.
public enum MailAddress {
    public static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at].unicodeScalars
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.count <= 64, domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."),
            !domain.contains("..")
        else { return false }
        let signs = Set(".!#$%&*+-/=?^_`{|}~".unicodeScalars)
        func letterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return local.allSatisfy { letterOrDigit($0) || signs.contains($0) }
            && domain.unicodeScalars.allSatisfy { letterOrDigit($0) || $0 == "-" || $0 == "." }
    }
}
