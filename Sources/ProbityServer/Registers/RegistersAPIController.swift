import Fluent
import ProbityCore
import Vapor

/// `/api/v1/declarations`, `/api/v1/dispensations`, `/api/v1/registration-duties`,
/// `/api/v1/conflict-checks` and the published register: the same registers as the pages,
/// as JSON, each entry shown only to those `RegisterPolicy` lets see it.
struct RegistersAPIController {
    func boot(routes: any RoutesBuilder) {
        let declarations = routes.grouped("declarations")
        declarations.get(use: list)
        declarations.post(use: create)
        declarations.get(":declarationID", use: show)
        declarations.patch(":declarationID", use: update)
        declarations.post(":declarationID", "withdrawal", use: withdraw)
        declarations.post(":declarationID", "determination", use: determine)
        declarations.post(":declarationID", "sensitivity", use: sensitivity)

        routes.get("dispensations", use: dispensations)
        routes.post("dispensations", use: grant)

        routes.get("registration-duties", use: duties)
        routes.post("registration-duties", use: recordDuty)
        routes.post("registration-duties", "confirmation", use: confirm)

        routes.post("conflict-checks", use: conflictCheck)
    }

    /// The published register needs no sign-in: it is what the law makes public.
    func bootPublic(routes: any RoutesBuilder) {
        routes.get("registers", ":authority", "public", use: publicRegister)
    }

    enum Scope: String, CaseIterable {
        case mine
        case declaredToMe = "declared-to-me"
        case all
    }

    func list(req: Request) async throws -> Response {
        let paging = try APIPaging(req, maxPerPage: 200)
        let raw = req.query[String.self, at: "scope"] ?? Scope.mine.rawValue
        guard let scope = Scope(rawValue: raw) else {
            throw AppError(.badRequest, detail: "The filter is not valid.", fieldErrors: [
                FieldError(field: "scope", message: "scope must be one of \(Scope.allCases.map(\.rawValue).joined(separator: ", "))"),
            ])
        }
        let context = try await RegisterContext.load(req)
        let records: [DeclarationRecord]
        switch scope {
        case .mine:
            guard let person = context.person else { records = []; break }
            records = try await DeclarationStore.made(by: person, authorityID: context.actor.authorityID, on: req.db)
        case .declaredToMe:
            records = try await DeclarationStore.declaredTo(context, on: req.db)
        case .all:
            guard context.isMonitoringOfficer else {
                throw await req.refusal("declaration.list", resourceType: "declaration",
                                        reason: "Only the Monitoring Officer, who keeps the registers, sees every entry (Localism Act 2011 s.29).")
            }
            records = try await DeclarationStore.active(authorityID: context.actor.authorityID, on: req.db)
        }
        let start = (paging.page - 1) * paging.perPage
        let page = records.count > start ? Array(records[start..<min(records.count, start + paging.perPage)]) : []
        let items = try page.map { DeclarationView($0, try $0.declaration(), context: context) }
        let listed = context.actor.auditEvent("declaration.list", resourceType: "declaration",
                                              detail: ["scope": scope.rawValue, "shown": String(items.count), "total": String(records.count)])
        let now = context.now
        try await req.write { db in try await AuditLog.append(listed, on: db, at: now) }
        struct Body: Encodable { var items: [DeclarationView]; var page: JSONValue }
        return try APIResponse.json(encodable: Body(items: items, page: paging.metadata(total: records.count)))
    }

    func create(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        _ = try await context.requirePerson(req, action: "declaration.create")
        let input = try RegisterInput(json: try APIRequest.jsonObject(req), allowed: DeclarationFields.keys(for: nil))
        let (record, declaration) = try await DeclarationService.create(input, req: req, context: context)
        return try APIResponse.json(encodable: DeclarationView(record, declaration, context: context), status: .created)
    }

    func show(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let (record, declaration) = try await DeclarationService.open(req.parameters.get("declarationID"), req: req, context: context)
        return try APIResponse.json(encodable: DeclarationView(record, declaration, context: context))
    }

    func update(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let (record, current) = try await openForChange(req, context, action: "declaration.update")
        let input = try RegisterInput(json: try APIRequest.jsonObject(req), allowed: DeclarationFields.keys(for: nil))
        let (saved, declaration) = try await DeclarationService.update(record, current, input, partial: true, req: req, context: context)
        return try APIResponse.json(encodable: DeclarationView(saved, declaration, context: context))
    }

    func withdraw(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let (record, current) = try await openForChange(req, context, action: "declaration.withdraw")
        _ = try RegisterInput(json: try ComplaintsAPIController.body(req), allowed: [])
        try await DeclarationService.withdraw(record, current, req: req, context: context)
        return try APIResponse.json(encodable: DeclarationView(record, current, context: context))
    }

    func determine(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let (record, current) = try await openForChange(req, context, action: "declaration.determination")
        let input = try RegisterInput(json: try APIRequest.jsonObject(req), allowed: ["mayContinue", "note"])
        let declaration = try await DeclarationService.determine(record, current, input, req: req, context: context)
        return try APIResponse.json(encodable: DeclarationView(record, declaration, context: context))
    }

    func sensitivity(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let (record, current) = try await openForChange(req, context, action: "declaration.sensitivity")
        let input = try RegisterInput(json: try APIRequest.jsonObject(req), allowed: ["decision"])
        let declaration = try await DeclarationService.decideSensitivity(record, current, input, req: req, context: context)
        return try APIResponse.json(encodable: DeclarationView(record, declaration, context: context))
    }

