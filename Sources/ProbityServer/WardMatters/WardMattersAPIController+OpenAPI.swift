import ProbityCore

extension WardMattersAPIController {
    static var openAPI: APIDescription {
        let kinds = Schema.enumeration(WardMatterKind.allCases.map(\.rawValue))
        let ids = Schema.array(Schema.uuid)
        let newMatter = Schema.object([
            "kind": kinds, "title": Schema.string, "details": Schema.string, "wards": ids, "adjoiningWards": ids,
            "leader": Schema.boolean, "deputyLeader": Schema.boolean, "leadMember": Schema.nullable("string", extra: ["format": "uuid"]),
            "startsOn": Schema.nullable("string", extra: ["format": "date"]),
        ], required: ["kind", "title", "details", "wards"])
        let newMeeting = Schema.object([
            "title": Schema.string, "meetsOn": Schema.date, "venue": Schema.string, "councilPremises": Schema.boolean,
            "partyPolitical": Schema.boolean, "officer": Schema.uuid,
        ], required: ["title", "meetsOn", "venue", "officer"])
        let newPeriod = Schema.object(["startsOn": Schema.date, "endsOn": Schema.date, "note": Schema.nullable("string")], required: ["startsOn", "endsOn"])
        let tag = "Ward matters"
        return APIDescription(operations: [
            ("/api/v1/ward-matters", "get", Operation(summary: "List ward matters", tag: tag, parameters: OpenAPIDocument.paging,
                                                      responses: [200: ("Officers see all; a member sees those they were told of", Schema.list(of: "WardMatter"))])),
            ("/api/v1/ward-matters", "post", Operation(summary: "Record a ward matter and tell the ward members", tag: tag, body: newMatter,
                                                       responses: [201: ("The matter and who was told", Schema.ref("WardMatter"))])),
            ("/api/v1/ward-matters/{wardMatterID}", "get", Operation(summary: "Show a ward matter and who was told when", tag: tag,
                                                                     parameters: [.pathParameter("wardMatterID", "Ward matter id")],
                                                                     responses: [200: ("The matter", Schema.ref("WardMatter"))])),
            ("/api/v1/ward-matters/member-meetings", "post", Operation(summary: "Tell an officer of a public meeting a member is arranging", tag: tag, body: newMeeting,
                                                                       responses: [201: ("The meeting as recorded", Schema.ref("MemberMeeting"))])),
            ("/api/v1/ward-matters/pre-election-periods", "get", Operation(summary: "List pre-election periods", tag: tag,
                                                                           responses: [200: ("The periods", Schema.object(["items": Schema.array(Schema.ref("PreElectionPeriod"))]))])),
            ("/api/v1/ward-matters/pre-election-periods", "post", Operation(summary: "Set a pre-election period", tag: tag, body: newPeriod,
                                                                            responses: [201: ("The period", Schema.ref("PreElectionPeriod"))])),
            ("/api/v1/ward-matters/pre-election-periods/{periodID}", "delete", Operation(summary: "Remove a pre-election period", tag: tag,
                                                                                         parameters: [.pathParameter("periodID", "Period id")],
                                                                                         responses: [204: ("Removed", nil)])),
        ], schemas: [
            "WardMatter": Schema.object([
                "id": Schema.uuid, "kind": kinds, "title": Schema.string, "details": Schema.string, "wards": ids, "adjoiningWards": ids,
                "leader": Schema.boolean, "deputyLeader": Schema.boolean, "leadMember": Schema.nullable("string", extra: ["format": "uuid"]),
                "startsOn": Schema.nullable("string", extra: ["format": "date"]), "recordedBy": Schema.string, "recordedAt": Schema.dateTime,
                "rule": Schema.string,
                "told": Schema.array(Schema.object(["memberId": Schema.uuid, "name": Schema.string, "reason": Schema.string,
                                                    "recordedAt": Schema.dateTime, "deliveredAt": Schema.dateTime])),
            ], required: ["id", "kind", "title", "details", "wards", "adjoiningWards", "leader", "deputyLeader", "recordedBy", "recordedAt", "rule"]),
            "MemberMeeting": Schema.object([
                "id": Schema.uuid, "title": Schema.string, "meetsOn": Schema.string, "venue": Schema.string, "councilPremises": Schema.boolean,
                "partyPolitical": Schema.boolean, "officer": Schema.uuid, "recordedAt": Schema.dateTime,
            ]),
            "PreElectionPeriod": Schema.object(["id": Schema.uuid, "startsOn": Schema.string, "endsOn": Schema.string, "note": Schema.string]),
        ])
    }
}
