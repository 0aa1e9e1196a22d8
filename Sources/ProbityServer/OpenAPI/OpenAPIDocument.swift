/// The OpenAPI 3.1 description of `/api/v1`, built from the same field descriptions the API
/// uses, so it cannot drift from the routes (a test checks every route is described).
enum OpenAPIDocument {
    static let version = "1.0.0"

    static var paging: [JSONValue] {
        [.queryParameter("page", "Page number, from 1", schema: ["type": "integer", "minimum": 1, "maximum": 1_000_000]),
         .queryParameter("perPage", "Items per page", schema: ["type": "integer", "minimum": 1, "maximum": 200])]
    }

    static func build() -> JSONValue {
        var paths: [String: [String: Operation]] = [:]
        func add(_ path: String, _ method: String, _ op: Operation) { paths[path, default: [:]][method] = op }

        add("/healthz", "get", Operation(summary: "Liveness", tag: "Operations", responses: [200: ("The process is up", Schema.ref("Health"))], authenticated: false))
        add("/readyz", "get", Operation(summary: "Readiness", tag: "Operations", responses: [200: ("The database is reachable", Schema.ref("Health")), 503: ("The database is not reachable", Schema.ref("Problem"))], authenticated: false))
        add("/api/v1/openapi.json", "get", Operation(summary: "This document", tag: "Operations", responses: [200: ("OpenAPI 3.1 document", ["type": "object"])], authenticated: false))

        add("/api/v1/me", "get", Operation(summary: "Who am I", tag: "Account", responses: [200: ("The signed-in user", Schema.ref("Me"))]))
        add("/api/v1/tokens", "get", Operation(summary: "List my API tokens", tag: "Account", responses: [200: ("Tokens", Schema.object(["items": Schema.array(Schema.ref("Token"))]))]))
        add("/api/v1/tokens", "post", Operation(summary: "Create an API token", tag: "Account", body: Schema.ref("TokenCreate"),
                                                responses: [201: ("The token, shown once", Schema.ref("TokenCreated"))]))
        add("/api/v1/tokens/{tokenID}", "delete", Operation(summary: "Revoke an API token", tag: "Account",
                                                            parameters: [.pathParameter("tokenID", "Token id")], responses: [204: ("Revoked", nil)]))

        let userID: JSONValue = .pathParameter("userID", "User id")
        add("/api/v1/users", "get", Operation(summary: "List users", tag: "Users", parameters: paging, responses: [200: ("Users of the authority", Schema.list(of: "User"))]))
        add("/api/v1/users", "post", Operation(summary: "Create a user", tag: "Users", body: Schema.ref("UserCreate"), responses: [201: ("Created", Schema.ref("User"))]))
        add("/api/v1/users/{userID}", "get", Operation(summary: "Read a user", tag: "Users", parameters: [userID], responses: [200: ("The user", Schema.ref("User"))]))
        add("/api/v1/users/{userID}/disable", "post", Operation(summary: "Disable a user and end their sessions", tag: "Users", parameters: [userID], responses: [200: ("Disabled", Schema.ref("User"))]))
        add("/api/v1/users/{userID}/enable", "post", Operation(summary: "Enable a user", tag: "Users", parameters: [userID], responses: [200: ("Enabled", Schema.ref("User"))]))

        add("/api/v1/authorities", "get", Operation(summary: "List authorities", tag: "Authorities", responses: [200: ("Authorities visible to you", Schema.object(["items": Schema.array(Schema.ref("Authority"))]))]))
        add("/api/v1/authorities", "post", Operation(summary: "Create an authority", tag: "Authorities", body: Schema.ref("AuthorityCreate"), responses: [201: ("Created", Schema.ref("Authority"))]))

        let auditFilters: [JSONValue] = paging + [
            .queryParameter("action", "Action prefix, e.g. auth.sign-in", schema: ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"]),
            .queryParameter("actor", "Part of the actor's name", schema: ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"]),
            .queryParameter("outcome", "success, refused or failure", schema: Schema.enumeration(["success", "refused", "failure"])),
            .queryParameter("resource", "Resource id or type", schema: ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"]),
            .queryParameter("from", "From this London date (YYYY-MM-DD)", schema: Schema.date),
            .queryParameter("to", "Up to this London date (YYYY-MM-DD)", schema: Schema.date),
        ]
        add("/api/v1/audit", "get", Operation(summary: "Search the audit trail", tag: "Audit", parameters: auditFilters, responses: [200: ("Entries, newest first", Schema.list(of: "AuditEntry"))]))
        add("/api/v1/audit/verify", "get", Operation(summary: "Verify the audit chain", tag: "Audit", responses: [200: ("Verification result", Schema.ref("AuditVerification"))]))

        var schemas = baseSchemas()
        for part in [ProtocolAPIController.openAPI, CalendarAPIController.openAPI, InboxController.openAPI, EnquiriesAPIController.openAPI, ComplaintsAPIController.openAPI, RegistersAPIController.openAPI, WardMattersAPIController.openAPI, ConsultationsAPIController.openAPI, MediaAPIController.openAPI, CorrespondenceAPIController.openAPI, InformationAPIController.openAPI] {
            for (path, method, op) in part.operations { add(path, method, op) }
            schemas.merge(part.schemas) { _, new in new }
        }
        for kind in DirectoryKind.allCases {
            let specs = DirectoryRegistry.standard.resource(kind).specs
            let name = kind.schemaName
            schemas[name] = recordSchema(specs)
            schemas[name + "Input"] = inputSchema(specs, partial: false)
            schemas[name + "Patch"] = inputSchema(specs, partial: true)
            let base = "/api/v1/directory/\(kind.rawValue)"
            let id: JSONValue = .pathParameter("id", "\(kind.singular) id")
            add(base, "get", Operation(summary: "List \(kind.plural.lowercased())", tag: "Directory", parameters: paging, responses: [200: ("A page of records", Schema.list(of: name))]))
            add(base, "post", Operation(summary: "Create \(kind.article)", tag: "Directory", body: Schema.ref(name + "Input"), responses: [201: ("Created", Schema.ref(name))]))
            add(base + "/import", "post", Operation(summary: "Import \(kind.plural.lowercased()) from CSV", tag: "Directory",
                                                    body: ["type": "string"], bodyType: "text/csv",
                                                    responses: [201: ("All rows imported (or none)", Schema.object(["imported": Schema.integer]))]))
            add(base + "/{id}", "get", Operation(summary: "Read \(kind.article)", tag: "Directory", parameters: [id], responses: [200: ("The record", Schema.ref(name))]))
            add(base + "/{id}", "patch", Operation(summary: "Update \(kind.article)", tag: "Directory", parameters: [id], body: Schema.ref(name + "Patch"), responses: [200: ("Updated", Schema.ref(name))]))
            add(base + "/{id}", "delete", Operation(summary: "Delete \(kind.article)", tag: "Directory", parameters: [id], responses: [204: ("Deleted", nil)]))
        }

        var pathsJSON: [String: JSONValue] = [:]
        for (path, methods) in paths {
            var m: [String: JSONValue] = [:]
            for (method, op) in methods {
                var problems = [400, 401, 403, 404]
                if op.body != nil { problems += [409, 415, 422] } else if method == "delete" { problems += [409] }
                if !op.authenticated { problems = [] }
                m[method] = op.json(problems: problems)
            }
            pathsJSON[path] = .object(m)
        }

        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Probity API",
                "version": .string(version),
                "description": "Member/officer relations protocol service. Authenticate with a personal API token (`Authorization: Bearer pbt_…`), created on your account page or with `probity token create`. Errors are `application/problem+json` (RFC 9457). Records of other authorities are never visible: they answer 404.",
                "license": ["name": "MIT", "identifier": "MIT"],
            ],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": []]],
            "paths": .object(pathsJSON),
            "components": [
                "securitySchemes": ["bearerAuth": ["type": "http", "scheme": "bearer", "description": "Personal API token"]],
                "schemas": .object(schemas),
            ],
        ]
    }

    static func fieldSchema(_ spec: FieldSpec) -> JSONValue {
        switch spec.kind {
        case .text(let max), .longText(let max):
            return spec.required ? ["type": "string", "minLength": 1, "maxLength": .number(Double(max))] : Schema.nullable("string", extra: ["maxLength": .number(Double(max))])
        case .email:
            return spec.required ? ["type": "string", "format": "email"] : Schema.nullable("string", extra: ["format": "email", "maxLength": 254])
        case .pattern(let regex, _, let max):
            return Schema.nullable("string", extra: ["pattern": .string(regex), "maxLength": .number(Double(max))])
        case .flag:
            return Schema.boolean
        case .choice(let choices):
            let values = choices.map { JSONValue.string($0.value) }
            return spec.required ? ["type": "string", "enum": .array(values)] : ["enum": .array(values + [.null])]
        case .choices(let choices):
            return Schema.array(Schema.enumeration(choices.map(\.value)))
        case .reference:
            return spec.required ? Schema.uuid : Schema.nullable("string", extra: ["format": "uuid"])
        case .references:
            return Schema.array(Schema.uuid)
        }
    }

    static func recordSchema(_ specs: [FieldSpec]) -> JSONValue {
        var properties: [String: JSONValue] = ["id": Schema.uuid, "displayName": Schema.string]
        for spec in specs { properties[spec.key] = fieldSchema(spec) }
        return Schema.object(properties)
    }

    static func inputSchema(_ specs: [FieldSpec], partial: Bool) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for spec in specs { properties[spec.key] = fieldSchema(spec) }
        return Schema.object(properties, required: partial ? [] : specs.filter(\.required).map(\.key))
    }

