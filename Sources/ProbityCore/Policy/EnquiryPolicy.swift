import Foundation

/// Who may see and work on members' enquiries (TH 12.19, LC 12 "Correspondence between a
/// Member and an officer"): the member; the assistant who acts for them (TH 12.23); the
/// officers handling the enquiry (now or before), their management line and the service's
/// Head of Service; the member-services officer who logged it (TH 13.4's "issuing officer");
/// those the profile's chasing ladder or `enquiries.confidentiality` names. Nobody else:
/// never another member, not even of the same group; never a party worker (TH 13.10).
public enum EnquiryPolicy {
    public static func canView(viewer: Viewer, facts: EnquiryAccessFacts, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let confidentiality = profile.enquiryConfidentialityReference
        switch viewer.kind {
        case .member:
            return memberDecision(viewer: viewer, facts: facts, profile: profile, org: org)
        case .assistant:
            return assistantDecision(viewer: viewer, facts: facts, profile: profile, org: org)
        case .partyWorker:
            return .deny("Party workers have no entitlement to council information, so they cannot see members' enquiries.",
                         rules: [confidentiality] + profile.partyWorkerGuidance)
        case .none:
            return .deny("Only the member, the assistant who acts for them and the officers handling an enquiry can see it.",
                         rules: [confidentiality])
        case .officer:
            guard let standing = officerStanding(viewer: viewer, facts: facts, profile: profile, org: org) else {
                return officerRefusal(viewer: viewer, facts: facts, org: org, rule: confidentiality)
            }
            return .allow(standing.reason, rules: [confidentiality])
        }
    }

    /// Acknowledging, responding, reassigning, adding notes and delay notices: the officer
    /// handling the enquiry now, their management line and the service's Head of Service.
    /// Closing and reopening: those officers, and the member or the assistant acting for them
    /// (a member may withdraw an enquiry or say the answer did not resolve it). Chasers are sent
    /// by Probity's scheduler, never by hand.
    public static func canAct(_ action: EnquiryActionKind, viewer: Viewer, facts: EnquiryAccessFacts,
                              profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let routing = profile.enquiries.routing.reference(in: profile.document)
        if action == .chase {
            return .deny("Chasers are sent by Probity when an enquiry is overdue, not by hand.",
                         rules: [profile.enquiries.chasing.reference(in: profile.document)])
        }
        switch viewer.kind {
        case .member, .assistant:
            guard action == .close || action == .reopen else {
                return .deny(action == .addNote
                             ? "Internal notes are for the officers handling an enquiry. Members and their assistants never see them."
                             : "Only the officers handling an enquiry can \(action.verbPhrase) it.",
                             rules: [routing])
            }
            let view = viewer.kind == .member
                ? memberDecision(viewer: viewer, facts: facts, profile: profile, org: org)
                : assistantDecision(viewer: viewer, facts: facts, profile: profile, org: org)
            guard view.allowed else { return view }
            return .allow("A member, or the assistant acting for them, may \(action.verbPhrase) their own enquiry.", rules: view.rules)
        case .partyWorker, .none:
            return .deny("Only the officers handling an enquiry can \(action.verbPhrase) it.", rules: [routing])
        case .officer:
            guard let standing = officerStanding(viewer: viewer, facts: facts, profile: profile, org: org) else {
                return officerRefusal(viewer: viewer, facts: facts, org: org, rule: routing)
            }
            guard standing.mayAct else {
                return .deny(standing == .pastHandler || standing == .managesPastHandler
                             ? "The enquiry has been passed to another officer, so only they and their managers can \(action.verbPhrase) it now."
                             : "You can see this enquiry, but only the officer handling it, their managers and the service's Head of Service can \(action.verbPhrase) it.",
                             rules: [routing])
            }
            return .allow(standing.reason, rules: [routing])
        }
    }

    /// Internal notes: the officers in the handling line only, never the member, their
    /// assistant, the officer who logged it or anyone the confidentiality rule lets see it.
    public static func canSeeNotes(viewer: Viewer, facts: EnquiryAccessFacts, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let confidentiality = profile.enquiryConfidentialityReference
        guard viewer.kind == .officer else {
            return .deny("Internal notes are for the officers handling an enquiry. Members, assistants and party workers never see them.",
                         rules: [confidentiality])
        }
        guard let standing = officerStanding(viewer: viewer, facts: facts, profile: profile, org: org) else {
            return officerRefusal(viewer: viewer, facts: facts, org: org, rule: confidentiality)
        }
        guard standing.seesNotes else {
            return .deny("Internal notes are for the officers handling an enquiry and their managers.", rules: [confidentiality])
        }
        return .allow(standing.reason, rules: [confidentiality])
    }

