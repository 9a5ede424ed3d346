/// The product itself: its name and version, as the help and every printed page show them.
public enum LOBSpiegel {
    public static let version = "0.1.0"
}
