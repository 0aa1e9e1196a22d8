import Fluent
import Foundation
import ProbityCore
import Vapor

/// Dispensations (Localism Act 2011 s.33), recorded by the Monitoring Officer only; the conflict
/// check honours them. The Monitoring Officer sees every one; a member sees those granted to
/// them or to every member.
enum DispensationService {
    static let fields: Set<String> = ["grantee", "scope", "declarationID", "matterID", "itemID", "scopeValue", "terms", "ground",
                                      "grantedOn", "expiresOn", "reasons"]

    enum ScopeName: String, CaseIterable {
        case anyBusiness = "any-business"
        case declaration = "declaration"
        case item = "item"
        case councilTaxSetting = "council-tax-setting"
        case housingRents = "housing-rents"
        case councilHousing = "council-housing"
        case staffNegotiations = "staff-negotiations"
        case body = "body"
        case land = "land"
        case topic = "topic"

        var label: String {
            switch self {
            case .anyBusiness: "Any business the interest is engaged by"
            case .declaration: "One declared interest, wherever it is engaged"
            case .item: "One item of one meeting"
            case .councilTaxSetting: "Any item on setting council tax"
            case .housingRents: "Any item on council housing rents"
            case .councilHousing: "Any item on council housing"
            case .staffNegotiations: "Any negotiations with staff"
            case .body: "Any item touching a named body"
            case .land: "Any item touching named land"
            case .topic: "Any item on a named subject"
            }
        }
    }

    static func groundLabel(_ ground: Dispensation.Ground) -> String {
        switch ground {
        case .tooManyBarred: "So many members would be barred that the business could not be transacted (s.33(2)(a))"
        case .politicalBalance: "The political balance of the body would be upset (s.33(2)(b))"
        case .inhabitantsInterests: "It is in the interests of people living in the area (s.33(2)(c))"
        case .executive: "Every member of the executive would be barred (s.33(2)(d))"
        case .otherwiseAppropriate: "It is otherwise appropriate (s.33(2)(e))"
        }
    }

    static func authorise(_ req: Request, context: RegisterContext) async throws {
        let decision = RegisterPolicy.canRecordDispensation(viewer: context.viewer)
        guard decision.allowed else {
            throw await req.refusal("dispensation.create", resourceType: "dispensation", reason: decision.explanation)
        }
    }

    static func create(_ input: RegisterInput, req: Request, context: RegisterContext) async throws -> (DispensationRecord, Dispensation) {
        try await authorise(req, context: context)
        guard let grantor = context.person else {
            throw await req.refusal("dispensation.create", resourceType: "dispensation", reason: "Only the Monitoring Officer records dispensations.")
        }
        var errors: [FieldError] = []
        var grantee: Dispensation.Grantee?
        let rawGrantee = input.text("grantee")
        if rawGrantee == "all-members" {
            grantee = .allMembers
        } else if let person = RegisterFields.person(rawGrantee, org: context.org), case .member(let id) = person {
            grantee = .member(id)
        } else {
            errors.append(FieldError(field: "grantee", message: rawGrantee.isEmpty ? "Choose the member, or every member" : "Choose a member in the directory, or every member"))
        }
        let scopeName: ScopeName? = RegisterFields.choice(input, "scope", "Choose what the dispensation covers", errors: &errors)
        var scope: Dispensation.Scope?
        switch scopeName {
        case .anyBusiness?: scope = .anyBusiness
        case .declaration?:
            let raw = input.text("declarationID")
            if let id = UUID(uuidString: raw),
               let record = try await DeclarationRecord.find(id, in: context.actor.authorityID, on: req.db), !record.isWithdrawn,
               case .member(let memberID)? = grantee, record.declarant == .member(memberID) {
                scope = .declaration(id)
            } else {
                errors.append(FieldError(field: "declarationID", message: "Choose one of the member's current declarations"))
            }
        case .item?:
            let matter = RegisterFields.required(input, "matterID", "Give the meeting's reference", max: RegisterFields.maxName, errors: &errors)
            let item = RegisterFields.required(input, "itemID", "Give the item's number", max: RegisterFields.maxName, errors: &errors)
            if !matter.isEmpty, !item.isEmpty { scope = .item(matterID: matter, itemID: item) }
        case .councilTaxSetting?: scope = .tag(.councilTaxSetting)
        case .housingRents?: scope = .tag(.housingRents)
        case .councilHousing?: scope = .tag(.councilHousing)
        case .staffNegotiations?: scope = .tag(.staffNegotiations)
        case .body?, .land?, .topic?:
            let value = RegisterFields.required(input, "scopeValue", "Name what the dispensation covers", max: RegisterFields.maxName, errors: &errors)
            if !value.isEmpty {
                scope = .tag(scopeName == .body ? .body(value) : scopeName == .land ? .land(value) : .topic(value))
            }
        case nil: break
        }
        let terms: Dispensation.Terms? = RegisterFields.choice(input, "terms", "Choose whether the member may take part in the discussion only, or the discussion and the vote", errors: &errors)
        let ground: Dispensation.Ground? = RegisterFields.choice(input, "ground", "Choose the ground in section 33(2)", errors: &errors)
        let grantedOn = input.text("grantedOn").isEmpty ? context.today : RegisterFields.date(input, "grantedOn", required: true, errors: &errors)
        let expiresOn = RegisterFields.date(input, "expiresOn", required: true, errors: &errors)
        let reasons = RegisterFields.required(input, "reasons", "Give the reasons for the dispensation", errors: &errors)
        guard errors.isEmpty, let grantee, let scope, let terms, let ground, let grantedOn, let expiresOn else {
            throw AppError.validation(errors, detail: "The dispensation was not recorded.")
        }
        let dispensation = Dispensation(id: UUID(), grantee: grantee, scope: scope, terms: terms, ground: ground, grantedBy: grantor,
                                        grantedOn: grantedOn, expiresOn: expiresOn, reasons: reasons)
        let issues = dispensation.issues(org: context.org)
        guard issues.isEmpty else {
            throw AppError.validation(issues.map { FieldError(field: $0.field == "grantedBy" ? "grantee" : $0.field, message: $0.message) },
                                      detail: "The dispensation was not recorded.")
        }
        let actor = context.actor, now = context.now
        let center = NotificationCenter(authorityID: actor.authorityID, protocol: context.current)
        let record = try await req.write { db in
            let record = DispensationRecord()
            record.id = dispensation.id
            record.authorityID = actor.authorityID
            record.createdAt = now
            try record.store(dispensation)
            try await record.create(on: db)
            try await AuditLog.append(actor.auditEvent(
                "dispensation.create", resourceType: "dispensation", resourceID: dispensation.id.uuidString,
                detail: ["grantee": rawGrantee, "scope": scopeName?.rawValue ?? "", "terms": terms.rawValue,
                         "grantedOn": grantedOn.iso, "expiresOn": expiresOn.iso]), on: db, at: now)
            if case .member(let id) = grantee {
                let what = terms == .discussionAndVote ? "take part in the discussion and vote" : "take part in the discussion but not vote"
                try await center.send(.init(
                    category: "dispensation.granted", subject: "Dispensation granted",
                    body: "The Monitoring Officer has granted you a dispensation to \(what) from \(grantedOn.displayLong) until \(expiresOn.displayLong) (Localism Act 2011 s.33). Declare the interest at the meeting.",
                    link: "/registers/dispensations", eventKey: "dispensation:\(dispensation.id.uuidString.lowercased())"),
                    to: [.member(id)], on: db, at: now)
            }
            return record
        }
        return (record, dispensation)
    }

