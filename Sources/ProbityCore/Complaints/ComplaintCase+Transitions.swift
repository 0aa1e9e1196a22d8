import Foundation

/// The steps a complaint goes through: received → acknowledged → under investigation →
/// outcome recorded (or resolved informally) → closed, with an optional referral for
/// independent assessment after an outcome. Every refusal is a `ComplaintTransitionError`
/// whose message says what to do instead.
extension ComplaintCase {
    /// Records the written acknowledgement (LC 13 (a)–(c)); all three parts are required.
    public mutating func acknowledge(_ acknowledgement: ComplaintAcknowledgement, on date: CalendarDate) throws(ComplaintTransitionError) {
        try checkOpen(.acknowledge)
        guard stage == .received else {
            throw .notAllowed(action: .acknowledge, stage: stage, hint: "It has already been acknowledged.")
        }
        try checkDate(date)
        try acknowledgement.validate()
        self.acknowledgement = acknowledgement
        acknowledgedOn = date
        move(to: .acknowledged, on: date, action: .acknowledge)
    }

    public mutating func startInvestigation(on date: CalendarDate) throws(ComplaintTransitionError) {
        try checkOpen(.startInvestigation)
        guard stage == .acknowledged else {
            let hint = stage == .received
                ? "Acknowledge it in writing first, saying what will be done and roughly how long it will take."
                : "Investigation starts once, after the acknowledgement."
            throw .notAllowed(action: .startInvestigation, stage: stage, hint: hint)
        }
        try checkDate(date)
        investigationStartedOn = date
        move(to: .underInvestigation, on: date, action: .startInvestigation)
    }

    /// Records that the complaint was settled informally, as such (LC 13 "conciliation";
    /// Wigan 5.3): the outcome is `resolvedInformally`, never an investigation result.
    public mutating func recordInformalResolution(
        summary: String, complainantStatement: String? = nil, on date: CalendarDate
    ) throws(ComplaintTransitionError) {
        try checkOpen(.recordInformalResolution)
        guard stage == .acknowledged || stage == .underInvestigation else {
            throw .notAllowed(action: .recordInformalResolution, stage: stage, hint: Self.hint(for: stage))
        }
        try checkDate(date)
        let summary = try Self.required(summary, for: .recordInformalResolution)
        outcome = .resolvedInformally
        outcomeSummary = summary
        self.complainantStatement = Self.trimmed(complainantStatement)
        outcomeOn = date
        move(to: .informalResolution, on: date, action: .recordInformalResolution)
    }

    /// Records how the complaint ended, or, after a referral, the independent assessment.
    ///
    /// - `summary`: the handler's account, seen only by those who need to know.
    /// - `complainantStatement`: what the complainant is told (the outcome, never disciplinary detail).
    /// - `goesToMonitoringOfficer`: required when an officer complained about a member and the
    ///   investigation has a result (LC 13); implied by `referredToStatutoryProcedure`.
    public mutating func recordOutcome(
        _ outcome: ComplaintOutcome, summary: String, complainantStatement: String? = nil,
        goesToMonitoringOfficer: Bool? = nil, on date: CalendarDate
    ) throws(ComplaintTransitionError) {
        if stage == .referred {
            try recordAssessment(outcome, summary: summary, complainantStatement: complainantStatement, on: date)
            return
        }
        try checkOpen(.recordOutcome)
        guard outcome != .resolvedInformally else { throw .informalResolutionRecordedSeparately }
        let allowed: Set<ComplaintStage> = outcome == .withdrawn
            ? [.received, .acknowledged, .underInvestigation]
            : [.acknowledged, .underInvestigation]
        guard allowed.contains(stage) else {
            throw .notAllowed(action: .recordOutcome, stage: stage, hint: Self.hint(for: stage))
        }
        try checkDate(date)
        let summary = try Self.required(summary, for: .recordOutcome)
        var monitoringOfficer = goesToMonitoringOfficer
        if outcome == .referredToStatutoryProcedure { monitoringOfficer = monitoringOfficer ?? true }
        if outcome.isInvestigationResult, complainant.complainantKind == .officer,
           subject.complainantKind == .member, kind != .improperInfluence, monitoringOfficer == nil {
            throw .monitoringOfficerDecisionRequired
        }
        self.outcome = outcome
        outcomeSummary = summary
        self.complainantStatement = Self.trimmed(complainantStatement)
        self.goesToMonitoringOfficer = monitoringOfficer
        outcomeOn = date
        move(to: .outcomeRecorded, on: date, action: .recordOutcome, note: outcome.displayName)
    }

