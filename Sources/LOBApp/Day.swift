import Foundation
import LOBCore

extension SchoolDate {
    /// The calendar day of a moment in a time zone: what `lob` stamps on a document and `lob serve` on a scan.
    public static func day(of date: Date, in timeZone: TimeZone) -> SchoolDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
        return SchoolDate(text) ?? SchoolDate("2000-01-01")!
    }
}
