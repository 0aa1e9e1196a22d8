import Fluent
import Foundation
import Vapor
@testable import ProbityCore
@testable import ProbityServer

/// Two authorities with a small directory and users of each kind.
struct Fixtures {
    static let password = "correct horse battery staple"

    struct Side {
        var authorityID: UUID
        var wardID: UUID
        var groupID: UUID
        var memberID: UUID
        var otherMemberID: UUID
        var directorateID: UUID
        var serviceID: UUID
        var officerID: UUID
        var moOfficerID: UUID
        var adminEmail: String
        var moEmail: String
        var memberEmail: String
        var officerEmail: String
        /// id of every directory kind's record, for tenancy sweeps.
        var records: [DirectoryKind: UUID]
    }

    var north: Side
    var south: Side

    static func make(_ app: Application) async throws -> Fixtures {
        let hash = try await app.password.async.hash(password)
        let north = try await side(app, slug: "north", name: "North Borough Council", profile: "tower-hamlets", hash: hash)
        let south = try await side(app, slug: "south", name: "South District Council", profile: "london-councils", hash: hash)
        return Fixtures(north: north, south: south)
    }

    private static func side(_ app: Application, slug: String, name: String, profile: String, hash: String) async throws -> Side {
        let db = app.db
        let authority = Authority(slug: slug, name: name, profileID: profile, region: .englandAndWales)
        try await authority.create(on: db)
        let a = try authority.requireID()
        func save<M: DirectoryModel>(_ m: M) async throws -> UUID { m.authorityID = a; try await m.create(on: db); return try m.requireID() }

        let ward = Ward(); ward.name = "\(slug.capitalized) Central"; ward.gssCode = "E05000001"
        let wardID = try await save(ward)
        let group = PartyGroup(); group.name = "\(slug.capitalized) Group"; group.isAdministration = true
        let groupID = try await save(group)
        let member = Member(); member.name = "Cllr \(slug.capitalized) One"; member.position = "councillor"; member.wardID = wardID; member.groupID = groupID; member.executiveRole = "none"
        let memberID = try await save(member)
        let other = Member(); other.name = "Cllr \(slug.capitalized) Two"; other.position = "councillor"; other.wardID = wardID; other.executiveRole = "none"
        let otherID = try await save(other)
        let committee = Committee(); committee.name = "\(slug.capitalized) Scrutiny"; committee.committeeKind = "overview-and-scrutiny"
        let committeeID = try await save(committee)
        let seat = CommitteeMembership(); seat.committeeID = committeeID; seat.memberID = memberID; seat.role = "member"
        let seatID = try await save(seat)
        let directorate = Directorate(); directorate.name = "\(slug.capitalized) Place"
        let directorateID = try await save(directorate)
        let service = Service(); service.name = "\(slug.capitalized) Highways"; service.directorateID = directorateID
        let serviceID = try await save(service)
        let officer = Officer(); officer.name = "\(slug.capitalized) Officer"; officer.jobTitle = "Highways Officer"; officer.post = "officer"
        officer.designations = []; officer.serviceID = serviceID; officer.politicallyRestricted = false
        let officerID = try await save(officer)
        let mo = Officer(); mo.name = "\(slug.capitalized) Monitoring Officer"; mo.jobTitle = "Monitoring Officer"; mo.post = "corporate-director"
        mo.designations = ["monitoring-officer"]; mo.politicallyRestricted = true
        let moID = try await save(mo)
        let assistant = GroupAssistant(); assistant.name = "\(slug.capitalized) Assistant"; assistant.groupID = groupID; assistant.actsForMemberIDs = [memberID]
        let assistantID = try await save(assistant)
        let worker = PartyWorker(); worker.name = "\(slug.capitalized) Worker"; worker.groupID = groupID
        let workerID = try await save(worker)

        func user(_ email: String, _ kind: User.PersonKind, _ person: UUID?, admin: Bool = false) async throws {
            try await User(authorityID: a, email: email, displayName: email, passwordHash: hash, personKind: kind, personID: person, isAdministrator: admin).create(on: db)
        }
        try await user("admin@\(slug).test", .officer, officerID, admin: true)
        try await user("mo@\(slug).test", .officer, moID)
        try await user("member@\(slug).test", .member, memberID)
        try await user("officer@\(slug).test", .none, nil)

        return Side(authorityID: a, wardID: wardID, groupID: groupID, memberID: memberID, otherMemberID: otherID,
                    directorateID: directorateID, serviceID: serviceID, officerID: officerID, moOfficerID: moID,
                    adminEmail: "admin@\(slug).test", moEmail: "mo@\(slug).test", memberEmail: "member@\(slug).test", officerEmail: "officer@\(slug).test",
                    records: [.wards: wardID, .groups: groupID, .members: memberID, .committees: committeeID, .committeeMemberships: seatID,
                              .directorates: directorateID, .services: serviceID, .officers: officerID, .assistants: assistantID, .partyWorkers: workerID])
    }

    /// A fresh API token for the user with `email`.
    static func token(_ app: Application, _ email: String) async throws -> String {
        guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else { throw TestFailure("no user \(email)") }
        let now = app.probity.clock.now
        return try await app.write { db in try await TokenService.issue(for: user, name: "test", on: db, at: now).token }
    }
}
