import Foundation

/// The parts of an authority's directory that routing and need-to-know decisions read: who holds
/// which post, who manages whom, who leads which group. The server loads it from storage; the
/// rules below it never touch storage.
public struct OrgSnapshot: Sendable, Hashable {
    public struct Officer: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var post: OfficerPost
        /// Statutory and corporate designations (`monitoring-officer`, `hr-director`, …).
        public var designations: Set<OrgRole>
        public var serviceID: UUID?
        public var directorateID: UUID?
        public var lineManagerID: UUID?
        public init(id: UUID, name: String, post: OfficerPost, designations: Set<OrgRole> = [], serviceID: UUID? = nil,
                    directorateID: UUID? = nil, lineManagerID: UUID? = nil) {
            self.id = id
            self.name = name
            self.post = post
            self.designations = designations
            self.serviceID = serviceID
            self.directorateID = directorateID
            self.lineManagerID = lineManagerID
        }
    }

    public struct Service: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var directorateID: UUID?
        public var headOfServiceID: UUID?
        public var liaisonOfficerID: UUID?
        public var complaintsOfficerID: UUID?
        public init(id: UUID, name: String, directorateID: UUID? = nil, headOfServiceID: UUID? = nil,
                    liaisonOfficerID: UUID? = nil, complaintsOfficerID: UUID? = nil) {
            self.id = id
            self.name = name
            self.directorateID = directorateID
            self.headOfServiceID = headOfServiceID
            self.liaisonOfficerID = liaisonOfficerID
            self.complaintsOfficerID = complaintsOfficerID
        }
    }

    public struct Directorate: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var directorID: UUID?
        public init(id: UUID, name: String, directorID: UUID? = nil) {
            self.id = id
            self.name = name
            self.directorID = directorID
        }
    }

    public struct Member: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var wardID: UUID?
        public var groupID: UUID?
        /// `chair`, `mayor`, … as in the directory.
        public var position: String
        /// `leader`, `deputy-leader`, `cabinet-member`, `lead-member` or `none`.
        public var executiveRole: String
        public var portfolio: String?
        public init(id: UUID, name: String, wardID: UUID? = nil, groupID: UUID? = nil, position: String = "councillor",
                    executiveRole: String = "none", portfolio: String? = nil) {
            self.id = id
            self.name = name
            self.wardID = wardID
            self.groupID = groupID
            self.position = position
            self.executiveRole = executiveRole
            self.portfolio = portfolio
        }
    }

    public struct Group: Sendable, Hashable {
        public var id: UUID
        public var name: String
        public var leaderID: UUID?
        public var whipID: UUID?
        public var isAdministration: Bool
        public init(id: UUID, name: String, leaderID: UUID? = nil, whipID: UUID? = nil, isAdministration: Bool = false) {
            self.id = id
            self.name = name
            self.leaderID = leaderID
            self.whipID = whipID
            self.isAdministration = isAdministration
        }
    }

    public var officers: [UUID: Officer]
    public var services: [UUID: Service]
    public var directorates: [UUID: Directorate]
    public var members: [UUID: Member]
    public var groups: [UUID: Group]

    public init(officers: [Officer] = [], services: [Service] = [], directorates: [Directorate] = [],
                members: [Member] = [], groups: [Group] = []) {
        self.officers = Dictionary(officers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.services = Dictionary(services.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.directorates = Dictionary(directorates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.members = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.groups = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The level of an officer's post, as the directory records it.
public enum OfficerPost: String, Sendable, Hashable, Codable, CaseIterable {
    case chiefExecutive = "chief-executive"
    case corporateDirector = "corporate-director"
    case divisionalDirector = "divisional-director"
    case assistantDirector = "assistant-director"
    case headOfService = "head-of-service"
    case manager
    case officer

    /// Corporate and Divisional Directors are the "director" protocols route to.
    public var isDirector: Bool { self == .corporateDirector || self == .divisionalDirector }
}
