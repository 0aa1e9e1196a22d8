import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

/// An authority with the people complaints involve, mirroring the core's complaint fixture:
/// a Chief Executive, three directors (one of Governance), an Assistant Director, heads of
/// service, a Monitoring Officer below director, an HR director, a nominated complaints officer,
/// officers, a Chair, two group leaders, members and an independent; each with a user.
struct ComplaintWorld {
    enum Who: String, CaseIterable, Sendable {
        // Officers
        case chiefExecutive, placeDirector, peopleDirector, governanceDirector, placeAssistantDirector
        case highwaysHead, highwaysOfficer, housingHead, caseworker, monitoringOfficer, hrDirector
        case complaintsOfficer, witnessOfficer
        // Members
        case chair, leaderA, memberA, leaderB, memberB, independent

        var isMember: Bool { [.chair, .leaderA, .memberA, .leaderB, .memberB, .independent].contains(self) }
    }

    var authorityID: UUID
    var slug: String
    var profileID: String
    var people: [Who: PersonRef]
    var names: [Who: String]
    var assistantEmail: String

    func ref(_ who: Who) -> PersonRef { people[who]! }
    func email(_ who: Who) -> String { "\(who.rawValue.lowercased())@\(slug).test" }
    func name(_ who: Who) -> String { names[who]! }

    /// Monday 30 November 2026, 10:00 in London.
    static let monday = CalendarDate(iso: "2026-11-30")!.instant(hour: 10)

    static func make(_ app: Application, slug: String, profile: String) async throws -> ComplaintWorld {
        let db = app.db
        let hash = try await app.password.async.hash(Fixtures.password)
        let authority = Authority(slug: slug, name: "\(slug.capitalized) Council", profileID: profile, region: .englandAndWales)
        try await authority.create(on: db)
        let a = try authority.requireID()
        func save<M: DirectoryModel>(_ m: M) async throws -> UUID { m.authorityID = a; try await m.create(on: db); return try m.requireID() }

        var names: [Who: String] = [:]
        func name(_ who: Who) -> String {
            let words = who.rawValue.replacingOccurrences(of: "([A-Z])", with: " $1", options: .regularExpression).capitalized
            let text = who.isMember ? "Cllr \(words) of \(slug.capitalized)" : "\(words) of \(slug.capitalized)"
            names[who] = text
            return text
        }

        func directorate(_ title: String) async throws -> Directorate {
            let d = Directorate(); d.name = title; d.authorityID = a
            try await d.create(on: db)
            return d
        }
        let place = try await directorate("Place"), people = try await directorate("People"), governance = try await directorate("Governance")
        func service(_ title: String, _ directorate: Directorate) async throws -> Service {
            let s = Service(); s.name = title; s.directorateID = try directorate.requireID(); s.authorityID = a
            try await s.create(on: db)
            return s
        }
        let highways = try await service("Highways", place), housing = try await service("Housing", people), legal = try await service("Legal", governance)

        var refs: [Who: PersonRef] = [:]
        func officer(_ who: Who, _ post: String, _ designations: [String] = [], directorate: Directorate? = nil,
                     service: Service? = nil, manager: Who? = nil) async throws {
            let o = Officer()
            o.name = name(who); o.jobTitle = who.rawValue; o.post = post; o.designations = designations
            o.directorateID = try directorate?.requireID(); o.serviceID = try service?.requireID()
            o.lineManagerOfficerID = manager.flatMap { refs[$0]?.id }
            o.politicallyRestricted = false; o.email = "\(who.rawValue.lowercased())@\(slug).example"
            refs[who] = .officer(try await save(o))
        }
        try await officer(.chiefExecutive, "chief-executive")
        try await officer(.placeDirector, "corporate-director", directorate: place, manager: .chiefExecutive)
        try await officer(.peopleDirector, "corporate-director", directorate: people, manager: .chiefExecutive)
        try await officer(.governanceDirector, "corporate-director", ["governance-director"], directorate: governance, manager: .chiefExecutive)
        try await officer(.placeAssistantDirector, "assistant-director", directorate: place, manager: .placeDirector)
        try await officer(.highwaysHead, "head-of-service", service: highways, manager: .placeAssistantDirector)
        try await officer(.highwaysOfficer, "officer", service: highways, manager: .highwaysHead)
        try await officer(.housingHead, "head-of-service", service: housing, manager: .peopleDirector)
        try await officer(.caseworker, "officer", service: housing, manager: .housingHead)
        try await officer(.monitoringOfficer, "head-of-service", ["monitoring-officer"], service: legal, manager: .governanceDirector)
        try await officer(.hrDirector, "divisional-director", ["hr-director"], directorate: governance, manager: .governanceDirector)
        try await officer(.complaintsOfficer, "officer", ["complaints-officer"], service: legal, manager: .monitoringOfficer)
        try await officer(.witnessOfficer, "officer", service: highways, manager: .highwaysHead)

        place.directorOfficerID = refs[.placeDirector]?.id; try await place.update(on: db)
        people.directorOfficerID = refs[.peopleDirector]?.id; try await people.update(on: db)
        governance.directorOfficerID = refs[.governanceDirector]?.id; try await governance.update(on: db)
        highways.headOfServiceOfficerID = refs[.highwaysHead]?.id; try await highways.update(on: db)
        housing.headOfServiceOfficerID = refs[.housingHead]?.id; try await housing.update(on: db)
        legal.headOfServiceOfficerID = refs[.monitoringOfficer]?.id; try await legal.update(on: db)

        func group(_ title: String, administration: Bool) async throws -> PartyGroup {
            let g = PartyGroup(); g.name = title; g.isAdministration = administration; g.authorityID = a
            try await g.create(on: db)
            return g
        }
        let groupA = try await group("Group A", administration: true), groupB = try await group("Group B", administration: false)
        func member(_ who: Who, group: PartyGroup?, position: String = "councillor") async throws {
            let m = Member()
            m.name = name(who); m.position = position; m.groupID = try group?.requireID(); m.executiveRole = "none"
            m.email = "\(who.rawValue.lowercased())@\(slug).example"
            refs[who] = .member(try await save(m))
        }
        try await member(.chair, group: groupA, position: "chair")
        try await member(.leaderA, group: groupA)
        try await member(.memberA, group: groupA)
        try await member(.leaderB, group: groupB)
        try await member(.memberB, group: groupB)
        try await member(.independent, group: nil)
        groupA.leaderMemberID = refs[.leaderA]?.id; try await groupA.update(on: db)
        groupB.leaderMemberID = refs[.leaderB]?.id; try await groupB.update(on: db)

        let assistant = GroupAssistant(); assistant.name = "Assistant of \(slug)"; assistant.groupID = try groupA.requireID()
        assistant.actsForMemberIDs = [refs[.memberA]!.id]
        let assistantID = try await save(assistant)

        for who in Who.allCases {
            let person = refs[who]!
            try await User(authorityID: a, email: "\(who.rawValue.lowercased())@\(slug).test", displayName: names[who]!, passwordHash: hash,
                           personKind: who.isMember ? .member : .officer, personID: person.id, isAdministrator: false).create(on: db)
        }
        let assistantEmail = "assistant@\(slug).test"
        try await User(authorityID: a, email: assistantEmail, displayName: "Assistant", passwordHash: hash,
                       personKind: .assistant, personID: assistantID, isAdministrator: false).create(on: db)
        return ComplaintWorld(authorityID: a, slug: slug, profileID: profile, people: refs, names: names, assistantEmail: assistantEmail)
    }

