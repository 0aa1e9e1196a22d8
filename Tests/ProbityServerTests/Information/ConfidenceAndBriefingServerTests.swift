import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

@Suite("Party-political confidences and group briefings over HTTP")
struct ConfidenceAndBriefingServerTests {
    typealias W = InformationWorld

    @Test("A confidence is shared only where necessary, referred to the Monitoring Officer where unlawful, and kept across a change of administration", arguments: TestDatabase.all)
    func confidence(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, documents: false)
            let officer = try await world.api(app, .highwaysOfficer)
            let made = try await officer.call(.POST, "/api/v1/confidences", json: #"{"member":"\#(world.id(.memberA).uuidString)","setting":"private-conversation","summary":"The group plans to propose closing the depot."}"#)
            #expect(made.status == .created, "\(made.body)")
            let id = try #require(made.string("id"))
            for who in [ComplaintWorld.Who.memberB, .leaderB, .placeDirector, .monitoringOfficer, .chair] {
                #expect(try await world.api(app, who).call(.GET, "/api/v1/confidences/\(id)").status == .forbidden, "\(who)")
            }
            #expect(try await world.api(app, .memberA).call(.GET, "/api/v1/confidences/\(id)").status == .ok)
            #expect(try await world.api(app, .leaderA).call(.GET, "/api/v1/confidences/\(id)").status == .ok, "the group leader")
            #expect(try await world.api(app, .memberB).call(.GET, "/api/v1/confidences")["items"] == .array([]))
            // Only a privy officer shares, with a reason.
            let outsider = try await world.api(app, .placeDirector).call(.POST, "/api/v1/confidences/\(id)/shares",
                json: #"{"officer":"\#(world.id(.witnessOfficer).uuidString)","necessity":"legality","explanation":"x"}"#)
            #expect(outsider.status == .forbidden)
            let noReason = try await officer.call(.POST, "/api/v1/confidences/\(id)/shares", json: #"{"officer":"\#(world.id(.placeDirector).uuidString)","necessity":"legality","explanation":" "}"#)
            #expect(noReason.errorFields == ["explanation"])
            let shared = try await officer.call(.POST, "/api/v1/confidences/\(id)/shares",
                json: #"{"officer":"\#(world.id(.placeDirector).uuidString)","necessity":"legality","explanation":"The director must check the closure is lawful."}"#)
            #expect(shared.status == .ok, "\(shared.body)")
            #expect(try await world.api(app, .placeDirector).call(.GET, "/api/v1/confidences/\(id)").status == .ok)
            #expect(try await Notification.query(on: app.db).filter(\.$category == "confidence.shared").filter(\.$personID == world.id(.placeDirector)).count() == 1)
            let referred = try await officer.call(.POST, "/api/v1/confidences/\(id)/referrals", json: #"{"concern":"unlawful","explanation":"Closing the depot without consultation would breach the statutory duty."}"#)
            #expect(referred.status == .ok, "\(referred.body)")
            #expect(try await world.api(app, .monitoringOfficer).call(.GET, "/api/v1/confidences/\(id)").status == .ok)
            #expect(try await Notification.query(on: app.db).filter(\.$category == "confidence.referred").filter(\.$personID == world.id(.monitoringOfficer)).count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "confidence.refer").filter(\.$outcome == "success").count() == 1)
            // Change of administration: group B now forms it. Nothing changes.
            let groups = try await PartyGroup.query(on: app.db).filter(\.$authorityID == world.base.authorityID).all()
            for group in groups { group.isAdministration = group.name == "Group B"; try await group.update(on: app.db) }
            #expect(try await world.api(app, .memberA).call(.GET, "/api/v1/confidences/\(id)").status == .ok)
            #expect(try await world.api(app, .leaderB).call(.GET, "/api/v1/confidences/\(id)").status == .forbidden)
            #expect(try await world.api(app, .memberB).call(.GET, "/api/v1/documents").status == .ok)
        }
    }

    @Test("Tower Hamlets: the gatekeeper assigns, offers on request; facts and options only; nothing visible to another group", arguments: TestDatabase.all)
    func towerHamlets(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, documents: false)
            let memberA = try await world.api(app, .memberA)
            let asked = try await memberA.call(.POST, "/api/v1/briefings", json: #"{"topic":"Options for the depot site and our group's position on it"}"#)
            #expect(asked.status == .created, "\(asked.body)")
            let id = try #require(asked.string("id"))
            // TH 6.4(i): the Corporate Management Team.
            for who in [ComplaintWorld.Who.chiefExecutive, .placeDirector, .governanceDirector] {
                #expect(asked.body.contains(world.id(who).uuidString), "\(who) is a gatekeeper")
            }
            #expect(!asked.body.contains(world.id(.highwaysHead).uuidString))
            let memberB = try await world.api(app, .memberB)
            #expect(try await memberB.call(.GET, "/api/v1/briefings/\(id)").status == .forbidden)
            #expect(try await world.api(app, .highwaysOfficer).call(.GET, "/api/v1/briefings/\(id)").status == .forbidden)
            let gatekeeper = try await world.api(app, .placeDirector)
            #expect(try await world.api(app, .highwaysHead).call(.POST, "/api/v1/briefings/\(id)/assignment", json: #"{"officer":"\#(world.id(.highwaysOfficer).uuidString)"}"#).status == .forbidden)
            let assigned = try await gatekeeper.call(.POST, "/api/v1/briefings/\(id)/assignment", json: #"{"officer":"\#(world.id(.highwaysOfficer).uuidString)"}"#)
            #expect(assigned.string("status") == "assigned", "\(assigned.body)")
            #expect(try await Notification.query(on: app.db).filter(\.$category == "briefing.assigned").filter(\.$personID == world.id(.highwaysOfficer)).count() == 1)
            // On request (TH 6.3): the gatekeeper offers it to group B in neutral words.
            let groupB = try #require(try await PartyGroup.query(on: app.db).filter(\.$name == "Group B").filter(\.$authorityID == world.base.authorityID).first()?.id)
            let offered = try await gatekeeper.call(.POST, "/api/v1/briefings/\(id)/offers", json: #"{"group":"\#(groupB.uuidString)","neutralTopic":"The future of the depot site"}"#)
            #expect(offered.status == .ok, "\(offered.body)")
            let bList = try await memberB.call(.GET, "/api/v1/briefings")
            #expect(bList["items"] == .array([]), "group B sees no briefing of group A")
            #expect(bList.body.contains("The future of the depot site"))
            #expect(!bList.body.contains("our group's position"), "only the neutral words")
            #expect(try await Notification.query(on: app.db).filter(\.$category == "briefing.offered").filter(\.$personID == world.id(.memberB)).count() == 1)
            let answered = try await memberB.call(.POST, "/api/v1/briefings/\(id)/offer-answer", json: #"{"accept":true}"#)
            #expect(answered.status == .ok, "\(answered.body)")
            #expect(answered.string("status") == "accepted")
            #expect(try await memberB.call(.GET, "/api/v1/briefings/\(id)").status == .forbidden)
            // The officer must leave before party business (TH 6.4(iii)).
            let officer = try await world.api(app, .highwaysOfficer)
            let stayed = try await officer.call(.POST, "/api/v1/briefings/\(id)/held", json: #"{"officerLeftBeforePartyBusiness":false}"#)
            #expect(stayed.status == .unprocessableEntity)
            #expect(try await officer.call(.POST, "/api/v1/briefings/\(id)/held", json: #"{"officerLeftBeforePartyBusiness":true}"#).status == .ok)
            let recommends = try await officer.call(.POST, "/api/v1/briefings/\(id)/record",
                json: #"{"facts":["The depot lease ends in 2027."],"options":[{"title":"Renew the lease","merits":["Continuity"],"demerits":["Cost"]},{"title":"Sell","merits":["We recommend that the group supports this"],"demerits":[]}]}"#)
            #expect(recommends.status == .unprocessableEntity)
            #expect(recommends.errorFields == ["options[1].merits[0]"], "\(recommends.body)")
            #expect(recommends.body.contains("6.4(iii)"))
            let recorded = try await officer.call(.POST, "/api/v1/briefings/\(id)/record",
                json: #"{"facts":["The depot lease ends in 2027."],"options":[{"title":"Renew the lease","merits":["Continuity of service"],"demerits":["Rent rises by 8%"]}]}"#)
            #expect(recorded.string("status") == "recorded", "\(recorded.body)")
            let seen = try await memberA.call(.GET, "/api/v1/briefings/\(id)")
            #expect(seen.body.contains("Rent rises by 8%"))
            #expect(try await memberB.call(.GET, "/api/v1/briefings/\(id)").status == .forbidden)
            #expect(!(try await memberB.call(.GET, "/api/v1/briefings").body.contains("Rent rises")))
        }
    }

    @Test("Non-councillors present need the Chief Executive's advance agreement (TH 6.4(ii))", arguments: TestDatabase.all)
    func attendance(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let world = try await W.make(app, documents: false)
            let asked = try await world.api(app, .leaderB).call(.POST, "/api/v1/briefings", json: #"{"topic":"The budget timetable","nonCouncillorsAttending":["Our party agent"]}"#)
            let id = try #require(asked.string("id"), "\(asked.body)")
            #expect(asked.body.contains(world.id(.chiefExecutive).uuidString))
            let gatekeeper = try await world.api(app, .placeDirector)
            _ = try await gatekeeper.call(.POST, "/api/v1/briefings/\(id)/assignment", json: #"{"officer":"\#(world.id(.highwaysOfficer).uuidString)"}"#)
            let officer = try await world.api(app, .highwaysOfficer)
            #expect(try await officer.call(.POST, "/api/v1/briefings/\(id)/held", json: #"{"officerLeftBeforePartyBusiness":true}"#).status == .conflict)
            #expect(try await gatekeeper.call(.POST, "/api/v1/briefings/\(id)/attendance", json: #"{"agreed":true,"note":"Fine."}"#).status == .forbidden)
            let agreed = try await world.api(app, .chiefExecutive).call(.POST, "/api/v1/briefings/\(id)/attendance", json: #"{"agreed":true,"note":"The agent may attend the briefing."}"#)
            #expect(agreed.status == .ok, "\(agreed.body)")
            #expect(try await officer.call(.POST, "/api/v1/briefings/\(id)/held", json: #"{"officerLeftBeforePartyBusiness":true}"#).status == .ok)
        }
    }

    @Test("Leicestershire offers every other group the same briefing automatically (LE 14); London Councils' gatekeeper is the Chief Executive", arguments: TestDatabase.all)
    func profiles(_ database: TestDatabase) async throws {
        try await withProbity(database, clock: TestClock(W.monday)) { app, _ in
            let le = try await W.make(app, slug: "le", profile: "leicestershire", documents: false)
            let asked = try await le.api(app, .memberB).call(.POST, "/api/v1/briefings", json: #"{"topic":"Highways maintenance backlog"}"#)
            let id = try #require(asked.string("id"), "\(asked.body)")
            let ce = try await le.api(app, .chiefExecutive)
            let noWording = try await ce.call(.POST, "/api/v1/briefings/\(id)/assignment", json: #"{"officer":"\#(le.id(.highwaysOfficer).uuidString)"}"#)
            #expect(noWording.status == .unprocessableEntity)
            #expect(noWording.errorFields == ["neutralTopic"])
            let assigned = try await ce.call(.POST, "/api/v1/briefings/\(id)/assignment", json: #"{"officer":"\#(le.id(.highwaysOfficer).uuidString)","neutralTopic":"Highways maintenance"}"#)
            #expect(assigned.status == .ok, "\(assigned.body)")
            let groupAList = try await le.api(app, .memberA).call(.GET, "/api/v1/briefings")
            #expect(groupAList.body.contains("Highways maintenance"))
            #expect(!groupAList.body.contains("backlog"))
            #expect(try await Notification.query(on: app.db).filter(\.$category == "briefing.offered").filter(\.$personID == le.id(.leaderA)).count() == 1)

            let lc = try await W.make(app, slug: "lc", profile: "london-councils", documents: false)
            let lcAsked = try await lc.api(app, .memberA).call(.POST, "/api/v1/briefings", json: #"{"topic":"Transport strategy"}"#)
            #expect(lcAsked.status == .created, "\(lcAsked.body)")
            if case .array(let gatekeepers)? = lcAsked["gatekeepers"] {
                #expect(gatekeepers.count == 1)
                #expect(lcAsked.body.contains(lc.id(.chiefExecutive).uuidString))
            } else { Issue.record("no gatekeepers") }
        }
    }
}
