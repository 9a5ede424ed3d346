import Foundation

/// The system's reasons (errno) in Dutch, for messages about files: `strerror` speaks English (and the language of
/// the machine's locale, not the user's).
public enum SystemError {
    /// Why a file could not be read, or (`writing`) written.
    public static func dutch(_ code: Int32, writing: Bool = false) -> String {
        switch code {
        case EACCES, EPERM: "geen toestemming (kijk naar de rechten van het bestand of de map)"
        case ENOENT: writing ? "de map bestaat niet" : "bestand niet gevonden"
        case ELOOP: "te veel symbolische koppelingen na elkaar (wijst een koppeling naar zichzelf?)"
        case ENAMETOOLONG: "de naam of het pad is te lang"
        case ENOTDIR: "een deel van het pad is geen map"
        case EISDIR: "is een map, geen bestand"
        case EIO: "leesfout van de schijf of het netwerk"
        case EMFILE, ENFILE: "te veel bestanden tegelijk open"
        case ENOMEM: "te weinig geheugen"
        case ENOSPC: "de schijf is vol"
        case EDQUOT: "je schijfruimte (quotum) is op"
        case EROFS: "de schijf is alleen-lezen"
        case EEXIST: "bestaat al"
        case EBUSY, ETXTBSY: "is in gebruik"
        case EXDEV: "ligt op een andere schijf"
        case 0: "reden onbekend"
        default: "systeemfout \(code)"
        }
    }

    /// The reason inside a Foundation error (a `CocoaError` carries the system's in its underlying error).
    public static func dutch(_ error: any Error, writing: Bool = false) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return dutch(Int32(error.code), writing: writing) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return dutch(Int32(underlying.code), writing: writing)
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileReadNoPermission, .fileWriteNoPermission: return dutch(EACCES)
        case .fileNoSuchFile, .fileReadNoSuchFile: return dutch(ENOENT, writing: writing)
        case .fileWriteOutOfSpace: return dutch(ENOSPC)
        case .fileWriteVolumeReadOnly: return dutch(EROFS)
        default: return dutch(0)
        }
    }
}
