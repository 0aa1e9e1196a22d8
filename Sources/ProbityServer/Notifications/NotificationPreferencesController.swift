import Fluent
import ProbityCore
import Vapor

/// `/inbox/preferences` and `/api/v1/notifications/preferences`: each user chooses e-mail for
/// each message or a daily digest (`DigestPolicy`: some messages always go at once).
struct NotificationPreferencesController {
    func boot(routes: any RoutesBuilder) {
        routes.get("inbox", "preferences", use: page)
        routes.post("inbox", "preferences", use: save)
    }

    func bootAPI(routes: any RoutesBuilder) {
        routes.get("notifications", "preferences", use: apiShow)
        routes.put("notifications", "preferences", use: apiSave)
    }

    struct Body: Encodable {
        struct Exception: Encodable { var category: String; var citation: String }
        var email: String
        var choices: [String]
        var alwaysImmediate: [Exception]
        var hasAddress: Bool
    }

    static func body(_ req: Request, current: EmailPreference) async throws -> Body {
        let actor = try req.requireActor()
        var hasAddress = false
        if let person = actor.personID {
            switch actor.personKind {
            case .member: hasAddress = try await Member.find(person, in: actor.authorityID, on: req.db)?.email != nil
            case .officer: hasAddress = try await Officer.find(person, in: actor.authorityID, on: req.db)?.email != nil
            default: break
            }
        }
        return Body(email: current.rawValue, choices: EmailPreference.allCases.map(\.rawValue),
                    alwaysImmediate: DigestPolicy.immediateCategories.sorted { $0.key < $1.key }.map { .init(category: $0.key, citation: $0.value) },
                    hasAddress: hasAddress)
    }

    struct PageContent: Encodable {
        var options: [SelectOption]
        var body: Body
    }

    func page(req: Request) async throws -> View {
        let actor = try req.requireActor()
        let current = try await NotificationPreference.of(user: actor.userID, in: actor.authorityID, on: req.db)
        return try await render(req, current: current, errors: [])
    }

    private func render(_ req: Request, current: EmailPreference?, errors: [FieldError]) async throws -> View {
        let body = try await Self.body(req, current: current ?? .immediate)
        let options = EmailPreference.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == current) }
        return try await req.render("inbox-preferences", title: "E-mail preferences", content: PageContent(options: options, body: body),
                                    errors: errors, breadcrumbs: [.init(href: "/inbox", label: "Inbox")])
    }

    func save(req: Request) async throws -> Response {
        let form = try FormBody(req)
        guard let choice = form["email"].flatMap(EmailPreference.init(rawValue:)) else {
            let view = try await render(req, current: nil, errors: [FieldError(field: "email", message: "Choose how you want e-mail")])
            return try await view.encodeResponse(status: .unprocessableEntity, for: req)
        }
        try await store(req, choice)
        return req.redirect(to: "/inbox/preferences", flash: "Your e-mail preference is saved")
    }

    func apiShow(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let current = try await NotificationPreference.of(user: actor.userID, in: actor.authorityID, on: req.db)
        return try APIResponse.json(encodable: try await Self.body(req, current: current))
    }

    func apiSave(req: Request) async throws -> Response {
        let object = try APIRequest.jsonObject(req)
        var errors = object.keys.filter { $0 != "email" }.sorted().map { FieldError(field: $0, message: "\($0) is not a field of this request") }
        var choice: EmailPreference?
        switch object["email"] {
        case .string(let raw)?:
            choice = EmailPreference(rawValue: raw)
            if choice == nil { errors.append(FieldError(field: "email", message: "email must be immediate or daily-digest")) }
        case nil: errors.append(FieldError(field: "email", message: "email is required"))
        default: errors.append(FieldError(field: "email", message: "email must be a string: immediate or daily-digest"))
        }
        guard errors.isEmpty, let choice else { throw AppError.validation(errors, detail: "Nothing was changed.") }
        try await store(req, choice)
        return try APIResponse.json(encodable: try await Self.body(req, current: choice))
    }

    private func store(_ req: Request, _ choice: EmailPreference) async throws {
        let actor = try req.requireActor()
        let now = req.now
        try await req.write { db in
            let existing = try await NotificationPreference.scoped(to: actor.authorityID, on: db).filter(\.$userID == actor.userID).first()
            let record = existing ?? NotificationPreference()
            let before = existing?.email ?? EmailPreference.immediate.rawValue
            record.authorityID = actor.authorityID
            record.userID = actor.userID
            record.email = choice.rawValue
            record.updatedAt = now
            try await record.save(on: db)
            try await AuditLog.append(actor.auditEvent("notification.preferences.update", resourceType: "user", resourceID: actor.userID.uuidString,
                                                       detail: ["email": choice.rawValue, "before": before]), on: db, at: now)
        }
    }
}

extension NotificationPreferencesController {
    static var openAPI: APIDescription {
        let body = Schema.object(["email": Schema.enumeration(EmailPreference.allCases.map(\.rawValue))], required: ["email"])
        return APIDescription(operations: [
            ("/api/v1/notifications/preferences", "get", Operation(summary: "My e-mail preference", tag: "Notifications",
                                                                   responses: [200: ("Each message, or a daily digest", Schema.ref("NotificationPreferences"))])),
            ("/api/v1/notifications/preferences", "put", Operation(summary: "Choose each message or a daily digest", tag: "Notifications",
                                                                   body: body,
                                                                   responses: [200: ("The saved preference", Schema.ref("NotificationPreferences"))])),
        ], schemas: [
            "NotificationPreferences": Schema.object([
                "email": Schema.enumeration(EmailPreference.allCases.map(\.rawValue)),
                "choices": Schema.array(Schema.string),
                "alwaysImmediate": Schema.array(Schema.object(["category": Schema.string, "citation": Schema.string], required: ["category", "citation"])),
                "hasAddress": Schema.boolean,
            ], required: ["email", "choices", "alwaysImmediate", "hasAddress"]),
        ])
    }
}
