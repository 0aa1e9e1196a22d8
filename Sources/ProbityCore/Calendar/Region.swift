/// The UK bank-holiday calendars an authority can work to.
/// Raw values are the slugs used in profiles, the CLI and the API.
public enum Region: String, Sendable, Codable, CaseIterable, Hashable {
    case englandAndWales = "england-and-wales"
    case scotland = "scotland"
    case northernIreland = "northern-ireland"

    public var displayName: String {
        switch self {
        case .englandAndWales: "England and Wales"
        case .scotland: "Scotland"
        case .northernIreland: "Northern Ireland"
        }
    }
}