    /// The entry to act on. Someone who may not even read it is refused as a read would be, so
    /// a refusal to change says nothing more than a refusal to read.
    private func openForChange(_ req: Request, _ context: RegisterContext, action: String) async throws -> (DeclarationRecord, Declaration) {
        let record = try await DeclarationStore.find(req.parameters.get("declarationID"), authorityID: context.actor.authorityID, on: req.db)
        let declaration = try record.declaration()
        let view = RegisterPolicy.canView(declaration, viewer: context.viewer, profile: context.profile, org: context.org)
        if !view.allowed {
            throw await req.refusal(action, resourceType: "declaration", resourceID: try record.requireID().uuidString, reason: view.explanation)
        }
        return (record, declaration)
    }

    // MARK: Dispensations

    func dispensations(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let items = try await DispensationService.visible(req: req, context: context).map { DispensationView($0, context: context) }
        struct Body: Encodable { var items: [DispensationView] }
        return try APIResponse.json(encodable: Body(items: items))
    }

    func grant(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        try await DispensationService.authorise(req, context: context)
        let input = try RegisterInput(json: try APIRequest.jsonObject(req), allowed: DispensationService.fields)
        let (_, dispensation) = try await DispensationService.create(input, req: req, context: context)
        return try APIResponse.json(encodable: DispensationView(dispensation, context: context), status: .created)
    }

    // MARK: Registration duties

    func duties(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let all = try APIQuery.choice(req, "scope", allowed: ["mine", "all"]) == "all"
        if all, !context.isMonitoringOfficer {
            throw await req.refusal("registration-duty.list", resourceType: "registration-duty",
                                    reason: "Only the Monitoring Officer sees every member's registration duties.")
        }
        let items = try await RegistrationDuties.visible(req: req, context: context, all: all).compactMap { RegistrationDutyView($0, context: context) }
        struct Body: Encodable { var items: [RegistrationDutyView] }
        return try APIResponse.json(encodable: Body(items: items))
    }

    func recordDuty(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let input = try RegisterInput(json: try APIRequest.jsonObject(req), allowed: RegistrationDuties.fields)
        let duty = try await RegistrationDuties.record(input, req: req, context: context)
        guard let view = RegistrationDutyView(duty, context: context) else { throw AppError.notFound("The duty") }
        return try APIResponse.json(encodable: view, status: .created)
    }

    func confirm(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        _ = try RegisterInput(json: try ComplaintsAPIController.body(req), allowed: [])
        let met = try await RegistrationDuties.confirm(req: req, context: context)
        let items = try await RegistrationDuties.visible(req: req, context: context, all: false).compactMap { RegistrationDutyView($0, context: context) }
        struct Body: Encodable { var met: Int; var items: [RegistrationDutyView] }
        return try APIResponse.json(encodable: Body(met: met, items: items))
    }

    // MARK: Conflict check

    func conflictCheck(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let request = try await ConflictCheckRequest.read(json: try APIRequest.jsonObject(req), req: req, context: context)
        return try APIResponse.json(encodable: try await ConflictCheckService.run(request, req: req, context: context))
    }

    // MARK: Published register

    func publicRegister(req: Request) async throws -> Response {
        let register = try await PublicRegisterView.load(slug: req.parameters.get("authority"), req: req)
        return try APIResponse.json(encodable: register)
    }
}

/// The published register of one authority (`PublicRegister`): open to everyone, signed in or not.
struct PublicRegisterView: Encodable, Sendable {
    struct Entry: Encodable, Sendable { var details: String; var registeredOn: String; var registeredDisplay: String; var withheld: Bool }
    struct Section: Encodable, Sendable { var heading: String; var entries: [Entry] }
    struct Member: Encodable, Sendable { var name: String; var hasNoInterests: Bool; var sections: [Section] }

    var authority: String
    var authorityName: String
    var asOf: String
    var asOfDisplay: String
    var members: [Member]
    var rules: [RuleInfo]

    static func load(slug: String?, req: Request) async throws -> PublicRegisterView {
        guard let slug, let authority = try await Authority.query(on: req.db).filter(\.$slug == slug).first(),
              let authorityID = authority.id else {
            throw AppError.notFound("The authority")
        }
        async let current = req.probity.authorityCache.authorityProtocol(authorityID, on: req.db)
        async let org = req.probity.authorityCache.org(authorityID, on: req.db)
        // Only the published kinds are read at all.
        async let records = DeclarationRecord.scoped(to: authorityID, on: req.db).filter(\.$withdrawnAt == nil)
            .filter(\.$kind ~~ [DeclarationKindName.disclosablePecuniary.rawValue, DeclarationKindName.otherRegisterable.rawValue])
            .filter(\.$declarantKind == "member")
            .sort(\.$registeredOn).sort(\.$createdAt).all()
        let today = CalendarDate.london(req.now)
        let register = PublicRegister(declarations: try await records.map { try $0.declaration() }, org: try await org,
                                      profile: try await current.profile, asOf: today)
        return PublicRegisterView(
            authority: slug, authorityName: authority.name, asOf: today.iso, asOfDisplay: today.displayLong,
            members: register.members.map { member in
                Member(name: member.name, hasNoInterests: member.hasNoInterests, sections: member.sections.map { section in
                    Section(heading: section.heading, entries: section.entries.map {
                        Entry(details: $0.details, registeredOn: $0.registeredOn.iso, registeredDisplay: $0.registeredOn.displayLong, withheld: $0.withheld)
                    })
                })
            },
            rules: register.rules.map(RuleInfo.init))
    }
}
