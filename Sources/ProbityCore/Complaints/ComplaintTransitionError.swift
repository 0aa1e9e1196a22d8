/// Why a step on a complaint was refused, in words a handler can act on.
public enum ComplaintTransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The written acknowledgement leaves out parts the protocol requires (LC 13 (a)–(c)).
    case incompleteAcknowledgement(missing: [ComplaintAcknowledgementPart])
    /// The step is not possible at this stage; `hint` says what to do first.
    case notAllowed(action: ComplaintAction, stage: ComplaintStage, hint: String)
    case alreadyClosed
    /// An outcome, informal resolution or assessment needs a written summary.
    case summaryRequired(action: ComplaintAction)
    /// `resolvedInformally` is recorded only through `recordInformalResolution`.
    case informalResolutionRecordedSeparately
    /// An officer complaining about a member is entitled to be told whether a formal complaint
    /// will go to the Monitoring Officer (LC 13), so the outcome must say.
    case monitoringOfficerDecisionRequired
    case referralNotInForce(statement: String, citation: String)
    case referralOnlyByComplainant
    case referralNeedsInvestigationResult(outcome: ComplaintOutcome?)
    case alreadyReferred
    case referralNotForStatutoryProcedure
    /// `complaints.referral.to` names nobody independent of the complaint in this case.
    case noIndependentAssessor(reason: String)
    /// Only this outcome may follow an independent assessment.
    case assessmentOutcomeNotAllowed(ComplaintOutcome)
    case dateBeforeReceipt(date: CalendarDate, receivedOn: CalendarDate)
    case dateBeforeLastStep(date: CalendarDate, lastStep: CalendarDate)
    /// A witness, investigator or disclosure names one of the parties where it cannot.
    case partyNotAllowed(action: ComplaintAction, reason: String)

    public var description: String { message }

    public var message: String {
        switch self {
        case .incompleteAcknowledgement(let missing):
            let parts = missing.map(\.requirement)
            return "The acknowledgement must say \(Self.list(parts)): the protocol requires the written reply to state receipt, the intended action and roughly how long it will take."
        case .notAllowed(let action, let stage, let hint):
            return "Cannot \(action.verbPhrase) a complaint that is \(stage.displayName). \(hint)"
        case .alreadyClosed:
            return "The complaint is already closed."
        case .summaryRequired(let action):
            switch action {
            case .recordInformalResolution: return "Record how the complaint was resolved informally: a summary is required."
            case .recordAssessment: return "Record the independent assessment's conclusion: a summary is required."
            case .assignHandler: return "Say why the complaint goes to this handler: a reason is required."
            default: return "An outcome needs a summary of what was found and done."
            }
        case .informalResolutionRecordedSeparately:
            return "Record an informal resolution as such, with its own summary, rather than as an outcome of an investigation."
        case .monitoringOfficerDecisionRequired:
            return "Say whether a formal complaint will go to the Monitoring Officer: the officer who complained is entitled to be told."
        case .referralNotInForce(let statement, let citation):
            return "This protocol provides no referral for independent assessment: \(statement) (\(citation))"
        case .referralOnlyByComplainant:
            return "Only the complainant can refer a complaint for independent assessment."
        case .referralNeedsInvestigationResult(let outcome):
            if let outcome {
                return "A complaint \(outcome.displayName) cannot be referred: referral is of the result of an investigation."
            }
            return "A complaint can be referred only once its investigation has an outcome."
        case .alreadyReferred:
            return "The complaint has already been referred for independent assessment; it cannot be referred again."
        case .referralNotForStatutoryProcedure:
            return "A complaint under a statutory procedure is reviewed under that procedure, not referred under the protocol."
        case .noIndependentAssessor(let reason):
            return "Nobody the protocol names can assess this complaint independently. \(reason)"
        case .assessmentOutcomeNotAllowed(let outcome):
            return "An independent assessment concludes upheld, partly upheld or not upheld (or the complainant withdraws), not \(outcome.displayName)."
        case .dateBeforeReceipt(let date, let receivedOn):
            return "\(date.displayShort) is before the complaint was received (\(receivedOn.displayShort))."
        case .dateBeforeLastStep(let date, let lastStep):
            return "\(date.displayShort) is before the complaint's last step (\(lastStep.displayShort))."
        case .partyNotAllowed(_, let reason):
            return reason
        }
    }

    private static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
