/// Where a complaint goes, or why the profile gives it nowhere to go.
public enum ComplaintRoutingOutcome: Sendable, Hashable {
    case routed(RoutedComplaint)
    case noRoute(UnroutedComplaint)

    public var routed: RoutedComplaint? {
        if case .routed(let routed) = self { return routed }
        return nil
    }

    public var unrouted: UnroutedComplaint? {
        if case .noRoute(let unrouted) = self { return unrouted }
        return nil
    }

    /// The rule id a case records as its route, for reports (`complaints.routes.member-about-officer`,
    /// `complaints.improperInfluence`, `complaints.informalLadder`); nil when unrouted.
    public var routeRuleId: String? { routed?.rule.ruleId }
}

/// A complaint the profile routes.
public struct RoutedComplaint: Sendable, Hashable {
    /// Which part of the profile routed it.
    public enum Basis: Sendable, Hashable {
        /// A route of `complaints.routes`; `matchedAs` is the subject kind the route names, which
        /// for a Chair or group leader without a route of their own is `member`.
        case route(key: String, matchedAs: ComplaintSubjectKind)
        /// `complaints.improperInfluence`.
        case improperInfluence
        /// No route covers the pair; the profile's informal resolution ladder names someone.
        case informalLadder
        /// No route covers the pair; the route for the general kind (`routeKey`) names the
        /// Monitoring Officer, who is independent of the subject's line.
        case monitoringOfficer(routeKey: String)
    }

    public var kind: ComplaintKind
    public var basis: Basis
    /// The rule that routed it, with its citation; `rule.ruleId` is what a case records.
    public var rule: RuleReference
    public var procedure: ComplaintProcedure
    /// For a statutory route: the instrument the protocol names.
    public var statutoryInstrument: String?
    /// What the complainant is entitled to learn, in the protocol's words.
    public var complainantLearns: String?
    /// Who the complaint goes to: the first entry of the route's `to` list that names somebody
    /// other than the parties; nil when nobody could be found (see `notes`).
    public var handler: ComplaintRecipient?
    /// The later entries of `to`: alternatives the protocol also allows (Leicestershire 9:
    /// "the relevant Director concerned or ... the Council's Monitoring Officer").
    public var alternatives: [ComplaintRecipient]
    /// Sent a copy (LC 13: the director "send[s] a copy of the complaint to the Chief Executive").
    public var copyTo: [ComplaintRecipient]
    /// Told of it (LC 13: "advise the Party Group Leader"; LC 7: "inform the Chief Executive").
    public var inform: [ComplaintRecipient]
    /// The informal resolution ladder resolved for this case, where the profile has one in force
    /// (Wigan 5.1: line manager, Assistant Director, Director), for escalating step by step.
    public var ladder: [ComplaintRecipient]
    public var ladderRule: RuleReference?
    /// Plain-English notes: how a fallback was chosen, and every recipient nobody could be found for.
    public var notes: [String]

    public init(
        kind: ComplaintKind, basis: Basis, rule: RuleReference, procedure: ComplaintProcedure,
        statutoryInstrument: String? = nil, complainantLearns: String? = nil, handler: ComplaintRecipient?,
        alternatives: [ComplaintRecipient] = [], copyTo: [ComplaintRecipient] = [], inform: [ComplaintRecipient] = [],
        ladder: [ComplaintRecipient] = [], ladderRule: RuleReference? = nil, notes: [String] = []
    ) {
        self.kind = kind
        self.basis = basis
        self.rule = rule
        self.procedure = procedure
        self.statutoryInstrument = statutoryInstrument
        self.complainantLearns = complainantLearns
        self.handler = handler
        self.alternatives = alternatives
        self.copyTo = copyTo
        self.inform = inform
        self.ladder = ladder
        self.ladderRule = ladderRule
        self.notes = notes
    }

    /// True when nobody in the directory can take the complaint (an external statutory route, or
    /// a gap in the directory): the complaints officer routes it by hand, following `notes`.
    public var needsManualRouting: Bool { handler == nil }

    /// Everyone copied or informed, without repeats.
    public var copiedPeople: [PersonRef] { Self.unique(copyTo.flatMap(\.people)) }
    public var informedPeople: [PersonRef] { Self.unique(inform.flatMap(\.people)) }

    private static func unique(_ people: [PersonRef]) -> [PersonRef] {
        var seen: Set<PersonRef> = []
        return people.filter { seen.insert($0).inserted }
    }
}

/// A complaint the profile gives no route for. Probity never invents one: the case is recorded
/// and the complaints officer decides its handling.
public struct UnroutedComplaint: Sendable, Hashable {
    public var kind: ComplaintKind
    public var complainantKind: ComplainantKind
    /// The subject's kinds, most specific first (empty when the subject is not in the directory).
    public var subjectKinds: [ComplaintSubjectKind]
    /// Why there is no route, naming the profile's silence.
    public var reason: String
    /// The rules consulted that did not route it (a rule not in force, a silent rule).
    public var rules: [RuleReference]

    public init(kind: ComplaintKind, complainantKind: ComplainantKind, subjectKinds: [ComplaintSubjectKind],
                reason: String, rules: [RuleReference] = []) {
        self.kind = kind
        self.complainantKind = complainantKind
        self.subjectKinds = subjectKinds
        self.reason = reason
        self.rules = rules
    }
}
