extension ProtocolAPIController {
    static var openAPI: APIDescription {
        let profileID: JSONValue = .pathParameter("profileID", "A built-in profile's id, e.g. tower-hamlets", schema: Schema.string)
        let otherID: JSONValue = .pathParameter("otherID", "The profile to compare with", schema: Schema.string)
        let differences: JSONValue = .queryParameter("differences", "`only` to list only the rules that act differently", schema: Schema.enumeration(["only"]))
        let rule: JSONValue = Schema.object([
            "id": Schema.string, "title": Schema.string, "statement": Schema.string, "citation": Schema.string,
            "isSilent": Schema.boolean, "silentReason": Schema.nullable("string"), "inForce": Schema.boolean,
            "parameters": Schema.string, "overridden": Schema.boolean,
        ], required: ["id", "title", "statement", "citation", "isSilent", "inForce", "parameters", "overridden"])
        return APIDescription(operations: [
            ("/api/v1/protocols", "get", Operation(summary: "List the built-in protocol profiles", tag: "Protocol",
                                                  responses: [200: ("Profiles", Schema.object(["items": Schema.array(Schema.ref("ProtocolSummary"))]))])),
            ("/api/v1/protocols/check", "post", Operation(summary: "Check a protocol profile", tag: "Protocol", body: Schema.string, bodyType: "application/yaml",
                                                         responses: [200: ("Every problem with its line; valid when none", Schema.ref("ProfileCheck"))])),
            ("/api/v1/protocols/{profileID}", "get", Operation(summary: "Read a built-in protocol profile", tag: "Protocol", parameters: [profileID],
                                                              responses: [200: ("The profile, in the fields of its YAML file", Schema.ref("ProtocolProfile"))])),
            ("/api/v1/protocols/{profileID}/compare/{otherID}", "get", Operation(summary: "Compare two protocol profiles", tag: "Protocol",
                                                                                parameters: [profileID, otherID, differences],
                                                                                responses: [200: ("Rule by rule", Schema.ref("ProtocolComparison"))])),
            ("/api/v1/protocol", "get", Operation(summary: "Read my authority's protocol", tag: "Protocol",
                                                 responses: [200: ("The profile with the authority's overrides applied", Schema.ref("AuthorityProtocol"))])),
            ("/api/v1/protocol/overrides", "get", Operation(summary: "List my authority's rule overrides", tag: "Protocol",
                                                           responses: [200: ("Overrides", Schema.object(["items": Schema.array(Schema.ref("RuleOverride"))]))])),
            ("/api/v1/protocol/overrides", "post", Operation(summary: "Override a rule", tag: "Protocol", body: Schema.ref("RuleOverrideCreate"),
                                                            responses: [201: ("In force", Schema.ref("RuleOverride"))])),
            ("/api/v1/protocol/overrides/{overrideID}", "delete", Operation(summary: "Remove a rule override", tag: "Protocol",
                                                                           parameters: [.pathParameter("overrideID", "Override id")],
                                                                           responses: [204: ("Removed: the profile's own rule applies again", nil)])),
        ], schemas: [
            "ProtocolSummary": Schema.object([
                "id": Schema.string, "authorityName": Schema.string, "title": Schema.string, "citationName": Schema.string,
                "date": Schema.string, "region": Schema.enumeration(["england-and-wales", "scotland", "northern-ireland"]),
                "rules": Schema.integer, "silentRules": Schema.integer,
            ]),
            "ProtocolProfile": Schema.object([
                "schemaVersion": Schema.integer, "id": Schema.string, "authorityName": Schema.string,
                "document": ["type": "object"], "region": Schema.string,
                "enquiries": ["type": "object"], "complaints": ["type": "object"], "declarations": ["type": "object"],
                "information": ["type": "object"], "briefings": ["type": "object"], "notifications": ["type": "object"],
                "guidance": ["type": "array"],
            ], required: ["schemaVersion", "id", "authorityName", "document", "region"], closed: false),
            "AuthorityProtocol": Schema.object([
                "profileId": Schema.string, "region": Schema.string, "overriddenRuleIds": Schema.array(Schema.string),
                "profile": Schema.ref("ProtocolProfile"),
            ]),
            "ProfileCheck": Schema.object([
                "valid": Schema.boolean,
                "issues": Schema.array(Schema.object(["path": Schema.string, "line": Schema.nullable("integer"),
                                                      "column": Schema.nullable("integer"), "message": Schema.string],
                                                     required: ["path", "message"])),
            ]),
            "ProtocolComparison": Schema.object([
                "left": Schema.string, "right": Schema.string, "leftName": Schema.string, "rightName": Schema.string,
                "differences": Schema.integer,
                "rows": Schema.array(Schema.object([
                    "id": Schema.string, "section": Schema.string, "title": Schema.string, "differs": Schema.boolean,
                    "left": rule, "right": rule,
                ], required: ["id", "section", "title", "differs"])),
            ]),
            "RuleOverride": Schema.object([
                "id": Schema.uuid, "ruleId": Schema.string, "yaml": Schema.string, "createdBy": Schema.string, "createdAt": Schema.dateTime,
            ]),
            "RuleOverrideCreate": Schema.object([
                "ruleId": ["type": "string", "minLength": 1, "maxLength": 200],
                "yaml": ["type": "string", "minLength": 1, "maxLength": 20000],
            ]),
        ])
    }
}
