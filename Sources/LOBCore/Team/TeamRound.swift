/// A round of the team scan: the scans a team collects at one moment, named by a label the teamvoorzitter chooses.
public enum TeamRound {
    /// The label when none is given: the half of the school year of the latest scan ("najaar 2026" for August to
    /// January, "voorjaar 2027" for February to July).
    public static func defaultLabel(for date: SchoolDate) -> String {
        switch date.month {
        case 8...12: "najaar \(date.year)"
        case 1: "najaar \(date.year - 1)"
        default: "voorjaar \(date.year)"
        }
    }
}
