import Foundation
@testable import ProbityCore

/// The independent oracle for `DocumentPolicy`: who may read what, written row by row from the
/// protocol texts (seeds 001 Tower Hamlets, 002 Wigan, 003 Leicestershire, 000 London Councils),
/// not from the policy's code. Each row is one actor and one document class; the five columns
/// are the situations, in order:
///
/// 1. no request made;
/// 2. a need-to-know request granted in full (to the actor, or for an assistant to the councillor
///    named, on a request the assistant made);
/// 3. granted with redactions (TH 12.12);
/// 4. their request refused (while another councillor holds a release for the same document);
/// 5. a release that has expired.
///
/// Every council document is Housing's, held by the Housing officer, about housing, and (unless
/// it says otherwise) a Cabinet agenda item. Labour forms the administration.
enum DocumentAccessOracle {
    enum Actor: String, CaseIterable {
        case cabinetMember = "member of the Cabinet (committee) whose agenda it is on"
        case sameGroupMember = "other member, same group as the committee member (administration)"
        case otherGroupMember = "member of another group"
        case scrutinyWithin = "O&S member, within terms of reference"
        case scrutinyOutside = "scrutiny sub-committee member, outside terms of reference"
        case interestedMember = "Cabinet member with a declared interest in the matter"
        case planningMember = "member of the Planning Committee (another committee)"
        case assistantActing = "group assistant acting for a named member of their group"
        case assistantNotActing = "group assistant naming a member they do not act for"
        case partyWorker = "party worker"
        case ownerOfficer = "officer holding the document"
        case unrelatedOfficer = "unrelated officer (another directorate)"
        case monitoringOfficer = "Monitoring Officer"
        case chiefExecutive = "Chief Executive"
        case governanceDirector = "Corporate Director, Governance (determines referrals)"
    }

    enum Document: String, CaseIterable {
        case publicCabinet = "public (Part I) Cabinet report"
        case exemptCabinet = "exempt, Sch 12A para 3, Cabinet Part II item"
        case exemptPlanning = "exempt, Sch 12A para 1, Planning Committee Part II item"
        case confidentialCabinet = "confidential (barred by law), Cabinet item"
        case labourInternal = "Labour group's internal document"
        case conservativeInternal = "Conservative group's internal document"
        case draftPolicy = "draft policy / draft report"
        case personalRecord = "personal records of an individual"
    }

    struct Row {
        var actor: Actor
        var document: Document
        /// none, granted, granted redacted, refused, expired.
        var expected: [Bool]
        var cite: String
        var profile: String = "tower-hamlets"
    }

    static let Y = true
    static let N = false
    static let all5: [Bool] = [Y, Y, Y, Y, Y]
    static let none5: [Bool] = [N, N, N, N, N]
    /// Only while a release is current.
    static let onRelease: [Bool] = [N, Y, Y, N, N]

    static func row(_ actor: Actor, _ document: Document, _ expected: [Bool], _ cite: String,
                    profile: String = "tower-hamlets") -> Row {
        Row(actor: actor, document: document, expected: expected, cite: cite, profile: profile)
    }

