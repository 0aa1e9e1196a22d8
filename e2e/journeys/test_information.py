"""Access to information: the Chief Executive files a confidential paper (sent empty first); the
Leader asks to see it on a need-to-know basis and the Chief Executive, who decides for the service,
releases it for a stated purpose; an opposition councillor is told a curious request is fishing,
is refused, and the refusal referred to the Corporate Director of Governance is final; another
group's papers and another councillor's request are refused clearly. A group briefing goes to the
profile's gatekeeper, who assigns the officer, agrees to a non-councillor being present and offers
it to another group in neutral words; the officer records facts and options only. Keyboard only;
every page checked by axe.
"""
import uuid

from playwright.sync_api import expect


def type_into(journey, field_id: str, text: str) -> None:
    """Types into a field found by its id (for labels repeated on a page, such as each option's 'Title')."""
    journey.tab_to(journey.page.locator(f"#{field_id}"), f"field #{field_id}")
    journey.page.keyboard.press("Control+A")
    journey.page.keyboard.press("Backspace")
    journey.page.keyboard.insert_text(text) if "\n" in text else journey.page.keyboard.type(text)


def attach_file(journey, label: str, name: str, content: bytes) -> None:
    """Tabs to a file field and opens its chooser with Space, as a keyboard user would, then picks the file."""
    field = journey.page.get_by_label(label, exact=True)
    journey.tab_to(field, f"file field {label!r}")
    with journey.page.expect_file_chooser() as chooser:
        journey.page.keyboard.press("Space")
    chooser.value.set_files(files=[{"name": name, "mimeType": "text/plain", "buffer": content}])
    assert field.evaluate("el => el.files.length") == 1, f"no file was chosen in {label!r}"


