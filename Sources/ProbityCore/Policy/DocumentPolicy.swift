import Foundation

/// Who may read a council document (TH 12; Wigan 6.3–6.7; LE 12–17, 33–34; LC 6–7).
///
/// - Public (Part I) documents: everyone (TH 12.2, 12.6(i)).
/// - Party workers and users with no directory person: nothing else (TH 13.10).
/// - Members: never personal records (TH 12.13) nor another group's internal documents (TH 12.14);
///   where they have declared an interest in the matter, only what the public may see (TH 12.7);
///   their own group's internal documents; drafts where their group forms the administration and
///   the profile keeps drafts for it (TH 12.13); exempt and confidential items on the agenda of a
///   body they sit on (TH 12.6(ii)); Cabinet Part II items within their scrutiny body's terms of
///   reference (TH 12.6(iii)); otherwise only under a current need-to-know release (TH 12.6(iv),
///   12.8–12.12, 12.22).
/// - Political group assistants: only when acting for a named member of their own group, and
///   then that group's internal documents, drafts where the group is the administration, and
///   releases made on requests they raised for that member (TH 12.23).
/// - Officers: the officer holding a document and their managers; for exempt, confidential and
///   draft material also the Chief Executive, the Monitoring Officer and the officers the profile
///   names to decide need-to-know requests for it. Never a group's internal documents, which
///   they hold only in party-political confidence (`PartyConfidencePolicy`).
public enum DocumentPolicy {
    /// The full answer: whether, which version, how to treat it, and how to ask when refused.
    public static func access(context: ViewerContext, document: DocumentFacts, grants: [ReleaseGrant], at: Date,
                              profile: ProtocolProfile, org: OrgSnapshot) -> DocumentAccess {
        if document.documentClass.isPublic {
            return .allow(.publicInformation, "This is public (Part I) information: anyone may see it.", rules: [], handling: nil)
        }
        let viewer = context.viewer
        switch viewer.kind {
        case .partyWorker:
            return .deny("Party workers have no entitlement to information a councillor has as a councillor: they see only what the public may see.",
                         rules: profile.partyWorkerReferences)
        case .none:
            return .deny("Only councillors and the officers concerned can see information the public may not see.", rules: [])
        case .member:
            return memberAccess(context: context, document: document, grants: grants, at: at, profile: profile, org: org)
        case .assistant:
            return assistantAccess(context: context, document: document, grants: grants, at: at, profile: profile, org: org)
        case .officer:
            return officerAccess(viewer: viewer, document: document, profile: profile, org: org)
        }
    }

    /// Whether the person may read the document, with the reasons and the rules that decided it.
    public static func canRead(context: ViewerContext, document: DocumentFacts, grants: [ReleaseGrant], at: Date,
                               profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        access(context: context, document: document, grants: grants, at: at, profile: profile, org: org).decision
    }

    // MARK: - Members

    private static func memberAccess(context: ViewerContext, document: DocumentFacts, grants: [ReleaseGrant], at: Date,
                                     profile: ProtocolProfile, org: OrgSnapshot) -> DocumentAccess {
        guard let memberID = context.viewer.personID, let standing = context.member, standing.memberID == memberID,
              let member = org.members[memberID] else {
            return .deny("You are not recorded as a councillor of this authority, so you can see only public information.", rules: [])
        }
        if let barred = barredForCouncillors(document: document, groupID: member.groupID, profile: profile, org: org) {
            return barred
        }
        if standing.hasInterest(in: document.subjects) {
            return interestRefusal(profile: profile)
        }
        switch document.documentClass {
        case .groupInternal:
            return .allow(.ownGroup, "This is an internal document of your own political group.",
                          rules: profile.informationGuidance("other-groups-documents"),
                          handling: ReleaseHandling(markedConfidential: true, useLimitedTo: "your group's work"))
        case .draftPolicy where profile.information.draftsAdministrationOnly.inForce:
            return .allow(.administrationGroup, "Draft policy and draft reports are available to the political group forming the administration, and yours does.",
                          rules: [profile.information.draftsAdministrationOnly.reference(in: profile.document)],
                          handling: ReleaseHandling(markedConfidential: true, useLimitedTo: "developing council policy"))
        case .exempt, .confidential:
            if let seat = standing.committees.first(where: { document.committeeID != nil && $0.committeeID == document.committeeID }) {
                let body = seat.kind == .cabinet ? "the Cabinet" : "the committee"
                return .allow(.committeeMember, "You sit on \(body) whose agenda this item is on, which is good reason to see its Part II items.",
                              rules: profile.committeeNeedToKnowReferences,
                              handling: ReleaseHandling(markedConfidential: true, useLimitedTo: "the business of \(body)"))
            }
            if document.isCabinetItem, standing.committees.contains(where: { $0.scrutinises(document.subjects) }) {
                return .allow(.scrutinyMember, "You sit on an Overview and Scrutiny body and this Cabinet item is within its terms of reference, so you have a prima facie need to know.",
                              rules: profile.scrutinyNeedToKnowReferences,
                              handling: ReleaseHandling(markedConfidential: true, useLimitedTo: "your scrutiny work"))
            }
        case .draftPolicy, .public, .personal:
            break
        }
        let mine = grants.filter { $0.documentID == document.id && $0.memberID == memberID }
        return releaseAccess(mine, at: at, document: document, profile: profile,
                             refusal: "You can see this only if a need-to-know request for it is granted. Say why you need it for your work as a councillor.")
    }

