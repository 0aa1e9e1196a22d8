import Fluent
import Foundation
import ProbityCore

/// A few entries in the demo council's registers, so the pages are not empty: published
/// interests, a sensitive one, a council tenancy, a close relationship, a link to a candidate,
/// a registration duty and a dispensation.
enum DemoRegisters {
    struct People {
        var leader: UUID
        var deputy: UUID
        var whip: UUID
        var opposition: UUID
        var member: UUID
        var coopted: UUID
        var monitoringOfficer: UUID
        var liaisonOfficer: UUID
        var headOfService: UUID
    }

    static func seed(on db: any Database, authorityID: UUID, people p: People, at now: Date) async throws {
        let today = CalendarDate.london(now)
        func save(_ declarant: PersonRef, _ kind: DeclarationKind, _ description: String, tags: Set<InterestTag> = [],
                  sensitivity: Sensitivity = .none, daysAgo: Int) async throws {
            let declaration = Declaration(id: UUID(), declarant: declarant, kind: kind, description: description, tags: tags,
                                          sensitivity: sensitivity, registeredOn: today.adding(days: -daysAgo))
            let record = DeclarationRecord()
            record.id = declaration.id
            record.authorityID = authorityID
            record.createdAt = now
            try record.store(declaration, at: now)
            try await record.create(on: db)
        }
        try await save(.member(p.leader), .disclosablePecuniary(.employment, holder: .member), "Partner, Okafor & Co Solicitors",
                       tags: [.body("Okafor & Co Solicitors")], daysAgo: 200)
        try await save(.member(p.leader), .disclosablePecuniary(.land, holder: .member), "Freehold of 14 Abbey Road",
                       tags: [.land("14 Abbey Road")], daysAgo: 200)
        try await save(.member(p.deputy), .otherRegisterable(.charitable), "Trustee, Brookside Community Trust",
                       tags: [.body("Brookside Community Trust")], daysAgo: 150)
        try await save(.member(p.deputy), .restriction(.councilTenancy(address: "Flat 3, Brookside House", rentArrearsMonths: 0)), "", daysAgo: 150)
        try await save(.member(p.whip), .disclosablePecuniary(.land, holder: .member), "Home address", sensitivity: .agreed, daysAgo: 120)
        try await save(.member(p.opposition), .otherRegisterable(.publicOpinionOrPolicy), "Member, UNISON",
                       tags: [.body("UNISON")], daysAgo: 90)
        try await save(.member(p.member), .closeRelationship(CloseRelationship(with: .officer(p.liaisonOfficer), nature: .closeRelative)), "", daysAgo: 40)
        try await save(.officer(p.headOfService), .recruitment(RecruitmentLink(candidateName: "Alex Morgan", processID: "REC-2026-07", post: "Highways Inspector")),
                       "", daysAgo: 5)

        let duty = RegistrationDutyRecord()
        duty.authorityID = authorityID
        duty.personKind = "member"
        duty.personID = p.coopted
        duty.trigger = RegistrationDuties.TriggerName.tookOffice.rawValue
        let tookOffice = today.adding(days: -10)
        duty.triggerOn = tookOffice.iso
        duty.lastDay = tookOffice.adding(days: 27).iso
        duty.createdAt = now
        try await duty.create(on: db)

        let dispensation = Dispensation(
            id: UUID(), grantee: .allMembers, scope: .tag(.topic("members' allowances")), terms: .discussionAndVote,
            ground: .tooManyBarred, grantedBy: .officer(p.monitoringOfficer), grantedOn: today.adding(days: -30),
            expiresOn: today.adding(days: 365 * 2), reasons: "Every member has an interest in the scheme of members' allowances.")
        let record = DispensationRecord()
        record.id = dispensation.id
        record.authorityID = authorityID
        record.createdAt = now
        try record.store(dispensation)
        try await record.create(on: db)
    }
}
