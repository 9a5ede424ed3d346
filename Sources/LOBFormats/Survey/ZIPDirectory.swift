import Foundation

/// The central directory of a zip archive (PKWARE APPNOTE 4.3.12 ff.), checked against the file before ZIPFoundation
/// reads it: every entry's local header and data must lie inside the file. ZIPFoundation trusts these offsets, and a
/// lying one made it read out of bounds and stop the process.
enum ZIPDirectory {
    static func check(_ data: Data, file: String) throws(FormatError) {
        let bytes = [UInt8](data)
        func fail() -> FormatError {
            FormatError(file: file, "is geen leesbaar .xlsx-bestand (het zipbestand is beschadigd)")
        }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record: 22 bytes and a comment of at most 65,535, at the end.
        guard bytes.count >= 22 else { throw fail() }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw fail() }
        let entries = u16(end + 10)
        let size = u32(end + 12)
        let start = u32(end + 16)
        // ZIP64 (an offset or count at its maximum) is not what a survey tool writes.
        guard start != 0xFFFF_FFFF, entries != 0xFFFF, start + size <= end else { throw fail() }
        var at = start
        for _ in 0..<entries {
            guard at + 46 <= start + size, u32(at) == 0x0201_4B50 else { throw fail() }
            let compressed = u32(at + 20)
            let (name, extra, comment) = (u16(at + 28), u16(at + 30), u16(at + 32))
            let local = u32(at + 42)
            guard compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF, local + 30 <= start, u32(local) == 0x0403_4B50
            else { throw fail() }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + compressed <= start else { throw fail() }
            at += 46 + name + extra + comment
        }
    }
}
