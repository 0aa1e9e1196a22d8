import Fluent
import Vapor

/// Each user's Probity inbox: `/inbox` and `/api/v1/notifications`.
struct InboxController: RouteCollection {
    static let perPage = 25

    func boot(routes: any RoutesBuilder) throws {
        routes.get("inbox", use: page)
        routes.post("inbox", ":notificationID", "read", use: markRead)
        routes.post("inbox", "read-all", use: markAllRead)
        NotificationPreferencesController().boot(routes: routes)
    }

    func bootAPI(routes: any RoutesBuilder) {
        routes.get("notifications", use: apiList)
        routes.post("notifications", ":notificationID", "read", use: apiMarkRead)
        NotificationPreferencesController().bootAPI(routes: routes)
        OutOfHoursController().bootAPI(routes: routes)
    }

    struct Item: Encodable {
        var id: UUID
        var category: String
        var subject: String
        var body: String
        var link: String?
        var urgent: Bool
        var deliveredAt: Date
        var delivered: String
        var read: Bool
        /// The e-mail copy: `none` (no address), `pending`, `sent`, `failed`, `digest` or `digested`.
        var email: String

        init(_ n: Notification) {
            id = n.id!
            category = n.category
            subject = n.subject
            body = n.body
            link = n.link
            urgent = n.urgent
            deliveredAt = n.deliverAfter
            delivered = DisplayFormat.dateTime(n.deliverAfter)
            read = n.readAt != nil
            email = n.emailStatus
        }
    }

    /// The actor's delivered messages: held messages stay out of sight until their time.
    static func query(_ req: Request, unreadOnly: Bool = false) throws -> QueryBuilder<Notification> {
        let actor = try req.requireActor()
        var query = Notification.scoped(to: actor.authorityID, on: req.db)
            .filter(\.$userID == actor.userID)
            .filter(\.$deliverAfter <= req.now)
        if unreadOnly { query = query.filter(\.$readAt == nil) }
        return query
    }

    struct Page: Encodable {
        var items: [Item]
        var unread: Int
        var total: Int
        var pagination: Pagination
    }

    func page(req: Request) async throws -> View {
        let number = req.pageNumber
        let total = try await Self.query(req).count()
        let unread = try await Self.query(req, unreadOnly: true).count()
        let items = try await Self.query(req).sort(\.$deliverAfter, .descending)
            .range(lower: (number - 1) * Self.perPage, upper: number * Self.perPage).all().map(Item.init)
        return try await req.render("inbox", title: "Inbox", content: Page(
            items: items, unread: unread, total: total, pagination: Pagination(page: number, per: Self.perPage, total: total, path: "/inbox")))
    }

    private func mark(_ req: Request) async throws -> Notification {
        guard let id = req.parameters.get("notificationID").flatMap(UUID.init(uuidString:)),
              let n = try await Self.query(req).filter(\.$id == id).first() else {
            throw AppError.notFound("The message")
        }
        if n.readAt == nil {
            let now = req.now
            try await req.write { db in
                n.readAt = now
                try await n.update(on: db)
            }
        }
        return n
    }

    func markRead(req: Request) async throws -> Response {
        let n = try await mark(req)
        return req.redirect(to: n.link ?? "/inbox")
    }

    func markAllRead(req: Request) async throws -> Response {
        let unread = try await Self.query(req, unreadOnly: true).all()
        let now = req.now
        try await req.write { db in
            for n in unread {
                n.readAt = now
                try await n.update(on: db)
            }
        }
        return req.redirect(to: "/inbox", flash: unread.isEmpty ? "There were no unread messages" : "All messages marked as read")
    }

    func apiList(req: Request) async throws -> Response {
        let paging = try APIPaging(req, maxPerPage: 200)
        let unreadOnly = try APIQuery.choice(req, "unread", allowed: ["true", "false"]) == "true"
        let total = try await Self.query(req, unreadOnly: unreadOnly).count()
        let items = try await Self.query(req, unreadOnly: unreadOnly).sort(\.$deliverAfter, .descending)
            .range(lower: (paging.page - 1) * paging.perPage, upper: paging.page * paging.perPage).all().map(Item.init)
        struct Body: Encodable { var items: [Item]; var page: JSONValue }
        return try APIResponse.json(encodable: Body(items: items, page: paging.metadata(total: total)))
    }

    func apiMarkRead(req: Request) async throws -> Response {
        try APIResponse.json(encodable: Item(try await mark(req)))
    }
}

extension InboxController {
    static var openAPI: APIDescription {
        let preferences = NotificationPreferencesController.openAPI
        let outOfHours = OutOfHoursController.openAPI
        return APIDescription(operations: preferences.operations + outOfHours.operations + [
            ("/api/v1/notifications", "get", Operation(summary: "List my messages", tag: "Notifications",
                                                      parameters: OpenAPIDocument.paging + [.queryParameter("unread", "`true` for unread messages only", schema: Schema.enumeration(["true", "false"]))],
                                                      responses: [200: ("Delivered messages, newest first", Schema.list(of: "Notification"))])),
            ("/api/v1/notifications/{notificationID}/read", "post", Operation(summary: "Mark a message as read", tag: "Notifications",
                                                                             parameters: [.pathParameter("notificationID", "Message id")],
                                                                             responses: [200: ("The message", Schema.ref("Notification"))])),
        ], schemas: [
            "Notification": Schema.object([
                "id": Schema.uuid, "category": Schema.string, "subject": Schema.string, "body": Schema.string,
                "link": Schema.nullable("string"), "urgent": Schema.boolean, "deliveredAt": Schema.dateTime,
                "delivered": Schema.string, "read": Schema.boolean,
                "email": Schema.enumeration(["none", "pending", "sent", "failed", "digest", "digested"]),
            ], required: ["id", "category", "subject", "body", "urgent", "deliveredAt", "delivered", "read", "email"]),
        ].merging(preferences.schemas) { a, _ in a }.merging(outOfHours.schemas) { a, _ in a })
    }
}
