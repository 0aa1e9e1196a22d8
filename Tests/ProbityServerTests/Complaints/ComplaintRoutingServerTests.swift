import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Complaints: every route of every profile, through the API")
struct ComplaintRoutingServerTests {
    typealias W = ComplaintWorld

    struct Expected: Sendable {
        var handler: W.Who?
        var copyTo: [W.Who] = []
        var inform: [W.Who] = []
    }

    /// What each route of each built-in profile does with the world's people (as the core's own
    /// routing tests expect of the same directory).
    static let expected: [String: [String: Expected]] = [
        "london-councils": [
            "member-about-officer": Expected(handler: .placeDirector),
            "member-about-director": Expected(handler: .chiefExecutive),
            "member-about-chief-executive": Expected(handler: nil),
            "officer-about-member": Expected(handler: .peopleDirector, copyTo: [.chiefExecutive], inform: [.leaderA]),
            "officer-about-group-leader": Expected(handler: .chiefExecutive),
            "officer-about-chair": Expected(handler: .chiefExecutive),
        ],
        "hackney": [
            "member-about-officer": Expected(handler: .highwaysHead),
            "officer-about-member": Expected(handler: .housingHead),
        ],
        "leicestershire": ["member-about-officer": Expected(handler: .placeDirector)],
        "tower-hamlets": [
            "member-about-officer": Expected(handler: .placeDirector),
            "member-about-director": Expected(handler: .chiefExecutive),
            "member-about-member": Expected(handler: .monitoringOfficer),
            "officer-about-member": Expected(handler: .monitoringOfficer),
            "officer-about-officer": Expected(handler: .peopleDirector),
        ],
        "wigan": [
            "member-about-officer": Expected(handler: .highwaysHead),
            "officer-about-member": Expected(handler: .housingHead),
        ],
    ]

    static let profiles = ["london-councils", "hackney", "leicestershire", "tower-hamlets", "wigan"]

    static func subject(_ kind: ComplaintSubjectKind) -> W.Who {
        switch kind {
        case .officer: .highwaysOfficer
        case .director: .placeDirector
        case .chiefExecutive: .chiefExecutive
        case .monitoringOfficer: .monitoringOfficer
        case .member: .memberA
        case .groupLeader: .leaderB
        case .chair: .chair
        }
    }

    static func complainant(_ kind: ComplainantKind) -> W.Who { kind == .member ? .memberB : .caseworker }

