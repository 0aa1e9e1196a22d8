import ProbityCore

extension RegistersAPIController {
    static var openAPI: APIDescription {
        let id: JSONValue = .pathParameter("declarationID", "Declaration id")
        let person: JSONValue = ["type": "string", "pattern": "^(officer|member):[0-9a-fA-F-]{36}$",
                                 "description": "A directory person: `officer:<id>` or `member:<id>`"]
        let text: (Int) -> JSONValue = { ["type": "string", "minLength": 1, "maxLength": .number(Double($0))] }
        // Text a request may leave empty (which field is needed depends on the kind).
        let optional: (Int) -> JSONValue = { ["type": "string", "maxLength": .number(Double($0))] }
        let names: JSONValue = ["type": "array", "items": text(RegisterFields.maxName), "maxItems": .number(Double(RegisterFields.maxList))]
        let ids: JSONValue = ["type": "array", "items": Schema.uuid, "maxItems": .number(Double(RegisterFields.maxList))]
        let people: JSONValue = ["type": "array", "items": person, "maxItems": .number(Double(RegisterFields.maxList))]
        let tags: [String: JSONValue] = ["wards": ids, "land": names, "bodies": names, "people": people, "posts": names,
                                         "departments": ids, "topics": names]
        let rule = Schema.ref("RegisterRule")
        let personInfo = Schema.ref("RegisterPerson")
        let months: JSONValue = ["type": "integer", "minimum": 0, "maximum": 600]
        var declarationInput: [String: JSONValue] = [
            "kind": Schema.enumeration(DeclarationKindName.allCases.map(\.rawValue)),
            "description": optional(RegisterFields.maxText),
            "relatedPersonName": optional(RegisterFields.maxName),
            "sensitive": Schema.boolean, "significant": Schema.boolean, "ceasedOn": Schema.date,
            "category": Schema.enumeration(PecuniaryInterestCategory.allCases.map(\.rawValue) + OtherInterestCategory.allCases.map(\.rawValue)),
            "holder": Schema.enumeration([InterestHolder.member.rawValue, InterestHolder.spouseOrPartner.rawValue]),
            "meetingID": optional(RegisterFields.maxName), "itemIDs": names,
            "with": person, "nature": Schema.enumeration(RelationshipNature.allCases.map(\.rawValue)),
            "undueInfluence": Schema.boolean, "jeopardises": Schema.boolean,
            "candidateName": optional(RegisterFields.maxName), "processID": optional(RegisterFields.maxName), "post": optional(RegisterFields.maxName),
            "restriction": Schema.enumeration(DeclarationFields.RestrictionName.allCases.map(\.rawValue)),
            "months": months, "rentArrearsMonths": months, "address": optional(RegisterFields.maxName), "union": optional(RegisterFields.maxName),
            "role": Schema.enumeration([TradeUnionRole.official.rawValue, TradeUnionRole.employee.rawValue]),
            "authority": optional(RegisterFields.maxName),
        ]
        declarationInput.merge(tags) { a, _ in a }
        var itemInput = tags
        itemInput["id"] = optional(RegisterFields.maxName)
        itemInput["title"] = text(RegisterFields.maxName * 2)
        for key in RegisterFields.businessKeys { itemInput[key] = Schema.boolean }
        let body: (String) -> JSONValue = { Schema.ref($0) }
        return APIDescription(operations: [
            ("/api/v1/declarations", "get", Operation(
                summary: "List declarations", tag: "Registers",
                parameters: OpenAPIDocument.paging + [.queryParameter("scope", "mine (default): my own entries; declared-to-me: relationships and links to candidates the protocol sends to me; all: every entry (Monitoring Officer only)",
                                                                      schema: Schema.enumeration(Scope.allCases.map(\.rawValue)))],
                responses: [200: ("Entries, each shown only to those who may see it", Schema.list(of: "Declaration"))])),
            ("/api/v1/declarations", "post", Operation(
                summary: "Make a declaration", tag: "Registers", body: body("DeclarationInput"),
                responses: [201: ("Recorded, and sent to those the protocol names", Schema.ref("Declaration"))])),
            ("/api/v1/declarations/{declarationID}", "get", Operation(
                summary: "Read a declaration", tag: "Registers", parameters: [id],
                responses: [200: ("The entry (reads of others' entries are audited)", Schema.ref("Declaration"))])),
            ("/api/v1/declarations/{declarationID}", "patch", Operation(
                summary: "Change my declaration", tag: "Registers", parameters: [id], body: body("DeclarationPatch"),
                responses: [200: ("Changed; fields not given are kept", Schema.ref("Declaration"))])),
            ("/api/v1/declarations/{declarationID}/withdrawal", "post", Operation(
                summary: "Withdraw my declaration made in error", tag: "Registers", parameters: [id], body: Schema.object([:]),
                responses: [200: ("Withdrawn: kept, but out of every register and check", Schema.ref("Declaration"))])),
            ("/api/v1/declarations/{declarationID}/determination", "post", Operation(
                summary: "Record whether someone related to a candidate may continue", tag: "Registers", parameters: [id],
                body: Schema.object(["mayContinue": Schema.boolean, "note": optional(RegisterFields.maxText)], required: ["mayContinue"]),
                responses: [200: ("Recorded; the declarant is told", Schema.ref("Declaration"))])),
            ("/api/v1/declarations/{declarationID}/sensitivity", "post", Operation(
                summary: "Decide whether an interest is sensitive", tag: "Registers", parameters: [id],
                body: Schema.object(["decision": Schema.enumeration(["agreed", "refused"])], required: ["decision"]),
                responses: [200: ("Decided; the declarant is told", Schema.ref("Declaration"))])),
            ("/api/v1/dispensations", "get", Operation(
                summary: "List dispensations", tag: "Registers",
                responses: [200: ("Every dispensation (Monitoring Officer), or those granted to me or every member", Schema.object(["items": Schema.array(Schema.ref("Dispensation"))]))])),
            ("/api/v1/dispensations", "post", Operation(
                summary: "Record a dispensation", tag: "Registers", body: body("DispensationInput"),
                responses: [201: ("Recorded; the member is told", Schema.ref("Dispensation"))])),
            ("/api/v1/registration-duties", "get", Operation(
                summary: "List registration duties", tag: "Registers",
                parameters: [.queryParameter("scope", "all: every member's (Monitoring Officer only); otherwise my own", schema: Schema.enumeration(["mine", "all"]))],
                responses: [200: ("Duties with the last day to register and its rule", Schema.object(["items": Schema.array(Schema.ref("RegistrationDuty"))]))])),
            ("/api/v1/registration-duties", "post", Operation(
                summary: "Record that a member must register", tag: "Registers",
                body: Schema.object(["person": person, "trigger": Schema.enumeration(RegistrationDuties.TriggerName.allCases.map(\.rawValue)),
                                     "date": Schema.date], required: ["person", "trigger", "date"]),
                responses: [201: ("Recorded; the member is told the last day", Schema.ref("RegistrationDuty"))])),
            ("/api/v1/registration-duties/confirmation", "post", Operation(
                summary: "Confirm my register is complete", tag: "Registers", body: Schema.object([:]), bodyRequired: false,
                responses: [200: ("My open duties are met today", Schema.object(["met": Schema.integer, "items": Schema.array(Schema.ref("RegistrationDuty"))]))])),
            ("/api/v1/conflict-checks", "post", Operation(
                summary: "Check a matter for conflicts of interest", tag: "Registers", body: body("ConflictCheckInput"),
                responses: [200: ("For each participant and item: must withdraw, may speak but not vote, must declare or clear, with reasons and citations", Schema.ref("ConflictReport"))])),
            ("/api/v1/registers/{authority}/public", "get", Operation(
                summary: "The published register of members' interests", tag: "Registers",
                parameters: [.pathParameter("authority", "The authority's slug", schema: Schema.string)],
                responses: [200: ("What the law makes public and nothing more (Localism Act 2011 ss.29, 32)", Schema.ref("PublicRegister"))],
                authenticated: false)),
        ], schemas: [
            "RegisterRule": Schema.object(["ruleId": Schema.string, "citation": Schema.string, "statement": Schema.string]),
            "RegisterPerson": Schema.object(["person": Schema.string, "name": Schema.string]),
            "DeclarationInput": Schema.object(declarationInput, required: ["kind"]),
            "DeclarationPatch": Schema.object(declarationInput),
            "Declaration": Schema.object([
                "id": Schema.uuid, "href": Schema.string, "declarant": personInfo, "kind": Schema.enumeration(DeclarationKindName.allCases.map(\.rawValue)),
                "kindLabel": Schema.string, "label": Schema.string, "isPrivate": Schema.boolean, "description": Schema.string,
                "relatedPersonName": Schema.string, "category": Schema.string, "holder": Schema.string, "meetingID": Schema.string,
                "itemIDs": Schema.array(Schema.string),
                "relationship": Schema.object(["with": personInfo, "nature": Schema.string, "natureLabel": Schema.string,
                                               "undueInfluence": Schema.boolean, "jeopardises": Schema.boolean]),
                "recruitment": Schema.object(["candidateName": Schema.string, "processID": Schema.string, "post": Schema.string,
                                              "determination": Schema.object(["mayContinue": Schema.boolean, "decidedBy": personInfo, "decidedOn": Schema.date,
                                                                               "decidedDisplay": Schema.string, "note": Schema.string])]),
                "restriction": Schema.object(["type": Schema.string, "label": Schema.string, "months": Schema.integer, "address": Schema.string,
                                              "rentArrearsMonths": Schema.integer, "union": Schema.string, "role": Schema.string,
                                              "authority": Schema.string, "post": Schema.string]),
                "tags": ["type": "object", "additionalProperties": Schema.array(Schema.string)], "touches": Schema.array(Schema.string),
                "sensitivity": Schema.enumeration(["none", "requested", "agreed", "refused"]), "sensitivityLabel": Schema.string,
                "significant": Schema.boolean, "registeredOn": Schema.date, "registeredDisplay": Schema.string,
                "ceasedOn": Schema.date, "ceasedDisplay": Schema.string,
                "status": Schema.enumeration(["current", "ceased", "withdrawn"]), "statusLabel": Schema.string,
                "route": Schema.object(["to": Schema.array(personInfo), "copyTo": Schema.array(personInfo), "informed": Schema.array(personInfo),
                                        "informedIfUndueInfluence": Schema.array(personInfo), "notes": Schema.array(Schema.string),
                                        "unresolved": Schema.array(Schema.string), "rules": Schema.array(rule)]),
                "actions": Schema.array(Schema.enumeration(["update", "withdraw", "determine", "decide-sensitivity"])),
            ], required: ["id", "declarant", "kind", "status", "actions"]),
            "DispensationInput": Schema.object([
                "grantee": ["type": "string", "description": "`member:<id>` or `all-members`"],
                "scope": Schema.enumeration(DispensationService.ScopeName.allCases.map(\.rawValue)),
                "declarationID": Schema.uuid, "matterID": optional(RegisterFields.maxName), "itemID": optional(RegisterFields.maxName),
                "scopeValue": optional(RegisterFields.maxName),
                "terms": Schema.enumeration(["discussion", "discussion-and-vote"]),
                "ground": Schema.enumeration(Dispensation.Ground.allCases.map(\.rawValue)),
                "grantedOn": Schema.date, "expiresOn": Schema.date, "reasons": text(RegisterFields.maxText),
            ], required: ["grantee", "scope", "terms", "ground", "expiresOn", "reasons"]),
            "Dispensation": Schema.object([
                "id": Schema.uuid, "grantee": personInfo, "allMembers": Schema.boolean, "scope": Schema.string, "scopeLabel": Schema.string,
                "terms": Schema.string, "termsLabel": Schema.string, "ground": Schema.string, "groundLabel": Schema.string,
                "grantedBy": personInfo, "grantedOn": Schema.date, "grantedDisplay": Schema.string, "expiresOn": Schema.date,
                "expiresDisplay": Schema.string, "inEffect": Schema.boolean, "reasons": Schema.string,
            ], required: ["id", "allMembers", "scope", "terms", "grantedOn", "expiresOn"]),
            "RegistrationDuty": Schema.object([
                "id": Schema.uuid, "person": personInfo, "trigger": Schema.string, "triggerLabel": Schema.string, "triggerOn": Schema.date,
                "triggerDisplay": Schema.string, "lastDay": Schema.date, "lastDayDisplay": Schema.string, "calendarDays": Schema.integer,
                "status": Schema.enumeration(["due", "overdue", "registered", "registered-late"]), "statusLabel": Schema.string,
                "registeredOn": Schema.date, "rules": Schema.array(rule), "statement": Schema.string,
            ], required: ["id", "person", "lastDay", "status", "rules", "statement"]),
            "ConflictCheckInput": Schema.object([
                "kind": Schema.enumeration(ConflictCheckRequest.KindName.allCases.map(\.rawValue)),
                "id": optional(RegisterFields.maxName), "title": optional(RegisterFields.maxName), "date": Schema.date,
                "committee": Schema.uuid, "departments": ids, "negotiatesWithStaff": Schema.boolean, "includeCommitteeMembers": Schema.boolean,
                "processID": optional(RegisterFields.maxName), "post": optional(RegisterFields.maxName),
                "items": ["type": "array", "maxItems": .number(Double(ConflictCheckRequest.maxItems)), "items": Schema.object(itemInput, required: ["title"])],
                "participants": ["type": "array", "maxItems": .number(Double(ConflictCheckRequest.maxParticipants)),
                                 "items": Schema.object(["person": person,
                                                         "capacity": Schema.enumeration(["chair", "member", "substitute", "non-voting-member", "panel-member", "decision-maker", "officer-advising"])],
                                                        required: ["person"])],
            ], required: ["kind"]),
            "ConflictReport": Schema.object([
                "matterID": Schema.string, "kind": Schema.string, "title": Schema.string, "committee": Schema.string, "date": Schema.date,
                "dateDisplay": Schema.string, "authorityName": Schema.string, "generatedBy": Schema.string,
                "agenda": Schema.array(Schema.object(["itemID": Schema.string, "title": Schema.string, "touches": Schema.array(Schema.string),
                                                      "affected": Schema.array(Schema.object(["name": Schema.string, "outcome": Schema.string, "outcomeLabel": Schema.string]))])),
                "participants": Schema.array(Schema.ref("ConflictParticipant")),
                "counts": Schema.object(["mustWithdraw": Schema.integer, "maySpeakNotVote": Schema.integer, "mustDeclare": Schema.integer, "clear": Schema.integer]),
            ], required: ["matterID", "date", "participants", "counts"]),
            "ConflictParticipant": Schema.object([
                "person": Schema.string, "name": Schema.string, "capacity": Schema.string,
                "overall": Schema.enumeration(["clear", "must-declare", "may-speak-not-vote", "must-withdraw"]), "overallLabel": Schema.string,
                "items": Schema.array(Schema.ref("ConflictItem")), "affected": Schema.array(Schema.ref("ConflictItem")),
            ]),
            "ConflictItem": Schema.object([
                "itemID": Schema.string, "title": Schema.string, "outcome": Schema.string, "outcomeLabel": Schema.string,
                "reasons": Schema.array(Schema.object([
                    "outcome": Schema.string, "outcomeLabel": Schema.string, "ruleOutcome": Schema.string, "declarationID": Schema.uuid,
                    "declarationLabel": Schema.string, "explanation": Schema.string, "rules": Schema.array(rule), "citations": Schema.string,
                    "dispensable": Schema.boolean, "dispensationID": Schema.uuid, "notes": Schema.array(Schema.string), "sensitive": Schema.boolean,
                ])),
            ]),
            "PublicRegister": Schema.object([
                "authority": Schema.string, "authorityName": Schema.string, "asOf": Schema.date, "asOfDisplay": Schema.string,
                "members": Schema.array(Schema.object([
                    "name": Schema.string, "hasNoInterests": Schema.boolean,
                    "sections": Schema.array(Schema.object(["heading": Schema.string, "entries": Schema.array(Schema.object([
                        "details": Schema.string, "registeredOn": Schema.date, "registeredDisplay": Schema.string, "withheld": Schema.boolean,
                    ]))])),
                ])),
                "rules": Schema.array(rule),
            ]),
        ])
    }
}