    /// The high-volume indicator (Wigan 6.5): chief officers only — the Chief Executive, and
    /// the officers `enquiries.volumeIndicator.visibleTo` names. A `service.…` entry names that
    /// post in `serviceID`'s service, or in any service when none is given. Never members.
    public static func canViewVolumeIndicator(viewer: Viewer, profile: ProtocolProfile, org: OrgSnapshot,
                                              serviceID: UUID? = nil) -> Decision {
        let rule = profile.enquiries.volumeIndicator
        let reference = rule.reference(in: profile.document)
        guard rule.inForce else {
            return .deny("The high-volume indicator is not in force for this protocol.", rules: [reference])
        }
        guard viewer.kind == .officer, let id = viewer.personID, let officer = org.officers[id] else {
            return .deny("Only chief officers can see the high-volume indicator.", rules: [reference])
        }
        if officer.post == .chiefExecutive || org.chiefExecutiveID == id {
            return .allow("The Chief Executive can see the high-volume indicator.", rules: [reference])
        }
        let services = serviceID.map { [$0] } ?? org.services.keys.sorted()
        for recipient in rule.parameters.visibleTo {
            let named: Bool
            if recipient.anchor == nil {
                named = org.resolveAll([recipient], parties: CaseParties()).contains(.officer(id))
            } else if recipient.anchor == .service {
                named = services.contains { org.resolveAll([recipient], parties: CaseParties([.service: .service($0)])).contains(.officer(id)) }
            } else {
                named = false
            }
            if named {
                return .allow("The protocol lets the \(recipient.role.enquiryPostName) see the high-volume indicator.", rules: [reference])
            }
        }
        return .deny("Only chief officers can see the high-volume indicator.", rules: [reference])
    }

    /// Timeliness by service, member and party group: chief officers (the Chief Executive and
    /// Corporate and Divisional Directors).
    public static func canViewTimeliness(viewer: Viewer, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let reference = profile.enquiries.responseDeadline.reference(in: profile.document)
        guard viewer.kind == .officer, let id = viewer.personID, let officer = org.officers[id],
              officer.post == .chiefExecutive || officer.post.isDirector else {
            return .deny("Only chief officers can see how promptly enquiries are answered across the council.", rules: [reference])
        }
        return .allow("Chief officers can see how promptly enquiries are answered.", rules: [reference])
    }

    /// Whether an officer may copy the member's enquiry or its correspondence to another member
    /// (LC 12(a) and (b): tell the member and get their consent; TH 12.19: never otherwise).
    public static func canCopyToAnotherMember(memberConsented: Bool, profile: ProtocolProfile) -> Decision {
        let consent = profile.enquiries.correspondenceConsent
        let rules = (consent.inForce ? [consent.reference(in: profile.document)] : []) + [profile.enquiryConfidentialityReference]
        return memberConsented
            ? .allow("The member was told what will be done with their correspondence and agreed to it being copied.", rules: rules)
            : .deny("A member's enquiry is not copied to another member unless the member is told and agrees.", rules: rules)
    }

    // MARK: - Parties

    private static func memberDecision(viewer: Viewer, facts: EnquiryAccessFacts, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let confidentiality = profile.enquiryConfidentialityReference
        guard let id = viewer.personID else {
            return .deny("Only the member whose enquiry it is can see it.", rules: [confidentiality])
        }
        if id == facts.memberID { return .allow("This is your enquiry.", rules: [confidentiality]) }
        if confidentialityRoleHolders(facts: facts, profile: profile, org: org).contains(.member(id)) {
            return .allow("The protocol lets your position see members' enquiries.", rules: [confidentiality])
        }
        let theirGroup = org.members[facts.memberID]?.groupID
        if let group = org.members[id]?.groupID ?? viewer.groupID, group == theirGroup {
            return .deny("A member's enquiries are confidential to them. Other members cannot see them, even members of the same group.",
                         rules: [confidentiality])
        }
        return .deny("A member's enquiries are confidential to them. They are not made known to any other member or political group.",
                     rules: [confidentiality])
    }

