import Fluent
import ProbityCore
import Vapor

/// Adding and removing an authority's rule overrides, shared by the pages and the API. An
/// override is checked by applying it to the authority's profile before it is saved.
enum RuleOverrides {
    static let maxYAMLLength = 20_000

    static func add(ruleID rawRuleID: String, yaml: String, actor: Actor, req: Request) async throws -> RuleOverride {
        let ruleID = rawRuleID.trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if ruleID.isEmpty { errors.append(FieldError(field: "ruleId", message: "Choose the rule to override")) }
        if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(FieldError(field: "yaml", message: "Enter the rule as your authority adopts it, with its own citation"))
        } else if yaml.count > maxYAMLLength {
            errors.append(FieldError(field: "yaml", message: "The rule must be \(maxYAMLLength) characters or fewer"))
        }
        guard errors.isEmpty else { throw AppError.validation(errors) }

        let authority = try await Authority.find(actor.authorityID, on: req.db)
        guard let authority, let base = try ProtocolCatalogue.profile(authority.profileID) else { throw AppError.notFound("The authority's protocol") }
        let existing = try await RuleOverride.scoped(to: actor.authorityID, on: req.db).all()
        guard !existing.contains(where: { $0.ruleID == ruleID }) else {
            throw AppError.validation([FieldError(field: "ruleId", message: "This rule is already overridden: remove the existing override first")])
        }
        let all = existing.map { ProfileOverride(ruleId: $0.ruleID, yaml: $0.yaml) } + [ProfileOverride(ruleId: ruleID, yaml: yaml)]
        do {
            _ = try base.applying(all)
        } catch {
            let mine = error.issues.filter { $0.path == ruleID || $0.path.hasPrefix(ruleID + ".") || $0.path.hasPrefix(ruleID + "[") }
            let shown = mine.isEmpty ? error.issues : mine
            throw AppError.validation(shown.map { issue in
                let field = issue.path == ruleID || issue.path.isEmpty ? (issue.message.contains("rule id") ? "ruleId" : "yaml") : "yaml"
                return FieldError(field: field, message: issue.description)
            }, detail: "The override was not saved.")
        }
        let record = RuleOverride(authorityID: actor.authorityID, ruleID: ruleID, yaml: yaml, createdAt: req.now, createdBy: actor.displayName)
        let now = req.now
        return try await req.write { db in
            try await record.create(on: db)
            try await AuditLog.append(actor.auditEvent("protocol.override.create", resourceType: "rule-override", resourceID: record.id?.uuidString,
                                                       detail: ["rule": ruleID, "yaml": yaml]), on: db, at: now)
            return record
        }
    }

    static func remove(id: UUID, actor: Actor, req: Request) async throws -> RuleOverride {
        guard let record = try await RuleOverride.find(id, in: actor.authorityID, on: req.db) else { throw AppError.notFound("The override") }
        let now = req.now
        try await req.write { db in
            try await record.delete(on: db)
            try await AuditLog.append(actor.auditEvent("protocol.override.delete", resourceType: "rule-override", resourceID: id.uuidString,
                                                       detail: ["rule": record.ruleID, "yaml": record.yaml]), on: db, at: now)
        }
        return record
    }
}
