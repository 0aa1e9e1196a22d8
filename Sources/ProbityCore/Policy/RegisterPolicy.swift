import Foundation

/// Who may see and keep the registers of declarations.
///
/// 1. Members and officers see and maintain only their own entries; the duty to register and
///    keep an entry up to date is the declarant's (Localism Act 2011 s.30).
/// 2. The Monitoring Officer, who keeps the register (s.29), sees every entry, decides whether
///    an interest is sensitive (s.32(1)(b)) and records dispensations (s.33), but does not edit
///    a declarant's entries.
/// 3. A close relationship is seen by those the profile has it declared to (LC 9: the Chief
///    Executive or the member's group leader; TH 5.2, 14.14: the party whip or the officer's
///    manager, and the Monitoring Officer where it might be seen as unduly influencing).
/// 4. A relationship to a candidate is seen by those the profile names (TH 14.2: the HR
///    director) and by the HR director, who records whether the declarant may continue.
/// 5. Nobody else: not the other person a relationship names, not other members of the same
///    group, not assistants or party workers. The published register (`PublicRegister`) is
///    what everyone may see.
public enum RegisterPolicy {
    public static func canView(_ declaration: Declaration, viewer: Viewer, profile: ProtocolProfile, org: OrgSnapshot) -> Decision {
        canView(declaration, viewer: viewer, rules: RegisterRules(profile: profile), org: org)
    }

    static func canView(_ declaration: Declaration, viewer: Viewer, rules: RegisterRules, org: OrgSnapshot) -> Decision {
        let profile = rules.profile
        let register = Statute.registerOfInterests
        guard let person = viewer.asPerson else {
            return .deny(viewer.kind == .partyWorker
                         ? "Party workers have no entitlement to council information. Only the published register is open to everyone."
                         : "Only the published register is open to everyone. Entries are seen by the declarant and the Monitoring Officer.",
                         rules: [register])
        }
        if person == declaration.declarant {
            return .allow("This is your own entry.", rules: [register])
        }
        if viewer.holds(.monitoringOfficer) {
            return .allow("The Monitoring Officer keeps the registers and sees every entry.", rules: [register])
        }
        switch declaration.kind {
        case .closeRelationship:
            let route = DeclarationRouting.route(declaration, rules: rules, org: org)
            if route.recipients.contains(person) {
                return .allow(route.informed.contains(person) && !route.to.contains(person)
                              ? "You are told of this relationship because it might be seen as unduly influencing the declarant's work."
                              : "The protocol has this relationship declared to you.", rules: route.rules)
            }
            let rule: RuleReference = if case .officer = declaration.declarant { rules.officerRelationships } else { rules.memberRelationships }
            if person == declaration.counterpart {
                return .deny("A relationship declaration is seen only by the person who made it, those the protocol has it declared to, and the Monitoring Officer, even where it names you.", rules: [rule])
            }
            return .deny("A relationship declaration is seen only by the person who made it, those the protocol has it declared to, and the Monitoring Officer.", rules: [rule])
        case .recruitment:
            let route = DeclarationRouting.route(declaration, rules: rules, org: org)
            if route.recipients.contains(person) || viewer.holds(.hrDirector) {
                return .allow("You record relationships to candidates and decide whether the declarant may take further part.",
                              rules: [profile.declarations.recruitment.inForce ? rules.recruitment : RegisterRules.recruitmentDefault])
            }
            return .deny("A relationship to a candidate is seen only by the person who made it, the HR director and the Monitoring Officer.",
                         rules: [rules.recruitment])
        case .disclosablePecuniary, .otherRegisterable:
            return .deny("Registered interests are seen by everyone only as the published register shows them. The entry itself is kept by the Monitoring Officer.",
                         rules: [register, Statute.sensitiveInterests])
        case .nonRegisterable, .restriction:
            return .deny("This entry is private to the person who made it and the Monitoring Officer.", rules: [register])
        }
    }