    static func baseSchemas() -> [String: JSONValue] {
        [
            "Problem": Schema.object([
                "type": Schema.string, "title": Schema.string, "status": Schema.integer, "detail": Schema.string,
                "errors": Schema.array(Schema.ref("FieldError")),
            ], required: ["type", "title", "status", "detail"], closed: false),
            "FieldError": Schema.object(["field": Schema.string, "message": Schema.string]),
            "PageMeta": Schema.object(["page": Schema.integer, "perPage": Schema.integer, "total": Schema.integer]),
            "Health": Schema.object(["status": Schema.string, "database": Schema.nullable("string")], required: ["status"]),
            "AuthoritySummary": Schema.object(["id": Schema.uuid, "slug": Schema.string, "name": Schema.string, "profileID": Schema.string, "region": Schema.string]),
            "Me": Schema.object([
                "id": Schema.uuid, "email": Schema.string, "displayName": Schema.string,
                "personKind": Schema.enumeration(["member", "officer", "assistant", "none"]),
                "personId": Schema.nullable("string", extra: ["format": "uuid"]),
                "isAdministrator": Schema.boolean, "isPlatformAdmin": Schema.boolean,
                "roles": Schema.array(Schema.string), "authority": Schema.ref("AuthoritySummary"),
            ], required: ["id", "email", "displayName", "personKind", "isAdministrator", "isPlatformAdmin", "roles", "authority"]),
            "Token": Schema.object([
                "id": Schema.uuid, "name": Schema.string, "prefix": Schema.string, "createdAt": Schema.dateTime,
                "lastUsedAt": Schema.nullable("string", extra: ["format": "date-time"]),
                "revokedAt": Schema.nullable("string", extra: ["format": "date-time"]),
            ], required: ["id", "name", "prefix", "createdAt"]),
            "TokenCreate": Schema.object(["name": ["type": "string", "minLength": 1, "maxLength": 80]]),
            "TokenCreated": Schema.object(["token": Schema.string, "details": Schema.ref("Token")]),
            "User": Schema.object([
                "id": Schema.uuid, "email": Schema.string, "displayName": Schema.string,
                "personKind": Schema.enumeration(["member", "officer", "assistant", "none"]),
                "personId": Schema.nullable("string", extra: ["format": "uuid"]),
                "isAdministrator": Schema.boolean, "disabled": Schema.boolean,
            ], required: ["id", "email", "displayName", "personKind", "isAdministrator", "disabled"]),
            "UserCreate": Schema.object([
                "email": ["type": "string", "format": "email", "maxLength": 254],
                "displayName": ["type": "string", "minLength": 1, "maxLength": 120],
                "password": ["type": "string", "minLength": 12, "maxLength": 128],
                "personKind": Schema.enumeration(["member", "officer", "assistant", "none"]),
                "personId": Schema.uuid, "isAdministrator": Schema.boolean,
            ], required: ["email", "displayName", "password", "personKind"]),
            "Authority": Schema.object([
                "id": Schema.uuid, "slug": Schema.string, "name": Schema.string, "profileId": Schema.string,
                "protocolName": Schema.string, "region": Schema.string, "current": Schema.boolean,
            ]),
            "AuthorityCreate": Schema.object([
                "name": ["type": "string", "minLength": 1, "maxLength": 160],
                "slug": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 60],
                "profileId": Schema.enumeration(ProtocolCatalogue.names.map(\.id)),
                "region": Schema.enumeration(["england-and-wales", "scotland", "northern-ireland"]),
            ]),
            "AuditEntry": Schema.object([
                "seq": Schema.integer, "at": Schema.dateTime, "actorName": Schema.string,
                "actorUserId": Schema.nullable("string", extra: ["format": "uuid"]), "action": Schema.string,
                "outcome": Schema.enumeration(["success", "refused", "failure"]),
                "resourceType": Schema.nullable("string"), "resourceId": Schema.nullable("string"),
                "detail": ["type": "object", "additionalProperties": ["type": "string"]], "hash": Schema.string,
            ], required: ["seq", "at", "actorName", "action", "outcome", "detail", "hash"]),
            "AuditVerification": Schema.object([
                "intact": Schema.boolean, "checked": Schema.integer,
                "brokenAt": Schema.nullable("integer"), "message": Schema.nullable("string"),
            ], required: ["intact", "checked"]),
        ]
    }
}
