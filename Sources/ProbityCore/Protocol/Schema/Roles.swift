/// The posts and positions that routing tables name. Absolute roles resolve to whoever holds the
/// post in the authority's directory; relative roles resolve through a party to the case.
public enum OrgRole: String, Sendable, Hashable, Codable, CaseIterable {
    // Statutory and corporate posts (absolute).
    case chiefExecutive = "chief-executive"          // Head of Paid Service
    case monitoringOfficer = "monitoring-officer"
    case chiefFinanceOfficer = "chief-finance-officer" // s151 officer
    case hrDirector = "hr-director"
    case governanceDirector = "governance-director"  // e.g. TH Corporate Director of Governance
    case complaintsOfficer = "complaints-officer"    // the nominated officer monitoring complaints
    case communications = "communications"           // press / communications office
    case memberServices = "member-services"
    case foiOfficer = "foi-officer"
    case corporateManagementTeam = "corporate-management-team"
    case independentPerson = "independent-person"    // designated independent person (1993 Regs)
    case standardsCommittee = "standards-committee"
    // Political positions (absolute).
    case chair = "chair"                             // Chair / Mayor / Chair of the joint body
    case leader = "leader"
    case deputyLeader = "deputy-leader"
    // Relative to a party of the case (used with an anchor: `subject.director`).
    case lineManager = "line-manager"
    case headOfService = "head-of-service"
    case liaisonOfficer = "liaison-officer"
    case assistantDirector = "assistant-director"
    case director = "director"                       // Corporate / Divisional Director
    case groupLeader = "group-leader"
    case groupWhip = "group-whip"
    case leadMember = "lead-member"                  // Cabinet / Lead Member for the portfolio
    case wardMembers = "ward-members"
    case self_ = "self"                              // the anchored person themself

    /// Roles that only make sense relative to someone (need an anchor).
    public var isRelative: Bool {
        switch self {
        case .lineManager, .headOfService, .liaisonOfficer, .assistantDirector, .director,
             .groupLeader, .groupWhip, .leadMember, .wardMembers, .self_:
            true
        default:
            false
        }
    }
}

/// Whose line, group or ward a relative role is taken from.
public enum RoleAnchor: String, Sendable, Hashable, Codable, CaseIterable {
    case complainant      // who raised the complaint or report
    case subject          // who it is about
    case declarant        // who made a declaration
    case officer          // the officer in the case (e.g. the officer in a close relationship)
    case member           // the member in the case (e.g. the enquiring member)
    case requester        // who asked (an access or briefing request)
    case service          // the service an enquiry is routed to
    case matter           // the ward or portfolio a matter concerns
}

/// A recipient in a routing table, written `role` or `anchor.role` in profile files,
/// e.g. `chief-executive`, `subject.director`, `service.head-of-service`.
public struct Recipient: Sendable, Hashable, Codable, CustomStringConvertible {
    public var anchor: RoleAnchor?
    public var role: OrgRole

    public init(_ role: OrgRole, of anchor: RoleAnchor? = nil) {
        self.anchor = anchor
        self.role = role
    }

    /// Parses `role` or `anchor.role`; returns nil for unknown words or a relative role with no anchor.
    public init?(string: String) {
        let parts = string.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard let role = OrgRole(rawValue: parts[0]), !role.isRelative else { return nil }
            self.init(role)
        case 2:
            guard let anchor = RoleAnchor(rawValue: parts[0]), let role = OrgRole(rawValue: parts[1]) else { return nil }
            self.init(role, of: anchor)
        default:
            return nil
        }
    }

    public var description: String { anchor.map { "\($0.rawValue).\(role.rawValue)" } ?? role.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Recipient(string: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a recipient: write a role such as 'chief-executive', or 'anchor.role' such as 'subject.director' for a role relative to a party of the case"
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