    /// Editing, updating or ceasing an entry: the declarant only.
    public static func canMaintain(_ declaration: Declaration, viewer: Viewer, profile: ProtocolProfile) -> Decision {
        let rules = [profile.declarations.registrationPeriod.reference(in: profile.document), Statute.registration]
        guard let person = viewer.asPerson, person == declaration.declarant else {
            if viewer.holds(.monitoringOfficer) {
                return .deny("Entries are kept up to date by the person who made them. The Monitoring Officer decides on sensitivity and records dispensations, but does not edit entries.", rules: rules)
            }
            return .deny("Only the person who made an entry can change it.", rules: rules)
        }
        return .allow("This is your own entry.", rules: rules)
    }

    /// Making a declaration: for oneself only, never on someone else's behalf.
    public static func canDeclare(for declarant: PersonRef, viewer: Viewer, profile: ProtocolProfile) -> Decision {
        let rules = [profile.declarations.registrationPeriod.reference(in: profile.document), Statute.registration]
        guard let person = viewer.asPerson, person == declarant else {
            return .deny("Declarations are made by the member or officer themself, not on their behalf.", rules: rules)
        }
        return .allow("You may declare your own interests, relationships and restrictions.", rules: rules)
    }

    /// Recording whether someone related to a candidate may take further part (TH 14.2): those
    /// the profile names and the HR director, never the declarant themself.
    public static func canRecordDetermination(on declaration: Declaration, viewer: Viewer, profile: ProtocolProfile,
                                              org: OrgSnapshot) -> Decision {
        let rules = RegisterRules(profile: profile)
        let reference = profile.declarations.recruitment.inForce ? rules.recruitment : RegisterRules.recruitmentDefault
        guard case .recruitment = declaration.kind else {
            return .deny("Only relationships to candidates have a determination.", rules: [reference])
        }
        guard let person = viewer.asPerson else {
            return .deny("Only the HR director records whether someone may take further part in a recruitment.", rules: [reference])
        }
        if person == declaration.declarant {
            return .deny("Someone else must decide whether you may take further part in a selection in which you know a candidate.", rules: [reference])
        }
        let route = DeclarationRouting.route(declaration, rules: rules, org: org)
        guard route.to.contains(person) || viewer.holds(.hrDirector) else {
            return .deny("Only the HR director records whether someone may take further part in a recruitment.", rules: [reference])
        }
        return .allow("You record whether the declarant may take further part in the selection or appointment.", rules: [reference])
    }

    /// Recording a dispensation (Localism Act 2011 s.33): the Monitoring Officer.
    public static func canRecordDispensation(viewer: Viewer) -> Decision {
        viewer.holds(.monitoringOfficer)
            ? .allow("The Monitoring Officer records dispensations.", rules: [Statute.dispensations])
            : .deny("Only the Monitoring Officer records dispensations.", rules: [Statute.dispensations])
    }

    /// Agreeing or refusing that an interest is sensitive (s.32(1)(b)): the Monitoring Officer.
    public static func canDecideSensitivity(viewer: Viewer) -> Decision {
        viewer.holds(.monitoringOfficer)
            ? .allow("The Monitoring Officer decides whether an interest is sensitive.", rules: [Statute.sensitiveInterests])
            : .deny("Only the Monitoring Officer decides whether an interest is sensitive.", rules: [Statute.sensitiveInterests])
    }

    /// A participant's row of a conflict report, which draws on their private entries: the
    /// participant and the Monitoring Officer.
    public static func canViewConflicts(of person: PersonRef, viewer: Viewer) -> Decision {
        if viewer.asPerson == person {
            return .allow("These are your own declarations against the agenda.", rules: [Statute.registerOfInterests])
        }
        if viewer.holds(.monitoringOfficer) {
            return .allow("The Monitoring Officer advises on every participant's interests.", rules: [Statute.registerOfInterests])
        }
        return .deny("A participant's conflict check draws on their private declarations: only they and the Monitoring Officer see it.",
                     rules: [Statute.registerOfInterests])
    }

    /// The entries `viewer` may see, in the order given.
    public static func visible(_ declarations: [Declaration], viewer: Viewer, profile: ProtocolProfile,
                               org: OrgSnapshot) -> [Declaration] {
        let rules = RegisterRules(profile: profile)
        return declarations.filter { canView($0, viewer: viewer, rules: rules, org: org).allowed }
    }
}
