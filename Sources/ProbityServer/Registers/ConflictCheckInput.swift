import Fluent
import Foundation
import ProbityCore
import Vapor

/// A conflict check request read from the page's form or the API's JSON: the matter (a committee
/// meeting and its agenda, a delegated decision, a recruitment panel or a committee's membership),
/// what each item touches, and who takes part.
struct ConflictCheckRequest: Sendable {
    var matter: Matter
    var title: String
    var participants: [MatterParticipant]

    enum KindName: String, CaseIterable {
        case committeeMeeting = "committee-meeting"
        case delegatedDecision = "delegated-decision"
        case recruitmentPanel = "recruitment-panel"
        case committeeMembership = "committee-membership"

        var label: String {
            switch self {
            case .committeeMeeting: "A committee meeting and its agenda"
            case .delegatedDecision: "A delegated decision"
            case .recruitmentPanel: "A selection or appointment panel"
            case .committeeMembership: "A committee's membership"
            }
        }
    }

    static let topKeys: Set<String> = ["kind", "id", "title", "date", "committee", "departments", "negotiatesWithStaff", "processID",
                                       "post", "items", "participants", "includeCommitteeMembers"]
    static let itemKeys = Set(["id", "title"] + RegisterFields.tagKeys + RegisterFields.businessKeys)
    static let participantKeys: Set<String> = ["person", "capacity"]
    static let maxItems = 60
    static let maxParticipants = 100
    static let formRows = 10

    /// From the API's JSON object.
    static func read(json object: [String: JSONValue], req: Request, context: RegisterContext) async throws -> ConflictCheckRequest {
        var errors: [FieldError] = []
        var top = object
        let itemsValue = top.removeValue(forKey: "items")
        let participantsValue = top.removeValue(forKey: "participants")
        let input = try RegisterInput(json: top, allowed: topKeys)
        var items: [RegisterInput] = []
        switch itemsValue {
        case .array(let list)?:
            for (index, value) in list.enumerated() {
                guard case .object(let item) = value else {
                    errors.append(FieldError(field: "items[\(index)]", message: "Each item must be an object"))
                    continue
                }
                do { items.append(try RegisterInput(json: item, allowed: itemKeys, prefix: "items[\(index)].")) } catch let error as AppError {
                    errors += error.fieldErrors
                }
            }
        case nil, .null?: break
        default: errors.append(FieldError(field: "items", message: "items must be a list of objects"))
        }
        var people: [(String, String, String)] = []
        switch participantsValue {
        case .array(let list)?:
            for (index, value) in list.enumerated() {
                switch value {
                case .string(let s): people.append((s, "", "participants[\(index)]"))
                case .object(let o):
                    for key in o.keys.sorted() where !participantKeys.contains(key) {
                        errors.append(FieldError(field: "participants[\(index)].\(key)", message: "'\(key)' is not a field of a participant"))
                    }
                    guard case .string(let person)? = o["person"] else {
                        errors.append(FieldError(field: "participants[\(index)].person", message: "Give the participant as officer:<id> or member:<id>"))
                        continue
                    }
                    var capacity = ""
                    switch o["capacity"] {
                    case .string(let c)?: capacity = c
                    case nil, .null?: break
                    default: errors.append(FieldError(field: "participants[\(index)].capacity", message: "capacity must be a string"))
                    }
                    people.append((person, capacity, "participants[\(index)]"))
                default:
                    errors.append(FieldError(field: "participants[\(index)]", message: "Each participant must be an object with person and capacity"))
                }
            }
        case nil, .null?: break
        default: errors.append(FieldError(field: "participants", message: "participants must be a list"))
        }
        return try await build(input, items: items, people: people, errors: errors, req: req, context: context)
    }

