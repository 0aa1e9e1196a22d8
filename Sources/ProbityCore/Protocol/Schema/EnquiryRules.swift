/// Members' enquiries: intake, routing, timing, replies and chasing.
public struct EnquiryRules: Sendable, Hashable {
    /// Full response (or an explanatory acknowledgement) due within N working days of receipt.
    public var responseDeadline: Rule<WorkingDaysPeriod>
    /// Acknowledgement due within N working days, where the protocol sets one.
    public var acknowledgementDeadline: Rule<WorkingDaysPeriod>
    /// The member is told of any appreciable delay (e.g. Wigan 6.2).
    public var delayNotice: Rule<NoParameters>
    /// Routine enquiries go to these (first resolvable wins), non-routine/policy ones to those.
    public var routing: Rule<EnquiryRouting>
    /// An automatic covering sheet accompanies the enquiry (TH 13.4).
    public var coveringSheet: Rule<NoParameters>
    /// Which reply routes are available, and whether the direct route is barred for confidential replies.
    public var replyRoutes: Rule<ReplyRoutePolicy>
    /// Purposes refused at intake (party political, campaigning, personal, private business).
    public var refusedPurposes: Rule<RefusedPurposes>
    /// Members cannot set or raise priority: no queue jumping (TH 11.7).
    public var noQueueJumping: Rule<NoParameters>
    /// Chasing and escalation of overdue enquiries.
    public var chasing: Rule<EscalationLadder>
    /// Indicator for a member whose volume of requests is far above the norm (Wigan 6.5).
    public var volumeIndicator: Rule<VolumeIndicator>
    /// Who besides the member, their authorised assistant and the handling officers' line may see an enquiry.
    public var confidentiality: Rule<Audience>
    /// Copying one member's correspondence to another needs the member informed and consenting (LC 12).
    public var correspondenceConsent: Rule<NoParameters>

    public init(
        responseDeadline: Rule<WorkingDaysPeriod>, acknowledgementDeadline: Rule<WorkingDaysPeriod>,
        delayNotice: Rule<NoParameters>, routing: Rule<EnquiryRouting>, coveringSheet: Rule<NoParameters>,
        replyRoutes: Rule<ReplyRoutePolicy>, refusedPurposes: Rule<RefusedPurposes>,
        noQueueJumping: Rule<NoParameters>, chasing: Rule<EscalationLadder>,
        volumeIndicator: Rule<VolumeIndicator>, confidentiality: Rule<Audience>,
        correspondenceConsent: Rule<NoParameters>
    ) {
        self.responseDeadline = responseDeadline
        self.acknowledgementDeadline = acknowledgementDeadline
        self.delayNotice = delayNotice
        self.routing = routing
        self.coveringSheet = coveringSheet
        self.replyRoutes = replyRoutes
        self.refusedPurposes = refusedPurposes
        self.noQueueJumping = noQueueJumping
        self.chasing = chasing
        self.volumeIndicator = volumeIndicator
        self.confidentiality = confidentiality
        self.correspondenceConsent = correspondenceConsent
    }
}

public struct EnquiryRouting: Sendable, Hashable, Codable {
    /// e.g. `[service.head-of-service, service.liaison-officer]`
    public var routine: [Recipient]
    /// e.g. `[service.director]`
    public var nonRoutine: [Recipient]
    public init(routine: [Recipient], nonRoutine: [Recipient]) {
        self.routine = routine
        self.nonRoutine = nonRoutine
    }
}

public enum ReplyRoute: String, Sendable, Hashable, Codable, CaseIterable {
    case toMember = "to-member"
    case toMemberForOnwardPosting = "to-member-for-onward-posting"
    case directToConstituent = "direct-to-constituent"
}

public struct ReplyRoutePolicy: Sendable, Hashable, Codable {
    public var allowed: [ReplyRoute]
    /// Never reply direct to the constituent when the reply is confidential or restricted.
    public var directBarredWhenConfidential: Bool
    public init(allowed: [ReplyRoute], directBarredWhenConfidential: Bool) {
        self.allowed = allowed
        self.directBarredWhenConfidential = directBarredWhenConfidential
    }
}

public enum EnquiryPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    case partyPolitical = "party-political"
    case campaigning = "campaigning"
    case personal = "personal"
    case privateBusiness = "private-business"
}

public struct RefusedPurposes: Sendable, Hashable, Codable {
    public var purposes: [EnquiryPurpose]
    public init(purposes: [EnquiryPurpose]) { self.purposes = purposes }
}

public struct VolumeIndicator: Sendable, Hashable, Codable {
    /// Raise the indicator when a member's count over the window exceeds this multiple of the median.
    public var multipleOfMedian: Double
    public var windowMonths: Int
    public var visibleTo: [Recipient]
    public init(multipleOfMedian: Double, windowMonths: Int, visibleTo: [Recipient]) {
        self.multipleOfMedian = multipleOfMedian
        self.windowMonths = windowMonths
        self.visibleTo = visibleTo
    }
}

/// JSON output with the YAML field names (see ProtocolProfile+JSON.swift).
extension EnquiryRules: Encodable {}
