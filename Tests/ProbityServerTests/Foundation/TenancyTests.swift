import Fluent
import Testing
import Vapor
@testable import ProbityServer

@Suite("Tenancy: no query, page or API call crosses authorities")
struct TenancyTests {
    @Test("Every directory record of another authority is 404 through the API", arguments: TestDatabase.all)
    func apiIsolation(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            for (kind, id) in f.south.records {
                let path = "/api/v1/directory/\(kind.rawValue)/\(id.uuidString.lowercased())"
                let read = try await admin.call(.GET, path)
                #expect(read.status == .notFound, "GET \(path)")
                #expect(read.isProblem)
                let patch = try await admin.call(.PATCH, path, json: #"{"name":"Taken over"}"#)
                #expect(patch.status == .notFound, "PATCH \(path)")
                let delete = try await admin.call(.DELETE, path)
                #expect(delete.status == .notFound, "DELETE \(path)")
                // The record is still there for its own authority.
                let owner = APIClient(app: app, token: try await Fixtures.token(app, f.south.adminEmail))
                #expect(try await owner.call(.GET, path).status == .ok, "owner GET \(path)")
            }
        }
    }

    @Test("Lists show only the actor's own authority", arguments: TestDatabase.all)
    func listsAreNarrowed(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let admin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            for kind in DirectoryKind.allCases {
                let list = try await admin.call(.GET, "/api/v1/directory/\(kind.rawValue)")
                #expect(list.status == .ok)
                let body = list.body
                if let southID = f.south.records[kind] {
                    #expect(!body.contains(southID.uuidString.lowercased()), "\(kind) list leaks a South record")
                }
                if let northID = f.north.records[kind] {
                    #expect(body.contains(northID.uuidString.lowercased()), "\(kind) list misses North's own record")
                }
            }
        }
    }

    @Test("Every directory page of another authority is 404", arguments: TestDatabase.all)
    func pageIsolation(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let browser = Browser(app)
            try await browser.signIn(f.north.adminEmail)
            for (kind, id) in f.south.records {
                let base = "/directory/\(kind.rawValue)/\(id.uuidString.lowercased())"
                #expect(try await browser.get(base).status == .notFound, "\(base)")
                #expect(try await browser.get(base + "/edit").status == .notFound, "\(base)/edit")
                _ = try await browser.get("/directory/\(kind.rawValue)")
                let post = try await browser.post(base + "/delete", form: [])
                #expect(post.status == .notFound, "\(base)/delete")
            }
            let own = try await browser.get("/directory/members/\(f.north.memberID.uuidString.lowercased())")
            #expect(own.status == .ok)
        }
    }

    @Test("Users and the audit trail of another authority are out of reach", arguments: TestDatabase.all)
    func usersAndAudit(_ database: TestDatabase) async throws {
        try await withProbity(database) { app, _ in
            let f = try await Fixtures.make(app)
            let northAdmin = APIClient(app: app, token: try await Fixtures.token(app, f.north.adminEmail))
            let southUsers = try await User.query(on: app.db).filter(\.$authority.$id == f.south.authorityID).all()
            let users = try await northAdmin.call(.GET, "/api/v1/users")
            #expect(users.status == .ok)
            for user in southUsers {
                #expect(!users.body.contains(user.email))
                #expect(try await northAdmin.call(.GET, "/api/v1/users/\(user.id!.uuidString.lowercased())").status == .notFound)
            }
            // South's administrator does something; North's Monitoring Officer cannot see it.
            let southAdmin = APIClient(app: app, token: try await Fixtures.token(app, f.south.adminEmail))
            _ = try await southAdmin.call(.POST, "/api/v1/directory/wards", json: #"{"name":"Southern Heights"}"#)
            let northMO = APIClient(app: app, token: try await Fixtures.token(app, f.north.moEmail))
            let audit = try await northMO.call(.GET, "/api/v1/audit?perPage=200")
            #expect(audit.status == .ok)
            #expect(!audit.body.contains("Southern Heights"))
            #expect(!audit.body.contains(f.south.adminEmail))
        }
    }
}
