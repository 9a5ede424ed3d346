/// Beyond a count: a group of at least the threshold can still give away what each of its members answered. When all
/// of them chose the same level, a distribution "3 · 0 · 0 · 0" or a mean of 1,00 tells every member's answer without
/// naming anyone (group attribute disclosure, in the handbooks of statistical disclosure control); when all but one
/// did, the one who differs learns everyone else's answer, and so does whoever asks him. And a mean with its spread
/// over three raters lets one of them, beside the colleague rated, work out the other two.
///
/// The rule, applied to the anonymous part of every figure (the named part is public, so it can be subtracted):
///
/// - a **distribution** over levels (and the count at or above target that is read from it) is left out when all,
///   or all but one, of the group are in one level; the mean may still be shown;
/// - a **mean** is withheld when its sum lies within one step of either end of the scale: then every answer, or all
///   but one with the one next to them, is at that end;
/// - a rater group's **spread** is shown only from `spreadMinimum` raters, and its **remarks** only from
///   `remarkMinimum`: free text names its author more easily than a number.
///
/// What remains (docs/team.md, "Wat een insider nog kan"): a member who knows his own answer learns the sum of the
/// others' from a mean, and that a figure was left out tells that the group nearly agreed, not on what.
public enum GroupDisclosure {
    /// Whether a group's distribution over categories tells (nearly) every member's answer: all, or all but one, in
    /// one category. An empty group tells nothing.
    public static func distributionTells(_ counts: [Int]) -> Bool {
        let n = counts.reduce(0, +)
        guard n > 0 else { return false }
        return (counts.max() ?? 0) >= n - 1
    }

    /// Whether the mean of `n` answers with this sum, on a scale from `low` to `high`, tells every answer: the sum is
    /// within one step of either end.
    public static func meanTells(sum: Int, n: Int, low: Int, high: Int) -> Bool {
        guard n > 0 else { return false }
        return sum <= n * low + 1 || sum >= n * high - 1
    }

    /// The fewest raters in a group whose spread is shown beside their mean.
    public static let spreadMinimum = 5

    /// The fewest raters in a group whose remarks are shown.
    public static let remarkMinimum = 5
}
