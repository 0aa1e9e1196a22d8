import Foundation
import ProbityCore

/// Turning a declaration form or JSON body into the core's `Declaration`, with a message for
/// each field that is wrong; and back again for editing.
enum DeclarationFields {
    static let common: Set<String> = Set(["kind", "description", "relatedPersonName", "sensitive", "significant", "ceasedOn"]
        + RegisterFields.tagKeys)

    /// The keys a declaration of `kind` takes.
    static func keys(for kind: DeclarationKindName?) -> Set<String> {
        guard let kind else { return common.union(all) }
        switch kind {
        case .disclosablePecuniary: return common.union(["category", "holder"])
        case .otherRegisterable: return common.union(["category"])
        case .nonRegisterable: return common.union(["meetingID", "itemIDs"])
        case .closeRelationship: return common.union(["with", "nature", "undueInfluence", "jeopardises"])
        case .recruitment: return common.union(["candidateName", "processID", "post"])
        case .restriction: return common.union(["restriction", "months", "address", "rentArrearsMonths", "union", "role", "authority", "post"])
        }
    }

    static let all: Set<String> = ["category", "holder", "meetingID", "itemIDs", "with", "nature", "undueInfluence", "jeopardises",
                                   "candidateName", "processID", "post", "restriction", "months", "address", "rentArrearsMonths",
                                   "union", "role", "authority"]

    enum RestrictionName: String, CaseIterable {
        case councilTaxArrears = "council-tax-arrears"
        case councilTenancy = "council-tenancy"
        case tradeUnion = "trade-union"
        case otherAuthorityEmployment = "other-authority-employment"
        case politicallyRestrictedPost = "politically-restricted-post"

        var label: String {
            switch self {
            case .councilTaxArrears: "Council tax arrears"
            case .councilTenancy: "Council tenancy (and any rent arrears)"
            case .tradeUnion: "Trade union office or employment"
            case .otherAuthorityEmployment: "Employment by another local authority"
            case .politicallyRestrictedPost: "A politically restricted post"
            }
        }

        init(_ restriction: Restriction) {
            switch restriction {
            case .councilTaxArrears: self = .councilTaxArrears
            case .councilTenancy: self = .councilTenancy
            case .tradeUnion: self = .tradeUnion
            case .otherAuthorityEmployment: self = .otherAuthorityEmployment
            case .politicallyRestrictedPost: self = .politicallyRestrictedPost
            }
        }
    }

