import ProbityCore

extension InformationAPIController {
    static var openAPI: APIDescription {
        let documentID: JSONValue = .pathParameter("documentID", "Document id")
        let requestID: JSONValue = .pathParameter("requestID", "Need-to-know request id")
        let confidenceID: JSONValue = .pathParameter("confidenceID", "Party-political confidence id")
        let briefingID: JSONValue = .pathParameter("briefingID", "Briefing id")
        let actingFor: JSONValue = .queryParameter("actingFor", "Group assistants: the member of your group you act for on this occasion (TH 12.23)", schema: Schema.uuid)
        let text = { (max: Int) -> JSONValue in ["type": "string", "minLength": 1, "maxLength": .number(Double(max))] }
        let ref = Schema.object(["id": Schema.uuid, "name": Schema.string])
        let strings = Schema.array(Schema.string)
        let rule = Schema.object(["ruleId": Schema.string, "citation": Schema.string, "statement": Schema.string])
        let file = Schema.object(["filename": text(200), "contentBase64": ["type": "string", "contentEncoding": "base64"]])
        let classes = Schema.enumeration(DocumentClasses.kinds.map(\.value))
        let event = Schema.object(["kind": Schema.string, "at": Schema.dateTime, "atDisplay": Schema.string, "by": Schema.nullable("string"),
                                   "note": Schema.nullable("string"), "citations": strings], required: ["kind", "at", "atDisplay", "citations"])
        let briefingTag = "Group briefings"
        var operations: [(path: String, method: String, operation: Operation)] = [
            ("/api/v1/documents", "get", Operation(summary: "List documents", tag: "Documents", parameters: OpenAPIDocument.paging + [actingFor],
                                                  responses: [200: ("The documents you may read and, for councillors, those you may ask for; narrowed before counting", Schema.list(of: "Document"))])),
            ("/api/v1/documents", "post", Operation(summary: "File a document", tag: "Documents", body: Schema.ref("DocumentCreate"),
                                                   responses: [201: ("Filed (officers only)", Schema.ref("Document"))])),
            ("/api/v1/documents/interests", "get", Operation(summary: "List my declared interests", tag: "Documents",
                                                            responses: [200: ("Matters in which you declared an interest: for them you see only the public papers (TH 12.7)", Schema.object(["subjects": strings]))])),
            ("/api/v1/documents/interests", "post", Operation(summary: "Declare an interest in a matter", tag: "Documents",
                                                             body: Schema.object(["subjects": ["type": "array", "items": text(200), "minItems": 1, "maxItems": 10]]),
                                                             responses: [200: ("Your declared interests", Schema.object(["subjects": strings]))])),
            ("/api/v1/documents/{documentID}", "get", Operation(summary: "Read a document's details", tag: "Documents", parameters: [documentID, actingFor],
                                                               responses: [200: ("The document with the access decision, its reasons and rules (the read is audited; a refusal is an audited 403)", Schema.ref("Document"))])),
            ("/api/v1/documents/{documentID}/download", "get", Operation(
                summary: "Download a document", tag: "Documents", parameters: [documentID, actingFor],
                responses: [200: ("The file, or its redacted version where that is what was released; marked confidential in Content-Disposition and X-Probity-Classification / X-Probity-Use-Limited-To where not public (TH 12.16)", nil)])),
            ("/api/v1/documents/{documentID}/redacted-version", "post", Operation(
                summary: "File a redacted version", tag: "Documents", parameters: [documentID],
                body: Schema.object(["redactionNote": text(2000), "file": file]),
                responses: [200: ("Filed (TH 12.12)", Schema.ref("Document"))])),
            ("/api/v1/access-requests", "get", Operation(summary: "List need-to-know requests", tag: "Need-to-know requests", parameters: OpenAPIDocument.paging,
                                                        responses: [200: ("Your own requests, or (officers) those you decide; never another councillor's (TH 12.19)", Schema.list(of: "AccessRequest"))])),
            ("/api/v1/access-requests", "post", Operation(summary: "Make a need-to-know request", tag: "Need-to-know requests", body: Schema.ref("AccessRequestCreate"),
                                                         responses: [201: ("Sent to the Chief Officer or Divisional Director (TH 12.22)", Schema.ref("AccessRequest"))])),
            ("/api/v1/access-requests/{requestID}", "get", Operation(summary: "Read a need-to-know request", tag: "Need-to-know requests", parameters: [requestID],
                                                                    responses: [200: ("The request", Schema.ref("AccessRequest"))])),
            ("/api/v1/access-requests/{requestID}/decision", "post", Operation(
                summary: "Decide a need-to-know request", tag: "Need-to-know requests", parameters: [requestID],
                body: Schema.object(["outcome": Schema.enumeration(AccessRequestService.outcomes),
                                     "ground": Schema.enumeration(NeedToKnowRefusalGround.allCases.map(\.rawValue)),
                                     "explanation": text(4000), "purpose": text(4000), "expiresOn": Schema.date, "redactionConfirmed": Schema.boolean],
                                    required: ["outcome"]),
                responses: [200: ("The request after the decision; a first refusal is referred for determination", Schema.ref("AccessRequest"))])),
            ("/api/v1/confidences", "get", Operation(summary: "List party-political confidences", tag: "Party-political confidences",
                                                    responses: [200: ("The records you hold", Schema.object(["items": Schema.array(Schema.ref("Confidence"))]))])),
            ("/api/v1/confidences", "post", Operation(summary: "Record a party-political confidence", tag: "Party-political confidences",
                                                     body: Schema.object(["member": Schema.uuid, "setting": Schema.enumeration(ConfidenceSetting.allCases.map(\.rawValue)),
                                                                          "summary": text(10000), "service": Schema.uuid], required: ["member", "setting", "summary"]),
                                                     responses: [201: ("Recorded", Schema.ref("Confidence"))])),
            ("/api/v1/confidences/{confidenceID}", "get", Operation(summary: "Read a party-political confidence", tag: "Party-political confidences", parameters: [confidenceID],
                                                                   responses: [200: ("The record", Schema.ref("Confidence"))])),
            ("/api/v1/confidences/{confidenceID}/shares", "post", Operation(
                summary: "Share a confidence with an officer", tag: "Party-political confidences", parameters: [confidenceID],
                body: Schema.object(["officer": Schema.uuid, "necessity": Schema.enumeration(SharingNecessity.allCases.map(\.rawValue)), "explanation": text(4000)]),
                responses: [200: ("Shared where necessary; the confidence is confirmed to them (LE 12)", Schema.ref("Confidence"))])),
            ("/api/v1/confidences/{confidenceID}/referrals", "post", Operation(
                summary: "Refer a confidence that appears unlawful", tag: "Party-political confidences", parameters: [confidenceID],
                body: Schema.object(["concern": Schema.enumeration(ConfidenceConcern.allCases.map(\.rawValue)), "explanation": text(4000)]),
                responses: [200: ("Referred to the officers the protocol names (TH 12.20; LE 15)", Schema.ref("Confidence"))])),
            ("/api/v1/confidences/{confidenceID}/waiver", "post", Operation(
                summary: "Agree to a confidence being shared", tag: "Party-political confidences", parameters: [confidenceID],
                body: Schema.object(["note": text(4000)]), responses: [200: ("Recorded (LE 16)", Schema.ref("Confidence"))])),
            ("/api/v1/briefings", "get", Operation(summary: "List group briefings", tag: briefingTag,
                                                  responses: [200: ("Briefings you may see, and offers to your group in neutral words",
                                                                    Schema.object(["items": Schema.array(Schema.ref("Briefing")), "offers": Schema.array(Schema.ref("BriefingOffer"))]))])),
            ("/api/v1/briefings", "post", Operation(summary: "Ask for a group briefing", tag: briefingTag,
                                                   body: Schema.object(["topic": text(4000), "service": Schema.uuid, "nonCouncillorsAttending": strings,
                                                                        "actingFor": Schema.uuid, "answersOffer": Schema.boolean], required: ["topic"]),
                                                   responses: [201: ("Sent to the gatekeeper the protocol names", Schema.ref("Briefing"))])),
            ("/api/v1/briefings/{briefingID}", "get", Operation(summary: "Read a group briefing", tag: briefingTag, parameters: [briefingID],
                                                               responses: [200: ("The briefing (its group, gatekeeper and officers only)", Schema.ref("Briefing"))])),
        ]
        let bodies: [String: JSONValue] = [
            "assignment": Schema.object(["officer": Schema.uuid, "accompanying": Schema.array(Schema.uuid), "neutralTopic": text(4000)], required: ["officer"]),
            "declining": Schema.object(["reason": text(4000)]),
            "attendance": Schema.object(["agreed": Schema.boolean, "note": text(4000)]),
            "offers": Schema.object(["group": Schema.uuid, "neutralTopic": text(4000)]),
            "offer-answer": Schema.object(["accept": Schema.boolean]),
            "held": Schema.object(["officerLeftBeforePartyBusiness": Schema.boolean]),
            "record": Schema.object(["facts": strings, "options": Schema.array(Schema.object(["title": text(4000), "merits": strings, "demerits": strings], required: ["title"]))],
                                    required: []),
            "withdrawal": Schema.object(["reason": text(4000)]),
        ]
        let summaries: [String: String] = [
            "assignment": "Assign the briefing officer", "declining": "Decline to brief a group", "attendance": "Agree to non-councillors at a briefing",
            "offers": "Offer a briefing to another group", "offer-answer": "Answer a briefing offer", "held": "Record that a briefing took place",
            "record": "Save the briefing record", "withdrawal": "Withdraw a briefing request",
        ]
        for (path, _) in briefingActions {
            operations.append(("/api/v1/briefings/{briefingID}/\(path)", "post", Operation(
                summary: summaries[path] ?? path, tag: briefingTag, parameters: [briefingID], body: bodies[path],
                responses: [200: (path == "offer-answer" ? "Your group's answer" : "The briefing after the step", path == "offer-answer" ? Schema.object(["briefingId": Schema.uuid, "status": Schema.string]) : Schema.ref("Briefing"))])))
        }
        let access = Schema.object([
            "allowed": Schema.boolean, "basis": Schema.nullable("string"), "version": Schema.nullable("string"), "redactionNote": Schema.nullable("string"),
            "reasons": strings, "citations": strings, "rules": Schema.array(rule), "confidential": Schema.boolean,
            "useLimitedTo": Schema.nullable("string"), "mayRequestNeedToKnow": Schema.boolean,
            "freedomOfInformation": Schema.nullable("string"), "freedomOfInformationGuidance": Schema.nullable("string"),
        ], required: ["allowed", "reasons", "citations", "rules", "confidential", "mayRequestNeedToKnow"])
        let loose: JSONValue = ["type": ["object", "null"]]
        return APIDescription(operations: operations, schemas: [
            "Document": Schema.object([
                "id": Schema.uuid, "title": Schema.string, "documentClass": classes, "classDisplay": Schema.string,
                "exemptCategory": Schema.nullable("integer"), "exemptCategoryDescription": Schema.nullable("string"),
                "ownerGroup": loose, "committee": loose, "service": loose, "isCabinetItem": Schema.boolean,
                "subjects": ["type": ["array", "null"], "items": Schema.string], "summary": Schema.nullable("string"),
                "filename": Schema.nullable("string"), "contentType": Schema.nullable("string"), "byteCount": Schema.nullable("integer"),
                "hasRedactedVersion": Schema.nullable("boolean"), "filedAt": Schema.nullable("string", extra: ["format": "date-time"]),
                "filedBy": loose, "access": access,
            ], required: ["id", "title", "documentClass", "classDisplay", "isCabinetItem", "access"]),
            "DocumentCreate": Schema.object([
                "title": text(300), "documentClass": classes, "exemptCategory": ["type": "integer", "minimum": 1, "maximum": 7],
                "ownerGroup": Schema.uuid, "committee": Schema.uuid, "service": Schema.uuid, "subjects": strings, "wards": Schema.array(Schema.uuid),
                "disclosableToAnyone": Schema.boolean, "summary": ["type": "string", "maxLength": 4000], "file": file,
            ], required: ["title", "documentClass", "file"]),
            "AccessRequestCreate": Schema.object([
                "document": Schema.uuid, "reasonKind": Schema.enumeration(NeedToKnowReasonKind.allCases.map(\.rawValue)),
                "reason": text(4000), "ward": Schema.uuid, "actingFor": Schema.uuid,
            ], required: ["document", "reasonKind", "reason"]),
            "AccessRequest": Schema.object([
                "id": Schema.uuid, "document": ref, "member": ref, "raisedByAssistant": Schema.boolean, "reasonKind": Schema.string,
                "reasonDisplay": Schema.string, "explanation": Schema.string, "wardId": Schema.nullable("string", extra: ["format": "uuid"]),
                "status": Schema.enumeration(["submitted", "referred", "granted", "refused"]), "statusDisplay": Schema.string,
                "submittedAt": Schema.dateTime, "submittedDisplay": Schema.string, "deciders": Schema.array(ref), "referredTo": Schema.array(ref),
                "refusals": Schema.array(["type": "object"]), "release": loose,
                "freedomOfInformation": Schema.nullable("string"), "freedomOfInformationGuidance": Schema.nullable("string"),
                "history": Schema.array(event),
            ], required: ["id", "document", "member", "status", "submittedAt", "deciders", "history"]),
            "Confidence": Schema.object([
                "id": Schema.uuid, "group": ref, "givenBy": ref, "receivedBy": ref, "receivedAt": Schema.dateTime, "receivedDisplay": Schema.string,
                "setting": Schema.string, "summary": Schema.string, "shares": Schema.array(["type": "object"]),
                "referrals": Schema.array(["type": "object"]), "waived": Schema.boolean, "citation": Schema.string,
            ]),
            "Briefing": Schema.object([
                "id": Schema.uuid, "group": ref, "topic": Schema.string, "service": loose, "requestedBy": ref, "raisedByAssistant": Schema.boolean,
                "requestedAt": Schema.dateTime, "requestedDisplay": Schema.string,
                "status": Schema.enumeration(["requested", "assigned", "held", "recorded", "withdrawn"]),
                "gatekeepers": Schema.array(ref), "nonCouncillorsAttending": strings, "agreementNeededFrom": Schema.array(ref),
                "attendanceAgreed": Schema.nullable("boolean"), "attendanceNote": Schema.nullable("string"), "assignedOfficer": loose,
                "accompanyingOfficers": Schema.array(ref), "declinedBy": strings, "offers": Schema.array(["type": "object"]),
                "answersOffer": Schema.boolean, "heldAt": Schema.nullable("string", extra: ["format": "date-time"]),
                "officerLeftBeforePartyBusiness": Schema.nullable("boolean"), "record": loose, "history": Schema.array(event),
            ], required: ["id", "group", "topic", "requestedBy", "status", "gatekeepers", "offers", "history"]),
            "BriefingOffer": Schema.object([
                "briefingId": Schema.uuid, "group": ref, "topic": Schema.string, "status": Schema.enumeration(["offered", "accepted", "declined"]),
                "offeredAt": Schema.dateTime, "offeredDisplay": Schema.string,
            ]),
        ])
    }
}