    // MARK: - Assistants

    private static func assistantAccess(context: ViewerContext, document: DocumentFacts, grants: [ReleaseGrant], at: Date,
                                        profile: ProtocolProfile, org: OrgSnapshot) -> DocumentAccess {
        let viewer = context.viewer
        guard let assistantID = viewer.personID, let group = viewer.groupID, let principal = context.member,
              viewer.actsForMemberIDs.contains(principal.memberID),
              let member = org.members[principal.memberID], member.groupID == group else {
            return .deny("Political group assistants act only for named councillors of their own group, and must say on whose behalf they are acting.",
                         rules: profile.assistantReferences)
        }
        let name = member.name
        if let barred = barredForCouncillors(document: document, groupID: group, profile: profile, org: org) {
            return barred
        }
        if principal.hasInterest(in: document.subjects) {
            return interestRefusal(profile: profile)
        }
        switch document.documentClass {
        case .groupInternal:
            return .allow(.ownGroup, "This is an internal document of the political group you work for, and you are acting for \(name).",
                          rules: profile.informationGuidance("other-groups-documents") + profile.assistantReferences,
                          handling: ReleaseHandling(markedConfidential: true, useLimitedTo: "the group's work"))
        case .draftPolicy where profile.information.draftsAdministrationOnly.inForce:
            return .allow(.administrationGroup, "Draft policy and draft reports are available to the political group forming the administration, which you work for.",
                          rules: [profile.information.draftsAdministrationOnly.reference(in: profile.document)] + profile.assistantReferences,
                          handling: ReleaseHandling(markedConfidential: true, useLimitedTo: "developing council policy"))
        case .exempt, .confidential, .draftPolicy, .public, .personal:
            break
        }
        let raisedByMe = grants.filter {
            $0.documentID == document.id && $0.memberID == principal.memberID && $0.raisedByAssistantID == assistantID
        }
        let access = releaseAccess(raisedByMe, at: at, document: document, profile: profile,
                                   refusal: "Papers a councillor sees as a committee member, or under a release to them, are theirs. You see this only once released on a need-to-know request you made for \(name).")
        guard access.allowed else {
            return DocumentAccess(decision: Decision(allowed: false, reasons: access.decision.reasons,
                                                     rules: access.decision.rules + profile.assistantReferences),
                                  basis: nil, version: nil, handling: nil, mayRequestNeedToKnow: access.mayRequestNeedToKnow,
                                  freedomOfInformation: access.freedomOfInformation)
        }
        return access
    }

    // MARK: - Shared councillor rules

