import Fluent
import Foundation
import ProbityCore
import Vapor

/// Fills a database with a large fictional authority and years of history, for the benchmarks
/// in Benchmarks/ (`probity bench seed`). Everything goes through the real models into the
/// real, migrated schema; states are built with the core's types, deadlines by the authority's
/// WorkingCalendar and routing by the core's EnquiryRouter, so the server reads the data as
/// its own. Rows are inserted many at a time, in batches, one transaction per batch; the
/// audit trail gets one summary entry per batch (it stays a valid chain).
public enum BenchmarkSeeder {
    public static let password = "bench-password-2026"

    public struct Options: Sendable {
        public var slug = "bench"
        public var members = 70
        public var officers = 3_000
        public var enquiries = 200_000
        public var complaints = 5_000
        public var declarations = 20_000
        public var years = 10
        public var batchSize = 500
        public var progress: (@Sendable (String) -> Void)?
        public init() {}
    }

    public struct Summary: Sendable, Codable {
        public var authority: String
        public var slug: String
        public var members: Int
        public var officers: Int
        public var enquiries: Int
        public var overdueEnquiries: Int
        public var openEnquiries: Int
        public var complaints: Int
        public var declarations: Int
        public var seconds: Double
        /// Sign-ins (password `BenchmarkSeeder.password`): an officer who sees every enquiry, and a member.
        public var listUserEmail: String
        public var createUserEmail: String
        /// What a created enquiry needs: the member, a service and the member's ward.
        public var memberID: String
        public var serviceID: String
        public var wardID: String
    }

