import Fluent
import ProbityCore
import Vapor

/// One case's page, and the steps taken from it.
extension ComplaintsController {
    struct Can: Encodable {
        var acknowledge = false
        var startInvestigation = false
        var addInvestigator = false
        var addItem = false
        var shareWithWitness = false
        var discloseAllegation = false
        var discloseIdentity = false
        var recordInformalResolution = false
        var recordOutcome = false
        var refer = false
        var close = false
        var assignHandler = false
        var any = false

        init(_ actions: [String]) {
            let set = Set(actions.compactMap(ComplaintActionKind.init(rawValue:)))
            acknowledge = set.contains(.acknowledge)
            startInvestigation = set.contains(.startInvestigation)
            addInvestigator = set.contains(.addInvestigator)
            addItem = set.contains(.addItem)
            shareWithWitness = set.contains(.shareWithWitness)
            discloseAllegation = set.contains(.discloseAllegation)
            discloseIdentity = set.contains(.discloseIdentity)
            recordInformalResolution = set.contains(.recordInformalResolution)
            recordOutcome = set.contains(.recordOutcome)
            refer = set.contains(.refer)
            close = set.contains(.close)
            assignHandler = set.contains(.assignHandler)
            any = !set.isEmpty
        }
    }

    struct ShowPage: Encodable {
        var c: ComplaintPresentation
        var isNew: Bool
        var can: Can
        var isAssessment: Bool
        /// The values last posted, by form field name, so a form with errors keeps them.
        var form: [String: String]
        var officers: [SelectOption]
        var people: [SelectOption]
        var items: [SelectOption]
        var outcomes: [SelectOption]
        var guidance: [GuidanceInfo]
        var referral: ComplaintPresentation.RuleInfo?
    }

    func show(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        return try await renderShow(req: req, context: context, posted: [:], errors: [], status: .ok)
    }

    func renderShow(req: Request, context: ComplaintContext, posted: [String: String], errors: [FieldError],
                    status: HTTPResponseStatus) async throws -> Response {
        let presentation = try await ComplaintReading.open(req.parameters.get("complaintID"), req: req, context: context)
        let org = context.org
        let profile = context.profile
        func option(_ person: PersonRef, _ name: String) -> SelectOption {
            SelectOption(value: person.description, label: name)
        }
        let officers = org.officers.values.sorted { $0.name < $1.name }
        let members = org.members.values.sorted { $0.name < $1.name }
        let chosenItems = Set((posted["witnessItems"] ?? "").split(separator: ",").map(String.init))
        let can = Can(presentation.actions)
        let audiences = presentation.access.audiences
        // Guidance at the moment it matters: to those handling the case, the profile's guidance
        // for officers; to the complainant, the guidance for members or officers raising one.
        var guidanceAudience: GuidanceAudience?
        if audiences.contains(ComplaintAudience.full.rawValue) { guidanceAudience = .officers }
        else if audiences.contains(ComplaintAudience.complainant.rawValue) {
            guidanceAudience = context.person?.complainantKind == .member ? .members : .officers
        }
        let page = ShowPage(
            c: presentation, isNew: req.query[String.self, at: "new"] == "1", can: can,
            isAssessment: presentation.stage == ComplaintStage.referred.rawValue,
            form: posted,
            officers: officers.map { option(.officer($0.id), $0.name) },
            people: officers.map { option(.officer($0.id), $0.name) } + members.map { option(.member($0.id), $0.name) },
            items: (presentation.investigation?.items ?? []).map { SelectOption(value: $0.id, label: $0.title, selected: chosenItems.contains($0.id)) },
            outcomes: ComplaintOutcome.allCases.filter { $0 != .resolvedInformally }.map {
                SelectOption(value: $0.rawValue, label: $0.displayName.capitalizedFirst, selected: posted["outcome"] == $0.rawValue)
            },
            guidance: guidanceAudience.map { ComplaintGuidance.items(for: $0, profile: profile) }?
                .map { GuidanceInfo(statement: $0.statement, citation: $0.citation) } ?? [],
            referral: profile.complaints.referral.inForce ? .init(profile.complaints.referral.reference(in: profile.document)) : nil)
        return try await req.renderResponse("complaints/show", title: "\(presentation.reference): \(presentation.kindLabel ?? "Complaint")",
                                            content: page, errors: errors,
                                            breadcrumbs: [.init(href: "/complaints", label: "Complaints")], status: status).noStore()
    }

    func act(req: Request) async throws -> Response {
        let context = try await ComplaintContext.load(req)
        guard let kind = req.parameters.get("action").flatMap(ComplaintActionKind.init(rawValue:)) else {
            throw AppError.notFound("That step")
        }
        let form = try FormBody(req)
        // The form's field names, back to the step's own names.
        var values: [String: [String]] = [:]
        var posted: [String: String] = [:]
        for (json, formName) in kind.fields {
            values[json] = form.values[formName]
            posted[formName] = (form.values[formName] ?? []).joined(separator: ",")
        }
        let id = req.parameters.get("complaintID")
        let (record, complaint) = try await ComplaintActions.authorise(kind, id: id, req: req, context: context)
        do {
            let step = try await ComplaintActions.read(kind, ComplaintInput(values: values), record: record, complaint: complaint,
                                                       context: context, on: req.db)
            let (saved, _) = try await ComplaintActions.perform(kind, step, record: record, req: req, context: context)
            let path = "/complaints/\(try saved.requireID().uuidString.lowercased())"
            return req.redirect(to: path, flash: Self.done(kind, reference: saved.reference))
        } catch let error as AppError where error.kind == .validation || error.kind == .conflict {
            let names = Dictionary(kind.fields.map { ($0.json, $0.form) }, uniquingKeysWith: { first, _ in first })
            let errors = error.fieldErrors.isEmpty
                ? [FieldError(field: "actions", message: error.detail)]
                : error.fieldErrors.map { FieldError(field: names[$0.field] ?? "actions", message: $0.message) }
            return try await renderShow(req: req, context: context, posted: posted, errors: errors,
                                        status: error.kind == .conflict ? .conflict : .unprocessableEntity)
        }
    }

    static func done(_ kind: ComplaintActionKind, reference: String) -> String {
        switch kind {
        case .acknowledge: "\(reference) acknowledged: the complainant has been sent the acknowledgement"
        case .startInvestigation: "The investigation of \(reference) has started"
        case .addInvestigator: "The investigator has been added to \(reference)"
        case .addItem: "The item has been added to the investigation of \(reference)"
        case .shareWithWitness: "The witness has been given the items you chose, and nothing else"
        case .discloseAllegation: "The allegation has been disclosed to the person complained about"
        case .discloseIdentity: "They have been told who made the complaint"
        case .recordInformalResolution: "\(reference) is recorded as resolved informally"
        case .recordOutcome: "The outcome of \(reference) has been recorded"
        case .refer: "\(reference) has been referred for independent assessment"
        case .close: "\(reference) is closed"
        case .assignHandler: "\(reference) has been given to its new handler"
        }
    }
}
