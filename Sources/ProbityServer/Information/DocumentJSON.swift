import Foundation
import ProbityCore

/// A rule as pages and the API show it.
struct RuleJSON: Encodable, Sendable {
    var ruleId: String
    var citation: String
    var statement: String
    init(_ rule: RuleReference) {
        ruleId = rule.ruleId
        citation = rule.citation
        statement = rule.statement
    }
}

/// A decision with its reasons and the rules behind it.
struct DecisionJSON: Encodable, Sendable {
    var allowed: Bool
    var reasons: [String]
    var citations: [String]
    var rules: [RuleJSON]
    init(_ decision: Decision) {
        allowed = decision.allowed
        reasons = decision.reasons
        citations = decision.rules.map(\.citation)
        rules = decision.rules.map(RuleJSON.init)
    }
}

/// The answer to "may I read this?" for one reader.
struct AccessJSON: Encodable, Sendable {
    var allowed: Bool
    var basis: String?
    /// `full` or `redacted`; nil when refused.
    var version: String?
    var redactionNote: String?
    var reasons: [String]
    var citations: [String]
    var rules: [RuleJSON]
    /// TH 12.16: marked confidential, used only for the purpose.
    var confidential: Bool
    var useLimitedTo: String?
    var mayRequestNeedToKnow: Bool
    var freedomOfInformation: String?
    var freedomOfInformationGuidance: String?

    init(_ access: DocumentAccess) {
        allowed = access.allowed
        basis = access.basis?.rawValue
        switch access.version {
        case .full?: version = "full"
        case .redacted(let note)?: version = "redacted"; redactionNote = note
        case nil: version = nil
        }
        reasons = access.decision.reasons
        citations = access.decision.rules.map(\.citation)
        rules = access.decision.rules.map(RuleJSON.init)
        confidential = access.handling?.markedConfidential ?? false
        useLimitedTo = access.handling?.useLimitedTo
        mayRequestNeedToKnow = access.mayRequestNeedToKnow
        freedomOfInformation = access.freedomOfInformation?.rawValue
        freedomOfInformationGuidance = access.freedomOfInformation?.guidance
    }
}

struct NamedRef: Encodable, Sendable {
    var id: UUID
    var name: String
}

/// A document as a reader sees it. What only a reader may see (summary, file, dates) is left
/// out when the access check refused.
struct DocumentJSON: Encodable, Sendable {
    var id: UUID
    var title: String
    /// `public`, `exempt`, `confidential`, `group-internal`, `draft-policy`, `personal`.
    var documentClass: String
    var classDisplay: String
    var exemptCategory: Int?
    var exemptCategoryDescription: String?
    var ownerGroup: NamedRef?
    var committee: NamedRef?
    var service: NamedRef?
    var isCabinetItem: Bool
    var subjects: [String]?
    var summary: String?
    var filename: String?
    var contentType: String?
    var byteCount: Int?
    var hasRedactedVersion: Bool?
    var filedAt: Date?
    var filedBy: NamedRef?
    var access: AccessJSON

    init(_ record: DocumentRecord, access: DocumentAccess, ctx: InformationContext, committees: [UUID: String]) {
        id = record.id!
        title = record.title
        documentClass = record.classKind
        classDisplay = DocumentClasses.display(record.documentClass)
        exemptCategory = record.classKind == "exempt" ? record.exemptCategory : nil
        exemptCategoryDescription = record.classKind == "exempt" ? ExemptCategory(rawValue: record.exemptCategory ?? 0)?.statutoryDescription : nil
        committee = record.committeeID.map { NamedRef(id: $0, name: committees[$0] ?? "A committee no longer in the directory") }
        isCabinetItem = record.isCabinetItem
        self.access = AccessJSON(access)
        // Which group owns an internal document is itself the group's business.
        if access.allowed {
            ownerGroup = record.ownerGroupID.map { NamedRef(id: $0, name: ctx.groupName($0)) }
            service = record.serviceID.map { NamedRef(id: $0, name: ctx.serviceName($0)) }
            subjects = record.subjects
            summary = record.summary
            filename = record.filename
            contentType = record.contentType
            byteCount = record.byteCount
            filedAt = record.filedAt
            filedBy = NamedRef(id: record.filedByOfficerID, name: ctx.officerName(record.filedByOfficerID))
            if ctx.viewer.kind == .officer { hasRedactedVersion = record.redactedStoredPath != nil }
        }
    }
}

enum DocumentClasses {
    static let kinds: [(value: String, label: String, hint: String)] = [
        ("public", "Public (Part I)", "Open to the public, so to everyone (TH 12.2)."),
        ("exempt", "Exempt (Part II)", "Exempt under a category of Schedule 12A to the Local Government Act 1972 (TH 12.4): choose the category."),
        ("confidential", "Confidential", "Disclosure barred by a Government department's terms, by law or by a court order (TH 12.3)."),
        ("group-internal", "A political group's internal document", "Part of the internal workings of one group: no councillor of another group may see it (TH 12.14)."),
        ("draft-policy", "Draft policy or draft report", "Where the protocol says so, for the group forming the administration only (TH 12.13)."),
        ("personal", "Personal records", "An individual's personal records: not accessible to councillors (TH 12.13)."),
    ]

    static func display(_ documentClass: DocumentClass) -> String {
        switch documentClass {
        case .public: "Public (Part I)"
        case .exempt(let category): "Exempt (Part II), \(category.paragraph)"
        case .confidential: "Confidential"
        case .groupInternal: "Political group internal document"
        case .draftPolicy: "Draft policy or draft report"
        case .personal: "Personal records"
        }
    }
}