    /// From the page's form: rows `item1-title`, `item1-land`, … and checked `participants`.
    static func read(form input: RegisterInput, req: Request, context: RegisterContext) async throws -> ConflictCheckRequest {
        var items: [RegisterInput] = []
        for row in 1...formRows {
            var values: [String: [String]] = [:]
            for key in itemKeys { if let v = input.values["item\(row)-\(key)"] { values[key] = v } }
            let item = RegisterInput(values: values)
            let used = !item.text("title").isEmpty || itemKeys.contains { $0 != "id" && $0 != "title" && !item.list($0).isEmpty }
            if used {
                if item.text("id").isEmpty { values["id"] = [String(row)] }
                items.append(RegisterInput(values: values))
            }
        }
        let people = input.list("participants").map { ($0, "", "participants") }
        var top: [String: [String]] = [:]
        for key in topKeys where key != "items" && key != "participants" { if let v = input.values[key] { top[key] = v } }
        return try await build(RegisterInput(values: top), items: items, people: people, errors: [], req: req, context: context, form: true)
    }

    private static func build(_ input: RegisterInput, items itemInputs: [RegisterInput], people: [(String, String, String)],
                              errors initial: [FieldError], req: Request, context: RegisterContext, form: Bool = false) async throws -> ConflictCheckRequest {
        var errors = initial
        let org = context.org
        let wardIDs = Set(context.wards.keys)
        let kind: KindName? = RegisterFields.choice(input, "kind", "Choose what is being checked", errors: &errors)
        let date = input.text("date").isEmpty ? context.today : RegisterFields.date(input, "date", required: true, errors: &errors)
        let title = RegisterFields.optional(input, "title", max: RegisterFields.maxName, errors: &errors) ?? ""
        let givenID = RegisterFields.optional(input, "id", max: RegisterFields.maxName, errors: &errors)

        var committee: DecisionBody?
        var committeeMembers: [(UUID, Bool)] = []
        if kind == .committeeMeeting || kind == .committeeMembership {
            let raw = input.text("committee")
            if let id = UUID(uuidString: raw), let found = try await Committee.find(id, in: context.actor.authorityID, on: req.db) {
                var departments: Set<UUID> = []
                for value in input.list("departments") {
                    guard let d = UUID(uuidString: value), org.directorates[d] != nil || org.services[d] != nil else {
                        errors.append(FieldError(field: "departments", message: "Choose directorates or services in the directory"))
                        break
                    }
                    departments.insert(d)
                }
                committee = DecisionBody(id: id.uuidString.lowercased(), name: found.name, departments: departments,
                                         negotiatesWithStaff: input.flag("negotiatesWithStaff", errors: &errors))
                if input.flag("includeCommitteeMembers", errors: &errors) {
                    let seats = try await CommitteeMembership.scoped(to: context.actor.authorityID, on: req.db).filter(\.$committeeID == id).all()
                    committeeMembers = seats.compactMap { seat in seat.memberID.map { ($0, $0 == found.chairMemberID) } }
                }
            } else {
                errors.append(FieldError(field: "committee", message: raw.isEmpty ? "Choose the committee" : "Choose a committee in the directory"))
            }
        }

        if itemInputs.count > maxItems { errors.append(FieldError(field: "items", message: "Give at most \(maxItems) items")) }
        var items: [MatterItem] = []
        var seenIDs: Set<String> = []
        for (index, item) in itemInputs.prefix(maxItems).enumerated() {
            let prefix = form ? "item\(index + 1)-" : "items[\(index)]."
            var itemErrors: [FieldError] = []
            let id = item.text("id").isEmpty ? String(index + 1) : item.text("id")
            if id.count > RegisterFields.maxName { itemErrors.append(FieldError(field: prefix + "id", message: "Keep the item number short")) }
            if !seenIDs.insert(id).inserted { itemErrors.append(FieldError(field: prefix + "id", message: "Item \(id) is given twice")) }
            let itemTitle = item.text("title")
            if itemTitle.isEmpty { itemErrors.append(FieldError(field: prefix + "title", message: "Give the item's title")) }
            else if itemTitle.count > RegisterFields.maxName * 2 { itemErrors.append(FieldError(field: prefix + "title", message: "Keep the title to \(RegisterFields.maxName * 2) characters or fewer")) }
            var tagErrors: [FieldError] = []
            let tags = RegisterFields.tags(item, org: org, wardIDs: wardIDs, business: true, errors: &tagErrors)
            itemErrors += tagErrors.map { FieldError(field: $0.field.hasPrefix(prefix) ? $0.field : prefix + $0.field, message: $0.message) }
            errors += itemErrors
            items.append(MatterItem(id: id, title: itemTitle, tags: tags))
        }

        var participants: [MatterParticipant] = []
        var seen: Set<PersonRef> = []
        for (raw, capacityRaw, field) in people {
            guard let person = RegisterFields.person(raw, org: org) else {
                errors.append(FieldError(field: form ? "participants" : field + (field.hasSuffix("]") ? ".person" : ""), message: "Choose participants in the directory"))
                continue
            }
            var capacity = defaultCapacity(person, kind: kind, chair: false)
            if !capacityRaw.isEmpty {
                if let c = MatterParticipant.Capacity(rawValue: capacityRaw) { capacity = c } else {
                    errors.append(FieldError(field: field + ".capacity", message: "capacity must be one of chair, member, substitute, non-voting-member, panel-member, decision-maker, officer-advising"))
                }
            }
            if seen.insert(person).inserted { participants.append(MatterParticipant(person, as: capacity)) }
        }
        for (member, isChair) in committeeMembers where seen.insert(.member(member)).inserted {
            participants.append(MatterParticipant(.member(member), as: isChair ? .chair : .member))
        }
        if participants.isEmpty, !errors.contains(where: { $0.field.hasPrefix("participants") }) {
            errors.append(FieldError(field: "participants", message: "Choose who takes part"))
        }
        if participants.count > maxParticipants { errors.append(FieldError(field: "participants", message: "Give at most \(maxParticipants) participants")) }

        var matter: Matter?
        // A bad date is already an error; the rest is checked as if today, so every field's problem is named at once.
        if let kind {
            let date = date ?? context.today
            switch kind {
            case .committeeMeeting:
                if items.isEmpty, !errors.contains(where: { $0.field.hasPrefix("item") }) { errors.append(FieldError(field: form ? "item1-title" : "items", message: "Give at least one agenda item")) }
                if let committee { matter = .meeting(id: givenID ?? "meeting:\(committee.id):\(date.iso)", committee: committee, date: date, items: items) }
            case .delegatedDecision:
                if title.isEmpty { errors.append(FieldError(field: "title", message: "Say what the decision is")) }
                if items.count > 1 { errors.append(FieldError(field: "items", message: "A delegated decision is one item: describe what it touches in the first")) }
                matter = .delegatedDecision(id: givenID ?? "decision:\(date.iso):\(MatterReference.slug(title))", title: title, date: date, tags: items.first?.tags ?? [])
            case .recruitmentPanel:
                let process = RegisterFields.required(input, "processID", "Give the selection or appointment process's reference", max: RegisterFields.maxName, errors: &errors)
                let post = RegisterFields.required(input, "post", "Name the post", max: RegisterFields.maxName, errors: &errors)
                if items.count > 1 { errors.append(FieldError(field: "items", message: "A panel is one item: describe anything else it touches in the first")) }
                matter = .recruitmentPanel(processID: process, post: post, date: date, tags: items.first?.tags ?? [])
            case .committeeMembership:
                if let committee { matter = .committeeMembership(committee: committee, date: date) }
            }
        }
        guard errors.isEmpty, let matter else { throw AppError.validation(errors, detail: "The check was not run.") }
        let resolvedTitle = title.isEmpty ? (matter.committee?.name ?? kind?.label ?? "Conflict check") : title
        return ConflictCheckRequest(matter: matter, title: resolvedTitle, participants: participants)
    }

    static func defaultCapacity(_ person: PersonRef, kind: KindName?, chair: Bool) -> MatterParticipant.Capacity {
        switch kind {
        case .delegatedDecision?: return .decisionMaker
        case .recruitmentPanel?: return .panelMember
        default:
            if case .officer = person { return .officerAdvising }
            return chair ? .chair : .member
        }
    }
}

/// References for matters given none: a few words of the title.
enum MatterReference {
    static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.prefix(8).joined(separator: "-")
    }
}
