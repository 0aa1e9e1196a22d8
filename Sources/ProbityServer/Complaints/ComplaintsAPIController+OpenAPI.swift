import ProbityCore

extension ComplaintsAPIController {
    static var openAPI: APIDescription {
        let id: JSONValue = .pathParameter("complaintID", "Complaint id")
        let person: JSONValue = ["type": "string", "pattern": "^(officer|member):[0-9a-fA-F-]{36}$",
                                 "description": "A directory person: `officer:<id>` or `member:<id>`"]
        let text: (Int) -> JSONValue = { ["type": "string", "minLength": 1, "maxLength": .number(Double($0))] }
        let optionalText: (Int) -> JSONValue = { Schema.nullable("string", extra: ["maxLength": .number(Double($0))]) }
        let rule = Schema.ref("ComplaintRule")
        let personInfo = Schema.ref("ComplaintPerson")
        let step: (String, String, JSONValue?) -> (String, String, Operation) = { path, summary, body in
            ("/api/v1/complaints/{complaintID}/\(path)", "post",
             Operation(summary: summary, tag: "Complaints", parameters: [id], body: body, bodyRequired: false,
                       responses: [200: ("The case as you may now see it", Schema.ref("Complaint")),
                                   409: ("The step cannot be taken at the case's stage", Schema.ref("Problem"))]))
        }
        let empty = Schema.object([:])
        return APIDescription(operations: [
            ("/api/v1/complaints", "get", Operation(
                summary: "List the complaints I may see", tag: "Complaints",
                parameters: OpenAPIDocument.paging + [.queryParameter("part", "Only the cases where I have this part",
                                                                      schema: Schema.enumeration(ComplaintListing.Part.allCases.map(\.rawValue)))],
                responses: [200: ("Cases, newest first, each showing only what you may see", Schema.list(of: "ComplaintListItem"))])),
            ("/api/v1/complaints", "post", Operation(
                summary: "Make a complaint or report", tag: "Complaints", body: Schema.ref("ComplaintCreate"),
                responses: [201: ("Recorded and routed under the protocol", Schema.ref("Complaint"))])),
            ("/api/v1/complaints/report", "get", Operation(
                summary: "Standards Committee summary of complaints", tag: "Complaints",
                parameters: [.queryParameter("from", "First day of the period (default: 1 April of this financial year)", schema: Schema.date),
                             .queryParameter("to", "Last day of the period (default: 31 March)", schema: Schema.date)],
                responses: [200: ("Counts by route, kind, category and outcome, and timeliness", Schema.ref("ComplaintReport"))])),
            ("/api/v1/complaints/{complaintID}", "get", Operation(
                summary: "Read a complaint", tag: "Complaints", parameters: [id],
                responses: [200: ("The case as you may see it (the look is audited)", Schema.ref("Complaint"))])),
            step("acknowledgement", "Acknowledge a complaint in writing", Schema.object([
                "receipt": text(ComplaintFields.maxStatement), "intendedAction": text(ComplaintFields.maxStatement),
                "expectedTime": text(ComplaintFields.maxStatement)])),
            step("investigation", "Start the investigation", empty),
            step("investigators", "Add an investigating officer", Schema.object(["person": person])),
            step("items", "Add an item to the investigation", Schema.object([
                "title": text(ComplaintFields.maxTitle), "body": text(ComplaintFields.maxNarrative)])),
            step("witness-shares", "Give items to a witness", Schema.object([
                "witness": person, "items": ["type": "array", "items": Schema.uuid, "minItems": 1]])),
            step("disclosures", "Disclose the allegation or who complained", Schema.object([
                "kind": Schema.enumeration(["allegation", "complainant-identity"]),
                "allegation": text(ComplaintFields.maxNarrative), "to": person], required: ["kind"])),
            step("informal-resolution", "Record an informal resolution", Schema.object([
                "summary": text(ComplaintFields.maxNarrative), "complainantStatement": optionalText(ComplaintFields.maxStatement)],
                required: ["summary"])),
            step("outcome", "Record the outcome or the independent assessment", Schema.object([
                "outcome": Schema.enumeration(ComplaintOutcome.allCases.filter { $0 != .resolvedInformally }.map(\.rawValue)),
                "summary": text(ComplaintFields.maxNarrative), "complainantStatement": optionalText(ComplaintFields.maxStatement),
                "goesToMonitoringOfficer": Schema.nullable("boolean")], required: ["outcome", "summary"])),
            step("referral", "Refer for independent assessment", empty),
            step("closure", "Close a complaint", empty),
            step("handler", "Give a complaint to another handler", Schema.object([
                "person": person, "reason": text(ComplaintFields.maxStatement)])),
        ], schemas: [
            "ComplaintRule": Schema.object(["ruleId": Schema.string, "citation": Schema.string, "statement": Schema.string]),
            "ComplaintPerson": Schema.object(["person": Schema.string, "name": Schema.string]),
            "ComplaintCreate": Schema.object([
                "kind": Schema.enumeration(ComplaintKind.allCases.map(\.rawValue)),
                "subject": person,
                "category": Schema.enumeration(ComplaintCategory.allCases.map(\.rawValue)),
                "details": text(ComplaintFields.maxNarrative),
                "dates": ["type": "array", "items": Schema.date, "maxItems": .number(Double(ComplaintFields.maxDates))],
            ], required: ["kind", "subject", "category", "details"]),
            "ComplaintListItem": Schema.object([
                "id": Schema.uuid, "reference": Schema.string, "href": Schema.string, "part": Schema.string,
                "kind": Schema.string, "kindLabel": Schema.string, "categoryLabel": Schema.string, "stage": Schema.string,
                "stageLabel": Schema.string, "subjectName": Schema.string, "receivedOn": Schema.date, "receivedDisplay": Schema.string,
                "acknowledgeBy": Schema.date, "acknowledgeByDisplay": Schema.string, "timeliness": Schema.string,
                "timelinessLabel": Schema.string, "overdue": Schema.boolean,
            ], required: ["id", "reference", "href", "part", "overdue"]),
            "Complaint": Schema.object([
                "id": Schema.uuid, "reference": Schema.string,
                "access": Schema.object([
                    "audience": Schema.enumeration(ComplaintAudience.allCases.map(\.rawValue)),
                    "audiences": Schema.array(Schema.string), "explanation": Schema.string,
                    "reasons": Schema.array(Schema.string), "rules": Schema.array(rule),
                ]),
                "kind": Schema.enumeration(ComplaintKind.allCases.map(\.rawValue)), "kindLabel": Schema.string,
                "category": Schema.enumeration(ComplaintCategory.allCases.map(\.rawValue)), "categoryLabel": Schema.string,
                "stage": Schema.enumeration(ComplaintStage.allCases.map(\.rawValue)), "stageLabel": Schema.string,
                "acknowledgeBy": Schema.date,
                "timeliness": Schema.object([
                    "receivedOn": Schema.date, "receivedDisplay": Schema.string, "acknowledgeBy": Schema.date,
                    "acknowledgeByDisplay": Schema.string, "acknowledgedOn": Schema.date, "acknowledgedDisplay": Schema.string,
                    "status": Schema.enumeration(AcknowledgementTimeliness.allCases.map(\.rawValue)), "statusLabel": Schema.string,
                    "overdue": Schema.boolean, "outcomeOn": Schema.date, "closedOn": Schema.date, "closedDisplay": Schema.string,
                ], required: ["receivedOn", "receivedDisplay", "acknowledgeBy", "acknowledgeByDisplay", "status", "statusLabel", "overdue"]),
                "rule": rule,
                "route": Schema.object(["procedure": Schema.string, "handledBy": Schema.string, "statutoryInstrument": Schema.string,
                                        "routed": Schema.boolean], required: ["routed"]),
                "routeNotes": Schema.array(Schema.string), "unroutedReason": Schema.string, "unroutedRules": Schema.array(rule),
                "complainant": personInfo, "subject": personInfo,
                "details": Schema.string, "incidentDates": Schema.array(Schema.date), "incidentDatesDisplay": Schema.array(Schema.string),
                "disclosedAllegation": Schema.string,
                "sharedItems": Schema.array(Schema.ref("ComplaintItem")),
                "acknowledgement": Schema.object(["receipt": Schema.string, "intendedAction": Schema.string, "expectedTime": Schema.string,
                                                  "sentOn": Schema.date, "sentDisplay": Schema.string],
                                                 required: ["receipt", "intendedAction", "expectedTime"]),
                "outcome": Schema.object(["outcome": Schema.string, "label": Schema.string, "recordedOn": Schema.date,
                                          "assessment": Schema.string, "assessmentLabel": Schema.string, "referredOn": Schema.date],
                                         required: ["outcome", "label"]),
                "complainantStatement": Schema.string, "complainantLearns": Schema.string, "goesToMonitoringOfficer": Schema.boolean,
                "outcomeSummary": Schema.string, "assessmentSummary": Schema.string,
                "investigation": Schema.object([
                    "items": Schema.array(Schema.ref("ComplaintItem")), "investigators": Schema.array(personInfo),
                    "witnesses": Schema.array(Schema.object(["witness": personInfo, "items": Schema.array(Schema.string)])),
                    "allegationDisclosed": Schema.boolean, "complainantIdentityDisclosedTo": Schema.array(personInfo),
                ]),
                "people": Schema.object(["handler": personInfo, "copiedTo": Schema.array(personInfo), "informed": Schema.array(personInfo),
                                         "assessors": Schema.array(personInfo)], required: ["copiedTo", "informed", "assessors"]),
                "history": Schema.array(Schema.object(["on": Schema.date, "display": Schema.string, "action": Schema.string,
                                                       "label": Schema.string, "stage": Schema.string, "note": Schema.string],
                                                      required: ["on", "display", "action", "label", "stage"])),
                "actions": Schema.array(Schema.enumeration(ComplaintActionKind.allCases.map(\.rawValue))),
                "guidance": Schema.array(rule),
            ], required: ["id", "reference", "access", "actions"]),
            "ComplaintItem": Schema.object(["id": Schema.uuid, "title": Schema.string, "body": Schema.string,
                                            "added": Schema.string, "addedBy": Schema.string]),
            "ComplaintReport": Schema.object([
                "from": Schema.date, "to": Schema.date, "fromDisplay": Schema.string, "toDisplay": Schema.string, "asOf": Schema.date,
                "summary": Schema.object([
                    "total": Schema.integer, "isEmpty": Schema.boolean, "statements": Schema.array(Schema.string),
                    "byKind": Schema.array(Schema.ref("ComplaintCount")), "byRoute": Schema.array(Schema.ref("ComplaintCount")),
                    "byCategory": Schema.array(Schema.ref("ComplaintCount")), "byOutcome": Schema.array(Schema.ref("ComplaintCount")),
                    "acknowledgement": Schema.array(Schema.ref("ComplaintCount")),
                    "open": Schema.integer, "closed": Schema.integer, "referred": Schema.integer, "monitoringRule": rule,
                ], required: ["total", "isEmpty", "statements", "byKind", "byRoute", "byCategory", "byOutcome", "acknowledgement",
                              "open", "closed", "referred"]),
                "summaryExplanation": Schema.string,
                "indicator": Schema.object([
                    "shown": Schema.boolean, "explanation": Schema.string,
                    "flags": Schema.array(Schema.object(["person": Schema.string, "name": Schema.string, "count": Schema.integer,
                                                         "windowStart": Schema.date, "message": Schema.string, "rule": rule])),
                ]),
            ], required: ["from", "to", "fromDisplay", "toDisplay", "asOf", "summaryExplanation", "indicator"]),
            "ComplaintCount": Schema.object(["key": Schema.nullable("string"), "label": Schema.string, "count": Schema.integer],
                                            required: ["label", "count"]),
        ])
    }
}
