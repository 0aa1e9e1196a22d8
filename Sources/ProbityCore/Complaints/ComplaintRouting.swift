/// Finds where a complaint, breach report or improper-influence report goes under a profile.
///
/// Order, for complaints and breach reports (LC 14: a breach "should be dealt with by making a
/// formal complaint under this Protocol", so both take the same routes):
///
/// 1. The route for (complainant kind, subject kind), trying the subject's kinds most specific
///    first. A Chair or group leader with no route of their own takes the route for a member
///    (every Chair and group leader is a member; TH 1.8 "including the Mayor"). Officer posts are
///    never widened: a director, the Chief Executive or the Monitoring Officer is not "an
///    officer below director", and the route for an officer sends the complaint to the subject's
///    own director.
/// 2. For a complaint between a member and an officer that no route covers: the profile's
///    informal resolution ladder, when in force, at its first step naming someone other than the
///    parties (LC 13 "conciliation by an appropriate senior manager"; Wigan 5.1; Hackney 5.15–5.16).
/// 3. Then the Monitoring Officer, but only where the profile's route for the general kind
///    (a member about an officer, say) itself names the Monitoring Officer (Leicestershire 9).
/// 4. Otherwise `noRoute`, naming the profile's silence. Probity never invents a route.
///
/// Improper-influence reports go by `complaints.improperInfluence` alone (LC 7, TH 4.16).
///
/// Recipients never include the complainant or the person complained about.
public enum ComplaintRouting {
    public static func route(
        kind: ComplaintKind, complainant: PersonRef, subject: PersonRef,
        profile: ProtocolProfile, org: OrgSnapshot
    ) -> ComplaintRoutingOutcome {
        let complainantKind = complainant.complainantKind
        let subjectKinds = org.complaintSubjectKinds(of: subject)
        func unrouted(_ reason: String, _ rules: [RuleReference] = []) -> ComplaintRoutingOutcome {
            .noRoute(UnroutedComplaint(kind: kind, complainantKind: complainantKind, subjectKinds: subjectKinds,
                                       reason: reason, rules: rules))
        }
        if complainant == subject {
            return unrouted("The complainant and the person complained about are the same person.")
        }
        if org.complaintSubjectKinds(of: complainant).isEmpty {
            return unrouted("The complainant is not in the directory, so the route cannot be worked out.")
        }
        if subjectKinds.isEmpty {
            return unrouted("The person complained about is not in the directory, so the route cannot be worked out.")
        }
        let context = Context(kind: kind, complainant: complainant, subject: subject, subjectKinds: subjectKinds,
                              profile: profile, org: org)
        if kind == .improperInfluence { return context.improperInfluence() }
        if let routed = context.byRoute() { return .routed(routed) }
        if let routed = context.byLadder() { return .routed(routed) }
        if let routed = context.byMonitoringOfficer() { return .routed(routed) }
        return unrouted(context.silence(), context.consultedRules())
    }
}

/// One routing question, with the parties resolved once.
private struct Context {
    let kind: ComplaintKind
    let complainant: PersonRef
    let subject: PersonRef
    let subjectKinds: [ComplaintSubjectKind]
    let profile: ProtocolProfile
    let org: OrgSnapshot
    let parties: CaseParties

    init(kind: ComplaintKind, complainant: PersonRef, subject: PersonRef, subjectKinds: [ComplaintSubjectKind],
         profile: ProtocolProfile, org: OrgSnapshot) {
        self.kind = kind
        self.complainant = complainant
        self.subject = subject
        self.subjectKinds = subjectKinds
        self.profile = profile
        self.org = org
        self.parties = org.complaintParties(complainant: complainant, subject: subject)
    }

    var complainantKind: ComplainantKind { complainant.complainantKind }
    var rules: ComplaintRules { profile.complaints }
    var documentName: String { profile.document.citationName }
    /// `.officer` or `.member`: what the subject is at the least specific.
    var generalSubjectKind: ComplaintSubjectKind { subject.complainantKind == .officer ? .officer : .member }
    var isBetweenMemberAndOfficer: Bool { complainant.complainantKind != subject.complainantKind }

