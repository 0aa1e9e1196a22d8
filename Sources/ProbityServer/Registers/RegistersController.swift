import Fluent
import ProbityCore
import Vapor

/// The registers pages: my register (my entries, what is declared to me, my registration
/// duties with their last day and citation), the Monitoring Officer's view of every entry, one
/// entry, the forms to declare and change, dispensations, the conflict check and its printable
/// report, and the published register of each authority.
struct RegistersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("registers")
        group.get(use: index)
        group.get("all", use: all)
        group.post("duties", use: recordDuty)
        group.post("confirmation", use: confirm)
        group.get("new", use: newForm)
        group.post("declarations", use: create)
        group.get("declarations", ":declarationID", use: show)
        group.get("declarations", ":declarationID", "edit", use: editForm)
        group.post("declarations", ":declarationID", use: update)
        group.post("declarations", ":declarationID", "withdraw", use: withdraw)
        group.post("declarations", ":declarationID", "determination", use: determine)
        group.post("declarations", ":declarationID", "sensitivity", use: sensitivity)
        group.get("dispensations", use: dispensations)
        group.post("dispensations", use: grant)
        group.get("conflict-check", use: conflictForm)
        group.post("conflict-check", use: conflictCheck)
        group.get("public", ":authority", use: publicRegister)
    }

    static let crumbs: [LayoutContext.Crumb] = [.init(href: "/registers", label: "Registers")]

    // MARK: My register

    struct KindLink: Encodable { var href: String; var label: String; var hint: String }

    struct IndexPage: Encodable {
        var isPerson: Bool
        var isMember: Bool
        var isMonitoringOfficer: Bool
        var mine: [DeclarationRow]
        var declaredToMe: [DeclarationRow]
        var duties: [RegistrationDutyView]
        var openDuties: Int
        var kinds: [KindLink]
        var period: String
        var periodCitation: String
        var authoritySlug: String
    }

    func index(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        var mine: [DeclarationRow] = [], toMe: [DeclarationRow] = []
        if let person = context.person {
            mine = try await DeclarationStore.made(by: person, authorityID: context.actor.authorityID, on: req.db)
                .map { DeclarationRow($0, try $0.declaration(), context: context) }
            toMe = try await DeclarationStore.declaredTo(context, on: req.db).map { DeclarationRow($0, try $0.declaration(), context: context) }
        }
        let duties = try await RegistrationDuties.visible(req: req, context: context, all: false).compactMap { RegistrationDutyView($0, context: context) }
        let isMember = if case .member? = context.person { true } else { false }
        let period = context.profile.declarations.registrationPeriod
        let page = IndexPage(
            isPerson: context.person != nil, isMember: isMember, isMonitoringOfficer: context.isMonitoringOfficer,
            mine: mine, declaredToMe: toMe, duties: duties, openDuties: duties.filter { $0.registeredOn == nil }.count,
            kinds: DeclarationKindName.allCases.filter { isMember || $0 != .disclosablePecuniary }.map {
                KindLink(href: "/registers/new?kind=\($0.rawValue)", label: $0.label, hint: $0.hint)
            },
            period: "Register a new interest, or a change to one, within \(period.parameters.calendarDays) days.",
            periodCitation: ([context.rules.registrationPeriod] + (isMember ? [Statute.registration] : [])).map(\.citation).joined(separator: "; "),
            authoritySlug: context.actor.authority.slug)
        return try await req.renderResponse("registers/index", title: "My register", content: page).noStore()
    }

    // MARK: Monitoring Officer

    struct AllPage: Encodable {
        var rows: [DeclarationRow]
        var duties: [RegistrationDutyView]
        var members: [SelectOption]
        var triggers: [SelectOption]
        var pendingSensitivity: [DeclarationRow]
        var kind: String
        var kinds: [SelectOption]
        var values: [String: String]
    }

    func all(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        return try await renderAll(req: req, context: context, input: RegisterInput(values: [:]), errors: [])
    }

    func renderAll(req: Request, context: RegisterContext, input: RegisterInput, errors: [FieldError]) async throws -> Response {
        guard context.isMonitoringOfficer else {
            throw await req.refusal("declaration.list", resourceType: "declaration",
                                    reason: "Only the Monitoring Officer, who keeps the registers, sees every entry (Localism Act 2011 s.29).")
        }
        let kind = req.query[String.self, at: "kind"].flatMap(DeclarationKindName.init(rawValue:))
        let records = try await DeclarationStore.active(authorityID: context.actor.authorityID, on: req.db)
        let rows = try records.map { DeclarationRow($0, try $0.declaration(), context: context) }
        let duties = try await RegistrationDuties.visible(req: req, context: context, all: true).compactMap { RegistrationDutyView($0, context: context) }
        let page = AllPage(
            rows: rows.filter { kind == nil || $0.kind == kind?.rawValue }, duties: duties,
            members: context.org.members.values.sorted { $0.name < $1.name }.map {
                SelectOption(value: PersonRef.member($0.id).description, label: $0.name, selected: input.text("person") == PersonRef.member($0.id).description)
            },
            triggers: RegistrationDuties.TriggerName.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: input.text("trigger") == $0.rawValue) },
            pendingSensitivity: rows.filter { $0.sensitivity == Sensitivity.requested.rawValue },
            kind: kind?.rawValue ?? "",
            kinds: DeclarationKindName.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == kind) },
            values: ["date": input.text("date")])
        let listed = context.actor.auditEvent("declaration.list", resourceType: "declaration",
                                              detail: ["scope": "all", "shown": String(page.rows.count), "total": String(rows.count)])
        let now = context.now
        try await req.write { db in try await AuditLog.append(listed, on: db, at: now) }
        return try await req.renderResponse("registers/all", title: "Every register entry", content: page, errors: errors,
                                            breadcrumbs: Self.crumbs, status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func recordDuty(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let input = RegisterInput(form: try FormBody(req))
        do {
            let duty = try await RegistrationDuties.record(input, req: req, context: context)
            let view = RegistrationDutyView(duty, context: context)
            return req.redirect(to: "/registers/all", flash: "Recorded. \(view?.person.name ?? "The member") must register by \(view?.lastDayDisplay ?? "the last day").")
        } catch let error as AppError where error.kind == .validation {
            return try await renderAll(req: req, context: context, input: input, errors: error.fieldErrors)
        }
    }

    func confirm(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        _ = try FormBody(req)
        let met = try await RegistrationDuties.confirm(req: req, context: context)
        return req.redirect(to: "/registers", flash: met == 0 ? "Thank you: your register is confirmed as complete." : "Thank you: your register is confirmed as complete, meeting \(met) registration dut\(met == 1 ? "y" : "ies").")
    }

    // MARK: Published register

    func publicRegister(req: Request) async throws -> Response {
        let register = try await PublicRegisterView.load(slug: req.parameters.get("authority"), req: req)
        return try await req.renderResponse("registers/public", title: "Register of members' interests: \(register.authorityName)", content: register)
    }
}
