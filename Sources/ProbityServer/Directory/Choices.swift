import ProbityCore

/// The fixed vocabularies of directory fields.
enum Choices {
    static let memberPosition: [Choice] = [
        .init(value: "councillor", label: "Councillor"),
        .init(value: "mayor", label: "Mayor (civic or elected)"),
        .init(value: "chair", label: "Chair of the council"),
        .init(value: "vice-chair", label: "Vice-Chair of the council"),
        .init(value: "coopted-voting", label: "Co-opted member (voting)"),
        .init(value: "coopted-non-voting", label: "Co-opted member (non-voting)"),
    ]

    static let executiveRole: [Choice] = [
        .init(value: "none", label: "None"),
        .init(value: "leader", label: "Leader"),
        .init(value: "deputy-leader", label: "Deputy Leader"),
        .init(value: "cabinet-member", label: "Cabinet Member"),
        .init(value: "lead-member", label: "Lead Member"),
    ]

    static let committeeKind: [Choice] = [
        .init(value: "cabinet", label: "Cabinet"),
        .init(value: "overview-and-scrutiny", label: "Overview and Scrutiny"),
        .init(value: "scrutiny-sub-committee", label: "Scrutiny sub-committee or panel"),
        .init(value: "regulatory", label: "Regulatory (planning, licensing)"),
        .init(value: "standards", label: "Standards"),
        .init(value: "council", label: "Full Council"),
        .init(value: "other", label: "Other"),
    ]

    static let membershipRole: [Choice] = [
        .init(value: "member", label: "Member"),
        .init(value: "vice-chair", label: "Vice-Chair"),
        .init(value: "substitute", label: "Substitute"),
    ]

    static let officerPost: [Choice] = [
        .init(value: "chief-executive", label: "Chief Executive (Head of Paid Service)"),
        .init(value: "corporate-director", label: "Corporate Director"),
        .init(value: "divisional-director", label: "Divisional Director"),
        .init(value: "assistant-director", label: "Assistant Director"),
        .init(value: "head-of-service", label: "Head of Service"),
        .init(value: "manager", label: "Manager"),
        .init(value: "officer", label: "Officer"),
    ]

    /// Statutory and corporate designations an officer can hold, named as protocol profiles name them.
    static let designations: [Choice] = [
        .init(value: OrgRole.monitoringOfficer.rawValue, label: "Monitoring Officer"),
        .init(value: OrgRole.chiefFinanceOfficer.rawValue, label: "Chief Finance Officer (s151)"),
        .init(value: OrgRole.hrDirector.rawValue, label: "HR Director"),
        .init(value: OrgRole.governanceDirector.rawValue, label: "Director of Governance"),
        .init(value: OrgRole.complaintsOfficer.rawValue, label: "Nominated complaints officer"),
        .init(value: OrgRole.communications.rawValue, label: "Communications"),
        .init(value: OrgRole.memberServices.rawValue, label: "Member services"),
        .init(value: OrgRole.foiOfficer.rawValue, label: "Freedom of Information officer"),
    ]
}
