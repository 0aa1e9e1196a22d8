import Fluent
import Vapor

/// Paging parameters of API lists: `page` (from 1) and `perPage` (1…max), refused clearly when wrong.
struct APIPaging {
    var page: Int
    var perPage: Int

    init(_ req: Request, maxPerPage: Int, defaultPerPage: Int = 50) throws {
        var errors: [FieldError] = []
        func number(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = req.query[String.self, at: name] else { return value }
            guard let n = Int(raw), range.contains(n) else {
                errors.append(FieldError(field: name, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
                return value
            }
            return n
        }
        page = number("page", default: 1, range: 1...1_000_000)
        perPage = number("perPage", default: min(defaultPerPage, maxPerPage), range: 1...maxPerPage)
        if !errors.isEmpty { throw AppError(.badRequest, detail: "The paging parameters are not valid.", fieldErrors: errors) }
    }

    func metadata(total: Int) -> JSONValue {
        .object(["page": .number(Double(page)), "perPage": .number(Double(perPage)), "total": .number(Double(total))])
    }
}

enum APIRequest {
    /// The body as a JSON object; anything else is a clear 400/415.
    static func jsonObject(_ req: Request) throws -> [String: JSONValue] {
        guard let type = req.headers.contentType, type.type == "application", type.subType == "json" else {
            throw AppError(.unsupportedMediaType, detail: "Send a JSON object with Content-Type: application/json.")
        }
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw AppError(.badRequest, detail: "The request body is empty; send a JSON object.")
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer))
        } catch {
            throw AppError(.badRequest, detail: "The body is not valid JSON.")
        }
        guard case .object(let object) = value else {
            throw AppError(.badRequest, detail: "The body must be a JSON object, not \(value.typeName).")
        }
        return object
    }
}

enum APIResponse {
    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok) throws -> Response {
        try json(encodable: value, status: status)
    }

    static func json<T: Encodable>(encodable value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let response = Response(status: status, body: .init(data: try encoder.encode(value)))
        response.headers.contentType = .json
        return response
    }
}

extension APIPaging {
    /// One page of a list the policy has already narrowed (nil: the reader may see none), newest
    /// first by `newest`, as `{"items": […], "page": {…}}` with the total counted before paging.
    func respond<M: Model, Item: Encodable>(_ query: QueryBuilder<M>?, newest: KeyPath<M, M.Field<Date>>,
                                            _ item: @escaping (M) -> Item) async throws -> Response where M.IDValue == UUID {
        guard let query else { return try APIResponse.json(encodable: PagedBody<Item>(items: [], page: metadata(total: 0))) }
        let total = try await query.copy().count()
        let rows = try await query.sort(newest, .descending).sort(\M._$id)
            .range(lower: (page - 1) * perPage, upper: page * perPage).all()
        return try APIResponse.json(encodable: PagedBody(items: rows.map(item), page: metadata(total: total)))
    }
}

struct PagedBody<Item: Encodable>: Encodable {
    var items: [Item]
    var page: JSONValue
}