    /// The dispensations the caller may see.
    static func visible(req: Request, context: RegisterContext) async throws -> [Dispensation] {
        let all = try await DeclarationStore.dispensations(authorityID: context.actor.authorityID, on: req.db).map { try $0.dispensation() }
        if context.isMonitoringOfficer { return all }
        guard case .member(let id)? = context.person else { return [] }
        return all.filter { $0.covers(member: id) }
    }
}

/// A dispensation as pages and the API show it.
struct DispensationView: Encodable, Sendable {
    var id: String
    var grantee: PersonInfo?
    var allMembers: Bool
    var scope: String
    var scopeLabel: String
    var terms: String
    var termsLabel: String
    var ground: String
    var groundLabel: String
    var grantedBy: PersonInfo
    var grantedOn: String
    var grantedDisplay: String
    var expiresOn: String
    var expiresDisplay: String
    var inEffect: Bool
    var reasons: String

    init(_ d: Dispensation, context: RegisterContext) {
        id = d.id.uuidString.lowercased()
        switch d.grantee {
        case .allMembers:
            grantee = nil
            allMembers = true
        case .member(let m):
            grantee = context.info(.member(m))
            allMembers = false
        }
        switch d.scope {
        case .anyBusiness:
            scope = DispensationService.ScopeName.anyBusiness.rawValue
            scopeLabel = DispensationService.ScopeName.anyBusiness.label
        case .declaration(let id):
            scope = DispensationService.ScopeName.declaration.rawValue
            scopeLabel = "The declared interest \(id.uuidString.lowercased())"
        case .item(let matter, let item):
            scope = DispensationService.ScopeName.item.rawValue
            scopeLabel = "Item \(item) of \(matter)"
        case .tag(let tag):
            scope = "tag"
            scopeLabel = "Any item touching \(tag.phrase)"
        }
        terms = d.terms.rawValue
        termsLabel = d.terms == .discussionAndVote ? "Discussion and vote" : "Discussion only, no vote"
        ground = d.ground.rawValue
        groundLabel = DispensationService.groundLabel(d.ground)
        grantedBy = context.info(d.grantedBy)
        grantedOn = d.grantedOn.iso
        grantedDisplay = d.grantedOn.displayLong
        expiresOn = d.expiresOn.iso
        expiresDisplay = d.expiresOn.displayLong
        inEffect = d.isInEffect(on: context.today)
        reasons = d.reasons
    }
}