    /// What no councillor (nor an assistant for one) may see whatever their standing or releases:
    /// personal records (TH 12.13), another group's internal documents (TH 12.14), and drafts
    /// outside the administration where the profile keeps them for it (TH 12.13).
    private static func barredForCouncillors(document: DocumentFacts, groupID: UUID?, profile: ProtocolProfile,
                                             org: OrgSnapshot) -> DocumentAccess? {
        switch document.documentClass {
        case .personal:
            return .deny("An individual's personal records are not accessible to councillors.", rules: profile.personalRecordsReferences)
        case .groupInternal(let owner) where owner != groupID:
            return .deny("Part of another political group's internal workings: councillors of other groups have no need to know it.",
                         rules: profile.otherGroupReferences)
        case .draftPolicy where profile.information.draftsAdministrationOnly.inForce:
            guard let groupID, org.groups[groupID]?.isAdministration == true else {
                return .deny("Draft policy and draft reports are available only to the political group forming the administration.",
                             rules: [profile.information.draftsAdministrationOnly.reference(in: profile.document)])
            }
            return nil
        default:
            return nil
        }
    }

    private static func interestRefusal(profile: ProtocolProfile) -> DocumentAccess {
        .deny("You have declared an interest in this matter, so you have only a private individual's access: the public papers. Make clear you are acting in a private capacity, not as a councillor.",
              rules: profile.personalInterestReferences)
    }

    /// Access through a current release among `grants` (already limited to this reader), or the refusal.
    private static func releaseAccess(_ grants: [ReleaseGrant], at: Date, document: DocumentFacts, profile: ProtocolProfile,
                                      refusal: String) -> DocumentAccess {
        let procedure = profile.information.needToKnowDecision
        let current = grants.filter { $0.isCurrent(at: at) }
        if let grant = current.first(where: { !$0.version.isRedacted }) ?? current.first {
            var rules = profile.needToKnowTestReferences + profile.confidentialUseReferences
            var reason = "A need-to-know request for this was granted. It is confidential and may be used only for: \(grant.purpose)."
            if grant.version.isRedacted {
                reason = "A need-to-know request for this was granted with some material redacted. It is confidential and may be used only for: \(grant.purpose)."
                rules += profile.referenceIfInForce(profile.information.redactedRelease)
            }
            return .allow(.needToKnowRelease, reason, rules: rules, version: grant.version,
                          handling: ReleaseHandling(markedConfidential: true, useLimitedTo: grant.purpose))
        }
        let foi = FreedomOfInformationRoute.offered(for: document, profile: profile)
        let rules = profile.needToKnowTestReferences + (foi == nil ? [] : [profile.information.freedomOfInformationRoute.reference(in: profile.document)])
        if let ended = grants.filter({ $0.grantedAt <= at }).max(by: { $0.grantedAt < $1.grantedAt }) {
            let how = (ended.revokedAt.map { $0 <= at } ?? false) ? "was withdrawn" : "has expired"
            return .deny("The need-to-know release you had for this \(how). Make a new request if you still need it.",
                         rules: rules, mayRequest: procedure.inForce, freedomOfInformation: foi)
        }
        return .deny(refusal, rules: rules, mayRequest: procedure.inForce, freedomOfInformation: foi)
    }

    // MARK: - Officers

    private static func officerAccess(viewer: Viewer, document: DocumentFacts, profile: ProtocolProfile, org: OrgSnapshot) -> DocumentAccess {
        guard let id = viewer.personID, let officer = org.officers[id] else {
            return .deny("You are not recorded as an officer of this authority.", rules: [])
        }
        let handling = ReleaseHandling(markedConfidential: true, useLimitedTo: "your duties as an officer")
        if document.ownerOfficerID == id {
            return .allow(.documentHolder, "You hold this document for the council.", rules: [], handling: handling)
        }
        if case .groupInternal = document.documentClass {
            return .deny("A political group's internal documents are the group's. Officers hold them only as given in party-political confidence.",
                         rules: profile.otherGroupReferences)
        }
        if let owner = document.ownerOfficerID, org.managementLine(of: owner).contains(id) {
            return .allow(.holdersManager, "You manage the officer who holds this document.", rules: [], handling: handling)
        }
        if case .personal = document.documentClass {
            return .deny("Personal records are seen only by the officer who holds them and that officer's managers.",
                         rules: profile.officerConfidentialityReferences)
        }
        if officer.post == .chiefExecutive || org.chiefExecutiveID == id {
            return .allow(.chiefExecutive, "As Head of Paid Service you may see the council's information.", rules: [], handling: handling)
        }
        if officer.designations.contains(.monitoringOfficer) {
            return .allow(.monitoringOfficer, "As Monitoring Officer you may see the council's information to report on anything unlawful.",
                          rules: [], handling: handling)
        }
        let rule = profile.information.needToKnowDecision
        if rule.inForce {
            let parties = document.routingParties()
            let deciders = org.firstResolvable(rule.parameters.decidedBy, parties: parties)?.people ?? []
            let referees = org.resolveAll(rule.parameters.referredTo, parties: parties)
            if (deciders + referees).contains(.officer(id)) {
                return .allow(.needToKnowDecider, "You decide councillors' need-to-know requests for this document.",
                              rules: [rule.reference(in: profile.document)], handling: handling)
            }
        }
        return .deny("Only the officer who holds this document, their managers and the officers who decide requests for it can see it. Unauthorised disclosure, even to a colleague, is a disciplinary matter.",
                     rules: profile.officerConfidentialityReferences)
    }
}

