import Foundation

/// The person a decision is about, as the policy sees them: resolved by the server from the
/// signed-in user and the directory. Tenancy is decided before any policy runs, so a viewer is
/// always of the record's authority.
public struct Viewer: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case member
        case officer
        /// A political group assistant, who acts only for named members of their group.
        case assistant
        /// Party workers have no entitlement to council information (TH 13.10).
        case partyWorker = "party-worker"
        /// A user with no directory person (e.g. a system administrator).
        case none
    }

    public var kind: Kind
    public var personID: UUID?
    /// Statutory and corporate designations held (officers only).
    public var designations: Set<OrgRole>
    /// The member's or assistant's party group.
    public var groupID: UUID?
    /// Members an assistant may act for.
    public var actsForMemberIDs: Set<UUID>

    public init(kind: Kind, personID: UUID?, designations: Set<OrgRole> = [], groupID: UUID? = nil,
                actsForMemberIDs: Set<UUID> = []) {
        self.kind = kind
        self.personID = personID
        self.designations = designations
        self.groupID = groupID
        self.actsForMemberIDs = actsForMemberIDs
    }

    public var asPerson: PersonRef? {
        guard let personID else { return nil }
        switch kind {
        case .member: return .member(personID)
        case .officer: return .officer(personID)
        case .assistant, .partyWorker, .none: return nil
        }
    }

    public func holds(_ role: OrgRole) -> Bool { kind == .officer && designations.contains(role) }

    public func isOfficer(_ id: UUID) -> Bool { kind == .officer && personID == id }
    public func isMember(_ id: UUID) -> Bool { kind == .member && personID == id }
}
