import Fluent
import ProbityCore
import Vapor

/// Seeds a fictional authority, "Demo Borough Council", with wards, political groups, members,
/// committees, directorates, services, officers, assistants and sign-ins for each kind of user.
/// Idempotent: when the authority exists, nothing is written and the sign-ins are listed again.
public enum DemoSeeder {
    public static let slug = "demo"
    public static let password = "demo-password-2026"

    public struct Login: Sendable, Codable {
        public var email: String
        public var role: String
    }

    public struct Summary: Sendable {
        public var created: Bool
        public var authorityName: String
        public var logins: [Login]

        public func banner(url: String) -> String {
            var lines = [
                "",
                "Probity is running at \(url)",
                created ? "Demo authority '\(authorityName)' created." : "Demo authority '\(authorityName)' already present.",
                "",
                "Demo sign-ins (password for all: \(DemoSeeder.password)):",
            ]
            let width = logins.map(\.email.count).max() ?? 0
            for login in logins {
                lines.append("  \(login.email.padding(toLength: width, withPad: " ", startingAt: 0))  \(login.role)")
            }
            lines.append("")
            lines.append("Press Ctrl+C to stop.")
            return lines.joined(separator: "\n")
        }
    }

    static let logins: [Login] = [
        Login(email: "admin@demo.probity.test", role: "Administrator and platform administrator"),
        Login(email: "monitoring.officer@demo.probity.test", role: "Monitoring Officer (Director of Governance)"),
        Login(email: "chief.executive@demo.probity.test", role: "Chief Executive"),
        Login(email: "head.highways@demo.probity.test", role: "Head of Highways"),
        Login(email: "cllr.okafor@demo.probity.test", role: "Councillor, Leader (administration group)"),
        Login(email: "cllr.hughes@demo.probity.test", role: "Councillor, opposition group leader"),
        Login(email: "assistant.forward@demo.probity.test", role: "Political group assistant"),
    ]

    public static func seed(_ app: Application) async throws -> Summary {
        if let existing = try await Authority.query(on: app.db).filter(\.$slug == slug).first() {
            return Summary(created: false, authorityName: existing.name, logins: logins)
        }
        let hash = try await app.password.async.hash(password)
        let now = app.probity.clock.now
        let name = try await app.write { db in try await build(on: db, passwordHash: hash, at: now) }
        try await DemoInformation.seed(app, at: now)
        return Summary(created: true, authorityName: name, logins: logins)
    }

