import Foundation

/// What the access rules need to know about one enquiry (see `EnquiryPolicy`).
public struct EnquiryAccessFacts: Sendable, Hashable {
    /// The member whose enquiry it is.
    public var memberID: UUID
    /// The service it was routed to.
    public var serviceID: UUID
    /// The assistant who raised it for the member, if one did.
    public var raisedByAssistantID: UUID?
    /// The member-services officer who logged it for the member, if one did.
    public var loggedByOfficerID: UUID?
    /// The officer handling it now.
    public var currentHandlerID: UUID?
    /// Everyone who has handled it, current and past.
    public var handlingOfficerIDs: [UUID]

    public init(memberID: UUID, serviceID: UUID, raisedByAssistantID: UUID? = nil, loggedByOfficerID: UUID? = nil,
                currentHandlerID: UUID?, handlingOfficerIDs: [UUID]) {
        self.memberID = memberID
        self.serviceID = serviceID
        self.raisedByAssistantID = raisedByAssistantID
        self.loggedByOfficerID = loggedByOfficerID
        self.currentHandlerID = currentHandlerID
        var all = handlingOfficerIDs
        if let currentHandlerID, !all.contains(currentHandlerID) { all.append(currentHandlerID) }
        self.handlingOfficerIDs = all
    }
}
