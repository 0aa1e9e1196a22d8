import Foundation

/// A person in the authority's directory whom a rule can name.
public enum PersonRef: Sendable, Hashable, Codable, CustomStringConvertible {
    case officer(UUID)
    case member(UUID)

    public var id: UUID {
        switch self {
        case .officer(let id), .member(let id): id
        }
    }

    public var description: String {
        switch self {
        case .officer(let id): "officer:\(id.uuidString.lowercased())"
        case .member(let id): "member:\(id.uuidString.lowercased())"
        }
    }
}

/// What an anchor of a relative role points at in one case: the complainant is an officer, the
/// service is Highways, the matter is a ward.
public enum PartyRef: Sendable, Hashable {
    case officer(UUID)
    case member(UUID)
    case service(UUID)
    case ward(UUID)
    case group(UUID)
}

/// The parties of a case, by the anchors profiles name them with (`subject.director`).
public struct CaseParties: Sendable, Hashable {
    public var parties: [RoleAnchor: PartyRef]
    public init(_ parties: [RoleAnchor: PartyRef] = [:]) { self.parties = parties }
    public subscript(_ anchor: RoleAnchor) -> PartyRef? {
        get { parties[anchor] }
        set { parties[anchor] = newValue }
    }
}