    static let rows: [Row] = [
        // Member of the Cabinet whose agenda the items are on (Labour).
        row(.cabinetMember, .publicCabinet, all5, "TH 12.2, 12.6(i): same access as the public"),
        row(.cabinetMember, .exemptCabinet, all5, "TH 12.6(ii): good reason for the body's Part II items"),
        row(.cabinetMember, .exemptPlanning, onRelease, "TH 12.6(ii) is for the appropriate body only; 12.6(iv)"),
        row(.cabinetMember, .confidentialCabinet, all5, "TH 12.6(ii), 12.6(iv): confidential/exempt papers of their own body"),
        row(.cabinetMember, .labourInternal, all5, "TH 12.14: own group's internal workings"),
        row(.cabinetMember, .conservativeInternal, none5, "TH 12.14: another group's internal workings"),
        row(.cabinetMember, .draftPolicy, all5, "TH 12.13: administration's group"),
        row(.cabinetMember, .personalRecord, none5, "TH 12.13: personal records not accessible to councillors"),

        // Another member of the same (administration) group, no seats.
        row(.sameGroupMember, .publicCabinet, all5, "TH 12.6(i)"),
        row(.sameGroupMember, .exemptCabinet, onRelease, "TH 12.6(iv), 12.8–12.12: need to know shown and granted"),
        row(.sameGroupMember, .exemptPlanning, onRelease, "TH 12.6(iv), 12.8–12.12"),
        row(.sameGroupMember, .confidentialCabinet, onRelease, "TH 12.2, 12.6(iv)"),
        row(.sameGroupMember, .labourInternal, all5, "TH 12.14"),
        row(.sameGroupMember, .conservativeInternal, none5, "TH 12.14"),
        row(.sameGroupMember, .draftPolicy, all5, "TH 12.13"),
        row(.sameGroupMember, .personalRecord, none5, "TH 12.13"),

        // A member of another group, no seats.
        row(.otherGroupMember, .publicCabinet, all5, "TH 12.6(i)"),
        row(.otherGroupMember, .exemptCabinet, onRelease, "TH 12.6(iv), 12.8–12.12"),
        row(.otherGroupMember, .exemptPlanning, onRelease, "TH 12.6(iv)"),
        row(.otherGroupMember, .confidentialCabinet, onRelease, "TH 12.6(iv)"),
        row(.otherGroupMember, .labourInternal, none5, "TH 12.14: even a release cannot open another group's papers"),
        row(.otherGroupMember, .conservativeInternal, all5, "TH 12.14"),
        row(.otherGroupMember, .draftPolicy, none5, "TH 12.13: not by the councillors of other political groups"),
        row(.otherGroupMember, .personalRecord, none5, "TH 12.13"),

        // Overview and Scrutiny member (Conservative), housing within terms of reference.
        row(.scrutinyWithin, .publicCabinet, all5, "TH 12.6(i)"),
        row(.scrutinyWithin, .exemptCabinet, all5, "TH 12.6(iii): prima facie need to know, Cabinet Part II within terms of reference"),
        row(.scrutinyWithin, .exemptPlanning, onRelease, "TH 12.6(iii) covers Cabinet items only; 12.6(iv)"),
        row(.scrutinyWithin, .confidentialCabinet, all5, "TH 12.6(iii), 12.6(iv)"),
        row(.scrutinyWithin, .labourInternal, none5, "TH 12.14"),
        row(.scrutinyWithin, .conservativeInternal, all5, "TH 12.14"),
        row(.scrutinyWithin, .draftPolicy, none5, "TH 12.13"),
        row(.scrutinyWithin, .personalRecord, none5, "TH 12.13"),

        // Finance scrutiny sub-committee member (Labour): housing outside terms of reference.
        row(.scrutinyOutside, .publicCabinet, all5, "TH 12.6(i)"),
        row(.scrutinyOutside, .exemptCabinet, onRelease, "TH 12.6(iii) 'provided … within terms of reference'; else 12.6(iv)"),
        row(.scrutinyOutside, .exemptPlanning, onRelease, "TH 12.6(iv)"),
        row(.scrutinyOutside, .confidentialCabinet, onRelease, "TH 12.6(iii)–(iv)"),
        row(.scrutinyOutside, .labourInternal, all5, "TH 12.14"),
        row(.scrutinyOutside, .conservativeInternal, none5, "TH 12.14"),
        row(.scrutinyOutside, .draftPolicy, all5, "TH 12.13"),
        row(.scrutinyOutside, .personalRecord, none5, "TH 12.13"),

        // Cabinet member with a declared interest in housing: a private individual's access only.
        row(.interestedMember, .publicCabinet, all5, "TH 12.6(i), 12.7: the public part of the agenda"),
        row(.interestedMember, .exemptCabinet, none5, "TH 12.7: same access as a private individual, even on their own body"),
        row(.interestedMember, .exemptPlanning, none5, "TH 12.7"),
        row(.interestedMember, .confidentialCabinet, none5, "TH 12.7"),
        row(.interestedMember, .labourInternal, none5, "TH 12.7: only what a private individual may see"),
        row(.interestedMember, .conservativeInternal, none5, "TH 12.14, 12.7"),
        row(.interestedMember, .draftPolicy, none5, "TH 12.7"),
        row(.interestedMember, .personalRecord, none5, "TH 12.13"),

        // Planning Committee member (Conservative).
        row(.planningMember, .publicCabinet, all5, "TH 12.6(i)"),
        row(.planningMember, .exemptCabinet, onRelease, "TH 12.6(iv)"),
        row(.planningMember, .exemptPlanning, all5, "TH 12.6(ii): their own committee's Part II item"),
        row(.planningMember, .confidentialCabinet, onRelease, "TH 12.6(iv)"),
        row(.planningMember, .labourInternal, none5, "TH 12.14"),
        row(.planningMember, .conservativeInternal, all5, "TH 12.14"),
        row(.planningMember, .draftPolicy, none5, "TH 12.13"),
        row(.planningMember, .personalRecord, none5, "TH 12.13"),

        // Labour assistant acting for the same-group member (whom they act for).
        row(.assistantActing, .publicCabinet, all5, "TH 12.6(i)"),
        row(.assistantActing, .exemptCabinet, onRelease, "TH 12.23: a request made for the councillor, treated as theirs"),
        row(.assistantActing, .exemptPlanning, onRelease, "TH 12.23"),
        row(.assistantActing, .confidentialCabinet, onRelease, "TH 12.23"),
        row(.assistantActing, .labourInternal, all5, "TH 6.5, 12.14, 12.23: assistants support their own group"),
        row(.assistantActing, .conservativeInternal, none5, "TH 12.14"),
        row(.assistantActing, .draftPolicy, all5, "TH 12.13, 12.23: the administration's group"),
        row(.assistantActing, .personalRecord, none5, "TH 12.13"),

        // Labour assistant naming the Cabinet member, whom they do not act for.
        row(.assistantNotActing, .publicCabinet, all5, "TH 12.6(i): public"),
        row(.assistantNotActing, .exemptCabinet, none5, "TH 12.23: only on behalf of named councillors they act for"),
        row(.assistantNotActing, .exemptPlanning, none5, "TH 12.23"),
        row(.assistantNotActing, .confidentialCabinet, none5, "TH 12.23"),
        row(.assistantNotActing, .labourInternal, none5, "TH 12.23"),
        row(.assistantNotActing, .conservativeInternal, none5, "TH 12.14, 12.23"),
        row(.assistantNotActing, .draftPolicy, none5, "TH 12.23"),
        row(.assistantNotActing, .personalRecord, none5, "TH 12.13"),

        // Party worker (Labour): nothing a councillor has as a councillor.
        row(.partyWorker, .publicCabinet, all5, "TH 13.10: public information only"),
        row(.partyWorker, .exemptCabinet, none5, "TH 13.10"),
        row(.partyWorker, .exemptPlanning, none5, "TH 13.10"),
        row(.partyWorker, .confidentialCabinet, none5, "TH 13.10"),
        row(.partyWorker, .labourInternal, none5, "TH 13.10: not even their own party's group papers"),
        row(.partyWorker, .conservativeInternal, none5, "TH 13.10"),
        row(.partyWorker, .draftPolicy, none5, "TH 13.10"),
        row(.partyWorker, .personalRecord, none5, "TH 13.10, 12.13"),

        // The officer who holds the council's documents.
        row(.ownerOfficer, .publicCabinet, all5, "public"),
        row(.ownerOfficer, .exemptCabinet, all5, "holds it for the council"),
        row(.ownerOfficer, .exemptPlanning, all5, "holds it for the council"),
        row(.ownerOfficer, .confidentialCabinet, all5, "holds it for the council"),
        row(.ownerOfficer, .labourInternal, none5, "TH 6.4(vi), 12.14: a group's papers are the group's"),
        row(.ownerOfficer, .conservativeInternal, none5, "TH 6.4(vi), 12.14"),
        row(.ownerOfficer, .draftPolicy, all5, "holds it for the council"),
        row(.ownerOfficer, .personalRecord, all5, "holds it for the council"),

        // An officer of another directorate with nothing to do with it.
        row(.unrelatedOfficer, .publicCabinet, all5, "public"),
        row(.unrelatedOfficer, .exemptCabinet, none5, "TH 12.18: unauthorised disclosure is a disciplinary offence"),
        row(.unrelatedOfficer, .exemptPlanning, none5, "TH 12.18"),
        row(.unrelatedOfficer, .confidentialCabinet, none5, "TH 12.18"),
        row(.unrelatedOfficer, .labourInternal, none5, "TH 6.4(vi)"),
        row(.unrelatedOfficer, .conservativeInternal, none5, "TH 6.4(vi)"),
        row(.unrelatedOfficer, .draftPolicy, none5, "TH 12.18"),
        row(.unrelatedOfficer, .personalRecord, none5, "TH 12.18; data protection"),

        // Monitoring Officer (LGHA 1989 s.5; TH 12.20 referrals).
        row(.monitoringOfficer, .publicCabinet, all5, "public"),
        row(.monitoringOfficer, .exemptCabinet, all5, "LGHA 1989 s.5; TH 12.20"),
        row(.monitoringOfficer, .exemptPlanning, all5, "LGHA 1989 s.5"),
        row(.monitoringOfficer, .confidentialCabinet, all5, "LGHA 1989 s.5"),
        row(.monitoringOfficer, .labourInternal, none5, "TH 6.4(vi): only by referral of a confidence"),
        row(.monitoringOfficer, .conservativeInternal, none5, "TH 6.4(vi)"),
        row(.monitoringOfficer, .draftPolicy, all5, "LGHA 1989 s.5: proposals that may be unlawful"),
        row(.monitoringOfficer, .personalRecord, none5, "not in the holder's line; data protection"),

        // Chief Executive (Head of Paid Service, LGHA 1989 s.4; heads every management line).
        row(.chiefExecutive, .publicCabinet, all5, "public"),
        row(.chiefExecutive, .exemptCabinet, all5, "LGHA 1989 s.4"),
        row(.chiefExecutive, .exemptPlanning, all5, "LGHA 1989 s.4"),
        row(.chiefExecutive, .confidentialCabinet, all5, "LGHA 1989 s.4"),
        row(.chiefExecutive, .labourInternal, none5, "TH 6.4(vi)"),
        row(.chiefExecutive, .conservativeInternal, none5, "TH 6.4(vi)"),
        row(.chiefExecutive, .draftPolicy, all5, "LGHA 1989 s.4"),
        row(.chiefExecutive, .personalRecord, all5, "heads the holder's management line"),

        // Corporate Director, Governance: determines refused or doubtful requests (TH 12.22(ii)).
        row(.governanceDirector, .publicCabinet, all5, "public"),
        row(.governanceDirector, .exemptCabinet, all5, "TH 12.22(ii): must see what they determine"),
        row(.governanceDirector, .exemptPlanning, all5, "TH 12.22(ii)"),
        row(.governanceDirector, .confidentialCabinet, all5, "TH 12.22(ii)"),
        row(.governanceDirector, .labourInternal, none5, "TH 12.14, 6.4(vi)"),
        row(.governanceDirector, .conservativeInternal, none5, "TH 12.14, 6.4(vi)"),
        row(.governanceDirector, .draftPolicy, all5, "TH 12.22(ii)"),
        row(.governanceDirector, .personalRecord, none5, "personal records are never released to councillors, so never determined"),

        // Wigan: no administration-only rule for drafts, so need to know decides (6.4); no
        // Corporate Director, Governance in its referral list (6.7: FOI officer, Monitoring Officer).
        row(.sameGroupMember, .draftPolicy, onRelease, "Wigan 6.4: need to know, no administration privilege", profile: "wigan"),
        row(.otherGroupMember, .draftPolicy, onRelease, "Wigan 6.4", profile: "wigan"),
        row(.cabinetMember, .exemptCabinet, all5, "Wigan 6.3: statutory and common law rights of committee members", profile: "wigan"),
        row(.scrutinyWithin, .exemptCabinet, all5, "Wigan 6.3", profile: "wigan"),
        row(.interestedMember, .exemptCabinet, none5, "Wigan 6.4: no right for a personal motive", profile: "wigan"),
        row(.otherGroupMember, .labourInternal, none5, "common law: no need to know another group's workings", profile: "wigan"),
        row(.governanceDirector, .exemptCabinet, none5, "Wigan 6.7: referrals go to the FOI officer and Monitoring Officer", profile: "wigan"),
        row(.partyWorker, .exemptCabinet, none5, "no entitlement", profile: "wigan"),

        // Leicestershire: need to know (34), party confidence (12–17), no drafts rule.
        row(.sameGroupMember, .draftPolicy, onRelease, "LE 34", profile: "leicestershire"),
        row(.otherGroupMember, .exemptCabinet, onRelease, "LE 34", profile: "leicestershire"),
        row(.otherGroupMember, .labourInternal, none5, "LE 12–17", profile: "leicestershire"),
        row(.interestedMember, .labourInternal, none5, "LE 34: care where a member has an interest", profile: "leicestershire"),

        // London Councils: group discussions never relayed to another group (6).
        row(.otherGroupMember, .labourInternal, none5, "LC 6", profile: "london-councils"),
        row(.assistantActing, .conservativeInternal, none5, "LC 6: advisers are bound too", profile: "london-councils"),

        // Hackney: the report is silent; the common law still lets a release be read.
        row(.sameGroupMember, .exemptCabinet, onRelease, "common law need to know", profile: "hackney"),
        row(.cabinetMember, .exemptCabinet, all5, "common law: committee members", profile: "hackney"),
    ]
}