    private static func build(on db: any Database, passwordHash: String, at now: Date) async throws -> String {
        let authority = Authority(slug: slug, name: "Demo Borough Council", profileID: "tower-hamlets", region: .englandAndWales)
        try await authority.create(on: db)
        let a = try authority.requireID()

        func save<M: DirectoryModel>(_ model: M) async throws -> M {
            model.authorityID = a
            try await model.create(on: db)
            return model
        }

        var wards: [String: Ward] = [:]
        for wardName in ["Abbey Fields", "Brookside", "Castle Hill", "Dockside", "Elm Park", "Fairwater", "Greenway", "Harbour"] {
            let w = Ward()
            w.name = wardName
            wards[wardName] = try await save(w)
        }

        func group(_ name: String, administration: Bool) async throws -> PartyGroup {
            let g = PartyGroup()
            g.name = name
            g.isAdministration = administration
            return try await save(g)
        }
        let forward = try await group("Forward Together Group", administration: true)
        let community = try await group("Community First Group", administration: false)
        let independents = try await group("Independent Group", administration: false)

        func member(_ name: String, ward: String?, group: PartyGroup?, position: String = "councillor",
                    role: String = "none", portfolio: String? = nil) async throws -> Member {
            let m = Member()
            m.name = name
            m.position = position
            m.wardID = ward.flatMap { wards[$0]?.id }
            m.groupID = group?.id
            m.executiveRole = role
            m.portfolio = portfolio
            m.email = "cllr.\(name.split(separator: " ").last!.lowercased())@demo.probity.test"
            return try await save(m)
        }
        let okafor = try await member("Grace Okafor", ward: "Abbey Fields", group: forward, role: "leader", portfolio: "Strategy and Resources")
        let patel = try await member("Ravi Patel", ward: "Brookside", group: forward, role: "deputy-leader", portfolio: "Housing")
        let nowak = try await member("Anna Nowak", ward: "Castle Hill", group: forward, role: "cabinet-member", portfolio: "Environment and Transport")
        let osei = try await member("Kwame Osei", ward: "Dockside", group: forward, role: "cabinet-member", portfolio: "Children and Families")
        let lewis = try await member("Megan Lewis", ward: "Elm Park", group: forward)
        let begum = try await member("Shahana Begum", ward: "Abbey Fields", group: forward)
        let hughes = try await member("Tom Hughes", ward: "Fairwater", group: community)
        let clarke = try await member("Hannah Clarke", ward: "Greenway", group: community)
        let walsh = try await member("Declan Walsh", ward: "Harbour", group: community)
        let fraser = try await member("Iona Fraser", ward: "Brookside", group: independents)
        _ = try await member("Peter Adeyemi", ward: "Castle Hill", group: forward, position: "mayor")
        let coopted = try await member("Dr Helen Marsh", ward: nil, group: nil, position: "coopted-voting")

        forward.leaderMemberID = okafor.id
        forward.whipMemberID = lewis.id
        try await forward.update(on: db)
        community.leaderMemberID = hughes.id
        community.whipMemberID = walsh.id
        try await community.update(on: db)
        independents.leaderMemberID = fraser.id
        try await independents.update(on: db)

        func committee(_ name: String, kind: String, chair: Member, terms: String, members: [Member]) async throws {
            let c = Committee()
            c.name = name
            c.committeeKind = kind
            c.chairMemberID = chair.id
            c.termsOfReference = terms
            _ = try await save(c)
            for m in members {
                let seat = CommitteeMembership()
                seat.committeeID = c.id
                seat.memberID = m.id
                seat.role = "member"
                _ = try await save(seat)
            }
        }
        try await committee("Cabinet", kind: "cabinet", chair: okafor, terms: "Executive decisions within the budget and policy framework.",
                            members: [okafor, patel, nowak, osei])
        try await committee("Overview and Scrutiny Committee", kind: "overview-and-scrutiny", chair: hughes,
                            terms: "Scrutiny of Cabinet decisions and policy development across all services.", members: [hughes, clarke, lewis, begum, fraser, coopted])
        try await committee("Planning Committee", kind: "regulatory", chair: lewis, terms: "Determination of planning applications referred to committee.",
                            members: [lewis, begum, walsh, clarke])
        try await committee("Licensing Committee", kind: "regulatory", chair: begum, terms: "Licensing Act 2003 and Gambling Act 2005 functions.",
                            members: [begum, walsh, fraser])
        try await committee("Standards Committee", kind: "standards", chair: clarke, terms: "Promoting high standards of conduct; monitoring the member/officer protocol.",
                            members: [clarke, lewis, coopted])

        func directorate(_ name: String) async throws -> Directorate {
            let d = Directorate()
            d.name = name
            return try await save(d)
        }
        let ceo = try await directorate("Chief Executive's Office")
        let place = try await directorate("Place")
        let people = try await directorate("People")
        let resources = try await directorate("Resources")
        let governance = try await directorate("Governance")

        func service(_ name: String, _ d: Directorate) async throws -> Service {
            let s = Service()
            s.name = name
            s.directorateID = d.id
            return try await save(s)
        }
        let highways = try await service("Highways", place)
        let waste = try await service("Waste and Recycling", place)
        let planning = try await service("Planning and Building Control", place)
        let housing = try await service("Housing", people)
        let adults = try await service("Adult Social Care", people)
        let children = try await service("Children's Services", people)
        let revenues = try await service("Revenues and Benefits", resources)
        let hr = try await service("Human Resources", resources)
        let legal = try await service("Legal and Democratic Services", governance)
        let comms = try await service("Communications", ceo)

        func officer(_ name: String, _ title: String, post: String, directorate: Directorate?, service: Service?, manager: Officer?,
                     designations: [OrgRole] = [], restricted: Bool = false) async throws -> Officer {
            let o = Officer()
            o.name = name
            o.jobTitle = title
            o.post = post
            o.designations = designations.map(\.rawValue)
            o.directorateID = directorate?.id
            o.serviceID = service?.id
            o.lineManagerOfficerID = manager?.id
            o.politicallyRestricted = restricted
            o.email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@demo.probity.test"
            return try await save(o)
        }
        let chief = try await officer("Margaret Ellison", "Chief Executive", post: "chief-executive", directorate: ceo, service: nil, manager: nil, restricted: true)
        let mo = try await officer("Daniel Reid", "Director of Governance and Monitoring Officer", post: "corporate-director", directorate: governance, service: legal,
                                   manager: chief, designations: [.monitoringOfficer, .governanceDirector], restricted: true)
        let placeDirector = try await officer("Priya Shah", "Corporate Director, Place", post: "corporate-director", directorate: place, service: nil, manager: chief, restricted: true)
        let peopleDirector = try await officer("Owen Price", "Corporate Director, People", post: "corporate-director", directorate: people, service: nil, manager: chief, restricted: true)
        let resourcesDirector = try await officer("Laura Bennett", "Corporate Director, Resources (s151 officer)", post: "corporate-director", directorate: resources,
                                                  service: nil, manager: chief, designations: [.chiefFinanceOfficer], restricted: true)
        let highwaysHead = try await officer("Sam Turner", "Head of Highways", post: "head-of-service", directorate: place, service: highways, manager: placeDirector)
        let wasteHead = try await officer("Joanne Kelly", "Head of Waste and Recycling", post: "head-of-service", directorate: place, service: waste, manager: placeDirector)
        let planningHead = try await officer("Marcus Green", "Head of Planning", post: "head-of-service", directorate: place, service: planning, manager: placeDirector, restricted: true)
        let housingHead = try await officer("Fatima Ali", "Head of Housing", post: "head-of-service", directorate: people, service: housing, manager: peopleDirector)
        let adultsHead = try await officer("Robert Hale", "Head of Adult Social Care", post: "head-of-service", directorate: people, service: adults, manager: peopleDirector)
        let childrenHead = try await officer("Nadia Rahman", "Head of Children's Services", post: "head-of-service", directorate: people, service: children, manager: peopleDirector)
        let revenuesHead = try await officer("Chris Dunn", "Head of Revenues and Benefits", post: "head-of-service", directorate: resources, service: revenues, manager: resourcesDirector)
        let hrHead = try await officer("Helen Ward", "Director of HR", post: "assistant-director", directorate: resources, service: hr, manager: resourcesDirector, designations: [.hrDirector])
        let legalHead = try await officer("Simon Blake", "Head of Legal and Democratic Services", post: "head-of-service", directorate: governance, service: legal, manager: mo,
                                          designations: [.complaintsOfficer])
        let commsHead = try await officer("Lucy Moore", "Head of Communications", post: "head-of-service", directorate: ceo, service: comms, manager: chief,
                                          designations: [.communications], restricted: true)
        let liaison = try await officer("Ben Carter", "Highways Member Liaison Officer", post: "officer", directorate: place, service: highways, manager: highwaysHead)
        let memberServices = try await officer("Aisha Khan", "Member Services Officer", post: "officer", directorate: governance, service: legal, manager: legalHead,
                                               designations: [.memberServices, .foiOfficer])
        _ = try await officer("Jack Evans", "Highways Inspector", post: "officer", directorate: place, service: highways, manager: highwaysHead)
        _ = try await officer("Ellie Ward", "Housing Officer", post: "officer", directorate: people, service: housing, manager: housingHead)

        for (d, director) in [(ceo, chief), (place, placeDirector), (people, peopleDirector), (resources, resourcesDirector), (governance, mo)] {
            d.directorOfficerID = director.id
            try await d.update(on: db)
        }
        for (s, head) in [(highways, highwaysHead), (waste, wasteHead), (planning, planningHead), (housing, housingHead), (adults, adultsHead),
                          (children, childrenHead), (revenues, revenuesHead), (hr, hrHead), (legal, legalHead), (comms, commsHead)] {
            s.headOfServiceOfficerID = head.id
            s.complaintsOfficerID = legalHead.id
            try await s.update(on: db)
        }
        highways.liaisonOfficerID = liaison.id
        try await highways.update(on: db)

        let forwardAssistant = GroupAssistant()
        forwardAssistant.name = "Tariq Hussain"
        forwardAssistant.groupID = forward.id
        forwardAssistant.actsForMemberIDs = [okafor.id!, lewis.id!, begum.id!]
        _ = try await save(forwardAssistant)
        let communityAssistant = GroupAssistant()
        communityAssistant.name = "Rachel Price"
        communityAssistant.groupID = community.id
        communityAssistant.actsForMemberIDs = [hughes.id!, clarke.id!]
        _ = try await save(communityAssistant)
        let worker = PartyWorker()
        worker.name = "Gary Stone"
        worker.groupID = community.id
        worker.notes = "Campaign volunteer; no access to council information."
        _ = try await save(worker)

        func user(_ email: String, _ display: String, kind: User.PersonKind, person: UUID?, admin: Bool = false, platform: Bool = false) async throws {
            try await User(authorityID: a, email: email, displayName: display, passwordHash: passwordHash, personKind: kind, personID: person,
                           isAdministrator: admin, isPlatformAdmin: platform).create(on: db)
        }
        try await user("admin@demo.probity.test", "Aisha Khan", kind: .officer, person: memberServices.id, admin: true, platform: true)
        try await user("monitoring.officer@demo.probity.test", "Daniel Reid", kind: .officer, person: mo.id)
        try await user("chief.executive@demo.probity.test", "Margaret Ellison", kind: .officer, person: chief.id)
        try await user("head.highways@demo.probity.test", "Sam Turner", kind: .officer, person: highwaysHead.id)
        try await user("cllr.okafor@demo.probity.test", "Cllr Grace Okafor", kind: .member, person: okafor.id)
        try await user("cllr.hughes@demo.probity.test", "Cllr Tom Hughes", kind: .member, person: hughes.id)
        try await user("assistant.forward@demo.probity.test", "Tariq Hussain", kind: .assistant, person: forwardAssistant.id)

        try await DemoRegisters.seed(on: db, authorityID: a, people: .init(leader: okafor.id!, deputy: patel.id!, whip: lewis.id!, opposition: hughes.id!, member: begum.id!, coopted: coopted.id!, monitoringOfficer: mo.id!, liaisonOfficer: liaison.id!, headOfService: highwaysHead.id!), at: now)
        try await AuditLog.append(AuditEvent(authorityID: a, actorUserID: nil, actorName: "probity demo", action: "demo.seed",
                                             resourceType: "authority", resourceID: a.uuidString, detail: ["slug": slug]), on: db, at: now)
        return authority.name
    }
}
