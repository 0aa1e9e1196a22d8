import Fluent
import Foundation
import ProbityCore
import Vapor

/// Letters in members' names (Wigan 7.2; LC 12) and members' department visits (Wigan 4.6).
enum CorrespondenceService {
    static let letterFields = ["member", "addressee", "subject", "createsObligations", "givesInstructions", "delegatedAuthority"]
    static let visitFields = ["directorate", "visitOn", "purpose", "statutoryInspection"]

    static func input(json object: [String: JSONValue], allowed: [String], booleans: Set<String>) throws -> ComplaintInput {
        var errors: [FieldError] = []
        for (key, value) in object where allowed.contains(key) {
            if booleans.contains(key) {
                if case .bool = value {} else if value != .null { errors.append(FieldError(field: key, message: "\(key) must be true or false")) }
            } else if case .array = value {
                errors.append(FieldError(field: key, message: "\(key) must be a string"))
            }
        }
        if !errors.isEmpty { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        return try ComplaintInput(json: object, allowed: allowed)
    }

    /// Records a letter to go in a member's name. One that creates obligations or gives
    /// instructions without delegated authority is refused with the rule, and the refusal audited.
    static func letter(_ input: ComplaintInput, req: Request) async throws -> MemberLetter {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        var errors: [FieldError] = []
        var member: OrgSnapshot.Member?
        if actor.personKind == .member, let own = actor.personID, input.text("member").isEmpty {
            member = org.members[own]
        } else {
            member = UUID(uuidString: input.text("member")).flatMap { org.members[$0] }
        }
        if member == nil { errors.append(FieldError(field: "member", message: "Choose the member the letter is from")) }
        if actor.personKind == .member, let m = member, m.id != actor.personID {
            errors.append(FieldError(field: "member", message: "A member records letters in their own name only"))
        }
        let addressee = ComplaintFields.required(input, "addressee", "Enter who the letter is to", max: 200, errors: &errors)
        let subject = ComplaintFields.required(input, "subject", "Enter what the letter is about", max: 200, errors: &errors)
        let authority = ComplaintFields.optional(input, "delegatedAuthority", max: 500, errors: &errors)
        guard errors.isEmpty, let member else { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        let obligations = WardMatterService.flag(input, "createsObligations")
        let instructions = WardMatterService.flag(input, "givesInstructions")
        if let rule = MemberCorrespondence.letterRefusal(createsObligations: obligations, givesInstructions: instructions,
                                                         delegatedAuthority: authority, profile: current.profile) {
            throw await req.refusal("member_letter.create", resourceType: "member_letter",
                                    reason: "A letter that creates obligations or gives instructions on the council's behalf cannot go in a member's name without specific delegated authority; send it in the appropriate officer's name (\(rule.citation)).")
        }
        let now = req.now
        let letter = MemberLetter()
        letter.id = UUID()
        letter.authorityID = actor.authorityID
        letter.memberID = member.id
        letter.addressee = addressee
        letter.subject = subject
        letter.createsObligations = obligations
        letter.givesInstructions = instructions
        letter.delegatedAuthority = authority
        letter.recordedByName = actor.displayName
        letter.recordedAt = now
        letter.ruleCitation = current.profile.notifications.lettersInMembersName.citationText(in: current.profile.document)
        let event = actor.auditEvent("member_letter.create", resourceType: "member_letter", resourceID: letter.id!.uuidString,
                                     detail: ["member": member.id.uuidString, "obligations": String(obligations), "instructions": String(instructions),
                                              "delegatedAuthority": authority ?? ""])
        try await req.write { db in
            try await letter.create(on: db)
            try await AuditLog.append(event, on: db, at: now)
        }
        return letter
    }

    /// A member's visit to a department: its Chief Officer is told in advance (Wigan 4.6).
    static func visit(_ input: ComplaintInput, req: Request) async throws -> DepartmentVisit {
        let actor = try req.requireActor()
        guard actor.personKind == .member, let memberID = actor.personID else {
            throw await req.refusal("department_visit.create", resourceType: "department_visit", reason: "Members record their own visits to departments (Wigan protocol 4.6).")
        }
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        var errors: [FieldError] = []
        let directorate = UUID(uuidString: input.text("directorate")).flatMap { org.directorates[$0] }
        if directorate == nil { errors.append(FieldError(field: "directorate", message: "Choose the department")) }
        let date = CalendarDate(iso: input.text("visitOn"))
        if date == nil { errors.append(FieldError(field: "visitOn", message: "Enter the date of the visit as YYYY-MM-DD")) }
        else if let date, date < CalendarDate.london(req.now) { errors.append(FieldError(field: "visitOn", message: "Tell the Chief Officer before the visit, not after")) }
        let purpose = ComplaintFields.required(input, "purpose", "Enter the purpose of the visit", max: 2000, errors: &errors)
        guard errors.isEmpty, let directorate, let date else { throw AppError.validation(errors, detail: "Nothing was recorded.") }
        let statutory = WardMatterService.flag(input, "statutoryInspection")
        let rule = MemberCorrespondence.visitNotice(statutoryInspection: statutory, profile: current.profile)
        let chief = rule == nil ? nil : directorate.directorID
        let now = req.now
        let visit = DepartmentVisit()
        visit.id = UUID()
        visit.authorityID = actor.authorityID
        visit.memberID = memberID
        visit.directorateID = directorate.id
        visit.visitOn = date.iso
        visit.purpose = purpose
        visit.statutoryInspection = statutory
        visit.chiefOfficerID = chief
        visit.recordedAt = now
        let id = visit.id!
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: current)
        let message = NotificationCenter.Message(
            category: "department-visit", subject: "\(actor.displayName) will visit \(directorate.name) on \(date.iso)",
            body: "Purpose: \(purpose)\nYou are told in advance so that the member meets the most appropriate officer (\(rule?.citation ?? "")).",
            link: "/correspondence", eventKey: "department-visit|\(id.uuidString)")
        let event = actor.auditEvent("department_visit.create", resourceType: "department_visit", resourceID: id.uuidString,
                                     detail: ["directorate": directorate.id.uuidString, "visitOn": date.iso, "chiefOfficerTold": String(chief != nil)])
        try await req.write { db in
            try await visit.create(on: db)
            if let chief { try await center.send(message, to: [.officer(chief)], on: db, at: now) }
            try await AuditLog.append(event, on: db, at: now)
        }
        return visit
    }
}
