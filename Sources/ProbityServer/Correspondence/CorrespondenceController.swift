import Fluent
import ProbityCore
import Vapor

/// `/correspondence`: letters in members' names (Wigan 7.2; LC 12) and department visits (Wigan 4.6).
struct CorrespondenceController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("correspondence")
        group.get(use: index)
        group.post("letters", use: letter)
        group.post("department-visits", use: visit)
        group.post("copies", use: copy)
        group.post("copies", ":copyID", "consent", use: answer)
    }

    struct CopyRow: Encodable { var id: UUID; var title: String; var detail: String; var awaiting: Bool }

    /// The copy form's subject and purpose are named `copySubject` and `copyPurpose` on the page,
    /// which has a letter form and a visit form with fields of those names too.
    func copy(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        var values = input.values
        values["subject"] = input.values["copySubject"]
        values["purpose"] = input.values["copyPurpose"]
        values["copySubject"] = nil
        values["copyPurpose"] = nil
        do {
            _ = try await CorrespondenceCopyService.request(ComplaintInput(values: values), req: req)
            return req.redirect(to: "/correspondence", flash: "The member has been asked for consent")
        } catch let error as AppError where error.kind == .validation {
            let renamed = error.fieldErrors.map { FieldError(field: ["subject": "copySubject", "purpose": "copyPurpose"][$0.field] ?? $0.field, message: $0.message) }
            return try await page(req, input: input, errors: renamed, status: .unprocessableEntity)
        }
    }

    func answer(req: Request) async throws -> Response {
        let form = try FormBody(req)
        let consent: Bool? = form["consent"] == "true" ? true : form["consent"] == "false" ? false : nil
        let copy = try await CorrespondenceCopyService.answer(req.parameters.get("copyID"), consent: consent, req: req)
        return req.redirect(to: "/correspondence", flash: copy.status == "copied" ? "Thank you: it has been copied" : "Thank you: it will not be copied")
    }

    struct Row: Encodable { var title: String; var detail: String }
    struct PageContent: Encodable {
        var letters: [Row]
        var visits: [Row]
        var copies: [CopyRow]
        var isOfficer: Bool
        var consentRule: String
        var isMember: Bool
        var members: [SelectOption]
        var directorates: [SelectOption]
        var lettersRule: String
        var visitsRule: String
        var values: [String: String]
    }

    private func page(_ req: Request, input: ComplaintInput, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let org = try await req.orgSnapshot()
        let scope = try CorrespondenceAPIController.ownerFilter(req)
        var letters = MemberLetter.scoped(to: actor.authorityID, on: req.db)
        var visits = DepartmentVisit.scoped(to: actor.authorityID, on: req.db)
        if !scope.all {
            letters = letters.filter(\.$memberID == (scope.member ?? UUID()))
            visits = visits.filter(\.$memberID == (scope.member ?? UUID()))
        }
        let letterRule = current.profile.notifications.lettersInMembersName
        let visitRule = current.profile.notifications.departmentVisits
        return try await req.renderResponse("correspondence/index", title: "Letters and visits", content: PageContent(
            letters: try await letters.sort(\.$recordedAt, .descending).limit(50).all().map {
                Row(title: "\($0.subject), to \($0.addressee)", detail: "\(org.members[$0.memberID]?.name ?? "Member") · \(DisplayFormat.dateTime($0.recordedAt))\($0.delegatedAuthority.map { " · authority: \($0)" } ?? "")")
            },
            visits: try await visits.sort(\.$visitOn, .descending).limit(50).all().map {
                Row(title: "\(org.directorates[$0.directorateID]?.name ?? "Department") on \($0.visitOn)", detail: "\(org.members[$0.memberID]?.name ?? "Member") · \($0.chiefOfficerID == nil ? "no Chief Officer told" : "Chief Officer told")")
            },
            copies: try await (try CorrespondenceCopyService.visible(req))?.sort(\.$requestedAt, .descending).limit(50).all().map {
                CopyRow(id: $0.id!, title: "\($0.subject): \(org.members[$0.fromMemberID]?.name ?? "Member") to \(org.members[$0.toMemberID]?.name ?? "Member")",
                        detail: "\($0.purpose) · asked by \($0.requestedByName) · \($0.status == "awaiting-consent" ? "awaiting consent" : $0.status)",
                        awaiting: $0.status == "awaiting-consent" && actor.personKind == .member)
            } ?? [],
            isOfficer: actor.personKind == .officer || actor.canAdminister,
            consentRule: EnquiryPolicy.canCopyToAnotherMember(memberConsented: false, profile: current.profile).rules.map(\.citation).joined(separator: "; "),
            isMember: actor.personKind == .member,
            members: org.members.values.sorted { $0.name < $1.name }.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: input.text("member") == $0.id.uuidString) },
            directorates: org.directorates.values.sorted { $0.name < $1.name }.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: input.text("directorate") == $0.id.uuidString) },
            lettersRule: "\(letterRule.statement) (\(letterRule.citationText(in: current.profile.document)))",
            visitsRule: "\(visitRule.statement) (\(visitRule.citationText(in: current.profile.document)))",
            values: ["addressee": input.text("addressee"), "subject": input.text("subject"), "delegatedAuthority": input.text("delegatedAuthority"),
                     "visitOn": input.text("visitOn"), "purpose": input.text("purpose"), "copySubject": input.text("copySubject"),
                     "content": input.text("content"), "copyPurpose": input.text("copyPurpose")]),
            errors: errors, status: status)
    }

    func index(req: Request) async throws -> Response { try await page(req, input: ComplaintInput(values: [:]), errors: [], status: .ok) }

    func letter(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        do {
            _ = try await CorrespondenceService.letter(input, req: req)
            return req.redirect(to: "/correspondence", flash: "Letter recorded")
        } catch let error as AppError where error.kind == .validation {
            return try await page(req, input: input, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }

    func visit(req: Request) async throws -> Response {
        let input = ComplaintInput(form: try FormBody(req))
        do {
            _ = try await CorrespondenceService.visit(input, req: req)
            return req.redirect(to: "/correspondence", flash: "Visit recorded")
        } catch let error as AppError where error.kind == .validation {
            return try await page(req, input: input, errors: error.fieldErrors, status: .unprocessableEntity)
        }
    }
}
