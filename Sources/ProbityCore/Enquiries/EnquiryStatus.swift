/// Where an enquiry is in its life.
///
/// received → acknowledged → responded → closed; a response can be sent straight from
/// received. Reopening a responded or closed enquiry makes it `reopened`: open again, in hand,
/// with a fresh response period counted from the reopening and a fresh chasing ladder.
public enum EnquiryStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case received
    case acknowledged
    case responded
    case closed
    case reopened

    /// Still waiting for a response: chased when overdue.
    public var awaitsResponse: Bool {
        switch self {
        case .received, .acknowledged, .reopened: true
        case .responded, .closed: false
        }
    }

    public var displayName: String {
        switch self {
        case .received: "Received"
        case .acknowledged: "Acknowledged"
        case .responded: "Responded"
        case .closed: "Closed"
        case .reopened: "Reopened"
        }
    }
}