    /// The complainant, dissatisfied with the result of the investigation, refers the complaint
    /// for independent assessment (LC 13: "to the Chief Executive for an independent assessment";
    /// TH 14.6). Only where `complaints.referral` is in force, only once, only by the complainant,
    /// and only of an investigation's result (not a withdrawal, an informal resolution or a
    /// statutory procedure, which has its own review).
    public mutating func refer(
        by person: PersonRef, on date: CalendarDate, profile: ProtocolProfile, org: OrgSnapshot
    ) throws(ComplaintTransitionError) {
        try checkOpen(.refer)
        let rule = profile.complaints.referral
        let reference = rule.reference(in: profile.document)
        guard rule.inForce else { throw .referralNotInForce(statement: rule.statement, citation: reference.citation) }
        guard person == complainant else { throw .referralOnlyByComplainant }
        guard referral == nil else { throw .alreadyReferred }
        guard procedure != .statutory, outcome != .referredToStatutoryProcedure else {
            throw .referralNotForStatutoryProcedure
        }
        guard stage == .outcomeRecorded, let outcome, outcome.isInvestigationResult else {
            throw .referralNeedsInvestigationResult(outcome: outcome)
        }
        try checkDate(date)
        let parties = org.complaintParties(complainant: complainant, subject: subject)
        let candidates = rule.parameters.to.map {
            org.complaintRecipient($0, parties: parties, complainant: complainant, subject: subject)
        }
        // The assessment is independent: never the handler who reached the result.
        let independent = candidates.map { candidate in
            var candidate = candidate
            candidate.people = candidate.people.filter { $0 != handler }
            if candidate.people.isEmpty, candidate.unresolved == nil {
                candidate.unresolved = "The \(candidate.recipient.displayName) handled the complaint, so cannot assess it independently."
            }
            return candidate
        }
        guard let chosen = independent.first(where: { $0.isResolved }) else {
            throw .noIndependentAssessor(reason: independent.compactMap(\.unresolved).joined(separator: " "))
        }
        referral = ComplaintReferral(referredOn: date, assessors: chosen.people, rule: reference)
        move(to: .referred, on: date, action: .refer)
    }

    /// Closes a complaint that has an outcome or an informal resolution. Closing twice is refused.
    public mutating func close(on date: CalendarDate) throws(ComplaintTransitionError) {
        guard stage != .closed else { throw .alreadyClosed }
        guard stage == .outcomeRecorded || stage == .informalResolution else {
            throw .notAllowed(action: .close, stage: stage, hint: Self.hint(for: stage))
        }
        try checkDate(date)
        closedOn = date
        move(to: .closed, on: date, action: .close)
    }

    // MARK: Who takes part

    /// Gives the complaint to `person` to handle: the complaints officer routing by hand a
    /// complaint the protocol gives no route, or the next step up the informal ladder (Wigan 5.1:
    /// line manager, then Assistant Director, then Director). The previous handler stops being one,
    /// so no longer sees the case (LC 13: need to know). `reason` goes in the history.
    public mutating func assignHandler(_ person: PersonRef, on date: CalendarDate, reason: String) throws(ComplaintTransitionError) {
        try checkOpen(.assignHandler)
        try checkDate(date)
        guard person != complainant, person != subject else {
            throw .partyNotAllowed(action: .assignHandler, reason: "The complainant and the person complained about cannot handle the complaint.")
        }
        let reason = try Self.required(reason, for: .assignHandler)
        handler = person
        history.append(ComplaintEvent(on: date, action: .assignHandler, stage: stage, note: reason))
    }

