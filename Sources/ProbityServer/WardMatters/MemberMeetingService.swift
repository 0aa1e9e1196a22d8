import Fluent
import Foundation
import ProbityCore
import Vapor

/// Members' public meetings on council business (LE 30; TH 11.4–11.5) and the pre-election
/// periods that bar them from council premises.
enum MemberMeetingService {
    /// " (Tower Hamlets protocol 11.4)" where the authority's protocol has the guidance with this
    /// key in force, and nothing where it does not: a message never cites another council's paragraph.
    static func cited(_ guidanceKey: String, _ profile: ProtocolProfile) -> String {
        profile.guidanceReferences([guidanceKey]).first.map { " (\($0.citation))" } ?? ""
    }

    /// A member tells the relevant officer of a public meeting they are arranging. On council
    /// premises in a pre-election period it is refused, and the refusal audited (TH 11.5).
    static func record(_ input: ComplaintInput, req: Request) async throws -> MemberMeeting {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        guard actor.personKind == .member, let memberID = actor.personID else {
            throw await req.refusal("member_meeting.create", resourceType: "member_meeting",
                                    reason: "Only members record the public meetings they arrange\(cited("member-organised-public-meetings", current.profile)).")
        }
        var errors: [FieldError] = []
        let title = ComplaintFields.required(input, "title", "Enter what the meeting is about", max: 200, errors: &errors)
        let venue = ComplaintFields.required(input, "venue", "Enter where it will be held", max: 200, errors: &errors)
        let date = CalendarDate(iso: input.text("meetsOn"))
        if date == nil { errors.append(FieldError(field: "meetsOn", message: input.text("meetsOn").isEmpty ? "Enter the date of the meeting" : "Enter the date as YYYY-MM-DD")) }
        var officer: Officer?
        if let id = UUID(uuidString: input.text("officer")) { officer = try await Officer.find(id, in: actor.authorityID, on: req.db) }
        if officer == nil { errors.append(FieldError(field: "officer", message: "Choose the officer to tell")) }
        let premises = WardMatterService.flag(input, "councilPremises")
        let political = WardMatterService.flag(input, "partyPolitical")
        guard errors.isEmpty, let date, let officer, let officerID = officer.id else { throw AppError.validation(errors, detail: "Nothing was recorded.") }

        let periods = try await PreElectionPeriod.scoped(to: actor.authorityID, on: req.db).all().compactMap(\.period)
        if let rule = MemberMeetings.refusal(on: date, councilPremises: premises, periods: periods, profile: current.profile) {
            throw await req.refusal("member_meeting.create", resourceType: "member_meeting",
                                    reason: "A public meeting cannot be arranged on council premises in the pre-election period (\(rule.citation)).")
        }
        let now = req.now
        let meeting = MemberMeeting()
        meeting.id = UUID()
        meeting.authorityID = actor.authorityID
        meeting.memberID = memberID
        meeting.officerID = officerID
        meeting.title = title
        meeting.meetsOn = date.iso
        meeting.venue = venue
        meeting.councilPremises = premises
        meeting.partyPolitical = political
        meeting.recordedAt = now
        let id = meeting.id!
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        var body = "\(actor.displayName) is arranging a public meeting on \(date.iso) at \(venue): \(title)."
        body += political
            ? " It is arranged on a party political basis, so officers do not attend\(cited("no-officers-at-party-meetings", current.profile))."
            : " An appropriate officer may be invited to attend but is not obliged to\(cited("member-organised-public-meetings", current.profile))."
        let message = NotificationCenter.Message(category: "member-meeting", subject: "Public meeting arranged by \(actor.displayName)",
                                                 body: body, link: "/ward-matters", eventKey: "member-meeting|\(id.uuidString)")
        let event = actor.auditEvent("member_meeting.create", resourceType: "member_meeting", resourceID: id.uuidString,
                                     detail: ["meetsOn": date.iso, "councilPremises": String(premises), "officer": officerID.uuidString])
        try await req.write { db in
            try await meeting.create(on: db)
            try await center.send(message, to: [.officer(officerID)], on: db, at: now)
            try await AuditLog.append(event, on: db, at: now)
        }
        return meeting
    }

    static func addPeriod(_ input: ComplaintInput, req: Request) async throws -> PreElectionPeriod {
        let actor = try await req.requireAdministrator("pre_election_period.create")
        var errors: [FieldError] = []
        let starts = CalendarDate(iso: input.text("startsOn"))
        let ends = CalendarDate(iso: input.text("endsOn"))
        if starts == nil { errors.append(FieldError(field: "startsOn", message: "Enter the first day as YYYY-MM-DD")) }
        if ends == nil { errors.append(FieldError(field: "endsOn", message: "Enter the last day (polling day) as YYYY-MM-DD")) }
        if let starts, let ends, ends < starts { errors.append(FieldError(field: "endsOn", message: "The last day must be on or after the first")) }
        let note = ComplaintFields.optional(input, "note", max: 200, errors: &errors) ?? ""
        guard errors.isEmpty, let starts, let ends else { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        let period = PreElectionPeriod()
        period.id = UUID()
        period.authorityID = actor.authorityID
        period.startsOn = starts.iso
        period.endsOn = ends.iso
        period.note = note
        let now = req.now
        let event = actor.auditEvent("pre_election_period.create", resourceType: "pre_election_period", resourceID: period.id!.uuidString,
                                     detail: ["startsOn": starts.iso, "endsOn": ends.iso])
        try await req.write { db in
            try await period.create(on: db)
            try await AuditLog.append(event, on: db, at: now)
        }
        return period
    }

    static func removePeriod(_ raw: String?, req: Request) async throws {
        let actor = try await req.requireAdministrator("pre_election_period.delete")
        guard let id = raw.flatMap(UUID.init(uuidString:)), let period = try await PreElectionPeriod.find(id, in: actor.authorityID, on: req.db) else {
            throw AppError.notFound("The pre-election period")
        }
        let now = req.now
        let event = actor.auditEvent("pre_election_period.delete", resourceType: "pre_election_period", resourceID: id.uuidString,
                                     detail: ["startsOn": period.startsOn, "endsOn": period.endsOn])
        try await req.write { db in
            try await period.delete(on: db)
            try await AuditLog.append(event, on: db, at: now)
        }
    }

    static func periods(_ req: Request) async throws -> [PreElectionPeriod] {
        let actor = try req.requireActor()
        return try await PreElectionPeriod.scoped(to: actor.authorityID, on: req.db).sort(\.$startsOn).all()
    }
}
