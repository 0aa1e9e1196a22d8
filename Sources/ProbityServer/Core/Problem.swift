import Vapor

/// RFC 9457 problem details, the body of every API error.
struct Problem: Content {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    init(status: HTTPResponseStatus, title: String, detail: String, errors: [FieldError]? = nil) {
        self.type = "about:blank"
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
        self.errors = (errors?.isEmpty ?? true) ? nil : errors
    }

    func response(status: HTTPResponseStatus, headers extra: HTTPHeaders = [:]) -> Response {
        var headers = extra
        headers.contentType = Problem.mediaType
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{\"title\":\"Error\",\"status\":\(status.code)}".utf8)
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