    @Test("Each route sends the complaint (and the breach report) where the profile says, with its citation and deadline",
          arguments: TestDatabase.all, profiles)
    func everyRoute(_ database: TestDatabase, profileID: String) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "council", profile: profileID)
            let profile = try #require(try ProtocolCatalogue.profile(profileID))
            let table = try #require(Self.expected[profileID])
            #expect(Set(profile.complaints.routes.map(\.parameters.key)) == Set(table.keys))
            let ackRule = profile.complaints.acknowledgementDeadline
            for rule in profile.complaints.routes {
                let route = rule.parameters
                let expected = try #require(table[route.key])
                for kind in ["complaint", "breach-of-protocol"] {
                    let reply = try await world.complain(app, Self.complainant(route.complainant), about: Self.subject(route.about), kind: kind)
                    let label = "\(profileID) \(route.key) \(kind)"
                    #expect(reply.string("rule", "ruleId") == "complaints.routes.\(route.key)", "\(label)")
                    #expect(reply.string("rule", "citation") == rule.citationText(in: profile.document), "\(label)")
                    #expect(reply.string("rule", "statement") == rule.statement, "\(label)")
                    #expect(reply.string("stage") == "received")
                    #expect(reply.string("reference")?.hasPrefix("CMP-2026-") == true)
                    #expect(reply.string("acknowledgeBy") == "2026-12-07", "\(label): 5 working days after Monday 30 November")
                    #expect(reply.string("timeliness", "acknowledgeByDisplay")
                            == "Acknowledge by Mon 7 Dec 2026 — \(ackRule.parameters.workingDays) working days (\(ackRule.citationText(in: profile.document)))")
                    #expect(reply.string("route", "procedure") == route.procedure.rawValue)
                    #expect(!reply.has("people") && !reply.has("history"), "the complainant does not see who handles it by name")

                    let record = try #require(try await ComplaintRecord.find(UUID(uuidString: reply.id), on: app.db))
                    let complaint = try record.complaintCase()
                    #expect(complaint.handler == expected.handler.map(world.ref), "\(label)")
                    #expect(complaint.copiedTo == Set(expected.copyTo.map(world.ref)), "\(label)")
                    #expect(complaint.informed == Set(expected.inform.map(world.ref)), "\(label)")
                    if let handler = expected.handler {
                        let sent = try await Notification.query(on: app.db).filter(\.$category == "complaint.assigned")
                            .filter(\.$personID == world.ref(handler).id).filter(\.$link == "/complaints/\(reply.id)").count()
                        #expect(sent == 1, "\(label): the handler is told")
                    }
                    for person in expected.copyTo {
                        #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.copied")
                            .filter(\.$personID == world.ref(person).id).filter(\.$link == "/complaints/\(reply.id)").count() == 1)
                    }
                    for person in expected.inform {
                        #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.informed")
                            .filter(\.$personID == world.ref(person).id).filter(\.$link == "/complaints/\(reply.id)").count() == 1)
                    }
                }
            }
            // Every case recorded the route it took and was audited as it was made.
            let made = try await AuditEntry.query(on: app.db).filter(\.$action == "complaint.create").count()
            #expect(made == profile.complaints.routes.count * 2)
        }
    }

    @Test("A case the protocol gives no route is recorded, says why, and goes to the complaints officer where one monitors", arguments: TestDatabase.all)
    func unrouted(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let lc = try await W.make(app, slug: "lc", profile: "london-councils")
            // London Councils has no route for a member's complaint about a member.
            let reply = try await lc.complain(app, .memberB, about: .memberA)
            #expect(!reply.has("rule"))
            #expect(reply.string("unroutedReason")?.hasPrefix("The London Councils protocol sets no route for a complaint by a member about a member.") == true)
            #expect(reply["route"] != nil)
            let record = try #require(try await ComplaintRecord.find(UUID(uuidString: reply.id), on: app.db))
            #expect(record.handlerID == nil && record.routeRuleID == nil)
            #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.unrouted")
                .filter(\.$personID == lc.ref(.complaintsOfficer).id).count() == 1)

            // The complaints officer gives it to a handler, who then sees it in full.
            let given = try await lc.step(app, .complaintsOfficer, reply.id, "handler",
                                          #"{"person":"\#(lc.ref(.monitoringOfficer))","reason":"Members' conduct goes to the Monitoring Officer."}"#)
            #expect(given.status == .ok, "\(given.body)")
            let handler = try await lc.api(app, .monitoringOfficer).call(.GET, "/api/v1/complaints/\(reply.id)")
            #expect(handler.string("access", "audience") == "full")
            #expect(try await Notification.query(on: app.db).filter(\.$category == "complaint.assigned")
                .filter(\.$personID == lc.ref(.monitoringOfficer).id).count() == 1)
        }
    }

    @Test("Improper-influence reports go by each profile's own route", arguments: TestDatabase.all, profiles)
    func improperInfluence(_ database: TestDatabase, profileID: String) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, slug: "council", profile: profileID)
            let profile = try #require(try ProtocolCatalogue.profile(profileID))
            let rule = profile.complaints.improperInfluence
            let reply = try await world.complain(app, .caseworker, about: .memberA, kind: "improper-influence", category: "other",
                                                 details: "Told me to approve the licence or lose my job.")
            let record = try #require(try await ComplaintRecord.find(UUID(uuidString: reply.id), on: app.db))
            let complaint = try record.complaintCase()
            if rule.inForce {
                #expect(reply.string("rule", "ruleId") == "complaints.improperInfluence")
                #expect(reply.string("rule", "citation") == rule.citationText(in: profile.document))
                let expected: W.Who = ["hackney", "wigan"].contains(profileID) ? .housingHead : .peopleDirector
                #expect(complaint.handler == world.ref(expected), "\(profileID): to the officer's \(expected)")
            } else {
                #expect(!reply.has("rule"), "\(profileID) sets no reporting route")
                #expect(reply.string("unroutedReason")?.contains("sets no reporting route for improper influence") == true)
                #expect(complaint.handler == nil)
            }
            if profileID == "london-councils" {
                #expect(complaint.informed == [world.ref(.chiefExecutive)], "LC 7: the director tells the Chief Executive")
                #expect(reply.string("rule", "citation") == "London Councils protocol 7 (Undue influence)")
            }
        }
    }
}