def test_confidential_document_need_to_know_granted_refused_and_referred(journey):
    tag = uuid.uuid4().hex[:8]
    title = f"Communications restructure: staffing options {tag}"
    main = journey.page.locator("main")

    # The Chief Executive files a confidential paper; sent empty first, the form names what is missing.
    journey.sign_in("chief_executive")
    journey.nav("Documents")
    journey.expect_heading("Documents")
    journey.follow("File a document")
    journey.expect_heading("File a document")
    journey.press("File the document", status=None)
    journey.expect_error_summary("Enter the document's title", "Choose the document's class", "Choose the file to upload")
    journey.fill("Title", title)
    journey.choose("Class", "Confidential")
    journey.choose("Service (optional: yours if left empty)", "Communications")
    journey.fill("Subjects (optional)", "communications, staffing")
    journey.fill("Summary (optional)", "Options for restructuring the Communications team, under the terms of a court order.")
    attach_file(journey, "File", f"restructure-{tag}.txt", f"{title}\n\nThree staffing options, costed.\n".encode())
    journey.press("File the document")
    journey.expect_success("Document filed.")
    journey.expect_heading(title)
    expect(main).to_contain_text("Why you may read it")
    expect(main).to_contain_text("You hold this document for the council.")
    expect(main).to_contain_text(f"Download restructure-{tag}.txt")
    document_path = journey.path.split("?")[0]

    # The Leader finds it among the documents she may ask for, and is refused until she asks.
    journey.sign_in("member")
    journey.nav("Documents")
    expect(journey.page.get_by_role("row").filter(has_text=title)).to_contain_text("Ask for access")
    journey.follow_row(title, status=403)
    journey.expect_heading(title)
    expect(main).to_contain_text("Why you cannot read it")
    expect(main).to_contain_text("only if a need-to-know request for it is granted")
    expect(main).not_to_contain_text("Three staffing options")
    journey.press("Send the request", status=None)
    journey.expect_error_summary("Choose why you need it", "Say why you need this information for your work as a councillor.")
    journey.choose("Why you need it", "Portfolio responsibilities")
    journey.fill("Explain your need", "As Leader with the Strategy and Resources portfolio I must take the "
                                      "restructure to Cabinet next month and answer for its cost.")
    journey.press("Send the request")
    journey.expect_success("Request sent")
    journey.expect_heading(title)
    expect(main).to_contain_text("Submitted")
    expect(main).to_contain_text("Margaret Ellison")
    leader_request = journey.path.split("?")[0]

    # The Chief Executive decides it: sent with no decision first, then released for a stated purpose.
    journey.sign_in("chief_executive")
    journey.nav("Documents")
    journey.follow("Need-to-know requests")
    journey.expect_heading("Need-to-know requests")
    journey.follow_row(title)
    journey.expect_heading(title)
    expect(main).to_contain_text("Grace Okafor")
    journey.press("Record the decision", status=None)
    journey.expect_error_summary("Choose the decision")
    journey.choose_radio("Release it in full")
    journey.fill("Purpose it may be used for (a release; the stated reason if left empty)",
                 "Preparing the Cabinet report on the Communications restructure")
    journey.press("Record the decision")
    journey.expect_success("Released.")
    expect(main).to_contain_text("Granted")
    expect(main).to_contain_text("CONFIDENTIAL")

    # The Leader now reads it, marked confidential and limited to that purpose.
    journey.sign_in("member")
    journey.goto(leader_request)
    expect(main).to_contain_text("for this purpose only: Preparing the Cabinet report on the Communications restructure")
    journey.follow("The document")
    journey.expect_heading(title)
    expect(main).to_contain_text("Why you may read it")
    expect(main).to_contain_text("A need-to-know request for this was granted.")
    expect(journey.page.locator(".pb-warning-text")).to_contain_text(
        "CONFIDENTIAL. You may use this only for: Preparing the Cabinet report on the Communications restructure")
    journey.nav("Documents")
    group_row = journey.page.get_by_role("row").filter(has_text="Forward Together Group: budget amendment notes")
    group_paper = group_row.get_by_role("link").get_attribute("href")
    assert group_paper and group_paper.startswith("/documents/"), f"the group's paper links to {group_paper!r}"

    # An opposition councillor asks too. Curiosity is no need to know, and the protocol says so.
    journey.sign_in("opposition_member")
    journey.nav("Documents")
    journey.follow_row(title, status=403)
    journey.choose("Why you need it", "Committee or scrutiny work")
    journey.fill("Explain your need", "I am just interested to see what the administration plans for the press office.")
    journey.press("Send the request", status=None)
    journey.expect_error_summary("reads as fishing or curiosity, which is no need to know")
    journey.fill("Explain your need", "Scrutiny will examine the restructure and I lead its review of "
                                      "the council's communications spending this year.")
    journey.press("Send the request")
    journey.expect_success("Request sent")
    opposition_request = journey.path.split("?")[0]

    # The Leader's request is hers alone: another councillor is refused it, clearly.
    journey.goto(leader_request, status=403)
    journey.expect_heading("You do not have access to this")
    expect(main).to_contain_text("A councillor's requests for information are confidential to them")
    expect(main).to_contain_text("This refusal has been recorded in the audit trail")
    # So is another group's internal paper, whatever the reason given.
    journey.goto(group_paper, status=403)
    journey.expect_heading("You do not have access to this")
    expect(main).to_contain_text("another political group's internal workings")
    expect(main).not_to_contain_text("budget amendment")
    journey.follow("Go to the home page")

    # The Chief Executive refuses it (the ground and reason are asked for first); the protocol
    # then refers the refusal to the Corporate Director of Governance.
    journey.sign_in("chief_executive")
    journey.goto(opposition_request)
    journey.choose_radio("Refuse")
    journey.press("Record the decision", status=None)
    journey.expect_error_summary("Choose the ground for refusing", "Say why the request is refused: the councillor is told.")
    journey.choose_radio("Refuse")
    journey.choose("Ground (a refusal)", "Not reasonably necessary for the councillor's duties")
    journey.fill("Explanation (a refusal or referral: the councillor is told)",
                 "Scrutiny will receive the Cabinet report with its Part II appendix when the decision is taken.")
    journey.press("Record the decision")
    journey.expect_success("Referred for determination.")
    expect(main).to_contain_text("Daniel Reid")

    # The Monitoring Officer, as Corporate Director of Governance, determines it: refused, finally.
    journey.sign_in("monitoring_officer")
    journey.nav("Documents")
    journey.follow("Need-to-know requests")
    journey.goto(opposition_request)
    journey.choose_radio("Refuse")
    journey.choose("Ground (a refusal)", "Not reasonably necessary for the councillor's duties")
    journey.fill("Explanation (a refusal or referral: the councillor is told)",
                 "I agree: the Part II appendix will go to scrutiny with the Cabinet report.")
    journey.press("Record the decision")
    journey.expect_success("Refused. The councillor is told why.")

    # The opposition councillor sees a clear refusal with its reasons and the final determination,
    # and the paper itself stays closed to them.
    journey.sign_in("opposition_member")
    journey.nav("Documents")
    journey.follow("My need-to-know requests")
    journey.expect_heading("My need-to-know requests")
    expect(main).not_to_contain_text("Grace Okafor")
    expect(journey.page.get_by_role("row").filter(has_text=title)).to_contain_text("Refused")
    journey.follow_row(title)
    expect(main).to_contain_text("Refused")
    refusals = journey.page.get_by_role("list").filter(has_text="(on referral, final)")
    expect(refusals).to_contain_text("the Part II appendix will go to scrutiny with the Cabinet report")
    expect(main).not_to_contain_text("Record the decision")
    journey.goto(document_path, status=403)
    expect(main).to_contain_text("Why you cannot read it")
    expect(main).not_to_contain_text("Three staffing options")


