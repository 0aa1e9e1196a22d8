import Fluent
import ProbityCore
import Vapor

/// Platform administrators list and create authorities and choose which one to work in.
/// Everyone else sees only their own authority (`GET /api/v1/authorities`).
struct AuthoritiesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("authorities")
        group.get(use: page)
        group.post(use: createFromForm)
        group.post("switch", use: switchAuthority)
    }

    func bootAPI(routes: any RoutesBuilder) {
        routes.get("authorities", use: apiList)
        routes.post("authorities", use: apiCreate)
    }

    struct Row: Encodable, Content {
        var id: UUID
        var slug: String
        var name: String
        var profileId: String
        var protocolName: String
        var region: String
        var current: Bool
    }

    struct Page: Encodable {
        var rows: [Row]
        var profiles: [DirectoryView.Option]
        var regions: [DirectoryView.Option]
        var form: [String: String]
    }

    private func requirePlatformAdmin(_ req: Request, _ action: String) async throws -> Actor {
        let actor = try req.requireActor()
        guard actor.isPlatformAdmin else { throw await req.refusal(action, reason: "Only platform administrators manage authorities.") }
        return actor
    }

    private func rows(_ req: Request, actor: Actor) async throws -> [Row] {
        let authorities = actor.isPlatformAdmin
            ? try await Authority.query(on: req.db).sort(\.$name).all()
            : try await Authority.query(on: req.db).filter(\.$id == actor.authorityID).all()
        return authorities.map { a in
            Row(id: a.id!, slug: a.slug, name: a.name, profileId: a.profileID, protocolName: ProtocolCatalogue.displayName(of: a.profileID),
                region: Region(rawValue: a.region)?.displayName ?? a.region, current: a.id == actor.authorityID)
        }
    }

    func page(req: Request) async throws -> Response {
        let actor = try await requirePlatformAdmin(req, "authority.list")
        return try await render(req: req, actor: actor, form: [:], errors: [], status: .ok)
    }

    private func render(req: Request, actor: Actor, form: [String: String], errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let page = Page(rows: try await rows(req, actor: actor),
                        profiles: ProtocolCatalogue.names.map { .init(value: $0.id, label: $0.name, selected: form["profileId"] == $0.id) },
                        regions: Region.allCases.map { .init(value: $0.rawValue, label: $0.displayName, selected: form["region"] == $0.rawValue) },
                        form: form)
        return try await req.renderResponse("authorities", title: "Authorities", content: page, errors: errors, status: status)
    }

    struct NewAuthority {
        var name: String
        var slug: String
        var profileID: String
        var region: String

        func problems(on db: any Database) async throws -> [FieldError] {
            var errors: [FieldError] = []
            if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 160 { errors.append(FieldError(field: "name", message: "Enter the authority's name (up to 160 characters)")) }
            if slug.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) == nil || slug.count > 60 {
                errors.append(FieldError(field: "slug", message: "Enter a short name of lowercase letters, digits and hyphens, like north-borough"))
            } else if try await Authority.query(on: db).filter(\.$slug == slug).count() > 0 {
                errors.append(FieldError(field: "slug", message: "Another authority already uses this short name"))
            }
            if !ProtocolCatalogue.isKnown(profileID) { errors.append(FieldError(field: "profileId", message: "Choose the protocol the authority works to")) }
            if Region(rawValue: region) == nil { errors.append(FieldError(field: "region", message: "Choose the bank-holiday region")) }
            return errors
        }

        func create(by actor: Actor, on db: any Database, at now: Date) async throws -> Authority {
            let authority = Authority(slug: slug, name: name.trimmingCharacters(in: .whitespaces), profileID: profileID, region: Region(rawValue: region)!)
            try await authority.create(on: db)
            try await AuditLog.append(AuditEvent(authorityID: authority.id, actorUserID: actor.userID, actorName: actor.displayName,
                                                 action: "authority.create", resourceType: "authority", resourceID: authority.id?.uuidString,
                                                 detail: ["slug": slug, "profile": profileID, "region": region]), on: db, at: now)
            return authority
        }
    }

    func createFromForm(req: Request) async throws -> Response {
        let actor = try await requirePlatformAdmin(req, "authority.create")
        let form = try FormBody(req)
        let input = NewAuthority(name: form["name"] ?? "", slug: (form["slug"] ?? "").lowercased(), profileID: form["profileId"] ?? "", region: form["region"] ?? "")
        let errors = try await input.problems(on: req.db)
        guard errors.isEmpty else {
            return try await render(req: req, actor: actor, form: ["name": input.name, "slug": input.slug, "profileId": input.profileID, "region": input.region],
                                    errors: errors, status: .unprocessableEntity)
        }
        let now = req.now
        let authority = try await req.write { db in try await input.create(by: actor, on: db, at: now) }
        return req.redirect(to: "/authorities", flash: "\(authority.name) added")
    }

    func switchAuthority(req: Request) async throws -> Response {
        let actor = try await requirePlatformAdmin(req, "authority.switch")
        guard case .session(let sessionID, _) = actor.via else { throw AppError(.badRequest, detail: "Switching authority needs a browser session.") }
        guard let id = try FormBody(req)["authority"].flatMap(UUID.init(uuidString:)),
              let authority = try await Authority.find(id, on: req.db) else { throw AppError.notFound("The authority") }
        let now = req.now
        try await req.write { db in
            guard let session = try await UserSession.find(sessionID, on: db) else { return }
            session.actingAuthorityID = id
            try await session.update(on: db)
            try await AuditLog.append(actor.auditEvent("authority.switch", resourceType: "authority", resourceID: id.uuidString), on: db, at: now)
        }
        return req.redirect(to: "/", flash: "You are now working in \(authority.name)")
    }

    func apiList(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        return try APIResponse.json(encodable: ["items": try await rows(req, actor: actor)])
    }

    func apiCreate(req: Request) async throws -> Response {
        let actor = try await requirePlatformAdmin(req, "authority.create")
        let body = try APIRequest.jsonObject(req)
        var errors: [FieldError] = []
        let allowed: Set<String> = ["name", "slug", "profileId", "region"]
        for key in body.keys.sorted() where !allowed.contains(key) { errors.append(FieldError(field: key, message: "'\(key)' is not a field of an authority")) }
        func string(_ key: String) -> String {
            if case .string(let s)? = body[key] { return s }
            errors.append(FieldError(field: key, message: "\(key) is required and must be a string"))
            return ""
        }
        let input = NewAuthority(name: string("name"), slug: string("slug"), profileID: string("profileId"), region: string("region"))
        if errors.isEmpty { errors += try await input.problems(on: req.db) }
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let now = req.now
        let authority = try await req.write { db in try await input.create(by: actor, on: db, at: now) }
        return try APIResponse.json(encodable: Row(id: authority.id!, slug: authority.slug, name: authority.name, profileId: authority.profileID,
                                                   protocolName: ProtocolCatalogue.displayName(of: authority.profileID),
                                                   region: Region(rawValue: authority.region)?.displayName ?? authority.region, current: false),
                                    status: .created)
    }
}
