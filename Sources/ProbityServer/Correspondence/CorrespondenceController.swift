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
    }

    struct Row: Encodable { var title: String; var detail: String }
    struct PageContent: Encodable {
        var letters: [Row]
        var visits: [Row]
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
            isMember: actor.personKind == .member,
            members: org.members.values.sorted { $0.name < $1.name }.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: input.text("member") == $0.id.uuidString) },
            directorates: org.directorates.values.sorted { $0.name < $1.name }.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: input.text("directorate") == $0.id.uuidString) },
            lettersRule: "\(letterRule.statement) (\(letterRule.citationText(in: current.profile.document)))",
            visitsRule: "\(visitRule.statement) (\(visitRule.citationText(in: current.profile.document)))",
            values: ["addressee": input.text("addressee"), "subject": input.text("subject"), "delegatedAuthority": input.text("delegatedAuthority"),
                     "visitOn": input.text("visitOn"), "purpose": input.text("purpose")]),
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
