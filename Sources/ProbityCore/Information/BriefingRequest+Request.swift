import Foundation

extension BriefingRequest {
    /// A group's request for an officer briefing, by a councillor of the group or an assistant
    /// acting for one, sent to the gatekeeper the profile names (TH 6.4(i): the appropriate member
    /// of the Corporate Management Team; LC 6: the Chief Executive; Wigan 8.3: the appropriate Director).
    public static func request(id: UUID, by context: ViewerContext, topic: String, matterServiceID: UUID? = nil,
                               nonCouncillorsAttending: [String] = [], answersOffer: Bool = false, at: Date,
                               profile: ProtocolProfile, org: OrgSnapshot) throws(InformationError) -> BriefingRequest {
        let gatekeeper = profile.briefings.gatekeeper
        let gatekeeperRule = gatekeeper.reference(in: profile.document)
        guard gatekeeper.inForce else {
            throw InformationError(.procedureNotInForce, "This protocol sets no procedure for party group briefings in Probity.", rule: gatekeeperRule)
        }
        let (memberID, assistantID, groupID) = try requester(context, profile: profile, org: org)
        let text = try InformationText.required(topic, field: "topic", missing: "Say what council business the group would like to be briefed on.")
        var parties = CaseParties([.requester: .member(memberID), .member: .member(memberID)])
        if let matterServiceID {
            parties[.matter] = .service(matterServiceID)
            parties[.service] = .service(matterServiceID)
        }
        guard let resolved = org.firstResolvable(gatekeeper.parameters.to, parties: parties),
              case let gatekeepers = resolved.people.compactMap(NeedToKnowRequest.officerID), !gatekeepers.isEmpty else {
            let wanted = gatekeeper.parameters.to.map(\.displayName).joined(separator: " or ")
            let hint = matterServiceID == nil && gatekeeper.parameters.to.contains { $0.anchor == .matter || $0.anchor == .service }
                ? " Say which department's business it concerns." : ""
            throw InformationError(.nobodyToRoute, "Nobody in the directory is the \(wanted) for this briefing.\(hint)", rule: gatekeeperRule)
        }
        let outsiders = nonCouncillorsAttending.map(InformationText.clean).filter { !$0.isEmpty }
        var agreementGivers: [UUID] = []
        let attendance = profile.briefings.nonCouncillorAttendance
        if !outsiders.isEmpty, attendance.inForce {
            agreementGivers = org.resolveAll(attendance.parameters.to, parties: parties).compactMap(NeedToKnowRequest.officerID)
            guard !agreementGivers.isEmpty else {
                throw InformationError(.nobodyToRoute, "Nobody in the directory can agree to non-councillors being present.",
                                       rule: attendance.reference(in: profile.document))
            }
        }
        var rules = [gatekeeperRule]
        if !outsiders.isEmpty, attendance.inForce { rules.append(attendance.reference(in: profile.document)) }
        return BriefingRequest(
            id: id, groupID: groupID, requestedByMemberID: memberID, raisedByAssistantID: assistantID, topic: text,
            matterServiceID: matterServiceID, requestedAt: at, gatekeeperIDs: gatekeepers, nonCouncillorsAttending: outsiders,
            agreementGiverIDs: agreementGivers, attendanceAgreement: nil, assignedOfficerID: nil, accompanyingOfficerIDs: [],
            declines: [], offers: [], answersOffer: answersOffer, status: .requested, heldAt: nil,
            officerLeftBeforePartyBusiness: nil, record: nil,
            history: [BriefingEvent(kind: .requested, at: at, by: context.viewer.asPerson, note: nil, rules: rules)]
        )
    }

    /// The councillor asking, the assistant asking for them if one is, and their group.
    private static func requester(_ context: ViewerContext, profile: ProtocolProfile,
                                  org: OrgSnapshot) throws(InformationError) -> (UUID, UUID?, UUID) {
        let viewer = context.viewer
        switch viewer.kind {
        case .member:
            guard let id = viewer.personID, let group = org.members[id]?.groupID else {
                throw InformationError(.notPermitted, "Briefings are for political groups: only a councillor of a group can ask for one.")
            }
            return (id, nil, group)
        case .assistant:
            guard let id = viewer.personID, let group = viewer.groupID, let principal = context.member?.memberID,
                  viewer.actsForMemberIDs.contains(principal), org.members[principal]?.groupID == group else {
                throw InformationError(.notPermitted, "Say which councillor of your group you are acting for.", field: "member",
                                       rule: profile.assistantReferences.first)
            }
            return (principal, id, group)
        case .officer, .partyWorker, .none:
            throw InformationError(.notPermitted, "Briefings are asked for by a political group's councillors, or its assistants for them.",
                                   rule: profile.partyWorkerReferences.first)
        }
    }
}
