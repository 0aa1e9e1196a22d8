import Fluent
import ProbityCore
import Vapor

/// `/api/v1/protocols…` (the built-in profiles) and `/api/v1/protocol…` (the caller's
/// authority's protocol and its overrides).
struct ProtocolAPIController {
    func boot(routes: any RoutesBuilder) {
        routes.get("protocols", use: list)
        routes.on(.POST, "protocols", "check", body: .collect(maxSize: "1mb"), use: check)
        routes.get("protocols", ":profileID", use: show)
        routes.get("protocols", ":profileID", "compare", ":otherID", use: compare)
        routes.get("protocol", use: authorityProtocol)
        routes.get("protocol", "overrides", use: listOverrides)
        routes.post("protocol", "overrides", use: addOverride)
        routes.delete("protocol", "overrides", ":overrideID", use: removeOverride)
    }

    struct Summary: Encodable {
        var id: String
        var authorityName: String
        var title: String
        var citationName: String
        var date: String
        var region: String
        var rules: Int
        var silentRules: Int
    }

    func list(req: Request) async throws -> Response {
        _ = try req.requireActor()
        let items = try ProtocolCatalogue.profiles().map { p in
            let rules = p.allRules
            return Summary(id: p.id, authorityName: p.authorityName, title: p.document.title, citationName: p.document.citationName,
                           date: p.document.date, region: p.region.rawValue, rules: rules.count, silentRules: rules.filter(\.isSilent).count)
        }
        return try APIResponse.json(encodable: ["items": items])
    }

    func show(req: Request) async throws -> Response {
        _ = try req.requireActor()
        guard let profile = try ProtocolCatalogue.profile(req.parameters.get("profileID") ?? "") else {
            throw AppError.notFound("That protocol profile")
        }
        return try profileResponse(profile)
    }

    func compare(req: Request) async throws -> Response {
        _ = try req.requireActor()
        guard let left = try ProtocolCatalogue.profile(req.parameters.get("profileID") ?? ""),
              let right = try ProtocolCatalogue.profile(req.parameters.get("otherID") ?? "") else {
            throw AppError.notFound("That protocol profile")
        }
        let view = ComparisonView(left, right, onlyDifferences: try APIQuery.choice(req, "differences", allowed: ["only"]) == "only")
        return try APIResponse.json(encodable: view)
    }

    /// Validates a profile sent as YAML, as `probity protocol check FILE` does.
    func check(req: Request) async throws -> Response {
        _ = try req.requireActor()
        guard let text = req.body.string, !text.isEmpty else {
            throw AppError(.badRequest, detail: "Send the profile as the request body (Content-Type: application/yaml or text/plain).")
        }
        let issues = ProfileLoader.issues(in: text)
        struct Result: Encodable { var valid: Bool; var issues: [ProfileIssue] }
        return try APIResponse.json(encodable: Result(valid: issues.isEmpty, issues: issues))
    }

    func authorityProtocol(req: Request) async throws -> Response {
        let current = try await req.authorityProtocol()
        let encoder = ProtocolProfile.jsonEncoder(prettyPrinted: false)
        struct Body: Encodable {
            var profileId: String
            var region: String
            var overriddenRuleIds: [String]
            var profile: ProtocolProfile
        }
        let body = Body(profileId: current.profile.id, region: current.calendar.region.rawValue,
                        overriddenRuleIds: current.overriddenRuleIDs.sorted(), profile: current.profile)
        let response = Response(status: .ok, body: .init(data: try encoder.encode(body)))
        response.headers.contentType = .json
        return response
    }

    private func profileResponse(_ profile: ProtocolProfile) throws -> Response {
        let response = Response(status: .ok, body: .init(data: try profile.jsonData(prettyPrinted: false)))
        response.headers.contentType = .json
        return response
    }

    struct OverrideBody: Encodable {
        var id: UUID
        var ruleId: String
        var yaml: String
        var createdBy: String
        var createdAt: Date

        init(_ o: RuleOverride) {
            id = o.id!
            ruleId = o.ruleID
            yaml = o.yaml
            createdBy = o.createdBy
            createdAt = o.createdAt
        }
    }

    func listOverrides(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let items = try await RuleOverride.scoped(to: actor.authorityID, on: req.db).sort(\.$ruleID).all().map(OverrideBody.init)
        return try APIResponse.json(encodable: ["items": items])
    }

    func addOverride(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("protocol.override.create")
        let body = try APIRequest.jsonObject(req)
        var errors: [FieldError] = body.keys.filter { !["ruleId", "yaml"].contains($0) }.sorted()
            .map { FieldError(field: $0, message: "'\($0)' is not a field of an override") }
        func string(_ key: String) -> String {
            if case .string(let s)? = body[key] { return s }
            errors.append(FieldError(field: key, message: "\(key) is required and must be a string"))
            return ""
        }
        let ruleID = string("ruleId"), yaml = string("yaml")
        guard errors.isEmpty else { throw AppError.validation(errors) }
        let record = try await RuleOverrides.add(ruleID: ruleID, yaml: yaml, actor: actor, req: req)
        return try APIResponse.json(encodable: OverrideBody(record), status: .created)
    }

    func removeOverride(req: Request) async throws -> Response {
        let actor = try await req.requireAdministrator("protocol.override.delete")
        guard let id = req.parameters.get("overrideID").flatMap(UUID.init(uuidString:)) else { throw AppError.notFound("The override") }
        _ = try await RuleOverrides.remove(id: id, actor: actor, req: req)
        return Response(status: .noContent)
    }
}