// MARK: - Requests and the audit trail

extension DocumentPolicy {
    /// Who may see a need-to-know request (TH 12.19: treated in confidence by officers and not
    /// made known to any other councillor or group): the councillor; the assistant who made it
    /// while they still act for them; the officers deciding or determining it; the officer
    /// holding the document; the Monitoring Officer. Never another councillor, even of the same group.
    public static func canViewRequest(viewer: Viewer, request: NeedToKnowRequest, document: DocumentFacts,
                                      profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let rules = [profile.enquiries.confidentiality.reference(in: profile.document)]
        switch viewer.kind {
        case .member:
            guard viewer.personID == request.memberID else {
                return .deny("A councillor's requests for information are confidential to them: other councillors and groups are not told of them.", rules: rules)
            }
            return .allow("This is your request.", rules: rules)
        case .assistant:
            guard let id = viewer.personID, request.raisedByAssistantID == id, viewer.actsForMemberIDs.contains(request.memberID),
                  let group = viewer.groupID, org.members[request.memberID]?.groupID == group else {
                return .deny("Assistants see only the requests they made for councillors they still act for.", rules: rules + profile.assistantReferences)
            }
            return .allow("You made this request for the councillor and still act for them.", rules: rules + profile.assistantReferences)
        case .officer:
            guard let id = viewer.personID, org.officers[id] != nil else {
                return .deny("You are not recorded as an officer of this authority.", rules: rules)
            }
            if request.decidingOfficerIDs.contains(id) {
                return .allow("You decide or determine this request.", rules: rules + [profile.information.needToKnowDecision.reference(in: profile.document)])
            }
            if document.ownerOfficerID == id, document.id == request.documentID {
                return .allow("You hold the document asked for.", rules: rules)
            }
            if org.officers[id]?.designations.contains(.monitoringOfficer) == true {
                return .allow("As Monitoring Officer you oversee access to information.", rules: rules)
            }
            return .deny("Requests for information are seen only by the officers deciding them and the officer holding the document.", rules: rules)
        case .partyWorker, .none:
            return .deny("A councillor's requests for information are confidential to them.", rules: rules + profile.partyWorkerReferences)
        }
    }

    /// Who may see a line of the audit trail: whoever acted, the councillor concerned, and the
    /// Monitoring Officer. Never another councillor or group (TH 12.19).
    public static func canViewAuditEntry(viewer: Viewer, entry: InformationAuditEntry, profile: ProtocolProfile,
                                         org: OrgSnapshot) -> Decision {
        let rules = [profile.enquiries.confidentiality.reference(in: profile.document)]
        if let id = viewer.personID, viewer.kind == entry.actorKind, id == entry.actorID {
            return .allow("This records something you did.", rules: rules)
        }
        if viewer.kind == .member, let id = viewer.personID, id == entry.memberID {
            return .allow("This records access to information on your behalf.", rules: rules)
        }
        if viewer.kind == .officer, let id = viewer.personID, org.officers[id]?.designations.contains(.monitoringOfficer) == true {
            return .allow("As Monitoring Officer you oversee access to information.", rules: rules)
        }
        return .deny("The access-to-information audit trail is seen only by the person who acted, the councillor concerned and the Monitoring Officer.", rules: rules)
    }
}
