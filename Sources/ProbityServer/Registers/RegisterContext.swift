import Fluent
import Foundation
import ProbityCore
import Vapor

/// Everything a registers request decides with: who is asking (as `RegisterPolicy` sees them),
/// the authority's protocol and calendar, its directory and wards, and the time.
struct RegisterContext: Sendable {
    var actor: Actor
    var viewer: Viewer
    var current: AuthorityProtocol
    var org: OrgSnapshot
    var wards: [UUID: String]
    var now: Date

    var profile: ProtocolProfile { current.profile }
    var today: CalendarDate { CalendarDate.london(now) }
    /// The signed-in member or officer, when they are one in the directory.
    var person: PersonRef? {
        guard let person = viewer.asPerson else { return nil }
        switch person {
        case .member(let id): return org.members[id] == nil ? nil : person
        case .officer(let id): return org.officers[id] == nil ? nil : person
        }
    }
    var isMonitoringOfficer: Bool { viewer.holds(.monitoringOfficer) }
    var isHRDirector: Bool { viewer.holds(.hrDirector) }
    var rules: RegisterRules { RegisterRules(profile: profile) }

    static func load(_ req: Request) async throws -> RegisterContext {
        let actor = try req.requireActor()
        async let viewer = req.viewer()
        async let current = req.authorityProtocol()
        async let org = req.orgSnapshot()
        async let wards = Ward.scoped(to: actor.authorityID, on: req.db).all()
        let wardNames = Dictionary(try await wards.compactMap { w in w.id.map { ($0, w.name) } }, uniquingKeysWith: { a, _ in a })
        return RegisterContext(actor: actor, viewer: try await viewer, current: try await current, org: try await org,
                               wards: wardNames, now: req.now)
    }

    func name(_ person: PersonRef) -> String { org.name(of: person) }

    func info(_ person: PersonRef) -> PersonInfo { PersonInfo(person: person.description, name: name(person)) }

    /// The declarant the request acts for, or an audited refusal for anyone who is not a
    /// member or officer in the directory.
    func requirePerson(_ req: Request, action: String) async throws -> PersonRef {
        guard let person else {
            throw await req.refusal(action, resourceType: "declaration",
                                    reason: "Declarations are made and kept by members and officers in the directory.")
        }
        return person
    }
}

/// A person as pages and the API show them.
struct PersonInfo: Encodable, Sendable, Hashable {
    var person: String
    var name: String
}

/// A rule with its citation, as pages and the API show it.
struct RuleInfo: Encodable, Sendable, Hashable {
    var ruleId: String
    var citation: String
    var statement: String

    init(_ rule: RuleReference) {
        ruleId = rule.ruleId
        citation = rule.citation
        statement = rule.statement
    }
}
