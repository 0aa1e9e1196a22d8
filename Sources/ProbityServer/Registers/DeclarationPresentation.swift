import Foundation
import ProbityCore

/// One declaration as pages and the API show it to someone the policy lets see it.
struct DeclarationView: Encodable, Sendable {
    struct Relationship: Encodable, Sendable {
        var with: PersonInfo
        var nature: String
        var natureLabel: String
        var undueInfluence: Bool
        var jeopardises: Bool
    }
    struct Determination: Encodable, Sendable {
        var mayContinue: Bool
        var decidedBy: PersonInfo
        var decidedOn: String
        var decidedDisplay: String
        var note: String
    }
    struct Recruitment: Encodable, Sendable {
        var candidateName: String
        var processID: String
        var post: String
        var determination: Determination?
    }
    struct RestrictionInfo: Encodable, Sendable {
        var type: String
        var label: String
        var months: Int?
        var address: String?
        var rentArrearsMonths: Int?
        var union: String?
        var role: String?
        var authority: String?
        var post: String?
    }
    struct Route: Encodable, Sendable {
        var to: [PersonInfo]
        var copyTo: [PersonInfo]
        var informed: [PersonInfo]
        var informedIfUndueInfluence: [PersonInfo]
        var notes: [String]
        var unresolved: [String]
        var rules: [RuleInfo]
    }

    var id: String
    var href: String
    var declarant: PersonInfo
    var kind: String
    var kindLabel: String
    var label: String
    var isPrivate: Bool
    var description: String
    var relatedPersonName: String?
    var category: String?
    var holder: String?
    var meetingID: String?
    var itemIDs: [String]?
    var relationship: Relationship?
    var recruitment: Recruitment?
    var restriction: RestrictionInfo?
    var tags: [String: [String]]
    var touches: [String]
    var sensitivity: String
    var sensitivityLabel: String
    var significant: Bool
    var registeredOn: String
    var registeredDisplay: String
    var ceasedOn: String?
    var ceasedDisplay: String?
    var status: String
    var statusLabel: String
    var route: Route
    /// What the caller may do: `update`, `withdraw`, `determine`, `decide-sensitivity`.
    var actions: [String]

