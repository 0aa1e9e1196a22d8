import Foundation

/// Who put an enquiry in, and for which member. The record always shows both where they differ:
/// an assistant raising for a named member of their group (TH 12.23), or member-services staff
/// logging an enquiry a member made by phone, letter or in person (TH 13.2, 13.3).
public enum EnquiryRaisedBy: Sendable, Hashable, Codable {
    case member(UUID)
    case assistant(assistantID: UUID, memberID: UUID)
    case memberServices(officerID: UUID, memberID: UUID)

    /// The member the enquiry belongs to.
    public var memberID: UUID {
        switch self {
        case .member(let id): id
        case .assistant(_, let memberID), .memberServices(_, let memberID): memberID
        }
    }

    public var assistantID: UUID? {
        if case .assistant(let id, _) = self { return id }
        return nil
    }

    public var loggingOfficerID: UUID? {
        if case .memberServices(let id, _) = self { return id }
        return nil
    }

    /// The record for `viewer` raising an enquiry for `memberID`; nil for anyone who may not
    /// (check `EnquiryIntake.mayRaise` for the reason).
    public init?(viewer: Viewer, memberID: UUID) {
        guard let personID = viewer.personID else { return nil }
        switch viewer.kind {
        case .member where personID == memberID:
            self = .member(memberID)
        case .assistant where viewer.actsForMemberIDs.contains(memberID):
            self = .assistant(assistantID: personID, memberID: memberID)
        case .officer where viewer.designations.contains(.memberServices):
            self = .memberServices(officerID: personID, memberID: memberID)
        default:
            return nil
        }
    }
}
