internal import CSystemZlib
import Foundation

/// A zip archive (PKWARE APPNOTE 6.3.10) read as far as an `.xlsx` needs: its central directory, every entry's data
/// checked to lie inside the file, and a part unpacked with zlib's raw inflate, bounded by what the caller allows.
///
/// Read here rather than through ZIPFoundation: that package trusted the directory's offsets (a lying one read out of
/// bounds and stopped the process) and looped forever on a deflate stream cut short. This reader stops on both: every
/// step of the inflate loop consumes input or yields output, or the part is refused.
struct ZIPArchive {
    struct Entry {
        let method: Int
        let data: Range<Int>
        let size: Int
        let crc: UInt32
    }

    let bytes: [UInt8]
    let file: String
    private(set) var entries: [String: Entry] = [:]

    init(_ data: Data, file: String) throws(FormatError) {
        bytes = [UInt8](data)
        self.file = file
        let bytes = self.bytes
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record: 22 bytes and a comment of at most 65,535, at the end.
        guard bytes.count >= 22 else { throw broken }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw broken }
        let count = u16(end + 10)
        let size = u32(end + 12)
        let start = u32(end + 16)
        // ZIP64 (an offset or count at its maximum) is not what a survey tool writes.
        guard start != 0xFFFF_FFFF, count != 0xFFFF, start + size <= end else { throw broken }
        var at = start
        for _ in 0..<count {
            guard at + 46 <= start + size, u32(at) == 0x0201_4B50 else { throw broken }
            let (method, crc) = (u16(at + 10), UInt32(u32(at + 16)))
            let (compressed, unpacked) = (u32(at + 20), u32(at + 24))
            let (name, extra, comment) = (u16(at + 28), u16(at + 30), u16(at + 32))
            let local = u32(at + 42)
            guard at + 46 + name <= start + size, compressed != 0xFFFF_FFFF, unpacked != 0xFFFF_FFFF,
                local + 30 <= start, u32(local) == 0x0403_4B50
            else { throw broken }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + compressed <= start else { throw broken }
            let path = String(decoding: bytes[(at + 46)..<(at + 46 + name)], as: UTF8.self)
            entries[path] = Entry(method: method, data: dataStart..<(dataStart + compressed), size: unpacked, crc: crc)
            at += 46 + name + extra + comment
        }
    }

    private var broken: FormatError {
        FormatError(file: file, "is geen leesbaar .xlsx-bestand (het zipbestand is beschadigd)")
    }

    /// Why a part could not be unpacked.
    enum Refusal: Error {
        case tooLarge
        case damaged
    }

    /// The unpacked bytes of the part at `path`, or nil when the archive has none; never more than `limit` bytes.
    func part(_ path: String, limit: Int) throws(Refusal) -> Data? {
        guard let entry = entries[path] else { return nil }
        let unpacked: [UInt8]
        switch entry.method {
        case 0:
            guard entry.data.count <= limit else { throw .tooLarge }
            unpacked = Array(bytes[entry.data])
        case 8:
            unpacked = try Self.inflate(bytes[entry.data], limit: limit)
        default:
            throw .damaged
        }
        // The directory's size and checksum are those of the whole part: anything else is a damaged file.
        let crc = unpacked.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard unpacked.count == entry.size, crc == entry.crc else { throw .damaged }
        return Data(unpacked)
    }

    /// Raw deflate (RFC 1951) of one part, stopped as soon as it would pass `limit` or stops making progress.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Refusal) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var input = Array(input)
        let ending: Refusal? = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = CSystemZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                guard output.count + produced <= limit else { return .tooLarge }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return nil }
                // Anything but Z_OK is an error; Z_BUF_ERROR means no progress: the input ended before the stream.
                guard status == Z_OK else { return .damaged }
            }
        }
        if let ending { throw ending }
        return output
    }
}
