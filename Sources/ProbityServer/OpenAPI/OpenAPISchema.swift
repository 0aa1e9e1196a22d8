/// Small builders for OpenAPI 3.1 (JSON Schema 2020-12) values.
enum Schema {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let string: JSONValue = ["type": "string"]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let date: JSONValue = ["type": "string", "format": "date"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let integer: JSONValue = ["type": "integer"]
    static func nullable(_ type: String, extra: [String: JSONValue] = [:]) -> JSONValue {
        var o: [String: JSONValue] = ["type": .array([.string(type), "null"])]
        for (k, v) in extra { o[k] = v }
        return .object(o)
    }
    static func array(_ items: JSONValue) -> JSONValue { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }

    static func object(_ properties: [String: JSONValue], required: [String]? = nil, closed: Bool = true) -> JSONValue {
        var o: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        o["required"] = .array((required ?? properties.keys.sorted()).map(JSONValue.string))
        if closed { o["additionalProperties"] = false }
        return .object(o)
    }

    /// `items` + `page` list envelope.
    static func list(of item: String) -> JSONValue {
        object(["items": array(ref(item)), "page": ref("PageMeta")])
    }
}

/// The operations and schemas one capability adds to the document, kept beside its controller.
struct APIDescription {
    var operations: [(path: String, method: String, operation: Operation)]
    var schemas: [String: JSONValue]
}

/// One operation of the document.
struct Operation {
    var summary: String
    var tag: String
    var parameters: [JSONValue] = []
    var body: JSONValue?
    var bodyType: String = "application/json"
    /// False where a missing body is read as an empty object.
    var bodyRequired = true
    var responses: [Int: (String, JSONValue?)]
    var mediaType: String = "application/json"
    var authenticated = true

    func json(problems: [Int]) -> JSONValue {
        var o: [String: JSONValue] = ["summary": .string(summary), "tags": [.string(tag)],
                                      "operationId": .string(Self.operationID(summary))]
        if !parameters.isEmpty { o["parameters"] = .array(parameters) }
        if let body { o["requestBody"] = ["required": .bool(bodyRequired), "content": .object([bodyType: ["schema": body]])] }
        var responses: [String: JSONValue] = [:]
        for (code, (description, schema)) in self.responses {
            var r: [String: JSONValue] = ["description": .string(description)]
            if let schema { r["content"] = .object([mediaType: ["schema": schema]]) }
            responses[String(code)] = .object(r)
        }
        for code in problems where responses[String(code)] == nil {
            responses[String(code)] = ["description": .string(Self.problemDescription(code)),
                                       "content": ["application/problem+json": ["schema": Schema.ref("Problem")]]]
        }
        o["responses"] = .object(responses)
        if !authenticated { o["security"] = [] }
        return .object(o)
    }

    static func operationID(_ summary: String) -> String {
        let words = summary.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return words.enumerated().map { $0.offset == 0 ? $0.element.lowercased() : $0.element.prefix(1).uppercased() + $0.element.dropFirst().lowercased() }.joined()
    }

    static func problemDescription(_ code: Int) -> String {
        switch code {
        case 400: "The request is malformed"
        case 401: "Not signed in, or the token is not valid"
        case 403: "Not allowed (the refusal is audited)"
        case 404: "Not found (records of other authorities are never found)"
        case 409: "Conflicts with recorded data"
        case 415: "Unsupported content type"
        case 422: "Validation failed; `errors` names each field"
        default: "Error"
        }
    }
}

extension JSONValue {
    static func pathParameter(_ name: String, _ description: String, schema: JSONValue = Schema.uuid) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": schema]
    }

    static func queryParameter(_ name: String, _ description: String, schema: JSONValue, required: Bool = false) -> JSONValue {
        ["name": .string(name), "in": "query", "required": .bool(required), "description": .string(description), "schema": schema]
    }
}