    // MARK: Talking to the server

    func api(_ app: Application, _ who: Who) async throws -> APIClient {
        APIClient(app: app, token: try await Fixtures.token(app, email(who)))
    }

    func browser(_ app: Application, _ who: Who) async throws -> Browser {
        let browser = Browser(app)
        try await browser.signIn(email(who))
        return browser
    }

    /// Makes a complaint through the API as `complainant`; returns the created case's JSON.
    @discardableResult
    func complain(_ app: Application, _ complainant: Who, about subject: Who, kind: String = "complaint",
                  category: String = "behaviour", details: String = "Shouted at me in the council chamber.",
                  sourceLocation: SourceLocation = #_sourceLocation) async throws -> APIClient.Reply {
        let client = try await api(app, complainant)
        let body = """
        {"kind":"\(kind)","subject":"\(ref(subject))","category":"\(category)","details":"\(details)","dates":["2026-11-27"]}
        """
        let reply = try await client.call(.POST, "/api/v1/complaints", json: body)
        #expect(reply.status == .created, "\(reply.body)", sourceLocation: sourceLocation)
        return reply
    }

    /// Takes a step through the API as `who`.
    @discardableResult
    func step(_ app: Application, _ who: Who, _ id: String, _ path: String, _ json: String = "{}") async throws -> APIClient.Reply {
        try await api(app, who).call(.POST, "/api/v1/complaints/\(id)/\(path)", json: json)
    }

    static let acknowledgement = #"{"receipt":"We have received your complaint.","intendedAction":"The director will investigate.","expectedTime":"About four weeks."}"#
}

extension APIClient.Reply {
    /// A string at a path of keys, e.g. `string("rule", "citation")`.
    func string(_ keys: String...) -> String? {
        var value = json
        for key in keys {
            guard case .object(let o)? = value else { return nil }
            value = o[key]
        }
        if case .string(let s)? = value { return s }
        return nil
    }

    func has(_ key: String) -> Bool { self[key] != nil }

    var id: String { string("id") ?? "" }
}
