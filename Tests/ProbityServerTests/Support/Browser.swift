import Foundation
import NIOCore
import NIOHTTP1
import Testing
import Vapor
import VaporTesting
@testable import ProbityServer

/// A test client that keeps cookies like a browser and finds CSRF tokens in pages.
final class Browser {
    let app: Application
    private(set) var cookies: [String: String] = [:]
    /// The raw `Set-Cookie` lines of the last response.
    private(set) var lastSetCookies: [String] = []
    var csrf: String?

    init(_ app: Application) { self.app = app }

    /// Takes over another browser's cookies, as a thief with a copied cookie would.
    func adopt(cookies other: [String: String]) { cookies = other }

    struct Page {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: String
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func request(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil, contentType: String? = nil) async throws -> Page {
        var page: Page?
        var h = headers
        if !cookies.isEmpty {
            h.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let contentType { h.replaceOrAdd(name: .contentType, value: contentType) }
        try await app.testing().test(method, path, headers: h, body: body.map { ByteBuffer(string: $0) }) { res in
            page = Page(status: res.status, headers: res.headers, body: res.body.string)
        }
        guard let page else { throw TestFailure("no response") }
        lastSetCookies = page.headers[.setCookie]
        for line in lastSetCookies {
            let pair = line.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let expired = line.lowercased().contains("max-age=0") || line.contains("Thu, 01 Jan 1970") || parts[1].isEmpty
            if expired { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        if let token = Browser.csrfToken(in: page.body) { csrf = token }
        return page
    }

    func get(_ path: String) async throws -> Page {
        try await request(.GET, path)
    }

    /// Posts a form, adding the CSRF token seen last unless `csrf: false`.
    @discardableResult
    func post(_ path: String, form: [(String, String)], csrf includeToken: Bool = true) async throws -> Page {
        var fields = form
        if includeToken, let csrf { fields.append(("csrf", csrf)) }
        let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        return try await request(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
    }

    @discardableResult
    func signIn(_ email: String, password: String = Fixtures.password) async throws -> Page {
        _ = try await get("/sign-in")
        return try await post("/sign-in", form: [("email", email), ("password", password), ("next", "/")])
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        let match = html[range]
        return match.split(separator: "\"")[3].description
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }
}

/// Calls the JSON API with a Bearer token.
struct APIClient {
    let app: Application
    let token: String?

    struct Reply {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: String
        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) }
        subscript(_ key: String) -> JSONValue? {
            if case .object(let o)? = json { return o[key] }
            return nil
        }
        var isProblem: Bool { headers.first(name: .contentType)?.hasPrefix("application/problem+json") ?? false }
        var errorFields: [String] {
            guard case .array(let errors)? = self["errors"] else { return [] }
            return errors.compactMap { if case .object(let o) = $0, case .string(let f)? = o["field"] { return f }; return nil }
        }
    }

    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, contentType: String = "application/json", headers extra: HTTPHeaders = [:]) async throws -> Reply {
        var headers = extra
        if let token { headers.bearerAuthorization = .init(token: token) }
        if json != nil { headers.replaceOrAdd(name: .contentType, value: contentType) }
        var reply: Reply?
        try await app.testing().test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) { res in
            reply = Reply(status: res.status, headers: res.headers, body: res.body.string)
        }
        guard let reply else { throw TestFailure("no response") }
        return reply
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