    /// "a complaint by a member about a director".
    var pairPhrase: String {
        let what = switch kind {
        case .complaint: "a complaint"
        case .breachOfProtocol: "a breach-of-protocol report"
        case .improperInfluence: "an improper-influence report"
        }
        return "\(what) by \(complainantKind.phrase) about \(subjectKinds.first?.phrase ?? generalSubjectKind.phrase)"
    }

    func recipients(_ list: [Recipient]) -> [ComplaintRecipient] {
        org.complaintRecipients(list, parties: parties, complainant: complainant, subject: subject)
    }

    // MARK: Improper influence (LC 7 "Undue influence"; TH 4.16, Appendix A; Wigan 4.7, 5.2)

    func improperInfluence() -> ComplaintRoutingOutcome {
        let rule = rules.improperInfluence
        let reference = rule.reference(in: profile.document)
        guard complainantKind == .officer else {
            return .noRoute(UnroutedComplaint(
                kind: kind, complainantKind: complainantKind, subjectKinds: subjectKinds,
                reason: "An improper-influence report is made by an officer about pressure put on them; a member's concern about an officer is a complaint.",
                rules: [reference]))
        }
        guard rule.inForce else {
            return .noRoute(UnroutedComplaint(
                kind: kind, complainantKind: complainantKind, subjectKinds: subjectKinds,
                reason: "The \(documentName) sets no reporting route for improper influence. \(rule.statement)",
                rules: [reference]))
        }
        let to = recipients(rule.parameters.to)
        let copyTo = recipients(rule.parameters.copyTo)
        let inform = recipients(rule.parameters.inform)
        let handlerIndex = to.firstIndex { $0.isResolved }
        var notes = handlerIndex == nil ? to.compactMap(\.unresolved) : []
        notes += (copyTo + inform).compactMap(\.unresolved)
        // A duty report to a named officer (LC 7: "Officers have a duty to report"), so formal.
        return .routed(RoutedComplaint(
            kind: kind, basis: .improperInfluence, rule: reference, procedure: .formal,
            handler: handlerIndex.map { to[$0] }, alternatives: alternatives(to, after: handlerIndex),
            copyTo: copyTo, inform: inform, notes: notes))
    }

    // MARK: 1. The profile's routes

    func byRoute() -> RoutedComplaint? {
        for (index, subjectKind) in subjectKinds.enumerated() {
            guard let route = route(about: subjectKind) else { continue }
            var notes: [String] = []
            if index > 0, let specific = subjectKinds.first {
                notes.append("The \(documentName) sets no route for a complaint by \(complainantKind.phrase) about \(specific.phrase); its route for a complaint about \(subjectKind.phrase) applies, since \(specific.phrase) is also \(subjectKind.phrase).")
            }
            return routed(by: route, basis: .route(key: route.parameters.key, matchedAs: subjectKind), notes: notes)
        }
        return nil
    }

    func route(about subjectKind: ComplaintSubjectKind) -> Rule<ComplaintRoute>? {
        rules.routes.first {
            $0.inForce && $0.parameters.complainant == complainantKind && $0.parameters.about == subjectKind
        }
    }

    func routed(by route: Rule<ComplaintRoute>, basis: RoutedComplaint.Basis, notes: [String]) -> RoutedComplaint {
        let parameters = route.parameters
        let to = recipients(parameters.routing.to)
        let copyTo = recipients(parameters.routing.copyTo)
        let inform = recipients(parameters.routing.inform)
        let handlerIndex = to.firstIndex { $0.isResolved }
        var notes = notes
        if handlerIndex == nil {
            notes += to.compactMap(\.unresolved)
            if parameters.procedure == .statutory, let instrument = parameters.statutoryInstrument {
                notes.append("This complaint is dealt with under the \(instrument).")
            }
        }
        notes += (copyTo + inform).compactMap(\.unresolved)
        let ladder = ladderSteps()
        return RoutedComplaint(
            kind: kind, basis: basis, rule: route.reference(in: profile.document), procedure: parameters.procedure,
            statutoryInstrument: parameters.statutoryInstrument, complainantLearns: parameters.complainantLearns,
            handler: handlerIndex.map { to[$0] }, alternatives: alternatives(to, after: handlerIndex),
            copyTo: copyTo, inform: inform, ladder: ladder?.steps ?? [], ladderRule: ladder?.rule, notes: notes)
    }

    func alternatives(_ to: [ComplaintRecipient], after handlerIndex: Int?) -> [ComplaintRecipient] {
        guard let handlerIndex else { return [] }
        return to[(handlerIndex + 1)...].filter(\.isResolved)
    }