    /// Deterministic, fast pseudo-random numbers (a linear congruential generator).
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func chance(_ percent: Double) -> Bool { Double(next(1_000_000)) < percent * 10_000 }
    }

    struct Directory {
        var authorityID: UUID
        var members: [Member] = []
        var wards: [UUID] = []
        var services: [Service] = []
        var officersByService: [UUID: [UUID]] = [:]
        var officers: [UUID] = []
        var memberServicesOfficer: UUID
        var chiefExecutive: UUID
        var listUser = ""
        var createUser = ""
    }

    public static func seed(_ app: Application, options: Options) async throws -> Summary {
        let started = Date()
        if try await Authority.query(on: app.db).filter(\.$slug == options.slug).first() != nil {
            throw ProbityRuntime.CommandError(lines: ["An authority with the slug '\(options.slug)' already exists. Seed into an empty database, or choose another --slug."])
        }
        let now = app.probity.clock.now
        let hash = try await app.password.async.hash(password)
        let say = options.progress ?? { _ in }
        var random = Random(state: 2026)

        let directory = try await app.write { db in try await makeDirectory(on: db, options: options, passwordHash: hash, now: now) }
        say("Directory: \(directory.members.count) members, \(directory.officers.count) officers, \(directory.services.count) services")
        let current = try await AuthorityProtocol.load(authorityID: directory.authorityID, on: app.db)
        let org = try await OrgSnapshot.load(authorityID: directory.authorityID, on: app.db)

        let (open, overdue) = try await seedEnquiries(app, directory: directory, current: current, org: org, options: options, now: now, random: &random, say: say)
        let complaints = try await seedComplaints(app, directory: directory, current: current, org: org, options: options, now: now, random: &random, say: say)
        let declarations = try await seedDeclarations(app, directory: directory, options: options, now: now, random: &random, say: say)

        let member = directory.members[3]
        return Summary(
            authority: "Benchmark Borough Council", slug: options.slug, members: directory.members.count, officers: directory.officers.count,
            enquiries: options.enquiries, overdueEnquiries: overdue, openEnquiries: open, complaints: complaints, declarations: declarations,
            seconds: Date().timeIntervalSince(started), listUserEmail: directory.listUser, createUserEmail: directory.createUser,
            memberID: member.id!.uuidString.lowercased(), serviceID: directory.services[0].id!.uuidString.lowercased(),
            wardID: member.wardID!.uuidString.lowercased())
    }

    // MARK: Directory

    private static func makeDirectory(on db: any Database, options: Options, passwordHash: String, now: Date) async throws -> Directory {
        let authority = Authority(slug: options.slug, name: "Benchmark Borough Council", profileID: "tower-hamlets", region: .englandAndWales)
        try await authority.create(on: db)
        let a = try authority.requireID()
        let domain = "\(options.slug).probity.test"

        let wards: [Ward] = (0..<max(1, options.members / 3)).map { n in
            let w = Ward(); w.id = UUID(); w.authorityID = a; w.name = "Ward \(n + 1)"; w.gssCode = nil; return w
        }
        try await wards.create(on: db)
        let groups: [PartyGroup] = ["Administration Group", "Opposition Group", "Independent Group"].enumerated().map { n, name in
            let g = PartyGroup(); g.id = UUID(); g.authorityID = a; g.name = name; g.isAdministration = n == 0
            g.leaderMemberID = nil; g.whipMemberID = nil; return g
        }
        try await groups.create(on: db)
        let members: [Member] = (0..<options.members).map { n in
            let m = Member(); m.id = UUID(); m.authorityID = a
            m.name = "Councillor \(n + 1)"
            m.position = "councillor"
            m.wardID = wards[n % wards.count].id
            m.groupID = groups[n % 5 < 3 ? 0 : (n % 5 == 3 ? 1 : 2)].id
            m.executiveRole = n == 0 ? "leader" : (n < 8 ? "cabinet-member" : "none")
            m.portfolio = n < 8 ? "Portfolio \(n + 1)" : nil
            m.email = "cllr\(n + 1)@\(domain)"
            return m
        }
        try await members.create(on: db)
        for g in groups {
            let own = members.filter { $0.groupID == g.id }
            g.leaderMemberID = own.first?.id
            g.whipMemberID = own.dropFirst().first?.id
            try await g.update(on: db)
        }

        let directorates: [Directorate] = ["Chief Executive's Office", "Place", "People", "Resources", "Governance"].map { name in
            let d = Directorate(); d.id = UUID(); d.authorityID = a; d.name = name; d.directorOfficerID = nil; return d
        }
        try await directorates.create(on: db)
        let services: [Service] = (0..<40).map { n in
            let s = Service(); s.id = UUID(); s.authorityID = a
            s.name = "Service \(n + 1)"
            s.directorateID = directorates[n % directorates.count].id
            s.headOfServiceOfficerID = nil; s.liaisonOfficerID = nil; s.complaintsOfficerID = nil
            return s
        }
        try await services.create(on: db)

        var officers: [Officer] = []
        func officer(_ name: String, _ title: String, post: String, directorate: Directorate?, service: Service?, manager: UUID?,
                     designations: [OrgRole] = [], restricted: Bool = false) -> Officer {
            let o = Officer(); o.id = UUID(); o.authorityID = a
            o.name = name; o.jobTitle = title; o.post = post
            o.designations = designations.map(\.rawValue)
            o.directorateID = directorate?.id; o.serviceID = service?.id; o.lineManagerOfficerID = manager
            o.politicallyRestricted = restricted
            o.email = "officer\(officers.count + 1)@\(domain)"
            officers.append(o)
            return o
        }
        let chief = officer("Chief Executive", "Chief Executive", post: "chief-executive", directorate: directorates[0], service: nil, manager: nil, restricted: true)
        var directors: [Officer] = []
        for (n, d) in directorates.enumerated() {
            let roles: [OrgRole] = n == 4 ? [.monitoringOfficer, .governanceDirector] : (n == 3 ? [.chiefFinanceOfficer] : [])
            let director = n == 0 ? chief : officer("Director \(n)", "Corporate Director, \(d.name)", post: "corporate-director", directorate: d,
                                                    service: nil, manager: chief.id, designations: roles, restricted: true)
            d.directorOfficerID = director.id
            directors.append(director)
        }
        var heads: [Officer] = []
        var leaders: [UUID: [UUID]] = [:]
        var byService: [UUID: [UUID]] = [:]
        for (n, s) in services.enumerated() {
            let d = directorates[n % directorates.count]
            let extra: [OrgRole] = n == 4 ? [.complaintsOfficer] : (n == 3 ? [.hrDirector] : (n == 0 ? [.communications] : []))
            let head = officer("Head of \(s.name)", "Head of \(s.name)", post: "head-of-service", directorate: d, service: s,
                               manager: directors[n % directorates.count].id, designations: extra)
            let liaison = officer("Liaison \(n + 1)", "\(s.name) Member Liaison Officer", post: "officer", directorate: d, service: s, manager: head.id)
            s.headOfServiceOfficerID = head.id
            s.liaisonOfficerID = liaison.id
            heads.append(head)
            byService[s.id!] = [head.id!, liaison.id!]
            leaders[s.id!] = (0..<4).map { t in
                officer("Team Leader \(n + 1)-\(t + 1)", "Team Leader", post: "manager", directorate: d, service: s, manager: head.id).id!
            }
            byService[s.id!]! += leaders[s.id!]!
        }
        let complaintsOfficer = heads[4]
        for s in services { s.complaintsOfficerID = complaintsOfficer.id }
        let memberServices = officer("Member Services Officer", "Member Services Officer", post: "officer", directorate: directorates[4],
                                     service: services[4], manager: heads[4].id, designations: [.memberServices, .foiOfficer])
        var n = 0
        while officers.count < options.officers {
            let s = services[n % services.count]
            let team = leaders[s.id!]!
            let o = officer("Officer \(officers.count + 1)", "Officer", post: "officer", directorate: directorates[(n % services.count) % directorates.count],
                            service: s, manager: team[(n / services.count) % team.count])
            byService[s.id!]!.append(o.id!)
            n += 1
        }
        for chunk in stride(from: 0, to: officers.count, by: 500) {
            try await Array(officers[chunk..<min(chunk + 500, officers.count)]).create(on: db)
        }
        for d in directorates { try await d.update(on: db) }
        for s in services { try await s.update(on: db) }

        for (g, group) in groups.enumerated() {
            let assistant = GroupAssistant(); assistant.authorityID = a
            assistant.name = "Group Assistant \(g + 1)"
            assistant.groupID = group.id
            assistant.actsForMemberIDs = members.filter { $0.groupID == group.id }.prefix(5).map { $0.id! }
            assistant.email = "assistant\(g + 1)@\(domain)"
            try await assistant.create(on: db)
        }
        for (c, name) in ["Cabinet", "Overview and Scrutiny Committee", "Planning Committee", "Licensing Committee", "Standards Committee"].enumerated() {
            let committee = Committee(); committee.id = UUID(); committee.authorityID = a
            committee.name = name
            committee.committeeKind = ["cabinet", "overview-and-scrutiny", "regulatory", "regulatory", "standards"][c]
            committee.chairMemberID = members[c * 8].id
            committee.termsOfReference = nil
            try await committee.create(on: db)
            let seats: [CommitteeMembership] = (0..<12).map { s in
                let seat = CommitteeMembership(); seat.authorityID = a
                seat.committeeID = committee.id; seat.memberID = members[(c * 8 + s) % members.count].id; seat.role = "member"
                return seat
            }
            try await seats.create(on: db)
        }

        let listUser = "chief.executive@\(domain)"
        let createUser = "councillor@\(domain)"
        try await User(authorityID: a, email: "admin@\(domain)", displayName: "Member Services Officer", passwordHash: passwordHash,
                       personKind: .officer, personID: memberServices.id, isAdministrator: true).create(on: db)
        try await User(authorityID: a, email: listUser, displayName: "Chief Executive", passwordHash: passwordHash,
                       personKind: .officer, personID: chief.id).create(on: db)
        try await User(authorityID: a, email: "monitoring.officer@\(domain)", displayName: "Director 4", passwordHash: passwordHash,
                       personKind: .officer, personID: directors[4].id).create(on: db)
        try await User(authorityID: a, email: createUser, displayName: "Councillor 4", passwordHash: passwordHash,
                       personKind: .member, personID: members[3].id).create(on: db)
        try await AuditLog.append(AuditEvent(authorityID: a, actorUserID: nil, actorName: "probity bench seed", action: "bench.seed.directory",
                                             resourceType: "authority", resourceID: a.uuidString,
                                             detail: ["members": String(members.count), "officers": String(officers.count)]), on: db, at: now)

        var directory = Directory(authorityID: a, memberServicesOfficer: memberServices.id!, chiefExecutive: chief.id!)
        directory.members = members
        directory.wards = wards.map { $0.id! }
        directory.services = services
        directory.officersByService = byService
        directory.officers = officers.map { $0.id! }
        directory.listUser = listUser
        directory.createUser = createUser
        return directory
    }

    // MARK: Enquiries

    private static let subjects = ["Missed bin collection", "Pothole on the high street", "Housing repair not done", "Street light out",
                                   "Noise from a neighbour", "Parking permit query", "Fly-tipping in an alley", "School place appeal",
                                   "Council tax bill query", "Tree overhanging the pavement", "Damp in a council flat", "Planning application query"]

    private static func seedEnquiries(_ app: Application, directory: Directory, current: AuthorityProtocol, org: OrgSnapshot, options: Options,
                                      now: Date, random: inout Random, say: (String) -> Void) async throws -> (open: Int, overdue: Int) {
        let day: TimeInterval = 86_400
        let span = Double(options.years) * 365 * day
        let start = now.addingTimeInterval(-span)
        let today = CalendarDate.london(now)
        var counters: [Int: Int] = [:]
        var open = 0, overdue = 0
        var batchStart = 0
        let total = options.enquiries
        while batchStart < total {
            let batchEnd = min(batchStart + options.batchSize * 4, total)
            var records: [EnquiryRecord] = []
            var handlers: [EnquiryHandler] = []
            var replies: [EnquiryReply] = []
            for i in batchStart..<batchEnd {
                // Spread evenly over the years, at office hours, oldest first.
                let receivedAt = start.addingTimeInterval(span * Double(i) / Double(total) + Double(random.next(8 * 3600)))
                let member = directory.members[random.next(directory.members.count)]
                let service = directory.services[random.next(directory.services.count)]
                let raisedBy: EnquiryRaisedBy = random.next(10) == 0
                    ? .memberServices(officerID: directory.memberServicesOfficer, memberID: member.id!) : .member(member.id!)
                let routine = random.next(20) != 0
                let draft = EnquiryDraft(memberID: member.id!, channel: .email, subject: subjects[random.next(subjects.count)],
                                         details: "Enquiry \(i + 1): a resident has asked me to raise this with the service.",
                                         purpose: .wardCasework, serviceID: service.id!, wardID: member.wardID, markedNonRoutine: !routine,
                                         constituent: Constituent(name: "Resident \(i + 1)", contact: "resident\(i + 1)@example.test", consentToShare: random.next(2) == 0))
                guard case .success(let routing) = EnquiryRouter.route(routine: draft.isRoutine, serviceID: service.id!, memberID: member.id!,
                                                                       profile: current.profile, org: org) else {
                    throw ProbityRuntime.CommandError(lines: ["Enquiry routing failed for the benchmark directory"])
                }
                let deadlines = EnquiryDeadlines.compute(receivedAt: receivedAt, profile: current.profile, calendar: current.calendar)
                var state = EnquiryState.registered(draft, raisedBy: raisedBy, serviceID: service.id!, routing: routing, receivedAt: receivedAt)
                let handler = routing.officerID
                // What became of it: nearly everything old was answered (most then closed); a
                // few stragglers are still open and overdue; recent ones are at every stage.
                let ageDays = now.timeIntervalSince(receivedAt) / day
                let due = deadlines.respondBy < today
                let outcome: EnquiryStatus
                if ageDays > 60 {
                    let r = random.next(1000)
                    outcome = r < 7 ? (r < 3 ? .received : .acknowledged) : (r < 150 ? .responded : .closed)
                } else if due {
                    let r = random.next(100)
                    outcome = r < 15 ? (r < 5 ? .received : .acknowledged) : (r < 85 ? .responded : .closed)
                } else {
                    let r = random.next(100)
                    outcome = r < 40 ? .received : (r < 70 ? .acknowledged : .responded)
                }
                var last = receivedAt
                if outcome != .received, random.next(3) == 0 || outcome == .acknowledged {
                    last = min(now, receivedAt.addingTimeInterval(day * Double(1 + random.next(2))))
                    state.acknowledgement = EnquiryAcknowledgement(at: last)
                    state.status = .acknowledged
                }
                if outcome == .responded || outcome == .closed {
                    last = min(now, receivedAt.addingTimeInterval(day * Double(2 + random.next(13))))
                    state.responses.append(EnquiryResponse(at: last, route: .toMember, confidential: false, byOfficerID: handler))
                    state.status = .responded
                    replies.append(EnquiryReply(enquiryID: UUID(), position: 0, body: "Thank you for raising this. The service has dealt with it."))
                }
                if outcome == .closed {
                    last = min(now, last.addingTimeInterval(day * Double(1 + random.next(20))))
                    state.closings.append(EnquiryStatusChange(at: last, reason: "Answered; nothing further to do."))
                    state.status = .closed
                }
                if state.status.awaitsResponse {
                    open += 1
                    if due { overdue += 1 }
                }

                let id = UUID()
                if state.status == .responded || state.status == .closed { replies[replies.count - 1].enquiryID = id }
                let year = CalendarDate.london(receivedAt).year
                let number = (counters[year] ?? 0) + 1
                counters[year] = number
                let record = EnquiryRecord()
                record.id = id
                record.authorityID = directory.authorityID
                record.reference = "ENQ-\(year)-" + String(format: "%05d", number)
                record.memberID = member.id!
                record.assistantID = raisedBy.assistantID
                record.loggedByOfficerID = raisedBy.loggingOfficerID
                record.serviceID = service.id!
                record.wardID = member.wardID
                record.subject = draft.subject
                record.routine = routing.routine
                record.receivedAt = receivedAt
                record.currentHandlerID = handler
                EnquiryService.setDeadlines(record, deadlines)
                record.draftJSON = try StoredJSON.text(draft)
                try record.store(state, at: last)
                record.respondedAt = state.lastResponse?.at
                record.closedAt = state.status == .closed ? last : nil
                records.append(record)
                handlers.append(EnquiryHandler(enquiryID: id, officerID: handler))
            }
            let first = records.first!.reference, lastReference = records.last!.reference, count = records.count
            let (r, h, p) = (records, handlers, replies)
            let batch = options.batchSize
            try await app.write { db in
                for chunk in stride(from: 0, to: r.count, by: batch) { try await Array(r[chunk..<min(chunk + batch, r.count)]).create(on: db) }
                for chunk in stride(from: 0, to: h.count, by: batch * 4) { try await Array(h[chunk..<min(chunk + batch * 4, h.count)]).create(on: db) }
                for chunk in stride(from: 0, to: p.count, by: batch * 4) { try await Array(p[chunk..<min(chunk + batch * 4, p.count)]).create(on: db) }
                try await AuditLog.append(AuditEvent(authorityID: directory.authorityID, actorUserID: nil, actorName: "probity bench seed",
                                                     action: "bench.seed.enquiries", resourceType: "authority", resourceID: directory.authorityID.uuidString,
                                                     detail: ["count": String(count), "first": first, "last": lastReference]), on: db, at: now)
            }
            batchStart = batchEnd
            if batchStart % 20_000 == 0 || batchStart == total { say("Enquiries: \(batchStart) of \(total)") }
        }
        return (open, overdue)
    }

    // MARK: Complaints

    private static func seedComplaints(_ app: Application, directory: Directory, current: AuthorityProtocol, org: OrgSnapshot, options: Options,
                                       now: Date, random: inout Random, say: (String) -> Void) async throws -> Int {
        let day: TimeInterval = 86_400
        let span = Double(options.years) * 365 * day
        let start = now.addingTimeInterval(-span)
        let today = CalendarDate.london(now)
        var counters: [Int: Int] = [:]
        var made = 0
        var batchStart = 0
        while batchStart < options.complaints {
            let batchEnd = min(batchStart + options.batchSize, options.complaints)
            var pending: [(ComplaintRecord, ComplaintCase)] = []
            for i in batchStart..<batchEnd {
                let receivedAt = start.addingTimeInterval(span * Double(i) / Double(options.complaints) + Double(random.next(8 * 3600)))
                let member = PersonRef.member(directory.members[random.next(directory.members.count)].id!)
                let officer = PersonRef.officer(directory.officers[6 + random.next(directory.officers.count - 6)])
                let memberComplains = random.next(2) == 0
                let kind: ComplaintKind = memberComplains ? (random.next(4) == 0 ? .breachOfProtocol : .complaint)
                    : [ComplaintKind.complaint, .breachOfProtocol, .improperInfluence][random.next(3)]
                let category: ComplaintCategory = [ComplaintCategory.conduct, .behaviour, .performance, .bullyingOrHarassment, .other][random.next(5)]
                let id = UUID()
                let opened: OpenedComplaint
                do {
                    opened = try ComplaintIntake.open(id: id, kind: kind, category: category, complainant: memberComplains ? member : officer,
                                                      subject: memberComplains ? officer : member, receivedAt: receivedAt,
                                                      profile: current.profile, org: org, calendar: current.calendar)
                } catch {
                    continue
                }
                var complaint = opened.complaint
                let receivedOn = complaint.receivedOn
                // Older complaints were acknowledged in time; the last few weeks' are at every stage.
                if receivedOn.days(to: today) > 30 || random.next(3) != 0 {
                    let on = min(today, receivedOn.adding(days: 2))
                    try? complaint.acknowledge(ComplaintAcknowledgement(receipt: "Received", intendedAction: "We will look into it",
                                                                        expectedTime: "About four weeks"), on: on)
                }
                let year = receivedOn.year
                let number = (counters[year] ?? 0) + 1
                counters[year] = number
                let record = ComplaintRecord()
                record.id = id
                record.authorityID = directory.authorityID
                record.referenceYear = year
                record.referenceNumber = number
                record.reference = ComplaintStore.reference(year: year, number: number)
                record.receivedAt = receivedAt
                record.details = "Complaint \(i + 1): what happened, as the complainant wrote it."
                record.incidentDates = ""
                record.routing = try ComplaintJSON.string(ComplaintRoutingRecord(opened: opened))
                record.referred = false
                record.disclosedAllegation = nil
                record.acknowledgedAt = nil
                record.acknowledgedOn = nil
                record.outcome = nil
                record.closedAt = nil
                record.closedOn = nil
                record.handlerKind = nil
                record.handlerID = nil
                record.routeRuleID = nil
                record.procedure = nil
                pending.append((record, complaint))
                made += 1
            }
            let batch = pending
            try await app.write { db in
                for (record, complaint) in batch { try await ComplaintStore.save(record, complaint, on: db, at: record.receivedAt) }
                try await AuditLog.append(AuditEvent(authorityID: directory.authorityID, actorUserID: nil, actorName: "probity bench seed",
                                                     action: "bench.seed.complaints", resourceType: "authority", resourceID: directory.authorityID.uuidString,
                                                     detail: ["count": String(batch.count)]), on: db, at: now)
            }
            batchStart = batchEnd
        }
        say("Complaints: \(made)")
        return made
    }

    // MARK: Declarations

    private static func seedDeclarations(_ app: Application, directory: Directory, options: Options, now: Date, random: inout Random,
                                         say: (String) -> Void) async throws -> Int {
        let today = CalendarDate.london(now)
        let days = options.years * 365
        let categories = PecuniaryInterestCategory.allCases
        var all: [DeclarationRecord] = []
        all.reserveCapacity(options.declarations)
        // Six in ten by members (about half since ceased), the rest by officers, one in a
        // hundred of those a close relationship with a member.
        let byMembers = options.declarations * 6 / 10
        for n in 0..<options.declarations {
            let registered = today.adding(days: -random.next(days))
            let declarant: PersonRef
            let kind: DeclarationKind
            let tags: Set<InterestTag>
            if n < byMembers {
                declarant = .member(directory.members[n % directory.members.count].id!)
                let category = categories[n % categories.count]
                tags = category == .land ? [.land("\(random.next(90_000)) Long Road")] : [.body("Company \(random.next(40_000)) Ltd")]
                kind = n % 4 == 0 ? .otherRegisterable(.other) : .disclosablePecuniary(category, holder: n % 5 == 0 ? .spouseOrPartner : .member)
            } else {
                declarant = .officer(directory.officers[random.next(directory.officers.count)])
                kind = random.next(100) == 0
                    ? .closeRelationship(CloseRelationship(with: .member(directory.members[random.next(directory.members.count)].id!), nature: .closeFriendship))
                    : .otherRegisterable(.other)
                tags = [.body("Company \(random.next(40_000)) Ltd")]
            }
            let ceased: CalendarDate? = n % 2 == 0 ? min(today, registered.adding(days: 1 + random.next(1000))) : nil
            let declaration = Declaration(id: UUID(), declarant: declarant, kind: kind, description: "Interest \(n + 1)", tags: tags,
                                          registeredOn: registered, ceasedOn: ceased.flatMap { $0 > registered ? $0 : nil })
            let record = DeclarationRecord()
            record.id = declaration.id
            record.authorityID = directory.authorityID
            record.createdAt = now
            record.withdrawnAt = nil
            try record.store(declaration, at: now)
            all.append(record)
        }
        let batch = options.batchSize * 4
        for chunk in stride(from: 0, to: all.count, by: batch) {
            let part = Array(all[chunk..<min(chunk + batch, all.count)])
            let step = options.batchSize
            try await app.write { db in
                for c in stride(from: 0, to: part.count, by: step) { try await Array(part[c..<min(c + step, part.count)]).create(on: db) }
                try await AuditLog.append(AuditEvent(authorityID: directory.authorityID, actorUserID: nil, actorName: "probity bench seed",
                                                     action: "bench.seed.declarations", resourceType: "authority", resourceID: directory.authorityID.uuidString,
                                                     detail: ["count": String(part.count)]), on: db, at: now)
            }
        }
        say("Declarations: \(all.count)")
        return all.count
    }
}

extension ProbityRuntime {
    /// `probity bench seed`: the benchmark dataset (see `BenchmarkSeeder`).
    public static func seedBenchmark(settings: Settings, options: BenchmarkSeeder.Options) async throws -> BenchmarkSeeder.Summary {
        try await withApplication(settings) { try await BenchmarkSeeder.seed($0, options: options) }
    }
}

/// One timed run of one background job, for `probity bench jobs`.
public struct TimedJobRun: Sendable, Codable {
    public var job: String
    public var seconds: Double
    public var outcome: JobOutcome
}

extension ProbityRuntime {
    /// Runs each registered job once, in turn, in this process, and times each run alone
    /// (no process start, no migration check): `probity bench jobs`.
    public static func timeJobs(settings: Settings) async throws -> [TimedJobRun] {
        try await withApplication(settings) { app in
            var runs: [TimedJobRun] = []
            for job in app.probityJobs {
                let started = DispatchTime.now().uptimeNanoseconds
                let outcome = try await job.run(app, now: app.probity.clock.now)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                runs.append(TimedJobRun(job: job.name, seconds: seconds, outcome: outcome))
            }
            return runs
        }
    }
}