def test_group_briefing_through_the_gatekeeper_facts_and_options_only(journey):
    tag = uuid.uuid4().hex[:8]
    topic = f"Options for the Forward Together budget amendment on resurfacing {tag}"
    neutral = f"The highways resurfacing programme {tag}"
    adviser = "Jo Pryce, group press adviser"
    main = journey.page.locator("main")

    # The Leader asks for a briefing for her group; sent empty first, the form says what is missing.
    journey.sign_in("member")
    journey.nav("Group briefings")
    journey.expect_heading("Group briefings")
    journey.follow("Ask for an officer briefing")
    journey.expect_heading("Ask for an officer briefing")
    expect(main).to_contain_text("appropriate member of the Corporate Management Team")
    journey.press("Send the request", status=None)
    journey.expect_error_summary("Say what council business the group would like to be briefed on.")
    journey.fill("Council business to be briefed on", topic)
    journey.choose("Service whose business it is (optional)", "Highways")
    journey.fill("People present who are not councillors (one per line, optional)", adviser)
    journey.press("Send the request")
    journey.expect_success("Request sent to the gatekeeper")
    journey.expect_heading(topic)
    expect(main).to_contain_text("Waiting for the Chief Executive's agreement")
    briefing_path = journey.path.split("?")[0]

    # The Chief Executive, a gatekeeper, assigns the officer (sent empty first), agrees to the
    # adviser being present, and offers the briefing to another group in neutral words.
    journey.sign_in("chief_executive")
    journey.nav("Group briefings")
    journey.follow_row(topic)
    journey.expect_heading(topic)
    journey.press("Assign", status=None)
    journey.expect_error_summary("Choose the officer to brief the group")
    journey.choose("Officer", "Sam Turner")
    journey.press("Assign")
    journey.expect_success("Done.")
    journey.choose_radio("Yes")
    journey.fill("Note", "The adviser may stay for the briefing only.")
    journey.press("Record")
    journey.expect_success("Done.")
    expect(main).to_contain_text("Agreed in advance: The adviser may stay for the briefing only.")
    # Sent without its neutral wording first: the error summary's link reaches the Offer form's field.
    journey.choose("Group", "Community First Group")
    journey.press("Offer", status=None)
    journey.expect_error_summary("Word the topic neutrally")
    journey.choose("Group", "Community First Group")
    journey.fill("Topic in neutral words", neutral)
    journey.press("Offer")
    journey.expect_success("Done.")
    expect(main).to_contain_text("Community First Group (offered)")

    # Sam Turner records that it took place: the protocol has officers leave before party business.
    journey.sign_in("officer")
    journey.nav("Group briefings")
    journey.follow_row(topic)
    journey.press("Record that it took place", status=None)
    journey.expect_error_summary("leave before party business is discussed")
    journey.tick("I left before party business was discussed or any decision taken")
    journey.press("Record that it took place")
    journey.expect_success("Done.")

    # The record is facts and options only: a recommendation to the group is refused.
    journey.press("Save the record", status=None)
    journey.expect_error_summary("Record the material facts and the options put to the group.")
    journey.fill("Material facts (one per line)", "The programme has £2.4m for 2027/28.\n"
                                                 "Mill Lane and Station Road are in the worst condition.")
    type_into(journey, "option1Title", "Resurface Mill Lane first")
    type_into(journey, "option1Merits", "Worst road condition score in the borough")
    type_into(journey, "option1Demerits", "Closes a bus route for three weeks\nWe recommend this option")
    journey.press("Save the record", status=None)
    journey.expect_error_summary('Remove "we recommend"')
    type_into(journey, "option1Demerits", "Closes a bus route for three weeks")
    type_into(journey, "option2Title", "Resurface Station Road first")
    type_into(journey, "option2Merits", "Can be done during the school holidays")
    type_into(journey, "option2Demerits", "Mill Lane deteriorates for another winter")
    journey.press("Save the record")
    journey.expect_success("Done.")
    expect(main).to_contain_text("The officer's record")

    # The Leader sees the officer's record of her group's briefing.
    journey.sign_in("member")
    journey.nav("Group briefings")
    journey.follow_row(topic)
    expect(main).to_contain_text("Facts and options only.")
    expect(main).to_contain_text("Resurface Station Road first")
    expect(main).to_contain_text("Mill Lane deteriorates for another winter")

    # The other group is offered the briefing in neutral words and never sees the request itself.
    journey.sign_in("opposition_member")
    journey.nav("Group briefings")
    offered = journey.page.locator(".pb-inset-text").filter(has_text=neutral)
    expect(offered).to_be_visible()
    expect(main).not_to_contain_text(topic)
    expect(main).not_to_contain_text("Forward Together")
    journey.press("Accept the offer", within=offered)
    journey.expect_success("Your group's answer is recorded.")
    expect(journey.page.locator(".pb-inset-text").filter(has_text=neutral)).to_contain_text("Your group accepted the offer.")
    journey.goto(briefing_path, status=403)
    journey.expect_heading("You do not have access to this")
    expect(main).not_to_contain_text(topic)
    expect(main).to_contain_text("This refusal has been recorded in the audit trail")