    /// The declaration the input describes. `existing` keeps the id, the registration date, the
    /// Monitoring Officer's decisions and any HR determination of an entry being changed.
    static func read(_ input: RegisterInput, declarant: PersonRef, existing: Declaration?, org: OrgSnapshot,
                     wardIDs: Set<UUID>, today: CalendarDate) -> (Declaration?, [FieldError]) {
        var errors: [FieldError] = []
        let kindName: DeclarationKindName? = RegisterFields.choice(input, "kind", "Choose what you are declaring", errors: &errors)
        if let kindName {
            for key in input.values.keys.sorted() where !keys(for: kindName).contains(key) {
                errors.append(FieldError(field: key, message: "'\(key)' is not a field of a \(kindName.label.lowercased())"))
            }
        }
        let description = RegisterFields.optional(input, "description", errors: &errors) ?? ""
        let relatedPersonName = RegisterFields.optional(input, "relatedPersonName", max: RegisterFields.maxName, errors: &errors)
        let tags = RegisterFields.tags(input, org: org, wardIDs: wardIDs, errors: &errors)
        let sensitive = input.flag("sensitive", errors: &errors)
        let significant = input.flag("significant", errors: &errors)
        let ceasedOn = RegisterFields.date(input, "ceasedOn", required: false, errors: &errors)

        var kind: DeclarationKind?
        switch kindName {
        case .disclosablePecuniary?:
            let category: PecuniaryInterestCategory? = RegisterFields.choice(input, "category", "Choose the category of interest", errors: &errors)
            let holder: InterestHolder = input.text("holder").isEmpty ? .member
                : (RegisterFields.choice(input, "holder", "Say whether the interest is yours or your spouse's or partner's", errors: &errors) ?? .member)
            if let category { kind = .disclosablePecuniary(category, holder: holder) }
            if holder == .spouseOrPartner, relatedPersonName == nil {
                errors.append(FieldError(field: "relatedPersonName", message: "Give the name of your spouse or partner (it is never published)"))
            }
        case .otherRegisterable?:
            let category: OtherInterestCategory? = RegisterFields.choice(input, "category", "Choose the category of interest", errors: &errors)
            if let category { kind = .otherRegisterable(category) }
        case .nonRegisterable?:
            let meeting = RegisterFields.required(input, "meetingID", "Name the meeting the interest is declared at", max: RegisterFields.maxName, errors: &errors)
            let items = input.list("itemIDs")
            if items.count > RegisterFields.maxList || items.contains(where: { $0.count > RegisterFields.maxName }) {
                errors.append(FieldError(field: "itemIDs", message: "Give at most \(RegisterFields.maxList) item numbers of up to \(RegisterFields.maxName) characters"))
            }
            if !meeting.isEmpty { kind = .nonRegisterable(meetingID: meeting, itemIDs: Set(items)) }
        case .closeRelationship?:
            let raw = input.text("with")
            var other: PersonRef?
            if raw.isEmpty {
                errors.append(FieldError(field: "with", message: "Choose the person the relationship is with"))
            } else if let person = RegisterFields.person(raw, org: org) {
                other = person
            } else {
                errors.append(FieldError(field: "with", message: "Choose someone in the directory"))
            }
            let nature: RelationshipNature? = RegisterFields.choice(input, "nature", "Choose what kind of relationship it is", errors: &errors)
            let undue = input.flag("undueInfluence", errors: &errors)
            let jeopardises = input.flag("jeopardises", errors: &errors)
            if let other, let nature {
                kind = .closeRelationship(CloseRelationship(with: other, nature: nature, mightBeSeenAsUndulyInfluencing: undue,
                                                            jeopardisesCouncilWork: jeopardises))
            }
        case .recruitment?:
            let candidate = RegisterFields.required(input, "candidateName", "Name the candidate", max: RegisterFields.maxName, errors: &errors)
            let process = RegisterFields.required(input, "processID", "Give the selection or appointment process's reference", max: RegisterFields.maxName, errors: &errors)
            let post = RegisterFields.optional(input, "post", max: RegisterFields.maxName, errors: &errors) ?? ""
            if !candidate.isEmpty, !process.isEmpty {
                kind = .recruitment(RecruitmentLink(candidateName: candidate, processID: process, post: post,
                                                    determination: existing?.kind.recruitmentLink?.determination))
            }
        case .restriction?:
            let name: RestrictionName? = RegisterFields.choice(input, "restriction", "Choose the restriction", errors: &errors)
            switch name {
            case .councilTaxArrears?:
                if let months = RegisterFields.number(input, "months", "Say how many whole months of council tax are unpaid", range: 0...600, errors: &errors) {
                    kind = .restriction(.councilTaxArrears(months: months))
                }
            case .councilTenancy?:
                let address = RegisterFields.required(input, "address", "Give the address of the home you rent from the council", max: RegisterFields.maxName, errors: &errors)
                let months = input.text("rentArrearsMonths").isEmpty ? 0
                    : RegisterFields.number(input, "rentArrearsMonths", "Say how many whole months of rent are unpaid", range: 0...600, errors: &errors)
                if let months, !address.isEmpty { kind = .restriction(.councilTenancy(address: address, rentArrearsMonths: months)) }
            case .tradeUnion?:
                let union = RegisterFields.required(input, "union", "Name the trade union", max: RegisterFields.maxName, errors: &errors)
                let role: TradeUnionRole? = RegisterFields.choice(input, "role", "Say whether you are an official or an employee of the union", errors: &errors)
                if let role, !union.isEmpty { kind = .restriction(.tradeUnion(union: union, role: role)) }
            case .otherAuthorityEmployment?:
                let authority = RegisterFields.required(input, "authority", "Name the authority that employs you", max: RegisterFields.maxName, errors: &errors)
                if !authority.isEmpty { kind = .restriction(.otherAuthorityEmployment(authority: authority)) }
            case .politicallyRestrictedPost?:
                let post = RegisterFields.required(input, "post", "Name the post", max: RegisterFields.maxName, errors: &errors)
                let authority = RegisterFields.required(input, "authority", "Name the authority the post is under", max: RegisterFields.maxName, errors: &errors)
                if !post.isEmpty, !authority.isEmpty { kind = .restriction(.politicallyRestrictedPost(post: post, authority: authority)) }
            case nil:
                break
            }
        case nil:
            break
        }
        if let kindName, !kindName.isPrivate || kindName == .nonRegisterable, description.isEmpty {
            errors.append(FieldError(field: "description", message: "Say what the interest is"))
        }
        guard let kind, errors.isEmpty else { return (nil, errors) }

        var sensitivity: Sensitivity = sensitive ? .requested : .none
        if let existing, sensitive, existing.sensitivity == .agreed { sensitivity = .agreed }
        let declaration = Declaration(
            id: existing?.id ?? UUID(), declarant: declarant, kind: kind, description: description,
            relatedPersonName: relatedPersonName, tags: tags, sensitivity: sensitivity, judgedSignificant: significant,
            registeredOn: existing?.registeredOn ?? today, ceasedOn: ceasedOn)
        let issues = declaration.issues(org: org)
        if !issues.isEmpty {
            return (nil, issues.map { FieldError(field: fieldName($0.field), message: $0.message) })
        }
        return (declaration, [])
    }

