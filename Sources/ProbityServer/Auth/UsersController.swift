import Fluent
import Vapor

/// Administrators manage their authority's users: `/admin/users` pages and `/api/v1/users`.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("admin", "users")
        users.get(use: list)
        users.get("new", use: newForm)
        users.post(use: create)
        users.get(":userID", use: show)
        users.post(":userID", "disable") { try await toggle(req: $0, disable: true) }
        users.post(":userID", "enable") { try await toggle(req: $0, disable: false) }
    }

    func bootAPI(routes: any RoutesBuilder) {
        let users = routes.grouped("users")
        users.get(use: apiList)
        users.post(use: apiCreate)
        users.get(":userID", use: apiShow)
        users.post(":userID", "disable") { try await apiToggle(req: $0, disable: true) }
        users.post(":userID", "enable") { try await apiToggle(req: $0, disable: false) }
    }

    struct UserRow: Encodable {
        var id: String
        var email: String
        var displayName: String
        var personKind: String
        var administrator: Bool
        var disabled: Bool
    }

    struct ListPage: Encodable { var users: [UserRow]; var pagination: Pagination; var total: Int }

    func list(req: Request) async throws -> View {
        let actor = try await req.requireAdministrator("user.list")
        let page = req.pageNumber
        let query = User.query(on: req.db).filter(\.$authority.$id == actor.authorityID)
        let total = try await query.count()
        let users = try await User.query(on: req.db).filter(\.$authority.$id == actor.authorityID)
            .sort(\.$displayName).range(lower: (page - 1) * 50, upper: page * 50).all()
        return try await req.render("admin/users", title: "Users",
                                    content: ListPage(users: users.map(row), pagination: Pagination(page: page, per: 50, total: total, path: "/admin/users"), total: total))
    }

    private func row(_ u: User) -> UserRow {
        UserRow(id: u.id?.uuidString ?? "", email: u.email, displayName: u.displayName, personKind: Self.label(u.personKind),
                administrator: u.isAdministrator, disabled: u.isDisabled)
    }

    static func label(_ kind: User.PersonKind) -> String {
        switch kind {
        case .member: "Member"
        case .officer: "Officer"
        case .assistant: "Political group assistant"
        case .none: "No directory record"
        }
    }

    struct FormPage: Encodable {
        var email: String
        var displayName: String
        var personKinds: [DirectoryView.Option]
        var people: [PersonGroup]
        var isAdministrator: Bool
        struct PersonGroup: Encodable { var label: String; var options: [DirectoryView.Option] }
    }

    func newForm(req: Request) async throws -> Response {
        _ = try await req.requireAdministrator("user.create")
        return try await renderForm(req: req, form: nil, errors: [], status: .ok)
    }

    private func renderForm(req: Request, form: FormBody?, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let selectedPerson = form?["person"] ?? ""
        let kind = form?["personKind"] ?? "officer"
        func options<M: DirectoryModel>(_ type: M.Type) async throws -> [DirectoryView.Option] {
            try await M.scoped(to: actor.authorityID, on: req.db).sort(M.nameKey).all().map {
                DirectoryView.Option(value: $0.id?.uuidString ?? "", label: $0.displayName, selected: $0.id?.uuidString == selectedPerson)
            }
        }
        let page = FormPage(
            email: form?["email"] ?? "", displayName: form?["displayName"] ?? "",
            personKinds: User.PersonKind.allCases.map { DirectoryView.Option(value: $0.rawValue, label: Self.label($0), selected: $0.rawValue == kind) },
            people: [.init(label: "Members", options: try await options(Member.self)),
                     .init(label: "Officers", options: try await options(Officer.self)),
                     .init(label: "Political group assistants", options: try await options(GroupAssistant.self))],
            isAdministrator: form?["isAdministrator"] != nil)
        return try await req.renderResponse("admin/user-form", title: "Add a user", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/admin/users", label: "Users")], status: status).noStore()
    }

    func create(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("user.create")
        let form = try FormBody(req)
        let kindText = form["personKind"] ?? ""
        guard let kind = User.PersonKind(rawValue: kindText) else {
            return try await renderForm(req: req, form: form, errors: [FieldError(field: "personKind", message: "Choose who this user is")], status: .unprocessableEntity)
        }
        let input = UserAdministration.NewUser(
            email: form["email"] ?? "", displayName: form["displayName"] ?? "", password: form["password"] ?? "",
            personKind: kind, personID: kind == .none ? nil : (form["person"]).flatMap(UUID.init(uuidString:)),
            isAdministrator: form["isAdministrator"] != nil)
        let errors = try await UserAdministration.validate(input, authorityID: actor.authorityID, on: req.db)
        guard errors.isEmpty else { return try await renderForm(req: req, form: form, errors: errors, status: .unprocessableEntity) }
        let hash = try await req.password.async.hash(input.password)
        let now = req.now
        let user = try await req.write { db in
            try await UserAdministration.create(input, hash: hash, authorityID: actor.authorityID, by: actor.auditEvent("user.create"), on: db, at: now)
        }
        return req.redirect(to: "/admin/users/\(user.id?.uuidString ?? "")", flash: "User \(user.email) added")
    }

    struct ShowPage: Encodable { var user: UserRow; var sessions: Int; var tokens: Int; var isSelf: Bool }

    func show(req: Request) async throws -> View {
        let actor = try await req.requireAdministrator("user.read")
        let user = try await find(req: req, actor: actor)
        let id = try user.requireID()
        let sessions = try await UserSession.query(on: req.db).filter(\.$user.$id == id).filter(\.$endedAt == nil).count()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == id).filter(\.$revokedAt == nil).count()
        return try await req.render("admin/user", title: user.displayName,
                                    content: ShowPage(user: row(user), sessions: sessions, tokens: tokens, isSelf: id == actor.userID),
                                    breadcrumbs: [.init(href: "/admin/users", label: "Users")])
    }

    private func find(req: Request, actor: Actor) async throws -> User {
        guard let id = req.parameters.get("userID").flatMap(UUID.init(uuidString:)),
              let user = try await User.query(on: req.db).filter(\.$id == id).filter(\.$authority.$id == actor.authorityID).first()
        else { throw AppError.notFound("The user") }
        return user
    }

    private func applyToggle(req: Request, disable: Bool) async throws -> User {
        let actor = try await req.requireAdministrator(disable ? "user.disable" : "user.enable")
        let user = try await find(req: req, actor: actor)
        if disable, user.id == actor.userID {
            throw AppError(.conflict, detail: "You cannot disable your own account. Ask another administrator.")
        }
        let now = req.now
        try await req.write { db in
            try await UserAdministration.setDisabled(disable, user: user, by: actor.auditEvent("user.disable"), on: db, at: now)
        }
        return user
    }

    func toggle(req: Request, disable: Bool) async throws -> Response {
        let user = try await applyToggle(req: req, disable: disable)
        return req.redirect(to: "/admin/users/\(user.id?.uuidString ?? "")",
                            flash: disable ? "\(user.email) is disabled and signed out everywhere" : "\(user.email) can sign in again")
    }

    // MARK: API

    struct UserJSON: Content {
        var id: UUID
        var email: String
        var displayName: String
        var personKind: String
        var personId: UUID?
        var isAdministrator: Bool
        var disabled: Bool
    }

    static func json(_ u: User) -> UserJSON {
        UserJSON(id: u.id ?? UUID(), email: u.email, displayName: u.displayName, personKind: u.personKind.rawValue,
                 personId: u.personID, isAdministrator: u.isAdministrator, disabled: u.isDisabled)
    }

    func apiList(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("user.list")
        let paging = try APIPaging(req, maxPerPage: 200)
        let total = try await User.query(on: req.db).filter(\.$authority.$id == actor.authorityID).count()
        let users = try await User.query(on: req.db).filter(\.$authority.$id == actor.authorityID).sort(\.$displayName)
            .range(lower: (paging.page - 1) * paging.perPage, upper: paging.page * paging.perPage).all()
        struct Body: Encodable { var items: [UserJSON]; var page: Meta; struct Meta: Encodable { var page: Int; var perPage: Int; var total: Int } }
        return try APIResponse.json(encodable: Body(items: users.map(Self.json), page: .init(page: paging.page, perPage: paging.perPage, total: total)))
    }

    func apiShow(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("user.read")
        return try APIResponse.json(encodable: Self.json(try await find(req: req, actor: actor)))
    }

    func apiCreate(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("user.create")
        let body = try APIRequest.jsonObject(req)
        var errors: [FieldError] = []
        let allowed: Set<String> = ["email", "displayName", "password", "personKind", "personId", "isAdministrator"]
        for key in body.keys.sorted() where !allowed.contains(key) { errors.append(FieldError(field: key, message: "'\(key)' is not a field of a user")) }
        func string(_ key: String) -> String? {
            guard let v = body[key] else { return nil }
            if case .string(let s) = v { return s }
            errors.append(FieldError(field: key, message: "\(key) must be a string"))
            return nil
        }
        let kindText = string("personKind") ?? ""
        let kind = User.PersonKind(rawValue: kindText)
        if kind == nil { errors.append(FieldError(field: "personKind", message: "personKind must be one of: member, officer, assistant, none")) }
        var personID: UUID?
        if let text = string("personId") {
            personID = UUID(uuidString: text)
            if personID == nil { errors.append(FieldError(field: "personId", message: "personId must be a UUID")) }
        }
        var isAdmin = false
        if let v = body["isAdministrator"] {
            if case .bool(let b) = v { isAdmin = b } else { errors.append(FieldError(field: "isAdministrator", message: "isAdministrator must be true or false")) }
        }
        let input = UserAdministration.NewUser(email: string("email") ?? "", displayName: string("displayName") ?? "", password: string("password") ?? "",
                                               personKind: kind ?? .none, personID: personID, isAdministrator: isAdmin)
        let problems = try await UserAdministration.validate(input, authorityID: actor.authorityID, on: req.db)
            .filter { kind != nil || $0.field != "person" }
            .map { FieldError(field: $0.field == "person" ? "personId" : $0.field, message: $0.message) }
        errors += problems
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let hash = try await req.password.async.hash(input.password)
        let now = req.now
        let user = try await req.write { db in
            try await UserAdministration.create(input, hash: hash, authorityID: actor.authorityID, by: actor.auditEvent("user.create"), on: db, at: now)
        }
        return try APIResponse.json(encodable: Self.json(user), status: .created)
    }

    func apiToggle(req: Request, disable: Bool) async throws -> Response {
        try APIResponse.json(encodable: Self.json(try await applyToggle(req: req, disable: disable)))
    }
}
