extension EnquiriesAPIController {
    static var openAPI: APIDescription {
        let id: JSONValue = .pathParameter("enquiryID", "Enquiry id")
        let filters: [JSONValue] = OpenAPIDocument.paging + [
            .queryParameter("status", "Status", schema: Schema.enumeration(["received", "acknowledged", "responded", "closed", "reopened"])),
            .queryParameter("overdue", "`true` for enquiries past their due date only", schema: Schema.enumeration(["true", "false"])),
            .queryParameter("member", "Member id", schema: Schema.uuid),
            .queryParameter("service", "Service id", schema: Schema.uuid),
            .queryParameter("scope", "`mine`: only those I am handling", schema: Schema.enumeration(["all", "mine"])),
        ]
        let ref = Schema.object(["id": Schema.uuid, "name": Schema.string])
        let rule = Schema.object(["ruleId": Schema.string, "citation": Schema.string, "statement": Schema.string])
        let event = Schema.object(["at": Schema.dateTime, "atDisplay": Schema.string, "what": Schema.string, "text": Schema.nullable("string")],
                                  required: ["at", "atDisplay", "what"])
        let text = { (max: Int) -> JSONValue in ["type": "string", "maxLength": .number(Double(max))] }
        var operations: [(path: String, method: String, operation: Operation)] = [
            ("/api/v1/enquiries", "get", Operation(summary: "List enquiries", tag: "Enquiries", parameters: filters,
                                                  responses: [200: ("The enquiries you may see, overdue first", Schema.list(of: "Enquiry"))])),
            ("/api/v1/enquiries", "post", Operation(summary: "Raise an enquiry", tag: "Enquiries", body: Schema.ref("EnquiryCreate"),
                                                   responses: [201: ("Registered, routed and timed", Schema.ref("Enquiry"))])),
            ("/api/v1/enquiries/report", "get", Operation(summary: "Enquiry timeliness report", tag: "Enquiries",
                                                         responses: [200: ("Timeliness by service, group and member; volume indicator for chief officers", ["type": "object"])])),
            ("/api/v1/enquiries/{enquiryID}", "get", Operation(summary: "Read an enquiry", tag: "Enquiries", parameters: [id],
                                                              responses: [200: ("The enquiry (the read is audited)", Schema.ref("Enquiry"))])),
            ("/api/v1/enquiries/{enquiryID}/attachments", "post", Operation(
                summary: "Attach a file to an enquiry", tag: "Enquiries",
                parameters: [id, ["name": "filename", "in": "query", "required": true, "description": "The file's name", "schema": ["type": "string", "minLength": 1, "maxLength": 200]]],
                body: ["type": "string", "format": "binary"], bodyType: "application/octet-stream",
                responses: [201: ("Stored", Schema.object(["id": Schema.uuid, "filename": Schema.string, "contentType": Schema.string, "byteCount": Schema.integer]))])),
            ("/api/v1/enquiries/{enquiryID}/attachments/{attachmentID}", "get", Operation(
                summary: "Download an attachment", tag: "Enquiries", parameters: [id, .pathParameter("attachmentID", "Attachment id")],
                responses: [200: ("The file", nil)])),
        ]
        let bodies: [String: JSONValue] = [
            "acknowledgement": Schema.object(["explanation": Schema.nullable("string", extra: ["maxLength": 2000])], required: []),
            "response": Schema.object(["route": Schema.enumeration(["to-member", "to-member-for-onward-posting", "direct-to-constituent"]),
                                       "confidential": Schema.boolean, "reply": ["type": "string", "minLength": 1, "maxLength": 20000]],
                                      required: ["route", "reply"]),
            "assignment": Schema.object(["officer": Schema.uuid]),
            "notes": Schema.object(["note": ["type": "string", "minLength": 1, "maxLength": 10000]]),
            "delay-notice": Schema.object(["explanation": ["type": "string", "minLength": 1, "maxLength": 2000]]),
            "closure": Schema.object(["reason": ["type": "string", "minLength": 1, "maxLength": 2000]]),
            "reopening": Schema.object(["reason": ["type": "string", "minLength": 1, "maxLength": 2000]]),
        ]
        for (path, _) in actions {
            operations.append(("/api/v1/enquiries/{enquiryID}/\(path)", "post", Operation(
                summary: "Enquiry \(path.replacingOccurrences(of: "-", with: " "))", tag: "Enquiries", parameters: [id], body: bodies[path],
                responses: [200: ("The enquiry after the change", Schema.ref("Enquiry"))])))
        }
        return APIDescription(operations: operations, schemas: [
            "Enquiry": Schema.object([
                "id": Schema.uuid, "reference": Schema.string, "status": Schema.string, "statusDisplay": Schema.string,
                "subject": Schema.string, "member": ref, "raisedBy": Schema.string, "service": ref, "handler": ref,
                "routine": Schema.boolean, "channel": Schema.nullable("string"), "purpose": Schema.nullable("string"),
                "wardId": Schema.nullable("string", extra: ["format": "uuid"]), "receivedAt": Schema.dateTime, "receivedDisplay": Schema.string,
                "acknowledgeBy": Schema.nullable("string", extra: ["format": "date"]), "dueOn": Schema.date, "dueDisplay": Schema.string,
                "dueRule": rule, "overdue": Schema.boolean,
                "respondedAt": Schema.nullable("string", extra: ["format": "date-time"]), "closedAt": Schema.nullable("string", extra: ["format": "date-time"]),
                "details": Schema.nullable("string"),
                "constituent": ["type": ["object", "null"]],
                "replies": ["type": ["array", "null"], "items": ["type": "object"]],
                "history": ["type": ["array", "null"], "items": event],
                "notes": ["type": ["array", "null"], "items": event],
                "attachments": ["type": ["array", "null"], "items": ["type": "object"]],
            ], required: ["id", "reference", "status", "statusDisplay", "subject", "member", "raisedBy", "service", "handler", "routine",
                          "receivedAt", "receivedDisplay", "dueOn", "dueDisplay", "dueRule", "overdue"]),
            "EnquiryCreate": Schema.object([
                "member": Schema.uuid, "channel": Schema.enumeration(["phone", "fax", "tape", "email", "letter", "personal-visit", "web"]),
                "subject": ["type": "string", "minLength": 1, "maxLength": 200], "details": ["type": "string", "minLength": 1, "maxLength": 10000],
                "purpose": Schema.enumeration(["ward-casework", "council-business", "policy", "party-political", "campaigning", "personal", "private-business"]),
                "service": Schema.uuid, "ward": Schema.uuid, "nonRoutine": Schema.boolean,
                "constituent": Schema.object(["name": text(200), "contact": text(500), "consentToShare": Schema.boolean], required: []),
            ], required: ["subject", "details", "purpose", "service"]),
        ])
    }
}