    init(_ record: DeclarationRecord, _ declaration: Declaration, context: RegisterContext) {
        let org = context.org
        id = declaration.id.uuidString.lowercased()
        href = "/registers/declarations/\(id)"
        declarant = context.info(declaration.declarant)
        let kindName = DeclarationKindName(declaration.kind)
        kind = kindName.rawValue
        kindLabel = kindName.label
        label = declaration.kind.label
        isPrivate = kindName.isPrivate
        description = declaration.description
        relatedPersonName = declaration.relatedPersonName
        tags = RegisterFields.values(of: declaration.tags)
        touches = declaration.tags.sorted { "\($0)" < "\($1)" }.map { tag in
            switch tag {
            case .ward(let id): "Ward: \(context.wards[id] ?? "a ward")"
            case .department(let id): "Department: \(org.services[id]?.name ?? org.directorates[id]?.name ?? "a department")"
            case .person(let person): "Person: \(context.name(person))"
            default: tag.phrase.prefix(1).uppercased() + tag.phrase.dropFirst()
            }
        }
        switch declaration.kind {
        case .disclosablePecuniary(let c, let h):
            category = c.rawValue
            holder = h.rawValue
        case .otherRegisterable(let c):
            category = c.rawValue
        case .nonRegisterable(let meeting, let items):
            meetingID = meeting
            itemIDs = items.sorted()
        case .closeRelationship(let r):
            relationship = Relationship(with: context.info(r.with), nature: r.nature.rawValue, natureLabel: r.nature.displayName,
                                        undueInfluence: r.mightBeSeenAsUndulyInfluencing, jeopardises: r.jeopardisesCouncilWork)
        case .recruitment(let link):
            recruitment = Recruitment(candidateName: link.candidateName, processID: link.processID, post: link.post,
                                      determination: link.determination.map {
                                          Determination(mayContinue: $0.mayContinue, decidedBy: context.info($0.decidedBy), decidedOn: $0.decidedOn.iso,
                                                        decidedDisplay: $0.decidedOn.displayLong, note: $0.note)
                                      })
        case .restriction(let r):
            var info = RestrictionInfo(type: DeclarationFields.RestrictionName(r).rawValue, label: r.displayName)
            switch r {
            case .councilTaxArrears(let months): info.months = months
            case .councilTenancy(let address, let months):
                info.address = address
                info.rentArrearsMonths = months
            case .tradeUnion(let union, let role):
                info.union = union
                info.role = role.rawValue
            case .otherAuthorityEmployment(let authority): info.authority = authority
            case .politicallyRestrictedPost(let post, let authority):
                info.post = post
                info.authority = authority
            }
            restriction = info
        }
        sensitivity = declaration.sensitivity.rawValue
        sensitivityLabel = switch declaration.sensitivity {
        case .none: "Published"
        case .requested: "Withheld while the Monitoring Officer decides whether it is sensitive"
        case .agreed: "Withheld as sensitive (Localism Act 2011 s.32)"
        case .refused: "Published: the Monitoring Officer did not agree that it is sensitive"
        }
        significant = declaration.judgedSignificant
        registeredOn = declaration.registeredOn.iso
        registeredDisplay = declaration.registeredOn.displayLong
        ceasedOn = declaration.ceasedOn?.iso
        ceasedDisplay = declaration.ceasedOn?.displayLong
        if record.isWithdrawn {
            status = "withdrawn"
            statusLabel = "Withdrawn"
        } else if declaration.isCurrent(on: context.today) {
            status = "current"
            statusLabel = "Current"
        } else if let ceased = declaration.ceasedOn, ceased <= context.today {
            status = "ceased"
            statusLabel = "Ceased"
        } else {
            status = "current"
            statusLabel = "Current"
        }
        let r = DeclarationRouting.route(declaration, profile: context.profile, org: org)
        route = Route(to: r.to.map(context.info), copyTo: r.copyTo.map(context.info), informed: r.informed.map(context.info),
                      informedIfUndueInfluence: r.informedIfUndueInfluence.map(context.info), notes: r.notes, unresolved: r.unresolved,
                      rules: r.rules.map(RuleInfo.init))
        var actions: [String] = []
        if !record.isWithdrawn {
            if RegisterPolicy.canMaintain(declaration, viewer: context.viewer, profile: context.profile).allowed { actions += ["update", "withdraw"] }
            if declaration.kind.recruitmentLink != nil,
               RegisterPolicy.canRecordDetermination(on: declaration, viewer: context.viewer, profile: context.profile, org: org).allowed {
                actions.append("determine")
            }
            if declaration.kind.isRegisterable, RegisterPolicy.canDecideSensitivity(viewer: context.viewer).allowed { actions.append("decide-sensitivity") }
        }
        self.actions = actions
    }
}

/// A row of a list of entries.
struct DeclarationRow: Encodable, Sendable {
    var id: String
    var href: String
    var declarant: PersonInfo
    var kind: String
    var label: String
    var summary: String
    var registeredOn: String
    var registeredDisplay: String
    var status: String
    var statusLabel: String
    var sensitivity: String
    var withheld: Bool

    init(_ record: DeclarationRecord, _ declaration: Declaration, context: RegisterContext) {
        let view = DeclarationView(record, declaration, context: context)
        id = view.id
        href = view.href
        declarant = view.declarant
        kind = view.kind
        label = view.label
        summary = switch declaration.kind {
        case .closeRelationship(let r): "With \(context.name(r.with)) (\(r.nature.displayName))"
        case .recruitment(let link): "Candidate \(link.candidateName) for \(link.post.isEmpty ? link.processID : link.post)"
        case .restriction(let r):
            switch r {
            case .councilTaxArrears(let months): "\(months) months unpaid"
            case .councilTenancy(let address, let months): months > 0 ? "\(address), \(months) months in rent arrears" : address
            case .tradeUnion(let union, let role): "\(role == .official ? "Official" : "Employee") of \(union)"
            case .otherAuthorityEmployment(let authority): authority
            case .politicallyRestrictedPost(let post, let authority): "\(post), \(authority)"
            }
        default: declaration.description
        }
        registeredOn = view.registeredOn
        registeredDisplay = view.registeredDisplay
        status = view.status
        statusLabel = view.statusLabel
        sensitivity = view.sensitivity
        withheld = declaration.sensitivity.isWithheld
    }
}
