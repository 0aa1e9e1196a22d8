/// Notifications, ward matters, consultations, correspondence and media.
public struct NotificationRules: Sendable, Hashable {
    /// Messages outside working hours are held until the next working morning unless urgent (LC 3(n), TH 14.7).
    public var privateTime: Rule<WorkingHours>
    /// Members of affected wards are told of these matters (LE 26–36, TH 11, Wigan 6.6).
    public var wardMatters: Rule<WardMatterPolicy>
    /// Public meetings on council premises are refused in the pre-election period (TH 11.5).
    public var preElectionMeetings: Rule<NoParameters>
    /// A member consulted on a delegated decision does not sign it off (LE 25); divergence routes.
    public var delegatedDecisionConsultation: Rule<Routing>
    /// Letters creating obligations or giving instructions are not issued in a member's name (Wigan 7.2, LC 12).
    public var lettersInMembersName: Rule<NoParameters>
    /// Officer contact with the media needs clearance (TH 15.4).
    public var mediaClearance: Rule<Routing>
    /// Member visits to a department are notified in advance to its chief officer (Wigan 4.6).
    public var departmentVisits: Rule<Routing>

    public init(
        privateTime: Rule<WorkingHours>, wardMatters: Rule<WardMatterPolicy>,
        preElectionMeetings: Rule<NoParameters>, delegatedDecisionConsultation: Rule<Routing>,
        lettersInMembersName: Rule<NoParameters>, mediaClearance: Rule<Routing>,
        departmentVisits: Rule<Routing>
    ) {
        self.privateTime = privateTime
        self.wardMatters = wardMatters
        self.preElectionMeetings = preElectionMeetings
        self.delegatedDecisionConsultation = delegatedDecisionConsultation
        self.lettersInMembersName = lettersInMembersName
        self.mediaClearance = mediaClearance
        self.departmentVisits = departmentVisits
    }
}

/// Working hours in Europe/London, "HH:MM".
public struct WorkingHours: Sendable, Hashable, Codable {
    public var start: String
    public var end: String
    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}

public enum WardMatterKind: String, Sendable, Hashable, Codable, CaseIterable {
    case event                       // council event or facility opening
    case publicMeeting = "public-meeting"
    case consultation
    case sensitiveReport = "sensitive-report"
    case delegatedDecision = "delegated-decision"
    case pressApproach = "press-approach"
    case controversialFoi = "controversial-foi"
    case residentComplaints = "resident-complaints"
    case operationalWork = "operational-work"
    case majorIncident = "major-incident"
}

public struct WardMatterPolicy: Sendable, Hashable, Codable {
    public var kinds: [WardMatterKind]
    public var includeAdjoiningWards: Bool
    public init(kinds: [WardMatterKind], includeAdjoiningWards: Bool) {
        self.kinds = kinds
        self.includeAdjoiningWards = includeAdjoiningWards
    }
}

/// JSON output with the YAML field names (see ProtocolProfile+JSON.swift).
extension NotificationRules: Encodable {}
