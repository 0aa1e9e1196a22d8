import Foundation

extension BriefingRequest {
    /// The briefing after `action` by `actor` at `at`, or why it cannot be done.
    public func applying(_ action: BriefingAction, by actor: Viewer, at: Date, profile: ProtocolProfile,
                         org: OrgSnapshot) throws(InformationError) -> BriefingRequest {
        let rules = profile.briefings
        let document = profile.document
        var next = self
        guard status != .withdrawn else { throw InformationError(.wrongState, "This briefing request was withdrawn.") }
        switch action {
        case .assign(let officerID, let accompanying, let neutralTopic):
            let gatekeeper = try requireOfficer(actor, in: gatekeeperIDs, "Only the gatekeeper can assign the officer.",
                                                rule: rules.gatekeeper.reference(in: document))
            guard status == .requested else { throw InformationError(.wrongState, "An officer is already assigned.") }
            let team = [officerID] + accompanying
            guard team.allSatisfy({ org.officers[$0] != nil }), Set(team).count == team.count else {
                throw InformationError(.invalidField, "Choose officers of the council, each once.", field: "officer")
            }
            guard !declines.contains(where: { $0.officerID == officerID }) else {
                throw InformationError(.invalidField, "That officer has declined this briefing.", field: "officer",
                                       rule: rules.officerMayDecline.reference(in: document))
            }
            next.assignedOfficerID = officerID
            next.accompanyingOfficerIDs = accompanying
            next.status = .assigned
            next.history.append(BriefingEvent(kind: .assigned, at: at, by: .officer(gatekeeper), note: nil,
                                              rules: [rules.gatekeeper.reference(in: document)]))
            if rules.offerToOtherGroups.inForce, rules.offerToOtherGroups.parameters.mode == .automatic, !answersOffer {
                let wording = try InformationText.required(neutralTopic ?? "", field: "neutralTopic",
                                                           missing: "Word the topic neutrally for the offer to the other groups: they are offered the same briefing but not told who asked.")
                for group in org.groups.keys.sorted() where group != groupID && !offers.contains(where: { $0.toGroupID == group }) {
                    next.offers.append(BriefingOffer(toGroupID: group, topic: wording, offeredAt: at, status: .offered))
                }
                next.history.append(BriefingEvent(kind: .offered, at: at, by: .officer(gatekeeper), note: "Offered to every other group.",
                                                  rules: [rules.offerToOtherGroups.reference(in: document)]))
            }

        case .decline(let reason):
            let officer = try requireOfficer(actor, in: assignedOfficerID.map { [$0] } ?? [], "Only the assigned officer can decline.",
                                             rule: rules.officerMayDecline.reference(in: document))
            guard rules.officerMayDecline.inForce else {
                throw InformationError(.declineNotProvided, "This protocol gives an officer no right to decline a group briefing. Raise any difficulty with the gatekeeper.",
                                       rule: rules.officerMayDecline.reference(in: document))
            }
            guard status == .assigned else { throw InformationError(.wrongState, "The briefing has already taken place.") }
            let text = try InformationText.required(reason, field: "reason", missing: "Say why you decline.")
            next.declines.append(BriefingDecline(officerID: officer, at: at, reason: text))
            next.assignedOfficerID = nil
            next.accompanyingOfficerIDs = []
            next.status = .requested
            next.history.append(BriefingEvent(kind: .declined, at: at, by: .officer(officer), note: text,
                                              rules: [rules.officerMayDecline.reference(in: document)]))

        case .decideAttendance(let agreed, let note):
            let rule = rules.nonCouncillorAttendance.reference(in: document)
            guard !nonCouncillorsAttending.isEmpty, rules.nonCouncillorAttendance.inForce else {
                throw InformationError(.wrongState, "No agreement is needed for this briefing.", rule: rule)
            }
            let officer = try requireOfficer(actor, in: agreementGiverIDs, "Only the Chief Executive can agree to non-councillors being present.", rule: rule)
            guard status == .requested || status == .assigned else {
                throw InformationError(.wrongState, "Agreement must be given in advance of the briefing.", rule: rule)
            }
            let text = try InformationText.required(note, field: "note", missing: "Note the decision.")
            next.attendanceAgreement = AttendanceAgreement(agreed: agreed, byOfficerID: officer, at: at, note: text)
            next.history.append(BriefingEvent(kind: .attendanceDecided, at: at, by: .officer(officer),
                                              note: agreed ? "Agreed: \(text)" : "Not agreed: \(text)", rules: [rule]))

        case .offer(let group, let neutralTopic):
            let rule = rules.offerToOtherGroups.reference(in: document)
            let gatekeeper = try requireOfficer(actor, in: gatekeeperIDs, "Only the gatekeeper can offer a briefing to another group.", rule: rule)
            guard rules.offerToOtherGroups.inForce, rules.offerToOtherGroups.parameters.mode != .none else {
                throw InformationError(.offerNotProvided, "This protocol does not offer one group's briefing to the others.", rule: rule)
            }
            guard group != groupID, org.groups[group] != nil else {
                throw InformationError(.invalidField, "Choose another political group.", field: "group")
            }
            guard !offers.contains(where: { $0.toGroupID == group }) else {
                throw InformationError(.wrongState, "That group has already been offered this briefing.", rule: rule)
            }
            let wording = try InformationText.required(neutralTopic, field: "neutralTopic",
                                                       missing: "Word the topic neutrally: the group is not told who asked.")
            next.offers.append(BriefingOffer(toGroupID: group, topic: wording, offeredAt: at, status: .offered))
            next.history.append(BriefingEvent(kind: .offered, at: at, by: .officer(gatekeeper), note: nil, rules: [rule]))

        case .answerOffer(let group, let accept):
            guard actor.kind == .member, let memberID = actor.personID, org.members[memberID]?.groupID == group else {
                throw InformationError(.notPermitted, "Only a councillor of the group offered the briefing can answer the offer.")
            }
            guard let index = offers.firstIndex(where: { $0.toGroupID == group }), offers[index].status == .offered else {
                throw InformationError(.wrongState, "There is no open offer to your group.")
            }
            next.offers[index].status = accept ? .accepted : .declined
            next.offers[index].respondedAt = at
            next.offers[index].respondedByMemberID = memberID
            next.history.append(BriefingEvent(kind: .offerAnswered, at: at, by: .member(memberID), note: accept ? "Accepted." : "Declined.",
                                              rules: [rules.offerToOtherGroups.reference(in: document)]))

        case .hold(let officerLeft):
            let officer = try requireOfficer(actor, in: assignedOfficerID.map { [$0] } ?? [], "Only the assigned officer records that the briefing took place.",
                                             rule: rules.gatekeeper.reference(in: document))
            guard status == .assigned else { throw InformationError(.wrongState, "The briefing is not waiting to be held.") }
            if !nonCouncillorsAttending.isEmpty, rules.nonCouncillorAttendance.inForce, attendanceAgreement?.agreed != true {
                throw InformationError(.attendanceNotAgreed,
                                       "Officers do not attend a group meeting that includes people who are not councillors unless the Chief Executive agreed in advance.",
                                       rule: rules.nonCouncillorAttendance.reference(in: document))
            }
            if rules.officerLeavesBeforeDecision.inForce, !officerLeft {
                throw InformationError(.officerMustLeave,
                                       "Officers attend for the briefing only and leave before party business is discussed or any decision is taken.",
                                       field: "officerLeftBeforePartyBusiness", rule: rules.officerLeavesBeforeDecision.reference(in: document))
            }
            next.status = .held
            next.heldAt = at
            next.officerLeftBeforePartyBusiness = officerLeft
            next.history.append(BriefingEvent(kind: .held, at: at, by: .officer(officer), note: nil,
                                              rules: profile.referenceIfInForce(rules.officerLeavesBeforeDecision)))

        case .saveRecord(let facts, let options):
            let officer = try requireOfficer(actor, in: assignedOfficerID.map { [$0] } ?? [], "Only the officer who gave the briefing writes its record.",
                                             rule: rules.factsAndOptionsOnly.reference(in: document))
            guard status == .held || status == .recorded else {
                throw InformationError(.wrongState, "Record the briefing once it has taken place.")
            }
            next.record = try BriefingRecord.validated(facts: facts, options: options, by: officer, at: at, profile: profile)
            next.status = .recorded
            next.history.append(BriefingEvent(kind: .recorded, at: at, by: .officer(officer), note: nil,
                                              rules: profile.referenceIfInForce(rules.factsAndOptionsOnly)))

        case .withdraw(let reason):
            guard BriefingPolicy.isOfGroup(actor, groupID: groupID, org: org) else {
                throw InformationError(.notPermitted, "Only the group that asked for the briefing can withdraw it.")
            }
            guard status == .requested || status == .assigned else {
                throw InformationError(.wrongState, "The briefing has already taken place.")
            }
            let text = try InformationText.required(reason, field: "reason", missing: "Say why the group withdraws the request.")
            next.status = .withdrawn
            next.history.append(BriefingEvent(kind: .withdrawn, at: at, by: actor.asPerson, note: text, rules: []))
        }
        return next
    }

    private func requireOfficer(_ actor: Viewer, in allowed: [UUID], _ message: String,
                                rule: RuleReference) throws(InformationError) -> UUID {
        guard actor.kind == .officer, let id = actor.personID, allowed.contains(id) else {
            throw InformationError(.notPermitted, message, rule: rule)
        }
        return id
    }
}