    /// Adds an investigating officer, who then needs to know the full details (LC 13).
    public mutating func addInvestigator(_ person: PersonRef, on date: CalendarDate) throws(ComplaintTransitionError) {
        try checkOpen(.addInvestigator)
        try checkDate(date)
        guard person != complainant, person != subject else {
            throw .partyNotAllowed(action: .addInvestigator, reason: "The complainant and the person complained about cannot investigate the complaint.")
        }
        investigators.insert(person)
        history.append(ComplaintEvent(on: date, action: .addInvestigator, stage: stage))
    }

    /// Gives a witness items to give evidence on: all the witness may see (LC 13 "Witnesses will
    /// only be told what they need to know in order for them to give evidence").
    public mutating func share(_ itemIDs: Set<UUID>, withWitness witness: PersonRef, on date: CalendarDate) throws(ComplaintTransitionError) {
        try checkOpen(.shareWithWitness)
        try checkDate(date)
        guard witness != complainant, witness != subject else {
            throw .partyNotAllowed(action: .shareWithWitness, reason: "The complainant and the person complained about are parties, not witnesses.")
        }
        witnessItems[witness, default: []].formUnion(itemIDs)
        history.append(ComplaintEvent(on: date, action: .shareWithWitness, stage: stage))
    }

    /// The investigator discloses the allegation (as the server stores it) to the person complained about.
    public mutating func discloseAllegationToSubject(on date: CalendarDate) throws(ComplaintTransitionError) {
        try checkOpen(.discloseAllegation)
        try checkDate(date)
        allegationDisclosedToSubject = true
        history.append(ComplaintEvent(on: date, action: .discloseAllegation, stage: stage))
    }

    /// The investigator tells `person` who complained, on a need-to-know basis (LC 13).
    public mutating func discloseComplainantIdentity(to person: PersonRef, on date: CalendarDate) throws(ComplaintTransitionError) {
        try checkOpen(.discloseComplainantIdentity)
        try checkDate(date)
        guard person != complainant else {
            throw .partyNotAllowed(action: .discloseComplainantIdentity, reason: "The complainant already knows who complained.")
        }
        complainantIdentityDisclosedTo.insert(person)
        history.append(ComplaintEvent(on: date, action: .discloseComplainantIdentity, stage: stage))
    }

    // MARK: Helpers

    private mutating func recordAssessment(
        _ outcome: ComplaintOutcome, summary: String, complainantStatement: String?, on date: CalendarDate
    ) throws(ComplaintTransitionError) {
        guard outcome.isInvestigationResult || outcome == .withdrawn else { throw .assessmentOutcomeNotAllowed(outcome) }
        try checkDate(date)
        let summary = try Self.required(summary, for: .recordAssessment)
        referral?.assessment = outcome
        referral?.assessmentSummary = summary
        referral?.assessedOn = date
        if let statement = Self.trimmed(complainantStatement) { self.complainantStatement = statement }
        move(to: .outcomeRecorded, on: date, action: .recordAssessment, note: outcome.displayName)
    }

    private func checkOpen(_ action: ComplaintAction) throws(ComplaintTransitionError) {
        if stage == .closed {
            throw .notAllowed(action: action, stage: .closed, hint: "A closed complaint cannot change.")
        }
    }

    private func checkDate(_ date: CalendarDate) throws(ComplaintTransitionError) {
        if date < receivedOn { throw .dateBeforeReceipt(date: date, receivedOn: receivedOn) }
        if let last = history.last?.on, date < last { throw .dateBeforeLastStep(date: date, lastStep: last) }
    }

    private static func required(_ text: String, for action: ComplaintAction) throws(ComplaintTransitionError) -> String {
        guard let text = trimmed(text) else { throw .summaryRequired(action: action) }
        return text
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private static func hint(for stage: ComplaintStage) -> String {
        switch stage {
        case .received: "Acknowledge it in writing first."
        case .acknowledged, .underInvestigation: "Record an outcome or an informal resolution first."
        case .informalResolution, .outcomeRecorded: "It already has an outcome: close it, or the complainant may refer it."
        case .referred: "Record the independent assessment first."
        case .closed: "A closed complaint cannot change."
        }
    }
}