    /// The core's field names as the form's: `kind.with` is the form's `with`.
    static func fieldName(_ core: String) -> String {
        switch core {
        case "kind.with": "with"
        case "kind.meetingID": "meetingID"
        case "kind.candidateName": "candidateName"
        case "kind.processID": "processID"
        case "kind.months": "months"
        case "kind.union": "union"
        case "kind.authority": "authority"
        case "declarant": "kind"
        default: core
        }
    }

    /// A declaration as input values, for the edit form and for merging a partial update.
    static func values(of declaration: Declaration) -> [String: [String]] {
        var values = RegisterFields.values(of: declaration.tags)
        values["kind"] = [DeclarationKindName(declaration.kind).rawValue]
        if !declaration.description.isEmpty { values["description"] = [declaration.description] }
        if let name = declaration.relatedPersonName { values["relatedPersonName"] = [name] }
        if declaration.sensitivity.isWithheld { values["sensitive"] = ["true"] }
        if declaration.judgedSignificant { values["significant"] = ["true"] }
        if let ceased = declaration.ceasedOn { values["ceasedOn"] = [ceased.iso] }
        switch declaration.kind {
        case .disclosablePecuniary(let category, let holder):
            values["category"] = [category.rawValue]
            values["holder"] = [holder.rawValue]
        case .otherRegisterable(let category):
            values["category"] = [category.rawValue]
        case .nonRegisterable(let meeting, let items):
            values["meetingID"] = [meeting]
            values["itemIDs"] = items.sorted()
        case .closeRelationship(let relationship):
            values["with"] = [relationship.with.description]
            values["nature"] = [relationship.nature.rawValue]
            if relationship.mightBeSeenAsUndulyInfluencing { values["undueInfluence"] = ["true"] }
            if relationship.jeopardisesCouncilWork { values["jeopardises"] = ["true"] }
        case .recruitment(let link):
            values["candidateName"] = [link.candidateName]
            values["processID"] = [link.processID]
            if !link.post.isEmpty { values["post"] = [link.post] }
        case .restriction(let restriction):
            values["restriction"] = [RestrictionName(restriction).rawValue]
            switch restriction {
            case .councilTaxArrears(let months): values["months"] = [String(months)]
            case .councilTenancy(let address, let months):
                values["address"] = [address]
                values["rentArrearsMonths"] = [String(months)]
            case .tradeUnion(let union, let role):
                values["union"] = [union]
                values["role"] = [role.rawValue]
            case .otherAuthorityEmployment(let authority): values["authority"] = [authority]
            case .politicallyRestrictedPost(let post, let authority):
                values["post"] = [post]
                values["authority"] = [authority]
            }
        }
        return values
    }
}
