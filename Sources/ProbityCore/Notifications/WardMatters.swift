import Foundation

/// Keeping ward (division) members informed: who an officer's ward matter goes to.
///
/// - Members for every affected ward (LE 26, 29; TH 11.1–11.3; Wigan 6.6) — where an issue
///   has a wider impact, every affected ward is named (TH 11.2).
/// - Members for adjoining wards a facility or service reaches, where the protocol says so
///   (LE 28: `includeAdjoiningWards`).
/// - Optionally the Leader, Deputy Leader or a Cabinet Lead Member (LE 36).
public enum WardMatters {
    public struct Request: Sendable, Equatable {
        public var kind: WardMatterKind
        public var wards: Set<UUID>
        /// Adjoining wards the facility or service reaches (LE 28).
        public var adjoiningWards: Set<UUID>
        public var leader: Bool
        public var deputyLeader: Bool
        public var leadMemberID: UUID?

        public init(kind: WardMatterKind, wards: Set<UUID>, adjoiningWards: Set<UUID> = [], leader: Bool = false,
                    deputyLeader: Bool = false, leadMemberID: UUID? = nil) {
            self.kind = kind
            self.wards = wards
            self.adjoiningWards = adjoiningWards
            self.leader = leader
            self.deputyLeader = deputyLeader
            self.leadMemberID = leadMemberID
        }
    }

    /// One member to tell, and why.
    public struct Recipient: Sendable, Equatable {
        public var memberID: UUID
        public var reason: String
        public init(memberID: UUID, reason: String) {
            self.memberID = memberID
            self.reason = reason
        }
    }

    public enum Refusal: Error, Sendable, Equatable {
        /// The protocol sets no ward notifications (`field` is where to say so).
        case notInForce(RuleReference)
        /// The protocol's list of matters does not include this kind.
        case kindNotListed(WardMatterKind, RuleReference)
        /// `field`: what is wrong with the request.
        case invalid(field: String, message: String)
    }

    public struct Plan: Sendable, Equatable {
        public var recipients: [Recipient]
        public var rule: RuleReference
        /// A major incident is an emergency: not held through private time (LC 3(n)).
        public var urgent: Bool
        /// Wards named as adjoining that the protocol does not reach (they are not told).
        public var adjoiningIgnored: Bool
    }

    /// The kinds an authority's officers can record: the profile's list when the rule is in force.
    public static func kinds(_ profile: ProtocolProfile) -> [WardMatterKind] {
        let rule = profile.notifications.wardMatters
        return rule.inForce ? rule.parameters.kinds : []
    }

    public static func plan(_ request: Request, profile: ProtocolProfile, org: OrgSnapshot, wardIDs: Set<UUID>) -> Result<Plan, Refusal> {
        let rule = profile.notifications.wardMatters
        let reference = rule.reference(in: profile.document)
        guard rule.inForce else { return .failure(.notInForce(reference)) }
        guard rule.parameters.kinds.contains(request.kind) else { return .failure(.kindNotListed(request.kind, reference)) }
        guard !request.wards.isEmpty else { return .failure(.invalid(field: "wards", message: "Choose at least one affected ward")) }
        guard request.wards.isSubset(of: wardIDs), request.adjoiningWards.isSubset(of: wardIDs) else {
            return .failure(.invalid(field: "wards", message: "Choose wards of this authority"))
        }
        var recipients: [UUID: String] = [:]
        let members = org.members.values.sorted { $0.name < $1.name }
        for member in members {
            if let ward = member.wardID, request.wards.contains(ward) {
                recipients[member.id] = "member for an affected ward (\(reference.citation))"
            }
        }
        let includeAdjoining = rule.parameters.includeAdjoiningWards
        if includeAdjoining {
            for member in members where recipients[member.id] == nil {
                if let ward = member.wardID, request.adjoiningWards.contains(ward) {
                    recipients[member.id] = "member for an adjoining ward the service reaches (\(reference.citation))"
                }
            }
        }
        func add(_ role: String, _ label: String) {
            for member in members where member.executiveRole == role && recipients[member.id] == nil {
                recipients[member.id] = "\(label) (\(reference.citation))"
            }
        }
        if request.leader { add("leader", "Leader") }
        if request.deputyLeader { add("deputy-leader", "Deputy Leader") }
        if let lead = request.leadMemberID {
            guard let member = org.members[lead], ["cabinet-member", "lead-member"].contains(member.executiveRole) else {
                return .failure(.invalid(field: "leadMember", message: "Choose a Cabinet or Lead Member"))
            }
            if recipients[lead] == nil { recipients[lead] = "Cabinet Lead Member (\(reference.citation))" }
        }
        let ordered = members.compactMap { m in recipients[m.id].map { Recipient(memberID: m.id, reason: $0) } }
        return .success(Plan(recipients: ordered, rule: reference, urgent: request.kind == .majorIncident,
                             adjoiningIgnored: !includeAdjoining && !request.adjoiningWards.isEmpty))
    }

    public static func label(_ kind: WardMatterKind) -> String {
        switch kind {
        case .event: "A council event or facility opening"
        case .publicMeeting: "A public meeting organised by the council"
        case .consultation: "A consultation (tell members immediately before it starts)"
        case .sensitiveReport: "A sensitive report to the Cabinet, Scrutiny or a regulatory body"
        case .delegatedDecision: "A delegated decision"
        case .pressApproach: "A press approach"
        case .controversialFoi: "A controversial Freedom of Information request"
        case .residentComplaints: "Significant complaints from residents"
        case .operationalWork: "Disruptive operational work (road works, opening hours, closures)"
        case .majorIncident: "A major incident"
        }
    }
}

/// Public meetings members arrange on council business (LE 30; TH 11.4–11.5).
public enum MemberMeetings {
    /// A pre-election period the administrator sets, inclusive of both dates.
    public struct Period: Sendable, Equatable {
        public var starts: CalendarDate
        public var ends: CalendarDate
        public init(starts: CalendarDate, ends: CalendarDate) {
            self.starts = starts
            self.ends = ends
        }
        public func contains(_ date: CalendarDate) -> Bool { starts <= date && date <= ends }
    }

    /// A meeting on council premises is refused in a pre-election period (TH 11.5: "no such
    /// meeting is to be arranged in the immediate run up to Council elections"); nil when allowed.
    public static func refusal(on date: CalendarDate, councilPremises: Bool, periods: [Period], profile: ProtocolProfile) -> RuleReference? {
        let rule = profile.notifications.preElectionMeetings
        guard rule.inForce, councilPremises, periods.contains(where: { $0.contains(date) }) else { return nil }
        return rule.reference(in: profile.document)
    }
}
