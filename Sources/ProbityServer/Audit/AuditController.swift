import Fluent
import SQLKit
import Vapor

/// The Monitoring Officer searches the audit trail: `/audit` and `/api/v1/audit`.
/// An authority's Monitoring Officer sees that authority's entries; a platform administrator sees all.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: page)
    }

    func bootAPI(routes: any RoutesBuilder) {
        routes.get("audit", use: apiSearch)
        routes.get("audit", "verify", use: apiVerify)
    }

    struct Filters {
        var action: String?
        var actor: String?
        var outcome: String?
        var resource: String?
        var from: Date?
        var to: Date?
        var raw: [String: String]

        init(_ req: Request) throws {
            raw = [:]
            var errors: [FieldError] = []
            func text(_ key: String) -> String? {
                APIQuery.value(req, key, errors: &errors, describe: "a non-empty value", maxLength: 200)
            }
            action = text("action")
            actor = text("actor")
            resource = text("resource")
            outcome = text("outcome")
            if let o = outcome, !["success", "refused", "failure"].contains(o) {
                errors.append(FieldError(field: "outcome", message: "Outcome must be success, refused or failure"))
            }
            func date(_ key: String, endOfDay: Bool) -> Date? {
                guard let v = text(key) else { return nil }
                raw[key] = v
                guard let day = LondonDay.parse(v) else {
                    errors.append(FieldError(field: key, message: "Enter the date as YYYY-MM-DD, for example 2026-11-23"))
                    return nil
                }
                return endOfDay ? day.end : day.start
            }
            from = date("from", endOfDay: false)
            to = date("to", endOfDay: true)
            for (k, v) in [("action", action), ("actor", actor), ("outcome", outcome), ("resource", resource)] { if let v { raw[k] = v } }
            if !errors.isEmpty { throw AppError(.badRequest, detail: "The search filters are not valid.", fieldErrors: errors) }
        }

        func apply(_ query: QueryBuilder<AuditEntry>) -> QueryBuilder<AuditEntry> {
            var q = query
            // Case-insensitive matching on both databases.
            let like = (query.database as? any SQLDatabase)?.dialect.name == "postgresql" ? "ILIKE" : "LIKE"
            if let action { q = q.filter(\.$action, .custom(like), action.replacingOccurrences(of: "%", with: "") + "%") }
            if let actor { q = q.filter(\.$actorName, .custom(like), "%" + actor.replacingOccurrences(of: "%", with: "") + "%") }
            if let outcome { q = q.filter(\.$outcome == outcome) }
            if let resource {
                // Ids are written as Swift prints them (upper case); clients send either case.
                let ids = UUID(uuidString: resource).map { [$0.uuidString, $0.uuidString.lowercased()] } ?? [resource]
                q = q.group(.or) { $0.filter(\.$resourceID ~~ ids).filter(\.$resourceType == resource) }
            }
            if let from { q = q.filter(\.$atMilliseconds >= Int64(from.timeIntervalSince1970 * 1000)) }
            if let to { q = q.filter(\.$atMilliseconds <= Int64(to.timeIntervalSince1970 * 1000)) }
            return q
        }
    }

    private func base(req: Request) async throws -> (Actor, QueryBuilder<AuditEntry>) {
        let actor = try req.requireActor()
        guard actor.canReadAudit else {
            throw await req.refusal("audit.read", reason: "Only the Monitoring Officer can read the audit trail.")
        }
        var query = AuditEntry.query(on: req.db)
        if !actor.isPlatformAdmin { query = query.filter(\.$authorityID == actor.authorityID) }
        return (actor, query)
    }

    struct Row: Encodable, Content {
        var seq: Int64
        var at: String
        var actor: String
        var action: String
        var outcome: String
        var resourceType: String?
        var resourceId: String?
        var detail: String
    }

    static func row(_ e: AuditEntry) -> Row {
        Row(seq: e.seq, at: DisplayFormat.dateTime(e.at), actor: e.actorName, action: e.action, outcome: e.outcome,
            resourceType: e.resourceType, resourceId: e.resourceID, detail: e.detail)
    }

    struct Page: Encodable {
        var rows: [Row]
        var filters: [String: String]
        var total: Int
        var pagination: Pagination
        var chainIntact: Bool
        var chainMessage: String
        var checked: Int
    }

    func page(req: Request) async throws -> Response {
        let (_, query) = try await base(req: req)
        let filters: Filters
        do { filters = try Filters(req) } catch let error as AppError {
            // Keep what was typed in the form, so it can be corrected rather than typed again.
            var typed: [String: String] = [:]
            for key in ["action", "actor", "outcome", "resource", "from", "to"] {
                if let value = req.query[String.self, at: key] { typed[key] = value }
            }
            return try await req.renderResponse("audit", title: "Error: Audit trail",
                                                content: Page(rows: [], filters: typed, total: 0, pagination: Pagination(page: 1, per: 50, total: 0, path: "/audit"),
                                                              chainIntact: true, chainMessage: "", checked: 0),
                                                errors: error.fieldErrors, status: .badRequest)
        }
        let pageNumber = req.pageNumber
        let filtered = filters.apply(query)
        let total = try await filtered.count()
        let entries = try await filters.apply(try await base(req: req).1).sort(\.$seq, .descending)
            .range(lower: (pageNumber - 1) * 50, upper: pageNumber * 50).all()
        let verification = try await AuditLog.verify(on: req.db)
        let queryString = filters.raw.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return try await req.renderResponse("audit", title: "Audit trail", content: Page(
            rows: entries.map(Self.row), filters: filters.raw, total: total,
            pagination: Pagination(page: pageNumber, per: 50, total: total, path: "/audit", query: queryString),
            chainIntact: verification.isIntact,
            chainMessage: verification.problem.map { "The audit chain is broken at entry \($0.seq): \($0.message)." }
                ?? "The audit chain is intact: all \(verification.checked) entries verified.",
            checked: verification.checked))
    }

    func apiSearch(req: Request) async throws -> Response {
        let (_, query) = try await base(req: req)
        let filters = try Filters(req)
        let paging = try APIPaging(req, maxPerPage: 200)
        let total = try await filters.apply(query).count()
        let entries = try await filters.apply(try await base(req: req).1).sort(\.$seq, .descending)
            .range(lower: (paging.page - 1) * paging.perPage, upper: paging.page * paging.perPage).all()
        struct Item: Encodable {
            var seq: Int64; var at: Date; var actorName: String; var actorUserId: UUID?; var action: String
            var outcome: String; var resourceType: String?; var resourceId: String?; var detail: [String: String]; var hash: String
        }
        struct Meta: Encodable { var page: Int; var perPage: Int; var total: Int }
        struct Body: Encodable { var items: [Item]; var page: Meta }
        let items = entries.map { e in
            Item(seq: e.seq, at: e.at, actorName: e.actorName, actorUserId: e.actorUserID, action: e.action, outcome: e.outcome,
                 resourceType: e.resourceType, resourceId: e.resourceID,
                 detail: (try? JSONDecoder().decode([String: String].self, from: Data(e.detail.utf8))) ?? [:], hash: e.hash)
        }
        return try APIResponse.json(encodable: Body(items: items, page: .init(page: paging.page, perPage: paging.perPage, total: total)))
    }

    func apiVerify(req: Request) async throws -> Response {
        _ = try await base(req: req)
        let result = try await AuditLog.verify(on: req.db)
        struct Body: Encodable { var intact: Bool; var checked: Int; var brokenAt: Int64?; var message: String? }
        return try APIResponse.json(encodable: Body(intact: result.isIntact, checked: result.checked, brokenAt: result.problem?.seq, message: result.problem?.message))
    }
}

/// A calendar day in Europe/London as an instant range.
struct LondonDay {
    var start: Date
    var end: Date

    static func parse(_ text: String) -> LondonDay? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components),
              let next = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        return LondonDay(start: start, end: next.addingTimeInterval(-0.001))
    }
}
