import Foundation

extension NeedToKnowRequest {
    /// A new request from a councillor, or from a group assistant for a named councillor of their
    /// group (TH 12.23), sent to the officer the profile names for the document's department
    /// (TH 12.22(i)). Refuses at once what no decision could release: personal records and
    /// another group's papers (TH 12.13–12.14), drafts outside the administration where the profile
    /// keeps them for it (TH 12.13), matters the councillor has an interest in (TH 12.7), and
    /// fishing (TH 12.11). `grants` are the reader's existing releases, to spot a needless request.
    public static func submit(id: UUID, context: ViewerContext, document: DocumentFacts, reason: NeedToKnowReason,
                              grants: [ReleaseGrant] = [], at: Date, profile: ProtocolProfile,
                              org: OrgSnapshot) throws(InformationError) -> NeedToKnowRequest {
        let procedure = profile.information.needToKnowDecision
        let procedureRule = procedure.reference(in: profile.document)
        guard procedure.inForce else {
            throw InformationError(.procedureNotInForce,
                                   "This protocol does not set a need-to-know procedure in Probity. Ask under the authority's access to information rules.",
                                   rule: procedureRule)
        }
        let (memberID, assistantID) = try requester(context: context, profile: profile, org: org)
        let member = org.members[memberID]
        let checkedReason = try reason.validated(profile: profile)
        try checkReleasable(document: document, groupID: member?.groupID, profile: profile, org: org)
        if let standing = context.member, standing.hasInterest(in: document.subjects) {
            throw InformationError(.personalInterest,
                                   "You have declared an interest in this matter, so you have only a private individual's access: the public papers. Make clear you are acting in a private capacity.",
                                   rule: profile.personalInterestReferences.first)
        }
        let current = DocumentPolicy.access(context: context, document: document, grants: grants, at: at, profile: profile, org: org)
        if current.allowed {
            throw InformationError(.alreadyAvailable, "No request is needed: \(current.decision.reasons.joined(separator: " "))",
                                   rule: current.decision.rules.first)
        }
        let parties = document.routingParties(requesterMemberID: memberID)
        guard let deciders = org.firstResolvable(procedure.parameters.decidedBy, parties: parties),
              case let officers = deciders.people.compactMap(officerID), !officers.isEmpty else {
            let wanted = procedure.parameters.decidedBy.map(\.displayName).joined(separator: " or ")
            throw InformationError(.nobodyToRoute,
                                   "Nobody in the directory is the \(wanted) for this document, so the request cannot be sent. Ask member services to record who holds the post.",
                                   rule: procedureRule)
        }
        let foi = FreedomOfInformationRoute.offered(for: document, profile: profile)
        var note = checkedReason.purpose
        if let foi { note += " " + foi.guidance }
        return NeedToKnowRequest(
            id: id, documentID: document.id, memberID: memberID, raisedByAssistantID: assistantID, reason: checkedReason,
            submittedAt: at, deciderIDs: officers, referralIDs: [], status: .submitted, refusals: [], grant: nil,
            freedomOfInformation: foi,
            history: [NeedToKnowEvent(kind: .submitted, at: at, by: context.viewer.asPerson,
                                      note: note, rules: [procedureRule])]
        )
    }

    /// The councillor the request is for, and the assistant making it if one is.
    private static func requester(context: ViewerContext, profile: ProtocolProfile,
                                  org: OrgSnapshot) throws(InformationError) -> (UUID, UUID?) {
        let viewer = context.viewer
        switch viewer.kind {
        case .member:
            guard let id = viewer.personID, context.member?.memberID == id, org.members[id] != nil else {
                throw InformationError(.notPermitted, "Only a councillor of this authority can make a need-to-know request.")
            }
            return (id, nil)
        case .assistant:
            guard let id = viewer.personID, let group = viewer.groupID, let principal = context.member?.memberID,
                  viewer.actsForMemberIDs.contains(principal), org.members[principal]?.groupID == group else {
                throw InformationError(.notPermitted,
                                       "Say which councillor of your group you are acting for: assistants make requests only for named councillors they act for.",
                                       field: "member", rule: profile.assistantReferences.first)
            }
            return (principal, id)
        case .partyWorker:
            throw InformationError(.notPermitted, "Party workers have no entitlement to council information, so cannot make need-to-know requests.",
                                   rule: profile.partyWorkerReferences.first)
        case .officer, .none:
            throw InformationError(.notPermitted, "Need-to-know requests are made by councillors, or by group assistants for them.")
        }
    }

    /// Refuses what no decision can release to a councillor of `groupID`.
    static func checkReleasable(document: DocumentFacts, groupID: UUID?, profile: ProtocolProfile,
                                org: OrgSnapshot) throws(InformationError) {
        switch document.documentClass {
        case .public:
            throw InformationError(.alreadyAvailable, "This is public information: no request is needed.")
        case .personal:
            throw InformationError(.notReleasable, "An individual's personal records are not accessible to councillors.",
                                   rule: profile.personalRecordsReferences.first)
        case .groupInternal(let owner):
            guard owner == groupID else {
                throw InformationError(.notReleasable,
                                       "This is part of another political group's internal workings: councillors of other groups have no need to know it.",
                                       rule: profile.otherGroupReferences.first)
            }
        case .draftPolicy:
            let rule = profile.information.draftsAdministrationOnly
            if rule.inForce, groupID.flatMap({ org.groups[$0]?.isAdministration }) != true {
                throw InformationError(.notReleasable,
                                       "Draft policy and draft reports are available only to the political group forming the administration.",
                                       rule: rule.reference(in: profile.document))
            }
        case .exempt, .confidential:
            break
        }
    }

    static func officerID(_ person: PersonRef) -> UUID? {
        if case .officer(let id) = person { return id }
        return nil
    }
}
