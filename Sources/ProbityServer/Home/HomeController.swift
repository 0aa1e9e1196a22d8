import Fluent
import Vapor

/// The home page: what matters to the signed-in person, by role.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("accessibility", use: accessibility)
    }

    struct Fact: Encodable { var label: String; var value: String; var href: String? }
    struct Metric: Encodable { var label: String; var value: Int; var href: String }

    struct Page: Encodable {
        var name: String
        var role: String
        var authority: String
        var protocolName: String
        var you: [Fact]
        var directory: [Metric]
        var audit: AuditSummary?
        var isAdministrator: Bool
        var isPlatformAdmin: Bool
    }

    struct AuditSummary: Encodable {
        var entriesThisWeek: Int
        var refusalsThisWeek: Int
        var failedSignInsThisWeek: Int
    }

    func home(req: Request) async throws -> Response {
        guard let actor = req.actor else { return req.redirect(to: "/sign-in") }
        let db = req.db
        var you: [Fact] = []
        let registry = DirectoryRegistry.standard
        func name(_ kind: DirectoryKind, _ id: UUID?) async throws -> String? {
            guard let id else { return nil }
            return try await registry.resource(kind).names(db, actor.authorityID, [id])[id]
        }
        switch actor.personKind {
        case .member:
            if let id = actor.personID, let m = try await Member.find(id, in: actor.authorityID, on: db) {
                you.append(Fact(label: "Your record", value: m.name, href: "/directory/members/\(id.uuidString)"))
                if let ward = try await name(.wards, m.wardID) { you.append(Fact(label: "Ward", value: ward, href: "/directory/wards/\(m.wardID!.uuidString)")) }
                if let group = try await name(.groups, m.groupID) { you.append(Fact(label: "Political group", value: group, href: "/directory/groups/\(m.groupID!.uuidString)")) }
                if let portfolio = m.portfolio { you.append(Fact(label: "Portfolio", value: portfolio, href: nil)) }
                let seats = try await CommitteeMembership.scoped(to: actor.authorityID, on: db).filter(\.$memberID == id).count()
                you.append(Fact(label: "Committee seats", value: String(seats), href: "/directory/committee-memberships"))
            }
        case .officer:
            if let id = actor.personID, let o = try await Officer.find(id, in: actor.authorityID, on: db) {
                you.append(Fact(label: "Your record", value: "\(o.name), \(o.jobTitle)", href: "/directory/officers/\(id.uuidString)"))
                if let service = try await name(.services, o.serviceID) { you.append(Fact(label: "Service", value: service, href: "/directory/services/\(o.serviceID!.uuidString)")) }
                if let manager = try await name(.officers, o.lineManagerOfficerID) { you.append(Fact(label: "Line manager", value: manager, href: "/directory/officers/\(o.lineManagerOfficerID!.uuidString)")) }
                if o.politicallyRestricted { you.append(Fact(label: "Post", value: "Politically restricted", href: nil)) }
            }
        case .assistant:
            if let id = actor.personID, let a = try await GroupAssistant.find(id, in: actor.authorityID, on: db) {
                you.append(Fact(label: "Your record", value: a.name, href: "/directory/assistants/\(id.uuidString)"))
                if let group = try await name(.groups, a.groupID) { you.append(Fact(label: "Political group", value: group, href: nil)) }
                let names = try await registry.resource(.members).names(db, actor.authorityID, a.actsForMemberIDs)
                you.append(Fact(label: "You act for", value: names.values.sorted().joined(separator: ", ").nonEmpty ?? "No members yet", href: nil))
            }
        case .none:
            break
        }

        var directory: [Metric] = []
        if actor.canAdminister {
            for kind in DirectoryKind.allCases {
                let count = try await registry.resource(kind).list(db, actor.authorityID, 1, 1).total
                directory.append(Metric(label: kind.plural, value: count, href: "/directory/\(kind.rawValue)"))
            }
        }

        var audit: AuditSummary?
        if actor.canReadAudit {
            let since = Int64(req.now.addingTimeInterval(-7 * 86_400).timeIntervalSince1970 * 1000)
            func count(_ outcome: String?, action: String? = nil) async throws -> Int {
                var q = AuditEntry.query(on: db).filter(\.$atMilliseconds >= since)
                if !actor.isPlatformAdmin { q = q.filter(\.$authorityID == actor.authorityID) }
                if let outcome { q = q.filter(\.$outcome == outcome) }
                if let action { q = q.filter(\.$action == action) }
                return try await q.count()
            }
            audit = AuditSummary(entriesThisWeek: try await count(nil), refusalsThisWeek: try await count("refused"),
                                 failedSignInsThisWeek: try await count("failure", action: "auth.sign-in.failed"))
        }

        let page = Page(name: actor.displayName, role: actor.roleDescription, authority: actor.authority.name,
                        protocolName: ProtocolCatalogue.displayName(of: actor.authority.profileID),
                        you: you, directory: directory, audit: audit,
                        isAdministrator: actor.canAdminister, isPlatformAdmin: actor.isPlatformAdmin)
        return try await req.renderResponse("home", title: "Home", content: page)
    }

    func accessibility(req: Request) async throws -> View {
        try await req.render("accessibility", title: "Accessibility statement", content: Empty())
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
