import Fluent
import ProbityCore
import Vapor

/// Declaring, reading, changing and withdrawing entries, and the decisions others record on them.
extension RegistersController {
    struct FormPage: Encodable {
        var kind: String
        var kindLabel: String
        var kindHint: String
        var action: String
        var editing: Bool
        var values: [String: String]
        var categories: [SelectOption]
        var categoryGuidance: [String]
        var holders: [SelectOption]
        var natures: [SelectOption]
        var people: [SelectOption]
        var restrictions: [SelectOption]
        var roles: [SelectOption]
        var wards: [SelectOption]
        var departments: [SelectOption]
        var tagPeople: [SelectOption]
        var flags: [String: Bool]
        var period: String
        var rules: [RuleInfo]
        var kinds: [KindLink]
    }

    func newForm(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        _ = try await context.requirePerson(req, action: "declaration.create")
        let kind = req.query[String.self, at: "kind"] ?? ""
        return try await renderForm(req: req, context: context, input: RegisterInput(values: ["kind": [kind]]), editing: nil, errors: [])
    }

    func renderForm(req: Request, context: RegisterContext, input: RegisterInput, editing: String?, errors: [FieldError]) async throws -> Response {
        let kind = DeclarationKindName(rawValue: input.text("kind"))
        let person = context.person
        let org = context.org
        var categories: [SelectOption] = [], guidance: [String] = []
        if kind == .disclosablePecuniary {
            categories = PecuniaryInterestCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: input.text("category") == $0.rawValue) }
            guidance = PecuniaryInterestCategory.allCases.map { "\($0.displayName): \($0.guidance)" }
        } else if kind == .otherRegisterable {
            categories = OtherInterestCategory.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: input.text("category") == $0.rawValue) }
        }
        let selected = Set(input.list("people") + input.list("wards") + input.list("departments"))
        let everyone: [(PersonRef, String)] = org.officers.values.map { (PersonRef.officer($0.id), "\($0.name) (officer)") }
            + org.members.values.map { (PersonRef.member($0.id), "\($0.name) (member)") }
        let others = everyone.filter { $0.0 != person }.sorted { $0.1 < $1.1 }
        let rules = context.rules
        var ruleInfos = [RuleInfo(rules.registrationPeriod)]
        switch kind {
        case .closeRelationship?:
            let rule = if case .officer? = person { rules.officerRelationships } else { rules.memberRelationships }
            ruleInfos = [RuleInfo(rule)] + rules.relationshipGuidance.map(RuleInfo.init)
        case .recruitment?: ruleInfos = [RuleInfo(context.profile.declarations.recruitment.inForce ? rules.recruitment : RegisterRules.recruitmentDefault)]
        case .restriction?: ruleInfos = [RuleInfo(rules.councilTaxArrears), RuleInfo(Statute.councilTaxArrears), RuleInfo(rules.councilTenancy),
                                         RuleInfo(rules.tradeUnionNegotiations), RuleInfo(Statute.politicalRestriction)]
        case .disclosablePecuniary?: ruleInfos += [RuleInfo(Statute.pecuniaryCategories), RuleInfo(Statute.spouseOrPartner), RuleInfo(Statute.sensitiveInterests)]
        case .otherRegisterable?: ruleInfos += [RuleInfo(rules.significantInterest(officer: person.map { if case .officer = $0 { true } else { false } } ?? false))]
        case .nonRegisterable?: ruleInfos = rules.declaringAtMeetings.map(RuleInfo.init) + [RuleInfo(rules.significantInterest(officer: false))]
        case nil: break
        }
        var values: [String: String] = [:]
        for key in ["description", "relatedPersonName", "meetingID", "candidateName", "processID", "post", "months", "address",
                    "rentArrearsMonths", "union", "authority", "ceasedOn", "with"] { values[key] = input.text(key) }
        for key in ["itemIDs", "land", "bodies", "posts", "topics"] { values[key] = input.lines(key) }
        var ignored: [FieldError] = []
        let flags = Dictionary(uniqueKeysWithValues: ["sensitive", "significant", "undueInfluence", "jeopardises"].map { ($0, input.flag($0, errors: &ignored)) })
        let isMember = if case .member? = person { true } else { false }
        let page = FormPage(
            kind: kind?.rawValue ?? "", kindLabel: kind?.label ?? "Make a declaration", kindHint: kind?.hint ?? "",
            action: editing.map { "/registers/declarations/\($0)" } ?? "/registers/declarations", editing: editing != nil, values: values,
            categories: categories, categoryGuidance: guidance,
            holders: [SelectOption(value: InterestHolder.member.rawValue, label: "Mine", selected: input.text("holder") != InterestHolder.spouseOrPartner.rawValue),
                      SelectOption(value: InterestHolder.spouseOrPartner.rawValue, label: "My spouse's, civil partner's or partner's", selected: input.text("holder") == InterestHolder.spouseOrPartner.rawValue)],
            natures: RelationshipNature.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName.capitalizedFirst, selected: input.text("nature") == $0.rawValue) },
            people: others.filter { candidate in
                // A member declares relationships with officers, an officer with members.
                switch (person, candidate.0) {
                case (.member?, .officer), (.officer?, .member): true
                default: false
                }
            }.map { SelectOption(value: $0.0.description, label: $0.1, selected: input.text("with") == $0.0.description) },
            restrictions: DeclarationFields.RestrictionName.allCases.filter { isMember || $0 == .politicallyRestrictedPost }
                .map { SelectOption(value: $0.rawValue, label: $0.label, selected: input.text("restriction") == $0.rawValue) },
            roles: [SelectOption(value: TradeUnionRole.official.rawValue, label: "An official", selected: input.text("role") == TradeUnionRole.official.rawValue),
                    SelectOption(value: TradeUnionRole.employee.rawValue, label: "An employee", selected: input.text("role") == TradeUnionRole.employee.rawValue)],
            wards: context.wards.sorted { $0.value < $1.value }.map { SelectOption(value: $0.key.uuidString.lowercased(), label: $0.value, selected: selected.contains($0.key.uuidString.lowercased())) },
            departments: (org.directorates.values.map { ($0.id, $0.name) } + org.services.values.map { ($0.id, $0.name) })
                .sorted { $0.1 < $1.1 }.map { SelectOption(value: $0.0.uuidString.lowercased(), label: $0.1, selected: selected.contains($0.0.uuidString.lowercased())) },
            tagPeople: others.map { SelectOption(value: $0.0.description, label: $0.1, selected: selected.contains($0.0.description)) },
            flags: flags,
            period: "Register within \(context.profile.declarations.registrationPeriod.parameters.calendarDays) days of taking office or of a change.",
            rules: ruleInfos,
            kinds: DeclarationKindName.allCases.filter { isMember || ($0 != .disclosablePecuniary) }.map {
                KindLink(href: "/registers/new?kind=\($0.rawValue)", label: $0.label, hint: $0.hint)
            })
        return try await req.renderResponse("registers/form", title: editing == nil ? page.kindLabel : "Change: \(page.kindLabel)", content: page,
                                            errors: errors, breadcrumbs: Self.crumbs, status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func create(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let input = RegisterInput(form: try FormBody(req))
        do {
            let (_, declaration) = try await DeclarationService.create(input, req: req, context: context)
            return req.redirect(to: "/registers/declarations/\(declaration.id.uuidString.lowercased())", flash: "Recorded: \(declaration.kind.label)")
        } catch let error as AppError where error.kind == .validation {
            return try await renderForm(req: req, context: context, input: input, editing: nil, errors: error.fieldErrors)
        }
    }

    struct ShowPage: Encodable {
        var declaration: DeclarationView
        var canUpdate: Bool
        var canDetermine: Bool
        var canDecideSensitivity: Bool
        var isOwn: Bool
        var values: [String: String]
    }

    func show(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let (record, declaration) = try await DeclarationService.open(req.parameters.get("declarationID"), req: req, context: context)
        return try await renderShow(req: req, context: context, record: record, declaration: declaration, input: RegisterInput(values: [:]), errors: [])
    }

    func renderShow(req: Request, context: RegisterContext, record: DeclarationRecord, declaration: Declaration,
                    input: RegisterInput, errors: [FieldError]) async throws -> Response {
        let view = DeclarationView(record, declaration, context: context)
        let page = ShowPage(declaration: view, canUpdate: view.actions.contains("update"), canDetermine: view.actions.contains("determine"),
                            canDecideSensitivity: view.actions.contains("decide-sensitivity"), isOwn: context.person == declaration.declarant,
                            values: ["note": input.text("note")])
        return try await req.renderResponse("registers/show", title: view.label, content: page, errors: errors, breadcrumbs: Self.crumbs,
                                            status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func editForm(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let (record, declaration) = try await DeclarationService.open(req.parameters.get("declarationID"), req: req, context: context)
        let decision = RegisterPolicy.canMaintain(declaration, viewer: context.viewer, profile: context.profile)
        guard decision.allowed else {
            throw await req.refusal("declaration.update", resourceType: "declaration", resourceID: try record.requireID().uuidString, reason: decision.explanation)
        }
        return try await renderForm(req: req, context: context, input: RegisterInput(values: DeclarationFields.values(of: declaration)),
                                    editing: declaration.id.uuidString.lowercased(), errors: [])
    }

    func update(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let form = RegisterInput(form: try FormBody(req))
        let (record, current) = try await DeclarationService.open(req.parameters.get("declarationID"), req: req, context: context)
        do {
            let (_, declaration) = try await DeclarationService.update(record, current, form, partial: false, req: req, context: context)
            return req.redirect(to: "/registers/declarations/\(declaration.id.uuidString.lowercased())", flash: "Changed: \(declaration.kind.label)")
        } catch let error as AppError where error.kind == .validation {
            var input = form
            input.values["kind"] = [DeclarationKindName(current.kind).rawValue]
            return try await renderForm(req: req, context: context, input: input, editing: current.id.uuidString.lowercased(), errors: error.fieldErrors)
        }
    }

    func withdraw(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        _ = try FormBody(req)
        let (record, current) = try await DeclarationService.open(req.parameters.get("declarationID"), req: req, context: context)
        try await DeclarationService.withdraw(record, current, req: req, context: context)
        return req.redirect(to: "/registers", flash: "Withdrawn: \(current.kind.label)")
    }

    func determine(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let input = RegisterInput(form: try FormBody(req))
        let (record, current) = try await DeclarationService.open(req.parameters.get("declarationID"), req: req, context: context)
        do {
            _ = try await DeclarationService.determine(record, current, input, req: req, context: context)
            return req.redirect(to: "/registers/declarations/\(current.id.uuidString.lowercased())", flash: "Your determination is recorded and the declarant has been told.")
        } catch let error as AppError where error.kind == .validation {
            return try await renderShow(req: req, context: context, record: record, declaration: current, input: input, errors: error.fieldErrors)
        }
    }

    func sensitivity(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let input = RegisterInput(form: try FormBody(req))
        let (record, current) = try await DeclarationService.open(req.parameters.get("declarationID"), req: req, context: context)
        do {
            _ = try await DeclarationService.decideSensitivity(record, current, input, req: req, context: context)
            return req.redirect(to: "/registers/declarations/\(current.id.uuidString.lowercased())", flash: "Your decision is recorded and the member has been told.")
        } catch let error as AppError where error.kind == .validation {
            return try await renderShow(req: req, context: context, record: record, declaration: current, input: input, errors: error.fieldErrors)
        }
    }
}
