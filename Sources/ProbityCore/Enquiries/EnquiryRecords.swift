import Foundation

/// The acknowledgement sent to the member. With an explanation it is Wigan 6.2's
/// "acknowledgement that fully explains what is happening".
public struct EnquiryAcknowledgement: Sendable, Hashable, Codable {
    public var at: Date
    public var explanation: String?
    public init(at: Date, explanation: String? = nil) {
        self.at = at
        self.explanation = explanation
    }
}

/// The member was told the enquiry will take longer (Wigan 6.2: "any appreciable delay").
public struct EnquiryDelayNotice: Sendable, Hashable, Codable {
    public var at: Date
    public var explanation: String
    public init(at: Date, explanation: String) {
        self.at = at
        self.explanation = explanation
    }
}

/// A response sent, and the way it went (TH 13.4).
public struct EnquiryResponse: Sendable, Hashable, Codable {
    public var at: Date
    public var route: ReplyRoute
    /// The reply holds confidential or restricted information: it goes to the member only.
    public var confidential: Bool
    public var byOfficerID: UUID?
    public init(at: Date, route: ReplyRoute, confidential: Bool, byOfficerID: UUID? = nil) {
        self.at = at
        self.route = route
        self.confidential = confidential
        self.byOfficerID = byOfficerID
    }
}

/// An internal note: officers' working record, never shown to the member or their assistant.
public struct EnquiryNote: Sendable, Hashable, Codable {
    public var at: Date
    public var authorID: UUID
    public var text: String
    public init(at: Date, authorID: UUID, text: String) {
        self.at = at
        self.authorID = authorID
        self.text = text
    }
}

/// A closing or reopening, with the reason given.
public struct EnquiryStatusChange: Sendable, Hashable, Codable {
    public var at: Date
    public var reason: String
    public init(at: Date, reason: String) {
        self.at = at
        self.reason = reason
    }
}

/// One handling officer's spell on the enquiry.
public struct EnquiryAssignment: Sendable, Hashable, Codable {
    public var at: Date
    public var officerID: UUID
    public init(at: Date, officerID: UUID) {
        self.at = at
        self.officerID = officerID
    }
}
