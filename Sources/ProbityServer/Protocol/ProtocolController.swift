import Fluent
import ProbityCore
import Vapor

/// The protocol pages: the authority's protocol as readable rules with their citations, any
/// built-in profile, two profiles side by side, and the administrators' rule overrides.
struct ProtocolController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("protocol")
        group.get(use: authorityProtocol)
        group.get("profiles", ":profileID", use: builtIn)
        group.get("compare", use: compare)
        group.get("overrides", use: overridesPage)
        group.post("overrides", use: addOverride)
        group.post("overrides", ":overrideID", "delete", use: removeOverride)
    }

    struct ProtocolPage: Encodable {
        var profile: ProtocolView
        var isAuthorityProtocol: Bool
        var canOverride: Bool
        var others: [SelectOption]
    }

    func authorityProtocol(req: Request) async throws -> View {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let page = ProtocolPage(profile: ProtocolView(current.profile, overridden: current.overriddenRuleIDs), isAuthorityProtocol: true,
                                canOverride: actor.canAdminister, others: try otherProfiles(except: current.profile.id))
        return try await req.render("protocol/show", title: "\(actor.authority.name)'s protocol", content: page)
    }

    func builtIn(req: Request) async throws -> View {
        _ = try req.requireActor()
        let id = req.parameters.get("profileID") ?? ""
        guard let profile = try ProtocolCatalogue.profile(id) else { throw AppError.notFound("That protocol profile") }
        let page = ProtocolPage(profile: ProtocolView(profile), isAuthorityProtocol: false,
                                canOverride: false, others: try otherProfiles(except: profile.id))
        return try await req.render("protocol/show", title: profile.authorityName + " protocol", content: page,
                                    breadcrumbs: [.init(href: "/protocol", label: "Protocol")])
    }

    struct ComparePage: Encodable {
        var choicesLeft: [SelectOption]
        var choicesRight: [SelectOption]
        var comparison: ComparisonView?
        var onlyDifferences: Bool
    }

    func compare(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let all = try ProtocolCatalogue.profiles()
        let leftID = req.query[String.self, at: "left"] ?? actor.authority.profileID
        let rightID = req.query[String.self, at: "right"] ?? all.first { $0.id != leftID }?.id ?? leftID
        let onlyDifferences = req.query[String.self, at: "differences"] == "only"
        var errors: [FieldError] = []
        let left = all.first { $0.id == leftID }
        let right = all.first { $0.id == rightID }
        if left == nil { errors.append(FieldError(field: "left", message: "Choose a protocol from the list")) }
        if right == nil { errors.append(FieldError(field: "right", message: "Choose a protocol from the list")) }
        let comparison = (left != nil && right != nil) ? ComparisonView(left!, right!, onlyDifferences: onlyDifferences) : nil
        let page = ComparePage(
            choicesLeft: all.map { SelectOption(value: $0.id, label: ProtocolCatalogue.displayName(of: $0), selected: $0.id == leftID) },
            choicesRight: all.map { SelectOption(value: $0.id, label: ProtocolCatalogue.displayName(of: $0), selected: $0.id == rightID) },
            comparison: comparison, onlyDifferences: onlyDifferences)
        return try await req.renderResponse("protocol/compare", title: "Compare protocols", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/protocol", label: "Protocol")],
                                            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func otherProfiles(except id: String) throws -> [SelectOption] {
        try ProtocolCatalogue.profiles().filter { $0.id != id }.map { SelectOption(value: $0.id, label: ProtocolCatalogue.displayName(of: $0)) }
    }

    // MARK: Overrides

    struct OverridesPage: Encodable {
        struct Row: Encodable {
            var id: String
            var ruleId: String
            var title: String
            var citation: String
            var statement: String
            var createdBy: String
            var createdAt: String
        }
        var overrides: [Row]
        var rules: [SelectOption]
        var ruleId: String
        var yaml: String
        var example: String
    }

    func overridesPage(req: Request) async throws -> Response {
        _ = try await req.requireAdministrator("protocol.overrides.view")
        return try await renderOverrides(req: req, ruleID: "", yaml: "", errors: [], status: .ok)
    }

    private func renderOverrides(req: Request, ruleID: String, yaml: String, errors: [FieldError], status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let current = try await req.authorityProtocol()
        let overrides = try await RuleOverride.scoped(to: actor.authorityID, on: req.db).sort(\.$ruleID).all()
        let rows = overrides.map { o in
            let rule = current.profile.rule(withId: o.ruleID)
            return OverridesPage.Row(id: o.id!.uuidString.lowercased(), ruleId: o.ruleID, title: rule?.title ?? o.ruleID,
                                     citation: rule?.citation ?? "", statement: rule?.statement ?? "",
                                     createdBy: o.createdBy, createdAt: DisplayFormat.dateTime(o.createdAt))
        }
        let page = OverridesPage(
            overrides: rows,
            rules: current.profile.allRules.map { SelectOption(value: $0.id, label: "\($0.section.displayName): \($0.title) (\($0.id))", selected: $0.id == ruleID) },
            ruleId: ruleID, yaml: yaml,
            example: "statement: \"Full reply within 8 working days.\"\ncite: {document: \"Standards Committee resolution of 12 March 2026\", paragraphs: [\"3\"]}\nworkingDays: 8")
        return try await req.renderResponse("protocol/overrides", title: "Override a rule", content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/protocol", label: "Protocol")], status: status)
    }

    func addOverride(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("protocol.override.create")
        let form = try FormBody(req)
        let ruleID = form["ruleId"] ?? "", yaml = form["yaml"] ?? ""
        do {
            _ = try await RuleOverrides.add(ruleID: ruleID, yaml: yaml, actor: actor, req: req)
        } catch let error as AppError where error.kind == .validation {
            return try await renderOverrides(req: req, ruleID: ruleID, yaml: yaml, errors: error.fieldErrors, status: .unprocessableEntity)
        }
        return req.redirect(to: "/protocol/overrides", flash: "Your authority's version of \(ruleID) is now in force")
    }

    func removeOverride(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("protocol.override.delete")
        guard let id = req.parameters.get("overrideID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound("The override") }
        let removed = try await RuleOverrides.remove(id: id, actor: actor, req: req)
        return req.redirect(to: "/protocol/overrides", flash: "The profile's own \(removed.ruleID) applies again")
    }
}