    // MARK: 2. The informal resolution ladder

    /// The ladder's steps for this case, when in force and the case is between a member and an
    /// officer. A `subject.self` step (Wigan 5.1, Leicestershire 9: "direct discussion with the
    /// officer") names the subject, as the person to talk to rather than to send the complaint to.
    func ladderSteps() -> (steps: [ComplaintRecipient], rule: RuleReference)? {
        let ladder = rules.informalLadder
        guard ladder.inForce, isBetweenMemberAndOfficer else { return nil }
        let steps = ladder.parameters.steps.map { step in
            if step.role == .self_ {
                let resolved = org.resolve(step, parties: parties)
                let people = resolved.people.filter { $0 != complainant }
                return ComplaintRecipient(recipient: step, people: people,
                                          unresolved: people.isEmpty ? (resolved.unresolved ?? "Nobody in the directory is \(step.displayName).") : nil)
            }
            return org.complaintRecipient(step, parties: parties, complainant: complainant, subject: subject)
        }
        return (steps, ladder.reference(in: profile.document))
    }

    func byLadder() -> RoutedComplaint? {
        guard let ladder = ladderSteps(),
              let handler = ladder.steps.first(where: { $0.recipient.role != .self_ && $0.isResolved }) else { return nil }
        let note = "The \(documentName) sets no route for \(pairPhrase); its informal resolution ladder applies, starting with the \(handler.recipient.displayName)."
        return RoutedComplaint(
            kind: kind, basis: .informalLadder, rule: ladder.rule, procedure: .informal, handler: handler,
            ladder: ladder.steps, ladderRule: ladder.rule, notes: [note])
    }

    // MARK: 3. The Monitoring Officer, where the general route names them

    func byMonitoringOfficer() -> RoutedComplaint? {
        guard isBetweenMemberAndOfficer, !subjectKinds.contains(generalSubjectKind),
              let general = route(about: generalSubjectKind) else { return nil }
        let monitoringOfficer = Recipient(.monitoringOfficer)
        guard general.parameters.routing.to.contains(monitoringOfficer) else { return nil }
        let handler = org.complaintRecipient(monitoringOfficer, parties: parties, complainant: complainant, subject: subject)
        var notes = ["The \(documentName) sets no route for \(pairPhrase); its route for a complaint about \(generalSubjectKind.phrase) names the Monitoring Officer, who takes it."]
        if let unresolved = handler.unresolved { notes.append(unresolved) }
        let ladder = ladderSteps()
        return RoutedComplaint(
            kind: kind, basis: .monitoringOfficer(routeKey: general.parameters.key),
            rule: general.reference(in: profile.document), procedure: general.parameters.procedure,
            statutoryInstrument: general.parameters.statutoryInstrument,
            complainantLearns: general.parameters.complainantLearns,
            handler: handler.isResolved ? handler : nil, ladder: ladder?.steps ?? [], ladderRule: ladder?.rule, notes: notes)
    }

    // MARK: 4. Silence

    func silence() -> String {
        var reason = "The \(documentName) sets no route for \(pairPhrase)."
        let ladder = rules.informalLadder
        if !isBetweenMemberAndOfficer {
            reason += " Its routes and informal resolution ladder cover complaints between members and officers."
        } else if !ladder.inForce {
            reason += " It has no informal resolution ladder to fall back on."
        } else {
            reason += " Its informal resolution ladder names nobody other than the parties in this case."
        }
        let disabled = rules.routes.filter {
            !$0.inForce && $0.parameters.complainant == complainantKind && subjectKinds.contains($0.parameters.about)
        }
        if !disabled.isEmpty {
            reason += " The authority has switched off its route for this (\(disabled.map { $0.citationText(in: profile.document) }.joined(separator: "; ")))."
        }
        return reason + " Record the complaint; the complaints officer decides how it is handled."
    }

    func consultedRules() -> [RuleReference] {
        var consulted = rules.routes.filter {
            $0.parameters.complainant == complainantKind && subjectKinds.contains($0.parameters.about)
        }.map { $0.reference(in: profile.document) }
        if isBetweenMemberAndOfficer { consulted.append(rules.informalLadder.reference(in: profile.document)) }
        return consulted
    }
}