    private static func assistantDecision(viewer: Viewer, facts: EnquiryAccessFacts, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        let rules = [profile.enquiryConfidentialityReference] + profile.assistantGuidance
        let name = org.members[facts.memberID]?.name.withCouncillorTitle ?? "this member"
        guard let id = viewer.personID else {
            return .deny("Assistants can see only the enquiries of the members they act for.", rules: rules)
        }
        let memberGroup = org.members[facts.memberID]?.groupID
        if viewer.actsForMemberIDs.contains(facts.memberID), let group = viewer.groupID, group == memberGroup {
            return .allow("You act for \(name).", rules: rules)
        }
        if facts.raisedByAssistantID == id {
            return .deny("You raised this enquiry, but you no longer act for \(name).", rules: rules)
        }
        return .deny("Assistants can see only the enquiries of the members they act for.", rules: rules)
    }

    /// Why an officer has to do with the enquiry, strongest first.
    enum OfficerStanding: Equatable {
        case currentHandler
        case managesHandler
        case headOfService
        case pastHandler
        case managesPastHandler
        case namedByChasingLadder
        case loggedIt
        case confidentialityRole

        var mayAct: Bool { self == .currentHandler || self == .managesHandler || self == .headOfService }
        var seesNotes: Bool { mayAct || self == .pastHandler || self == .managesPastHandler || self == .namedByChasingLadder }

        var reason: String {
            switch self {
            case .currentHandler: "You are handling this enquiry."
            case .managesHandler: "You manage an officer handling this enquiry."
            case .headOfService: "You are Head of Service for the service handling this enquiry."
            case .pastHandler: "You handled this enquiry before it was passed on."
            case .managesPastHandler: "You manage an officer who handled this enquiry before it was passed on."
            case .namedByChasingLadder: "The protocol has you chased about this enquiry if it is overdue."
            case .loggedIt: "You logged this enquiry for the member."
            case .confidentialityRole: "The protocol lets your post see members' enquiries."
            }
        }
    }

    static func officerStanding(viewer: Viewer, facts: EnquiryAccessFacts, profile: ProtocolProfile, org: OrgSnapshot) -> OfficerStanding? {
        guard viewer.kind == .officer, let id = viewer.personID else { return nil }
        if facts.currentHandlerID == id { return .currentHandler }
        let currentLine = facts.currentHandlerID.map { org.managementLine(of: $0) } ?? []
        if currentLine.contains(id) { return .managesHandler }
        if org.services[facts.serviceID]?.headOfServiceID == id { return .headOfService }
        if facts.handlingOfficerIDs.contains(id) { return .pastHandler }
        if facts.handlingOfficerIDs.contains(where: { org.managementLine(of: $0).contains(id) }) { return .managesPastHandler }
        let chasing = profile.enquiries.chasing
        if chasing.inForce,
           org.resolveAll(chasing.parameters.steps.flatMap(\.notify), parties: parties(facts)).contains(.officer(id)) {
            return .namedByChasingLadder
        }
        if facts.loggedByOfficerID == id { return .loggedIt }
        if confidentialityRoleHolders(facts: facts, profile: profile, org: org).contains(.officer(id)) { return .confidentialityRole }
        return nil
    }

    private static func officerRefusal(viewer: Viewer, facts: EnquiryAccessFacts, org: OrgSnapshot, rule: RuleReference) -> Decision {
        let service = org.services[facts.serviceID]
        if let id = viewer.personID, let officer = org.officers[id], let service, officer.serviceID != facts.serviceID {
            return .deny("This enquiry is with \(service.name). Only the officers handling it and their managers can see it.", rules: [rule])
        }
        return .deny("Only the officers handling an enquiry and their managers can see it, and you are not one of them.", rules: [rule])
    }

    private static func parties(_ facts: EnquiryAccessFacts) -> CaseParties {
        var parties = CaseParties([.member: .member(facts.memberID), .service: .service(facts.serviceID)])
        if let handler = facts.currentHandlerID { parties[.officer] = .officer(handler) }
        return parties
    }

    private static func confidentialityRoleHolders(facts: EnquiryAccessFacts, profile: ProtocolProfile, org: OrgSnapshot) -> [PersonRef] {
        let rule = profile.enquiries.confidentiality
        guard rule.inForce, !rule.parameters.roles.isEmpty else { return [] }
        return org.resolveAll(rule.parameters.roles, parties: parties(facts))
    }
}
