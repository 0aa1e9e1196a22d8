import Fluent
import Foundation
import ProbityCore
import Testing
import Vapor
@testable import ProbityServer

/// The complaints world (a Chief Executive, directors, heads of service, a Monitoring Officer,
/// an HR director, officers, group leaders and members, each with a sign-in), with Group A's
/// whip (the Chair) so Tower Hamlets' routing to the party whip resolves, a ward and a committee.
struct RegisterWorld {
    typealias Who = ComplaintWorld.Who
    var world: ComplaintWorld
    var wardID: UUID
    var committeeID: UUID
    var place: UUID
    var highways: UUID

    static func make(_ app: Application, slug: String = "th", profile: String = "tower-hamlets") async throws -> RegisterWorld {
        let world = try await ComplaintWorld.make(app, slug: slug, profile: profile)
        let db = app.db
        let a = world.authorityID
        guard let groupA = try await PartyGroup.scoped(to: a, on: db).filter(\.$name == "Group A").first() else { throw TestFailure("no group") }
        groupA.whipMemberID = world.ref(.chair).id
        try await groupA.update(on: db)
        let ward = Ward(); ward.name = "Riverside"; ward.authorityID = a
        try await ward.create(on: db)
        let committee = Committee(); committee.name = "Place Committee"; committee.committeeKind = "regulatory"; committee.authorityID = a
        committee.chairMemberID = world.ref(.chair).id
        try await committee.create(on: db)
        for who in [Who.chair, .memberA, .memberB] {
            let seat = CommitteeMembership(); seat.committeeID = committee.id; seat.memberID = world.ref(who).id; seat.role = "member"; seat.authorityID = a
            try await seat.create(on: db)
        }
        guard let place = try await Directorate.scoped(to: a, on: db).filter(\.$name == "Place").first()?.id,
              let highways = try await Service.scoped(to: a, on: db).filter(\.$name == "Highways").first()?.id else { throw TestFailure("no place") }
        return RegisterWorld(world: world, wardID: try ward.requireID(), committeeID: try committee.requireID(), place: place, highways: highways)
    }

    func ref(_ who: Who) -> PersonRef { world.ref(who) }
    func name(_ who: Who) -> String { world.name(who) }
    func api(_ app: Application, _ who: Who) async throws -> APIClient { try await world.api(app, who) }
    func browser(_ app: Application, _ who: Who) async throws -> Browser { try await world.browser(app, who) }

    /// Declares through the API as `who`; the reply of the create.
    @discardableResult
    func declare(_ app: Application, _ who: Who, _ json: String, expect: HTTPResponseStatus = .created,
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> APIClient.Reply {
        let reply = try await api(app, who).call(.POST, "/api/v1/declarations", json: json)
        #expect(reply.status == expect, "\(json): \(reply.body)", sourceLocation: sourceLocation)
        return reply
    }

    /// Messages of `category` written to `who`.
    func messages(_ app: Application, to who: Who, category: String) async throws -> [ProbityServer.Notification] {
        let (kind, id) = NotificationCenter.split(ref(who))
        return try await ProbityServer.Notification.query(on: app.db).filter(\.$personKind == kind).filter(\.$personID == id)
            .filter(\.$category == category).all()
    }

    func refusals(_ app: Application, _ action: String) async throws -> Int {
        try await AuditEntry.query(on: app.db).filter(\.$action == action).filter(\.$outcome == "refused").count()
    }
}
