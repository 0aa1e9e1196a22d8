extension CalendarAPIController {
    static var openAPI: APIDescription {
        let region: JSONValue = .pathParameter("region", "Bank-holiday region", schema: Schema.enumeration(["england-and-wales", "scotland", "northern-ireland"]))
        let from: JSONValue = .queryParameter("from", "Start date, YYYY-MM-DD", schema: Schema.date, required: true)
        let to: JSONValue = .queryParameter("to", "End date, YYYY-MM-DD (included)", schema: Schema.date, required: true)
        let days: JSONValue = .queryParameter("days", "Working days to add", schema: ["type": "integer", "minimum": 0, "maximum": 3650], required: true)
        return APIDescription(operations: [
            ("/api/v1/calendar/{region}/holidays", "get", Operation(summary: "List bank holidays", tag: "Calendar", parameters: [region, from, to],
                                                                   responses: [200: ("Bank holidays in date order", Schema.array(Schema.ref("BankHoliday")))])),
            ("/api/v1/calendar/{region}/add-working-days", "get", Operation(summary: "Add working days to a date", tag: "Calendar", parameters: [region, from, days],
                                                                           responses: [200: ("The due date", Schema.ref("DueDate"))])),
            ("/api/v1/calendar/due-date", "get", Operation(summary: "Add working days on my authority's calendar", tag: "Calendar", parameters: [from, days],
                                                          responses: [200: ("The due date, counting the authority's closure days", Schema.ref("DueDate"))])),
            ("/api/v1/calendar/closures", "get", Operation(summary: "List my authority's closure days", tag: "Calendar",
                                                          responses: [200: ("Closure days", Schema.object(["items": Schema.array(Schema.ref("ClosureDay"))]))])),
            ("/api/v1/calendar/closures", "post", Operation(summary: "Add a closure day", tag: "Calendar", body: Schema.ref("ClosureDayCreate"),
                                                           responses: [201: ("Added", Schema.ref("ClosureDay"))])),
            ("/api/v1/calendar/closures/{closureID}", "delete", Operation(summary: "Remove a closure day", tag: "Calendar",
                                                                         parameters: [.pathParameter("closureID", "Closure day id")],
                                                                         responses: [204: ("Removed", nil)])),
        ], schemas: [
            "BankHoliday": Schema.object(["date": Schema.date, "title": Schema.string, "notes": Schema.string]),
            "DueDate": Schema.object([
                "from": Schema.date, "fromDisplay": Schema.string, "workingDays": Schema.integer, "due": Schema.date, "dueDisplay": Schema.string,
                "skipped": Schema.array(Schema.object(["date": Schema.date, "display": Schema.string, "reason": Schema.string])),
            ]),
            "ClosureDay": Schema.object(["id": Schema.uuid, "date": Schema.date, "title": Schema.string]),
            "ClosureDayCreate": Schema.object(["date": Schema.date, "title": ["type": "string", "minLength": 1, "maxLength": 120]]),
        ])
    }
}
