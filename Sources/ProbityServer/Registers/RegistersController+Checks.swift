import Fluent
import ProbityCore
import Vapor

/// Dispensations and the conflict check.
extension RegistersController {
    struct DispensationsPage: Encodable {
        var items: [DispensationView]
        var canRecord: Bool
        var members: [SelectOption]
        var scopes: [SelectOption]
        var terms: [SelectOption]
        var grounds: [SelectOption]
        var values: [String: String]
        var rule: RuleInfo
    }

    func dispensations(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        return try await renderDispensations(req: req, context: context, input: RegisterInput(values: [:]), errors: [])
    }

    func renderDispensations(req: Request, context: RegisterContext, input: RegisterInput, errors: [FieldError]) async throws -> Response {
        let items = try await DispensationService.visible(req: req, context: context).map { DispensationView($0, context: context) }
        let page = DispensationsPage(
            items: items, canRecord: RegisterPolicy.canRecordDispensation(viewer: context.viewer).allowed,
            members: [SelectOption(value: "all-members", label: "Every member", selected: input.text("grantee") == "all-members")]
                + context.org.members.values.sorted { $0.name < $1.name }.map {
                    SelectOption(value: PersonRef.member($0.id).description, label: $0.name, selected: input.text("grantee") == PersonRef.member($0.id).description)
                },
            scopes: DispensationService.ScopeName.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: input.text("scope") == $0.rawValue) },
            terms: [SelectOption(value: "discussion", label: "Take part in the discussion, but not vote", selected: input.text("terms") == "discussion"),
                    SelectOption(value: "discussion-and-vote", label: "Take part in the discussion and vote", selected: input.text("terms") == "discussion-and-vote")],
            grounds: Dispensation.Ground.allCases.map { SelectOption(value: $0.rawValue, label: DispensationService.groundLabel($0), selected: input.text("ground") == $0.rawValue) },
            values: Dictionary(uniqueKeysWithValues: ["declarationID", "matterID", "itemID", "scopeValue", "grantedOn", "expiresOn", "reasons"].map { ($0, input.text($0)) }),
            rule: RuleInfo(Statute.dispensations))
        return try await req.renderResponse("registers/dispensations", title: "Dispensations", content: page, errors: errors,
                                            breadcrumbs: Self.crumbs, status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func grant(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        try await DispensationService.authorise(req, context: context)
        let input = RegisterInput(form: try FormBody(req))
        do {
            _ = try await DispensationService.create(input, req: req, context: context)
            return req.redirect(to: "/registers/dispensations", flash: "The dispensation is recorded.")
        } catch let error as AppError where error.kind == .validation {
            return try await renderDispensations(req: req, context: context, input: input, errors: error.fieldErrors)
        }
    }

    // MARK: Conflict check

    struct ItemRow: Encodable {
        var n: Int
        var title: String
        var land: String
        var bodies: String
        var posts: String
        var topics: String
        var wards: [SelectOption]
        var departments: [SelectOption]
        var people: [SelectOption]
        var flags: [SelectOption]
    }

    struct ConflictFormPage: Encodable {
        var kinds: [SelectOption]
        var committees: [SelectOption]
        var departments: [SelectOption]
        var participants: [SelectOption]
        var rows: [ItemRow]
        var values: [String: String]
        var negotiatesWithStaff: Bool
        var includeCommitteeMembers: Bool
        var isMonitoringOfficer: Bool
    }

    func conflictForm(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        return try await renderConflictForm(req: req, context: context, input: RegisterInput(values: [:]), errors: [])
    }

    func renderConflictForm(req: Request, context: RegisterContext, input: RegisterInput, errors: [FieldError]) async throws -> Response {
        let org = context.org
        let committees = try await Committee.scoped(to: context.actor.authorityID, on: req.db).sort(\.$name).all()
        let departmentList = (org.directorates.values.map { ($0.id, $0.name) } + org.services.values.map { ($0.id, $0.name) }).sorted { $0.1 < $1.1 }
        let people: [(PersonRef, String)] = (org.members.values.map { (PersonRef.member($0.id), "\($0.name) (member)") }
            + org.officers.values.map { (PersonRef.officer($0.id), "\($0.name) (officer)") }).sorted { $0.1 < $1.1 }
        func options(_ list: [(String, String)], chosen: [String]) -> [SelectOption] {
            let set = Set(chosen)
            return list.map { SelectOption(value: $0.0, label: $0.1, selected: set.contains($0.0)) }
        }
        let wardList = context.wards.sorted { $0.value < $1.value }.map { ($0.key.uuidString.lowercased(), $0.value) }
        let departmentOptions = departmentList.map { ($0.0.uuidString.lowercased(), $0.1) }
        let peopleOptions = people.map { ($0.0.description, $0.1) }
        let flagLabels = [("councilTaxSetting", "Setting council tax"), ("housingRents", "Council housing rents"),
                          ("councilHousing", "Council housing"), ("staffNegotiations", "Negotiations with staff")]
        let rows = (1...ConflictCheckRequest.formRows).map { n -> ItemRow in
            let p = "item\(n)-"
            var ignored: [FieldError] = []
            return ItemRow(n: n, title: input.text(p + "title"), land: input.lines(p + "land"), bodies: input.lines(p + "bodies"),
                           posts: input.lines(p + "posts"), topics: input.lines(p + "topics"),
                           wards: options(wardList, chosen: input.list(p + "wards")),
                           departments: options(departmentOptions, chosen: input.list(p + "departments")),
                           people: options(peopleOptions, chosen: input.list(p + "people")),
                           flags: flagLabels.map { SelectOption(value: $0.0, label: $0.1, selected: input.flag(p + $0.0, errors: &ignored)) })
        }
        var ignored: [FieldError] = []
        let isMO = context.isMonitoringOfficer
        let page = ConflictFormPage(
            kinds: ConflictCheckRequest.KindName.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: (input.text("kind").isEmpty ? "committee-meeting" : input.text("kind")) == $0.rawValue)
            },
            committees: committees.compactMap { c in c.id.map { SelectOption(value: $0.uuidString.lowercased(), label: c.name, selected: input.text("committee") == $0.uuidString.lowercased()) } },
            departments: options(departmentOptions, chosen: input.list("departments")),
            participants: isMO ? options(peopleOptions, chosen: input.list("participants"))
                : context.person.map { [SelectOption(value: $0.description, label: context.name($0), selected: true)] } ?? [],
            rows: rows,
            values: Dictionary(uniqueKeysWithValues: ["id", "title", "date", "processID", "post"].map { ($0, input.text($0)) }),
            negotiatesWithStaff: input.flag("negotiatesWithStaff", errors: &ignored),
            includeCommitteeMembers: input.flag("includeCommitteeMembers", errors: &ignored),
            isMonitoringOfficer: isMO)
        return try await req.renderResponse("registers/conflict-check", title: "Conflict check", content: page, errors: errors,
                                            breadcrumbs: Self.crumbs, status: errors.isEmpty ? .ok : .unprocessableEntity).noStore()
    }

    func conflictCheck(req: Request) async throws -> Response {
        let context = try await RegisterContext.load(req)
        let input = RegisterInput(form: try FormBody(req))
        do {
            let request = try await ConflictCheckRequest.read(form: input, req: req, context: context)
            let report = try await ConflictCheckService.run(request, req: req, context: context)
            return try await req.renderResponse("registers/conflict-report", title: "Conflict check: \(report.title)", content: report,
                                                breadcrumbs: Self.crumbs + [.init(href: "/registers/conflict-check", label: "Conflict check")]).noStore()
        } catch let error as AppError where error.kind == .validation {
            return try await renderConflictForm(req: req, context: context, input: input, errors: error.fieldErrors)
        }
    }
}
