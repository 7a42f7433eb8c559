## General
error-unavailable = The system is temporarily unavailable. Nothing you have entered is lost; please try again in a few minutes.
error-unexpected = Sorry, something went wrong. Your information is safe; please try again.
error-rate-limited = You are sending messages faster than we can read them. Please wait a few seconds, then carry on; anything sent in the meantime was not read.
error-not-allowed = You are not allowed to do that.
error-not-found = This item was not found or is not available to you.
button-back = « Back
button-cancel = ✖ Cancel
button-skip = Skip
button-done = ✔ Done
button-confirm = ✔ Confirm
button-edit = ✏ Edit
button-next = Next »
button-previous = « Previous
cancel-done = Cancelled. Start again from the menu whenever you like.
cancel-nothing = There is nothing in progress to cancel.
expected-button = Please choose one of the options with the buttons.
flow-stale = This step belonged to an earlier version of the bot and has ended. Please start again from the menu.

## Start and menu
start-welcome =
    Hello { $name }!
    This is the bot of the secretariat of the working group for removing obstacles to production. If your production unit faces a utility cut-off warning (electricity, gas, water), an overdue loan, a stuck permit or inquiry, or any other obstacle, report it here before it becomes irreversible: your case reaches the working group's secretariat with a tracking code and we tell you about every step.
    To begin, register your production unit.
start-welcome-back = Welcome back, { $name }.
start-flow-in-progress = You have something in progress; everything you entered is kept. Continue where you were, or /cancel.
fallback-hint = I did not understand that. Choose from the menu below, or send /help.
fallback-button-inactive = This button is no longer active.
help-text =
    Help:
    /report — report a problem
    /cases — my cases
    /register — register a production unit
    /language — change language
    /cancel — cancel what is in progress
    /start — start and main menu · /help — this help
    At every step the "Back" button returns to the previous one.
menu-title = Main menu:
menu-report = 📝 Report a problem
menu-my-cases = 📂 My cases
menu-register-unit = 🏭 Register a production unit
menu-language = 🌐 زبان / Language
language-choose = زبان را انتخاب کنید / Choose your language:
language-changed = Language set to English.

## Commands (the menu next to the input field; src/bot/commands.ts)
staff-only =
    You are not allowed to do that.
    /{ $command } — { $purpose }: a tool of the provincial working group's staff.
    Access is given by an invitation: the working group's secretariat (or an administrator) sends you an invitation link, and opening it gives you the role. If you should have it, ask your working group's secretariat.
    To report a problem: /report · your cases: /cases
command-start = Start and main menu
command-report = Report a problem
command-cases = My cases
command-register = Register a production unit
command-language = Change language
command-help = Help
command-cancel = Cancel what is in progress
command-queue = Case queue (secretariat)
command-tasks = My agency's tasks (officials)
command-meetings = Meetings (secretariat)
command-resolutions = Resolutions and their follow-up
command-broadcast = Broadcast (secretariat)
command-invite = Invite a member (admin, secretariat)
command-members = Members and roles (admin, secretariat)
command-invitations = Invitations sent (admin, secretariat)

## Registration
expected-text = Please type your answer as text.
register-intro = Registering a production unit: a few short questions. "Back" and /cancel work at every step.
register-ask-phone = To begin, share your own mobile number with the button below (only your own number is accepted).
register-share-phone = 📱 Share my mobile number
register-phone-use-button = Please send the number with the "Share my mobile number" button; a typed number is not accepted.
register-phone-not-own = This is not your own number. Please share your own mobile number with the button below.
register-phone-invalid = This is not a valid Iranian mobile number (it must look like 09… or +989…).
register-phone-saved = Your mobile number is saved.
register-ask-name = Type the name of the production unit (e.g. Alborz Food Industries Co.).
register-name-invalid = The unit's name must be between { $min } and { $max } characters.
register-ask-legal-id = Type the unit's legal-entity national ID (شناسه ملی, 11 digits). Persian or Latin digits are both fine.
register-legal-id-format = The legal-entity national ID must be exactly 11 digits.
register-legal-id-checksum = This legal-entity national ID is not valid (its check digit is wrong). Please check it again.
register-legal-id-taken = A unit with this national ID is already registered. To be added as its representative, contact the working group's secretariat, or type another ID.
register-legal-id-yours = You have already registered this unit. Choose "Report a problem" from the menu, or type another ID.
register-ask-licence = Type the operating licence number, or press "Skip" if there is none.
register-licence-invalid = The licence number must be 2 to 40 letters, digits, "/" or "-".
register-licence-none = none
register-ask-working-group = Which working group (province or free zone) does your unit belong to?
register-ask-county-choose = Choose the county of the unit, or type its name.
register-ask-county = Type the name of the unit's county.
register-county-invalid = The county's name must be between 2 and 60 characters.
register-name-letters = The name must contain letters, not only emoji, digits or punctuation (e.g. Alborz Food Industries Co.).
register-county-not-found = No county of this working group matches «{ $query }». Choose one of the buttons, or type a few letters of its name.
register-county-several = { $count } counties match; choose one of them.
register-ask-sector = The unit's sector:
register-ask-activity = The unit's activity status:
register-ask-employees = Type the number of employees (e.g. 45).
register-employees-invalid = The number of employees must be a number between 0 and 100,000.
register-incomplete = Some of the information is missing; please check it from the start.
register-summary =
    Please check and confirm the unit's details:
    Unit: { $name }
    Legal-entity ID: { $legalId }
    Operating licence: { $licence }
    Working group: { $group }
    County: { $county }
    Sector: { $sector }
    Activity status: { $activity }
    Employees: { $employees }
register-done = The unit "{ $name }" is registered. You can now report its problem.
sector-INDUSTRY = Industry
sector-MINING = Mining
sector-AGRICULTURE = Agriculture
sector-SERVICES = Services
activity-ACTIVE = Active
activity-SEMI_ACTIVE = Semi-active
activity-IDLE = Idle

## Report wizard
report-intro = Reporting a problem: a few short questions. Your draft is kept; "Back" and /cancel work at every step.
report-needs-unit = To report a problem, first register your production unit.
report-ask-unit = Which unit is the problem about?
report-ask-category = What is the problem about?
report-ask-subcategory = More precisely:
report-ask-agency = Which executive agency is the counterpart?
report-agency-unknown = I don't know / several agencies
report-ask-irreversible = When does the problem become irreversible (e.g. loan default date, permit expiry)?
report-ask-irreversible-cutoff = What is the cut-off date on the warning? (Cut-off warnings are always handled as urgent.)
report-irreversible-happened = It has happened
report-irreversible-3d = Within 3 days
report-irreversible-week = Within a week
report-irreversible-month = Within a month
report-irreversible-date = 📅 Enter the exact date
report-irreversible-unknown = I don't know
report-ask-date = Type the date in the Solar Hijri (Jalali) calendar, e.g. 1405/9/15 or ۱۴۰۵/۰۹/۱۵.
report-date-invalid = This is not a valid Jalali date. Example: 1405/09/15
report-date-past = This date has passed. If it has already happened, press "Back" then "It has happened"; otherwise type a date from today on.
report-date-understood = Date noted: { $date }
report-ask-amount = Type the amount involved (debt, loan, guarantee…) in { $unit }, e.g. 500 million or 250,000,000. If no amount applies, press "Skip".
report-amount-switch-rial = Unit: rials
report-amount-switch-toman = Unit: tomans
report-amount-invalid = I couldn't read this amount. Type just the number (e.g. 250000000 or 250 million).
report-amount-none = —
money-unit-rial = rials
money-unit-toman = tomans
report-ask-description = Describe the problem: what happened, what you have done so far and what you expect from the working group ({ $min } to { $max } characters).
report-description-short = The description is short; write at least { $min } characters so the secretariat can assess it.
report-description-long = The description is too long ({ $length } characters); at most { $max } are allowed. You can send the rest as an attachment.
report-ask-attachments = Send documents (photo of the warning, bank letter, permit… — photos or PDF/Word/Excel files up to { $mb } MB). { $count } of { $limit } attachments received. Press "Done" when finished.
report-attachments-none = No attachments
report-attachments-expected = At this step send a photo or a file, or press "Done".
report-attachments-full = At most { $limit } attachments are accepted. Press "Done".
report-attachment-too-big = The file is larger than { $mb } MB.
report-attachment-bad-type = This file type is not accepted; send a photo or a PDF, Word or Excel file.
report-review =
    Draft report — please check:
    Unit: { $unit }
    Subject: { $category }
    Executive agency: { $agency }
    Becomes irreversible: { $irreversible }
    Amount: { $amount }
    Description: { $description }
    Attachments: { $attachments }
report-edit-category = ✏ Subject
report-edit-agency = ✏ Agency
report-edit-irreversible = ✏ Date
report-edit-amount = ✏ Amount
report-edit-description = ✏ Description
report-edit-attachments = ✏ Attachments
report-submit = ✅ Send to the secretariat
report-incomplete = Part of the report is incomplete; please check the fields.
report-submit-unavailable = Not sent: the system is temporarily unavailable. Your draft is kept; press "Send to the secretariat" again in a few minutes.
report-submitted =
    Your report is registered. Tracking code: { $code }
    The working group's secretariat will review the case and refer it to the responsible agency; we will tell you about every step here. If more information is needed you will be asked.
report-submitted-critical =
    Your report is registered and was flagged as URGENT to the working group's secretariat at once. Tracking code: { $code }
    We will tell you about every step here.
report-submitted-earlier =
    Your last report was registered, but we could not tell you at the time. Tracking code: { $code }
    We will tell you about every step here.

## Categories
category-utility_cutoff = Utility cut-off warning (electricity, gas, water, telecom)
category-bank = Banking
category-tax = Tax
category-social_security = Social security
category-permits = Permits and inquiries
category-fuel_energy = Fuel and energy supply
category-raw_materials = Raw materials, customs and foreign currency
category-infrastructure = Infrastructure
category-idle_unit = Idle or unfinished unit
category-other = Other
subcategory-electricity = Electricity
subcategory-gas = Gas
subcategory-water = Water
subcategory-telecom = Telecom
subcategory-overdue_loan = Overdue loan / arrears
subcategory-rescheduling = Loan rescheduling (amhal)
subcategory-guarantee = Bank guarantees
subcategory-loan_refused = Loan refused
subcategory-working_capital = Working capital
subcategory-insurance_debt = Insurance debt
subcategory-penalty_forgiveness = Penalty forgiveness
subcategory-environment = Environment
subcategory-natural_resources = Natural resources
subcategory-industrial_estates = Industrial estate
subcategory-land_affairs = Land affairs
subcategory-other_licence = Other licence
subcategory-restart_plan = Restart plan
subcategory-capacity_expansion = Capacity expansion

## Case fields, statuses, urgency
status-submitted = Submitted, in the secretariat's queue
status-needs_info = Waiting for your information
status-assigned = Referred to an agency
status-in_progress = In progress
status-on_agenda = On a meeting agenda
status-resolved = Resolved
status-closed = Closed
status-rejected = Rejected
status-duplicate = Duplicate
urgency-critical = Critical
urgency-high = High
urgency-normal = Normal
urgency-low = Low
case-field-code = Tracking code: { $code }
case-field-unit = Unit: { $unit }
case-field-status = Status: { $status }
case-field-urgency = Urgency: { $urgency }
case-field-category = Subject: { $category }
case-field-agency = Executive agency: { $agency }
case-field-irreversible = Becomes irreversible: { $date }
case-field-amount = Amount: { $amount }
case-field-submitted = Submitted: { $date }
case-field-description = Description: { $description }
case-agency-unknown = not specified
case-irreversible-unknown = unknown
case-days-passed = passed
case-days-left = in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
case-field-countdown = ⏳ { $working ->
        [one] { $working } working day
       *[other] { $working } working days
    } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }) left to the irreversible date
case-field-countdown-overdue = ⌛ The irreversible date passed { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
case-field-countdown-passed-today = ⌛ The irreversible date was today
countdown-short-left = ⏳{ $working ->
        [one] { $working } work day
       *[other] { $working } work days
    }
countdown-short-today = ⏳today
countdown-short-overdue = ⌛{ $days }d overdue
case-timeline-title = Case history:
button-open-case = 📂 Open the case

## Timeline events
event-actor-system = system
event-submitted = Case submitted (urgency: { $urgency }).
event-info_added = { $actor } added information: { $text }
event-info_answered = { $actor } answered the request for information: { $text }
event-task_created = A task was referred to an executive agency; due: { $due }

## My cases
cases-empty = You have not reported any case yet.
cases-title = Your cases ({ $total ->
        [one] { $total } case
       *[other] { $total } cases
    } — page { $page } of { $pages }):
cases-back-to-list = « List of cases
cases-add-info = ➕ Add information or a document
cases-answer = ✍ Answer the request for information
cases-ask-info = Send additional information or a document for case { $code } (text up to { $max } characters, or a photo/file).
cases-info-too-long = The text is too long; at most { $max } characters.
cases-info-added = The information was added to case { $code } and the secretariat was told.
cases-info-answered = Your answer was added to case { $code } and the case is back in the secretariat's queue.

## Secretariat alerts
alert-new-case =
    New case { $code }
    Unit: { $unit }
    Subject: { $category }
    Urgency: { $urgency }
alert-new-case-critical =
    🔴 URGENT case { $code }
    Unit: { $unit }
    Subject: { $category }
    Urgency: { $urgency } — please review as soon as possible.
alert-case-unopened =
    🔴 Reminder: urgent case { $code } has not been opened yet.
    Unit: { $unit }
    Subject: { $category }
notice-producer-answered = The producer answered the request for information on case { $code }: { $text }
notice-producer-added-info = The producer added information to case { $code }: { $text }

## Secretariat desk: invitations and members (src/bot/features/invitations.ts)
invitations-role-SECRETARIAT = Secretariat of the working group
invitations-role-OFFICIAL = Official of an executive agency
invitations-role-CHAIR = Chair of the working group
invitations-role-ADMIN = System administrator
invitations-menu-invite = ✉ Invite a member
invitations-menu-members = 👥 Members
invitations-menu-open = 🔗 Open invitations
invitations-ask-role = Whom do you want to invite? Choose the role:
invitations-ask-group = For which working group?
invitations-pick-group = Choose the working group:
invitations-ask-agency = Which executive agency will this official represent?
invitations-ask-head = Is this person the head of the agency (receives escalations of overdue tasks)?
invitations-head-yes = Yes, head of the agency
invitations-head-no = No, an official
invitations-head-label = head of the agency
invitations-summary =
    Please check the invitation:
    Role: { $role }
    Working group: { $group }
    Agency: { $agency }
    The link can be used once and expires in { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }.
invitations-created =
    The invitation is ready. Send this link to the person you invite (only to them: whoever opens it first gets the role):
    { $link }
    Valid until { $expires }, for one use.
invitations-accepted =
    Welcome! You are now registered as "{ $role }".
    Working group: { $group }
    Agency: { $agency }
invitations-already-member = You already had the role "{ $role }" in { $group }; nothing changed.
invitations-refused-invalid = This invitation link is not valid. Please ask the secretariat for a new link.
invitations-refused-expired = This invitation link has expired. Please ask the secretariat for a new link.
invitations-refused-used = This invitation link has already been used. Each link works only once; please ask the secretariat for a new one.
invitations-refused-revoked = This invitation has been cancelled by the secretariat.
invitations-notice-accepted = { $name } accepted your invitation and is now "{ $role }" in { $group }.
invitations-members-title = Members of { $group } ({ $total }):
invitations-members-empty = { $group } has no members yet.
invitations-members-revoke = ✖ { $number }. { $name }
invitations-members-revoke-confirm = Revoke the role "{ $role }" of { $name }? They will no longer see the working group's cases or tasks.
invitations-members-revoked = The role of { $name } was revoked.
invitations-list-title = Open invitations:
invitations-list-empty = There is no open invitation.
invitations-list-item = { $number }. { $role } — { $group }; by { $by }; valid until { $expires }
invitations-list-revoke = ✖ { $number }
invitations-list-revoked = The invitation was cancelled; its link no longer works.
invitations-list-revoke-failed = This invitation was already used or cancelled.

## Secretariat desk: the queue and the case card (src/bot/features/queue.ts)
queue-menu = 🗂 Queue of cases
queue-pick-group = Which working group's queue?
queue-title = Queue of { $group }: { $total ->
        [one] { $total } case
       *[other] { $total } cases
    } (page { $page } of { $pages })
queue-open-only = Showing open cases, most urgent first, then oldest.
queue-filtered-by = Filter: { $filters }
queue-empty = No case matches.
queue-filter-status = Status ▾
queue-filter-category = Subject ▾
queue-filter-agency = Agency ▾
queue-filter-clear = ✖ Clear filters
queue-filter-all-open = All open cases
queue-filter-recently-resolved = ✅ Recently resolved
queue-filter-any-status = Any status (open and finished)
queue-filter-all = All
queue-filter-pick-s = Show cases with status:
queue-filter-pick-c = Show cases about:
queue-filter-pick-a = Show cases of the agency:
queue-status-submitted = New
queue-status-needs_info = Waiting for the producer
queue-status-assigned = Referred
queue-status-in_progress = In progress
queue-status-on_agenda = On an agenda
queue-status-resolved = Resolved
queue-status-closed = Closed
queue-status-rejected = Rejected
queue-status-duplicate = Duplicate
queue-field-legal-id = Legal-entity national ID: { $legalId }
queue-field-county = County: { $county }
queue-field-sector = Sector: { $sector }, { $activity }, { $employees } employees
queue-field-reporter = Reported by: { $name }
queue-field-phone = Mobile: { $phone }
queue-field-taken-by = Handled by: { $name }
queue-field-urgency-overridden = (urgency set by the secretariat)
queue-field-duplicate-of = Duplicate of: { $code }
queue-field-outcome = Outcome: { $outcome }
queue-field-attachments = Documents: { $count }
queue-tasks-title = Tasks:
queue-task-line = • { $agency } — { $official }; due { $due }; { $status }
queue-task-status-open = open
queue-task-status-acknowledged = acknowledged
queue-task-status-in_progress = in progress
queue-task-status-done_pending_review = done, awaiting review
queue-task-status-done = done
queue-task-status-refused = refused by the agency
queue-task-status-cancelled = cancelled
queue-read-only = (read only)
queue-button-files = 📎 Send the documents
queue-button-back = « Queue
queue-files-none = This case has no documents.
queue-files-more = { $count } more documents were not sent; ask the secretariat for them.
queue-action-take = ✋ Take
queue-action-ask = ❓ Ask the producer
queue-action-assign = 📤 Refer to an agency
queue-action-duplicate = ⧉ Duplicate
queue-action-reject = ⛔ Reject
queue-action-category = 🏷 Subject
queue-action-urgency = ⚡ Urgency
queue-action-note = 🔒 Internal note
queue-action-resolve = ✅ Resolved
queue-action-close = 📁 Close
queue-action-reopen = ↩ Reopen

## Secretariat desk: triage (src/bot/features/triage.ts, src/services/triage.ts)
triage-ask-ask = Case { $code }: type your question for the producer (at most { $max } characters). They receive it with an "Answer" button.
triage-ask-note = Case { $code }: type the internal note (at most { $max } characters). It is never shown to the producer.
triage-ask-res = Case { $code }: type the outcome: how was the problem resolved (at most { $max } characters)? The producer receives it.
triage-ask-reject-reason = Case { $code }: why is it rejected?
triage-ask-reject-responsible = Which authority is responsible for this problem? Type its name (the producer is told where to go).
triage-ask-reject-text = Type the reason for the rejection (at most { $max } characters). The producer receives it.
triage-ask-agency = Case { $code }: refer it to which executive agency?
triage-ask-official = Refer to one official of the agency, or to the agency as a whole (all its officials are told)?
triage-ask-official-none = This agency has no official registered in the bot yet. The task will wait for them; invite one with /invite.
triage-official-any = The agency as a whole
triage-ask-due = Type the due date in the Jalali calendar, e.g. { $example }
triage-ask-duplicate = Case { $code } duplicates which case? Type that case's tracking code (same working group).
triage-ask-category = Case { $code }: choose the correct subject:
triage-ask-subcategory = And the subcategory:
triage-subcategory-none = No subcategory
triage-ask-urgency = Case { $code }: set the urgency:
triage-reject-reason-not_in_remit = Not within this working group's remit
triage-reject-reason-not_production_obstacle = Not a production obstacle
triage-reject-reason-insufficient_info = Information or documents insufficient
triage-reject-reason-already_resolved = Already resolved
triage-reject-reason-judicial = Before the courts
triage-reject-reason-other = Another reason
triage-confirm-ask =
    Send this question to the producer of case { $code }?
    { $text }
triage-confirm-asg =
    Refer case { $code }:
    Agency: { $agency }
    Official: { $official }
    Due: { $due }
triage-confirm-dup = Mark case { $code } as a duplicate of { $original }? It is closed and the producer is told to follow { $original }.
triage-confirm-rej =
    Reject case { $code }?
    Reason: { $reason }
    { $text }
triage-confirm-cat = Change the subject of case { $code } to: { $category }?
triage-confirm-urg = Set the urgency of case { $code } to: { $urgency }?
triage-confirm-note =
    Add this internal note to case { $code }?
    { $text }
triage-confirm-res =
    Close case { $code } as resolved with this outcome?
    { $text }
triage-confirm-cls = Close the resolved case { $code }?
triage-confirm-reo = Reopen case { $code } and put it back in the queue?
triage-done-take = You took case { $code }; the producer was told it is being reviewed.
triage-done-ask = The question was sent to the producer of case { $code }.
triage-done-asg = Case { $code } was referred; the agency and the producer were told.
triage-done-dup = Case { $code } was marked as a duplicate; the producer was told.
triage-done-rej = Case { $code } was rejected; the producer was told the reason.
triage-done-cat = The subject of case { $code } was changed.
triage-done-urg = The urgency of case { $code } was changed.
triage-done-note = The note was added to case { $code }.
triage-done-res = Case { $code } is resolved; the producer was told.
triage-done-cls = Case { $code } is closed.
triage-done-reo = Case { $code } is open again and back in the queue.
triage-error-not_found = This case was not found or is not in your working group.
triage-error-forbidden = This case is not in your working group.
triage-error-illegal_transition = This action is not possible in the case's current status (someone may have acted on it meanwhile). Open the case again.
triage-error-invalid_text = The text is too short or too long.
triage-error-text-length = The text must be between { $min } and { $max } characters (yours: { $length }).
triage-error-invalid_date = This is not a valid Jalali date. Type it as year/month/day, e.g. 1405/09/15.
triage-error-past_date = The due date cannot be in the past.
triage-error-far_date = The due date is more than a year away; please check the year.
triage-error-invalid_agency = This agency is not part of the case's working group.
triage-error-invalid_official = This person is not an official of the chosen agency.
triage-error-invalid_category = This subject is not valid.
triage-error-invalid_urgency = This urgency is not valid.
triage-error-invalid_reason = This reason is not valid.
triage-error-duplicate_not_found = No case with this tracking code was found in this working group. Check the code and type it again.
triage-error-duplicate_self = A case cannot be a duplicate of itself. Type the other case's tracking code.
triage-button-answer = ✍ Answer
triage-notice-taken = Your case { $code } is being reviewed by the working group's secretariat.
triage-notice-info-requested =
    The secretariat needs more information about your case { $code }:
    { $question }
    Please answer with the button below (text, photo or file).
triage-notice-info-reminder =
    Reminder: the secretariat is still waiting for your answer on case { $code }:
    { $question }
    Your case moves forward once you answer.
triage-notice-assigned = Your case { $code } was referred to { $agency } for action; due date: { $due }. We will keep you informed.
triage-notice-task-assigned =
    New task for { $agency }: case { $code }
    Unit: { $unit }
    Subject: { $category }
    Due: { $due }
    { $description }
triage-notice-task-cancelled = The task on case { $code } was cancelled (the case was closed by the secretariat); no further action is needed.
triage-notice-duplicate = Your case { $code } is a duplicate of case { $original }, which is already being followed up. Please follow case { $original } from now on.
triage-notice-rejected =
    Your case { $code } was not accepted by the working group's secretariat.
    Reason: { $reason }
    { $text }
triage-notice-rejected-remit =
    Your case { $code } is not within this working group's remit.
    Please turn to: { $text }
triage-notice-resolved =
    Your case { $code } was declared resolved.
    Outcome: { $outcome }
    Did it help? Rate it with the buttons below. If the problem remains, you can reopen the case within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } with "Reopen" or from "My cases".
triage-notice-closed = Your case { $code } was closed.
triage-notice-reopened = Your case { $code } was reopened and is back in the secretariat's queue.
triage-notice-category = The subject of your case { $code } was corrected to: { $category }
event-taken = { $actor } took the case.
event-info_requested = { $actor } asked the producer: { $question }
event-assigned = { $actor } referred the case to { $toEn }; due { $due }.
event-marked_duplicate = { $actor } marked the case as a duplicate of { $original }.
event-rejected = { $actor } rejected the case: { $reason ->
        [not_in_remit] not within the remit; responsible: { $text }
        [not_production_obstacle] not a production obstacle. { $text }
        [insufficient_info] information insufficient. { $text }
        [already_resolved] already resolved. { $text }
        [judicial] before the courts. { $text }
       *[other] { $text }
    }
event-category_changed = { $actor } changed the subject to: { $categoryEn }
event-urgency_changed = { $actor } set the urgency to: { $urgency }
event-note = { $actor } (note): { $text }
event-resolved = { $actor } closed the case as resolved: { $outcome }
event-closed = { $actor } closed the case.
event-reopened = { $actor } reopened the case.
event-task_cancelled = A task was cancelled with the case.

## Tasks, reminders, escalation, morning digest and rating (src/bot/features/tasks.ts, rating.ts, src/jobs/reminders.ts, digest.ts)
menu-tasks = 📋 My agency's tasks
task-due-today = due today
task-due-days-left = { $days ->
        [one] { $days } day left
       *[other] { $days } days left
    }
task-due-days-overdue = { $days ->
        [one] { $days } day overdue
       *[other] { $days } days overdue
    }
task-unassigned = not assigned to anyone yet
task-letter-none = none
task-status-open = new
task-status-acknowledged = acknowledged
task-status-in_progress = in progress
task-status-done_pending_review = done, awaiting the secretariat's review
task-status-done = done
task-status-refused = refused
task-status-cancelled = cancelled
task-list-empty = Your agency has no open tasks right now.
task-not-official = This list is for officials of executive agencies. If you represent an agency, ask the working group's secretariat for an invitation.
task-list-title = Open tasks of your agency: { $total } (page { $page } of { $pages }). 🔴 overdue · 📌 yours
task-card-title = 📌 Task: { $title }
task-card-agency = Executive agency: { $agency }
task-card-official = Official: { $official }
task-card-due = Due date: { $due }
task-card-due-at = ⏱ Urgent answer due by: { $at }
task-card-status = Task status: { $status }
task-card-contact = Unit's representative: { $name } — { $phone }
task-card-no-phone = no phone number on file
task-card-extension-pending = Extension requested to { $date }: { $reason }
task-card-report =
    Completion report: { $text }
    Letter number: { $letter }
task-card-refusal = Refused. Reasons: { $reason }
task-card-history = History:
task-button-open = 📌 Open the task
task-button-list = 📋 All tasks
task-button-acknowledge = 👁 Acknowledge
task-button-progress = 📝 Progress update
task-button-complete = ✅ Report done
task-button-extension = ⏳ Ask for more time
task-button-refuse = ⛔ Refuse with reasons
task-button-reassign = 👥 Reassign
task-button-confirm = ✔ Confirm done
task-button-send-back = ↩ Send back
task-button-approve = ✔ Approve the extension
task-button-refuse-extension = ✖ Refuse the extension
task-button-documents = 📎 Documents ({ $count })
task-button-send-report = 📤 Send
task-button-confirm-refusal = ⛔ Confirm the refusal
task-documents-none = This task has no documents.
task-prompt-intro = Case { $code } — { $title }
task-ask-progress-text = Type the progress update (what has been done, what comes next). The producer will read it.
task-ask-completion-text = Type the completion report: what was done for the unit. The secretariat will review it.
task-ask-letter = Type the number of the official letter, if there is one, or press "Skip".
task-ask-files = Send supporting documents (photo, PDF, Word or Excel) if there are any — { $count } of { $limit } so far — then press "Send".
task-ask-extension-date = Type the new due date you ask for, in the Jalali calendar (e.g. 1405/09/30).
task-ask-extension-reason = Why is more time needed? Type the reason for the secretariat.
task-ask-refusal-reason = Type the reasons for refusing, in writing (at least { $min } characters). The secretariat and the producer will read them.
task-ask-send-back-reason = What is missing? Type the reason; the agency will read it.
task-confirm-refusal =
    You are refusing this task with these reasons:
    { $reason }
    The secretariat and the producer will be told. Confirm?
task-text-invalid = The text must be between { $min } and { $max } characters.
task-letter-invalid = The letter number must be at most { $max } characters.
task-files-expected = Send a file, or press "Send" to finish.
task-extension-date-invalid = This is not a valid Jalali date. Type it as year/month/day, e.g. 1405/09/30.
task-extension-date-not-later = The new date must be after the current due date ({ $due }) and in the future.
task-done-acknowledge = Acknowledged. The producer has been told that your agency is working on the case.
task-done-progress = Your update has been recorded and the producer has been told.
task-done-complete = Your completion report has been sent to the secretariat for review.
task-done-extension = Your extension request has been sent to the secretariat.
task-done-refuse = The refusal and its reasons have been recorded; the secretariat and the producer have been told.
task-done-send-back = The report has been sent back to the agency.
task-done-confirm = Confirmed: the task is done. The agency and the producer have been told.
task-done-confirm-all = Confirmed: the task is done. The agency and the producer have been told. No other task of this case is open: the case can now be closed as resolved.
task-done-extension-approved = The extension is approved; the due date and the reminders have been updated.
task-done-extension-refused = The extension is refused; the agency has been told.
task-done-reassign = The task has been reassigned and the official has been told.
task-reassign-choose = Whom should this task go to?
task-reassign-nobody = Your agency has no other official in this working group.
task-error-not_found = This task was not found or is not available to you.
task-error-forbidden = You are not allowed to do that on this task.
task-error-illegal_transition = This is not possible in the task's current status; open the task again to see where it stands.
task-error-invalid_input = Some of what you entered is not valid; please check it.
task-error-extension_pending = An extension request for this task is already waiting for the secretariat.
task-error-already_decided = This request has already been decided.
task-error-not_an_official = That person is not an official of this agency.
task-notice-producer-acknowledged = Your case { $code }: { $agency } has received the task "{ $title }" and is working on it.
task-notice-producer-progress =
    Your case { $code }: an update from { $agency }:
    { $text }
task-notice-producer-completed =
    Your case { $code }: { $agency } reports that the task is done; the secretariat is reviewing the report.
    { $text }
task-notice-producer-confirmed =
    Your case { $code }: the secretariat confirmed that { $agency } has done the task "{ $title }".
    Did it help? Rate it from 1 (not at all) to 5 (completely).
task-notice-producer-refused =
    Your case { $code }: { $agency } refused the task. Their reasons, in writing:
    { $reason }
    The working group's secretariat will follow up.
task-notice-producer-extended = Your case { $code }: the due date of { $agency } has moved to { $requested }. Reason: { $reason }
task-notice-secretariat-completed =
    ✅ Case { $code }: { $agency } reports the task done.
    Task: { $title }
    Letter number: { $letter }
    Report: { $text }
    Documents attached: { $files }
task-notice-secretariat-extension =
    ⏳ Case { $code }: { $agency } asks for more time.
    Task: { $title }
    Current due date: { $current }
    Requested due date: { $requested }
    Reason: { $reason }
task-notice-secretariat-refused =
    ⛔ Case { $code }: { $agency } refused the task "{ $title }".
    Reasons: { $reason }
task-notice-secretariat-all-done = Case { $code }: every task is done (the last one by { $agency }). The case can now be closed as resolved.
task-notice-official-confirmed = Case { $code }: the secretariat confirmed your task "{ $title }" as done. Thank you.
task-notice-official-sent-back =
    ↩ Case { $code }: the secretariat sent your report on "{ $title }" back.
    Reason: { $reason }
task-notice-official-extension-approved = Case { $code }: the extension is approved; the new due date of "{ $title }" is { $requested }.
task-notice-official-extension-refused = Case { $code }: the extension is refused; "{ $title }" is still due on { $current }.
task-notice-official-assigned = 📌 Case { $code }: the task "{ $title }" of { $agency } is now yours. Due date: { $due }.
task-notice-official-unassigned = Case { $code }: the task "{ $title }" has been given to { $official }.
task-reminder-before = ⏰ Reminder: case { $code } — "{ $title }" ({ $agency }) is due { $due }.
task-reminder-due = ⏰ Today is the due date: case { $code } — "{ $title }" ({ $agency }). Please report the result or ask for more time.
task-reminder-overdue = 🔴 Overdue: case { $code } — "{ $title }" ({ $agency }), due { $due }. Please report the result, ask for more time or refuse with reasons.
task-escalation-agency-head =
    🔺 Escalation: a task of { $agency } is { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } overdue.
    Case { $code } — "{ $title }", due { $due }
    Official: { $official }
task-escalation-secretariat =
    🔺 Escalation: a task of { $agency } is { $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } overdue.
    Case { $code } — "{ $title }", due { $due }
    Official: { $official }
digest-message =
    ☀ Good morning. Your tasks: { $overdue } overdue, { $week } due this week.
    { $tasks }
digest-more = … and { $count } more
digest-button-task = 📌 { $code }
digest-button-all = 📋 All tasks
rating-score-1 = 1 ⭐
rating-score-2 = 2 ⭐
rating-score-3 = 3 ⭐
rating-score-4 = 4 ⭐
rating-score-5 = 5 ⭐
rating-thanks = Thank you for your rating ({ $score } of 5).
rating-thanks-low = Thank you; we are sorry it did not help. Your rating ({ $score } of 5) has been passed on to the secretariat.
rating-ask-comment = Would you like to add a comment? Type it, or press "Skip".
rating-button-reopen = 🔁 Reopen the case
rating-ask-reopen-reason = Why should the case be reopened? Type the reason (at least { $min } characters).
rating-reason-invalid = The text must be between { $min } and { $max } characters.
rating-comment-saved = Your comment has been recorded. Thank you.
rating-done = Thank you.
rating-reopened = Case { $code } has been reopened and is back with the working group's secretariat.
rating-error-not_found = This task was not found.
rating-error-forbidden = Only the unit's representative can rate a completed task.
rating-error-invalid_input = This is not a valid answer.
rating-error-cannot_reopen = The case cannot be reopened now (it is still open, or the reopening period has passed). The secretariat can still reopen it.
rating-notice-secretariat-low = ⚠ Case { $code }: the producer rated the work of { $agency } { $score } of 5.
cases-reopen = 🔁 Reopen the case
rating-notice-secretariat-low-case = ⚠ Case { $code }: the producer rated the outcome { $score } of 5.
event-case_rated = { $actor } rated the outcome { $score } of 5.
rating-notice-secretariat-comment = Case { $code }: the producer's comment on their rating ({ $score } of 5): { $comment }
rating-notice-secretariat-reopened = 🔁 Case { $code } was reopened by the producer. Reason: { $reason }
event-task_acknowledged = { $actor } acknowledged the task.
event-task_progress = { $actor } reported progress: { $text }
event-task_completed = { $actor } reported the task done (letter: { $letter }): { $text }
event-task_confirmed = { $actor } confirmed the task as done.
event-task_sent_back = { $actor } sent the completion report back: { $reason }
event-task_extension_requested = { $actor } asked for the due date to move to { $due }: { $reason }
event-task_extension_approved = { $actor } approved an extension: due { $previous } → { $due }.
event-task_extension_refused = { $actor } refused an extension to { $due }.
event-task_refused = { $actor } refused the task: { $reason }
event-task_reassigned = { $actor } gave the task to { $official }.
event-task_escalated = The overdue task was escalated to { $target ->
        [agency_head] the agency's head
       *[other] the secretariat and the chair
    } ({ $days ->
        [one] { $days } working day
       *[other] { $days } working days
    } overdue).
event-task_rated = { $actor } rated the work { $score } of 5.
event-task_rating_comment = { $actor } commented on the rating: { $comment }

## Meetings (src/bot/features/meetings.ts, src/services/meetings.ts, src/jobs/meeting-reminders.ts)
meetings-menu = 🗓 Meetings
meetings-ledger = 📑 Resolutions ledger
meetings-title = { $ordinal } { $kind } meeting of { $year }
meetings-kind-COMMITTEE = specialist-committee
meetings-kind-WORKING_GROUP = working-group
meetings-kind-button-COMMITTEE = Specialist committee (weekly)
meetings-kind-button-WORKING_GROUP = Working group
meetings-status-SCHEDULED = scheduled
meetings-status-HELD = held
meetings-status-CANCELLED = cancelled
meetings-list-title = Meetings (upcoming first, then recent):
meetings-list-empty = No meetings yet. Schedule the first one.
meetings-new = ➕ Schedule a meeting
meetings-ask-group = Which working group is the meeting for?
meetings-ask-kind = What kind of meeting?
meetings-ask-date = The meeting's date (Solar Hijri), e.g. 1405/09/15:
meetings-date-default = { $date }
meetings-ask-time = The time it starts (Tehran), e.g. 09:30:
meetings-ask-place = Where is it held? ({ $min } to { $max } characters)
meetings-ask-recurring = Does the committee meet every week at this time? (When a meeting is marked held, next week's is scheduled.)
meetings-recurring-yes = Yes, every week
meetings-recurring-no = No, only this once
meetings-recurring-on = every week
meetings-recurring-off = once
meetings-create-review =
    New meeting:
    Kind: { $kind }
    When: { $when }
    Place: { $place }
    Repeats: { $recurring }
meetings-create-confirm = ✔ Schedule it
meetings-created = Scheduled: { $title }.
meetings-invalid-date = That is not a valid date. Write it as year/month/day, e.g. 1405/09/15.
meetings-invalid-time = That is not a valid time. Write it as hour:minute, e.g. 09:30.
meetings-invalid-place = The place must be { $min } to { $max } characters.
meetings-card-when = 🗓 { $when }
meetings-card-place = 📍 { $place }
meetings-card-status = Status: { $status }
meetings-card-recurring = 🔁 Repeats every week
meetings-card-agenda = Agenda:
meetings-card-not-invited = No invitations sent yet.
meetings-card-rsvp-summary = Answers: { $attending } attending, { $delegate } sending a delegate, { $declined } cannot attend, { $pending } not answered
meetings-card-invitee = • { $name }: { $answer }
meetings-card-invitee-delegate = • { $name }: { $answer } ({ $delegate })
meetings-card-resolutions = Resolutions recorded: { $count }
meetings-card-minutes-closed = Minutes closed and sent: { $date }
meetings-agenda-line = { $n }. { $code } — { $unit }
meetings-agenda-line-slot = { $n }. { $code } — { $unit } (at { $time })
meetings-agenda-empty = (no cases on the agenda yet)
meetings-agenda-title = Agenda of the { $title }:
meetings-agenda-suggest = ➕ Add from suggested cases
meetings-agenda-by-code = ➕ Add by tracking code
meetings-agenda-added = Case { $code } was put on the agenda and its producer was told.
meetings-button-agenda = 📋 Agenda
meetings-button-invite = ✉ Send invitations
meetings-button-invite-more = ✉ Invite newcomers
meetings-button-held = ✅ Mark as held
meetings-button-cancel = ✖ Cancel the meeting
meetings-button-resolutions = 📝 Record resolutions
meetings-button-close-minutes = 📄 Close and send the minutes
meetings-button-refresh = 🔄 Refresh
meetings-button-list = « Meetings
meetings-button-back-card = « The meeting
meetings-button-back-agenda = « The agenda
meetings-suggestions-title = Suggested cases (tap one to put it on the agenda):
meetings-suggestions-empty = No case needs a meeting right now. You can still add one by its tracking code.
meetings-suggestion-line = • { $code } — { $unit }: { $reasons }
meetings-reason-critical = critical
meetings-reason-overdue_task = a task is overdue
meetings-reason-needs_decision = needs a decision
meetings-reason-waiting_long = waiting for long
meetings-reason-carried_over = carried over from an earlier meeting
meetings-ask-code = Send the tracking code of the case (e.g. KRM-1405-00012):
meetings-code-not-found = No case of this working group has that tracking code. Check it and send it again, or /cancel.
meetings-ask-slot = At what time is the representative of { $code } heard? (e.g. 10:15)
meetings-slot-clear = No set time
meetings-slot-none = not set
meetings-invitations-sent = Invitations sent to { $count } people ({ $total } invited in all). Reminders go out the day before and two hours before.
meetings-invitations-none-new = Everyone concerned is already invited ({ $total } people).
meetings-held-confirm = Mark this meeting as held? Resolutions can then be recorded.
meetings-held-done = The meeting is marked as held. Record its resolutions, then close the minutes.
meetings-next-created = Next week's meeting was scheduled: { $title }, { $when }.
meetings-cancel-confirm = Cancel this meeting? Everyone invited will be told.
meetings-cancel-yes = ✖ Yes, cancel it
meetings-cancelled = The meeting was cancelled. Its cases stay on the agenda for the next meeting.
meetings-error-forbidden = Only the working group's secretariat can do that.
meetings-error-not_found = This meeting or case was not found.
meetings-error-not_scheduled = This meeting is no longer scheduled (it was held or cancelled).
meetings-error-in_past = That time has already passed. Choose a later date.
meetings-error-not_yet = The meeting's day has not come yet.
meetings-error-invalid_input = Some of the information is not valid; please check it.
meetings-error-case_not_eligible = This case cannot be put on an agenda in its current status.
meetings-error-already_on_agenda = This case is already on this meeting's agenda.
meetings-error-has_resolutions = Resolutions were recorded for this item; it cannot be removed.
meetings-error-no_agenda = Put at least one case on the agenda first.
meetings-error-not_held = Mark the meeting as held first.
meetings-error-minutes_closed = The minutes of this meeting are closed.
meetings-error-no_resolutions = Record at least one resolution first.
meetings-invitation =
    📨 Meeting notice
    You are invited to the { $title }.
    🗓 { $when }
    📍 { $place }
    Agenda:
    { $agenda }
    Please let us know whether you will attend.
meetings-invitation-unit =
    📨 Meeting notice
    Your case { $cases } will be heard at the { $title }.
    🗓 { $when }
    📍 { $place }
    Your unit's time: { $slot }
    Please attend in person or send an authorised representative, with your documents.
    Agenda:
    { $agenda }
meetings-rsvp-attending = ✅ I will attend
meetings-rsvp-delegate = 👤 I will send a delegate
meetings-rsvp-declined = ✖ I cannot attend
meetings-rsvp-state-PENDING = not answered
meetings-rsvp-state-ATTENDING = attending
meetings-rsvp-state-DELEGATE = sending a delegate
meetings-rsvp-state-DECLINED = cannot attend
meetings-rsvp-saved-ATTENDING = Thank you. You are expected at the { $title } ({ $when }).
meetings-rsvp-saved-DELEGATE = Thank you. { $delegate } is expected on your behalf at the { $title } ({ $when }).
meetings-rsvp-saved-DECLINED = Thank you for letting us know. The secretariat has your answer.
meetings-ask-delegate = Who will attend on your behalf? Send their full name and position (up to { $max } characters).
meetings-invalid-delegate = Please send a name of 2 to { $max } characters.
meetings-producer-on-agenda =
    Your case { $code } was put on the agenda of the { $title }.
    🗓 { $when }
    📍 { $place }
    The meeting notice will follow.
meetings-reminder-day-before =
    ⏰ Reminder: the { $title } is tomorrow.
    🗓 { $when }
    📍 { $place }
    Agenda:
    { $agenda }
meetings-reminder-soon =
    ⏰ The { $title } starts at { $time }.
    📍 { $place }
meetings-cancelled-notice = The { $title } ({ $when }) was cancelled. A new date will be announced.
event-agenda_added = { $actor } put the case on the agenda of the { $kind ->
        [COMMITTEE] specialist committee
       *[other] working group
    } meeting no. { $number } of { $year } ({ $date } { $time }).
event-agenda_removed = { $actor } took the case off the agenda of the { $kind ->
        [COMMITTEE] specialist committee
       *[other] working group
    } meeting no. { $number } of { $year }.
event-resolution_recorded = Resolution ({ $type ->
        [TASK] a task for an agency
        [INFORMATION] for information
       *[other] decision
    }): { $text } — deadline: { $deadline }

## Resolutions and minutes (src/services/resolutions.ts)
resolutions-type-DECISION = decision
resolutions-type-TASK = task for an agency
resolutions-type-INFORMATION = for information
resolutions-type-button-DECISION = ⚖ Decision
resolutions-type-button-TASK = 🛠 Task for an agency (followed up with reminders)
resolutions-type-button-INFORMATION = ℹ For information
resolutions-choose-item = Resolutions of the { $title }: choose an agenda item.
resolutions-ask-text = Resolution on case { $code }: write its text ({ $min } to { $max } characters).
resolutions-invalid-text = The text must be { $min } to { $max } characters.
resolutions-ask-type = What kind of resolution is it?
resolutions-ask-agency-task = Which executive agency is responsible?
resolutions-ask-agency = Which executive agency is responsible? (or skip)
resolutions-ask-official = Which official of the agency? (or any official of it)
resolutions-official-any = Any official of the agency
resolutions-ask-deadline-task = The deadline (Solar Hijri), e.g. 1405/09/30:
resolutions-ask-deadline = The deadline (Solar Hijri), e.g. 1405/09/30, or skip:
resolutions-deadline-past = The deadline cannot be in the past.
resolutions-no-agency = no agency
resolutions-no-deadline = no deadline
resolutions-review =
    Resolution on { $code }:
    { $text }
    Kind: { $type }
    Responsible: { $agency } — { $official }
    Deadline: { $deadline }
resolutions-save = ✔ Record the resolution
resolutions-saved = The resolution on { $code } was recorded and the producer was told.
resolutions-saved-task = The resolution on { $code } was recorded; a task with reminders was created for the agency and the producer was told.
resolutions-add-another = ➕ Another resolution on this case
resolutions-back-to-items = « Agenda items
resolutions-producer-notice =
    Decision on your case { $code } at the { $title }:
    { $text }
    Kind: { $type }
    Responsible: { $agency }
    Deadline: { $deadline }
resolutions-task-notice =
    🛠 New task from the { $title }
    Case { $code } — { $unit }
    { $text }
    Deadline: { $deadline }
    Please act by the deadline and report to the secretariat.
    You may object once, with written reasons (at least { $min } characters), until { $until }; after that the resolution binds your agency and its deadline runs.
resolutions-close-confirm = Close the minutes with { $count ->
        [one] { $count } resolution
       *[other] { $count } resolutions
    }? They become final and go to every attendee.
resolutions-close-yes = 📄 Close and send
resolutions-minutes-sent = The minutes were sent to { $count } people.
resolutions-minutes-message = { $body }
resolutions-minutes-header =
    📄 Minutes of the { $title }
    🗓 { $when } — 📍 { $place }
    Resolutions:
resolutions-minutes-case = ▪ { $code } — { $unit }
resolutions-minutes-line =
    { $n }. [{ $type }] { $text }
       Responsible: { $responsible } — deadline: { $deadline }
resolutions-minutes-caption = Minutes of the { $title }
resolutions-minutes-delegate = { $name } (on behalf of { $for })
resolutions-minutes-doc-title = Minutes
resolutions-minutes-doc-attendees = Attendees
resolutions-minutes-doc-resolutions = Resolutions
resolutions-col-case = Case / unit
resolutions-col-text = Resolution
resolutions-col-type = Kind
resolutions-col-responsible = Responsible
resolutions-col-deadline = Deadline
resolutions-ledger-title = Resolutions — { $filter } ({ $total }; page { $page } of { $pages }):
resolutions-ledger-empty = No resolutions here.
resolutions-ledger-line =
    { $icon } { $code }: { $text }
       { $agency } — deadline { $deadline } — { $status } ({ $meeting })
resolutions-filter-all = all
resolutions-filter-open = open
resolutions-filter-overdue = overdue
resolutions-filter-done = done
resolutions-status-recorded = recorded
resolutions-status-open = open
resolutions-status-overdue = overdue
resolutions-status-done = done
resolutions-status-refused = refused by the agency
resolutions-status-cancelled = cancelled
resolutions-filter-objected = objected
resolutions-ledger-phase =    ⚖ notified { $notified } — { $phase }

## Statutory timers on resolutions: notification, objection window, objection, decision, binding
## (src/services/resolutions/statutory.ts, objections.ts; src/bot/features/objections/)
statutory-phase-objection_open = objection window open until { $until }
statutory-phase-objected = objected on { $objected }, awaiting the decision
statutory-phase-binding = binding { $how }
statutory-phase-overdue = binding and overdue { $how }
statutory-phase-implemented = implemented
statutory-how-window = (objection window closed { $until })
statutory-how-confirmed = (objection overruled { $decided })
statutory-how-amended = (amended { $decided })
statutory-card-notified = ⚖ Resolution notified to the agency on { $notified }.
statutory-card-open = The agency may object once, with written reasons, until { $until }; after that the resolution binds it and the deadline runs.
statutory-card-objected =
    ✋ Objection filed on { $objected }: { $reasons }
    Awaiting the decision of the secretariat or the chair; the deadline's reminders wait.
statutory-card-binding = Binding since { $since } { $how }.
statutory-card-amended = Amended text: { $text }
statutory-binding-notice = ⚖ The objection window on the resolution on case { $code } closed on { $closed } without an objection: it binds your agency from now. Deadline: { $due }.
objection-button-object = ✋ Object
objection-button-decide = ⚖ Decide on the objection
objection-button-uphold = ✔ Confirm as recorded
objection-button-amend = ✏ Amend the text
objection-button-send = 📨 Send the objection
objection-button-save-amendment = 💾 Save the amendment
objection-ask-reasons =
    ✋ Objection to the resolution on case { $code }:
    { $text }
    The objection window closes { $until }. Write your agency's reasons (at least { $min } characters). An objection can be made only once.
objection-reasons-short = The reasons are too short: write at least { $min } characters (you wrote { $count }). Nothing was sent.
objection-review =
    Send this objection to the secretariat and the chair?
    { $reasons }
    It cannot be changed or made again.
objection-sent = Your objection was sent to the secretariat and the chair of the working group. Until they decide, the deadline's reminders wait.
objection-filed-notice =
    ✋ Objection: { $agency } objects to the resolution on case { $code } — { $unit }:
    { $text }
    Reasons: { $reasons }
    Confirm it as recorded or amend its text.
objection-decision-screen =
    ⚖ Objection to the resolution on case { $code } — { $unit }
    Resolution: { $text }
    Agency: { $agency }
    Objected on { $objected } by { $by }:
    { $reasons }
    Confirm the resolution as recorded, or amend its text? Either way it binds the agency from now.
objection-ask-amendment = Write the amended text of the resolution on case { $code } ({ $min } to { $max } characters):
objection-amendment-invalid = The text must be { $min } to { $max } characters.
objection-amendment-review =
    Amended text of the resolution on case { $code }:
    { $text }
    Save it? The agency and the producer are told, and the resolution binds from now.
objection-confirmed-done = The resolution on case { $code } was confirmed as recorded; the agency was told it binds from now.
objection-amended-done = The resolution on case { $code } was amended; the agency and the producer were told.
objection-confirmed-notice =
    ⚖ Your agency's objection to the resolution on case { $code } was not accepted: the resolution stands as recorded and binds your agency from now.
    { $text }
    Deadline: { $due }
objection-amended-notice =
    ⚖ After your agency's objection, the resolution on case { $code } was amended. It binds your agency from now:
    { $text }
    Deadline: { $due }
objection-amended-producer =
    The resolution on your case { $code } was amended:
    { $text }
objection-error-not_found = This resolution was not found.
objection-error-forbidden = Only an official of the responsible agency may object to this resolution, and only the working group's secretariat or chair decides on an objection.
objection-error-not_notified = This resolution was not notified to an agency: there is nothing to object to.
objection-error-window_closed = The objection window closed on { $closed }: the resolution binds the agency and can no longer be objected to. Nothing was sent.
objection-error-already_objected = Your agency has already objected to this resolution; an objection can be made only once.
objection-error-implemented = This resolution has been implemented already: there is nothing to object to.
objection-error-reasons_too_short = The reasons are too short: write at least { $min } characters. Nothing was sent.
objection-error-reasons_too_long = The reasons are too long (at most { $max } characters).
objection-error-no_objection = There is no objection to decide on this resolution.
objection-error-already_decided = The objection has already been decided.
objection-error-invalid_text = The text must be { $min } to { $max } characters.
event-resolution_notified = The resolution was notified to the agency; it may object until { $until }.
event-resolution_objected = { $actor } objected to the resolution: { $reasons }
event-resolution_objection_confirmed = { $actor } overruled the objection: the resolution stands as recorded.
event-resolution_amended = { $actor } amended the resolution after the objection: { $text }
event-resolution_binding = The objection window closed on { $closed } without an objection: the resolution binds the agency.

## Broadcasts (src/bot/features/broadcasts.ts, src/services/broadcasts.ts, src/jobs/broadcast-progress.ts)
broadcasts-menu = 📢 Broadcast a notice
broadcasts-ask-group = Which working group is the notice from?
broadcasts-ask-content = Write the notice ({ $min } to { $max } characters), or send a photo or a document with the notice as its caption (up to { $caption } characters).
broadcasts-text-short = The notice is too short (at least { $min } characters).
broadcasts-text-long = The notice is too long (at most { $max } characters).
broadcasts-ask-audience = Who should receive it?
broadcasts-audience-everyone = 👥 Everyone in the working group
broadcasts-audience-officials = 🏛 Officials of chosen agencies
broadcasts-audience-producers = 🏭 All producers
broadcasts-audience-meeting = 🗓 Those invited to a meeting
broadcasts-audience-units = 🏷 Units by sector or activity
broadcasts-audience-county = 📍 Units of one county
broadcasts-ask-agency-kinds = Choose the kinds of agencies (tap to select), then Done:
broadcasts-ask-meeting = Choose the meeting:
broadcasts-no-meetings = No meeting has invitees yet.
broadcasts-ask-units = Choose a sector and/or an activity status (e.g. idle units), then Done:
broadcasts-ask-county = The representatives of the units of which county?
broadcasts-choose-one = Choose at least one option.
broadcasts-preview =
    ↑ This is how the notice will look.
    Audience: { $audience }
    Recipients: { $count }
broadcasts-preview-empty =
    Audience: { $audience }
    Nobody matches this audience. Choose another one.
broadcasts-confirm = 📢 Send to { $count ->
        [one] { $count } recipient
       *[other] { $count } recipients
    }
broadcasts-change-audience = 👥 Change the audience
broadcasts-discarded = The notice was not sent.
broadcasts-header = 📢 Notice from the secretariat of the working group — { $group }
broadcasts-progress =
    📢 Broadcast #{ $id } — { $state }
    Sent: { $sent }
    Failed: { $failed }
    Blocked the bot: { $blocked }
    Cancelled: { $cancelled }
    Remaining: { $remaining }
    Recipients: { $total }
broadcasts-state-DRAFT = draft
broadcasts-state-SENDING = sending…
broadcasts-state-DONE = finished
broadcasts-state-CANCELLED = cancelled
broadcasts-cancel-button = ✖ Stop sending
broadcasts-cancelled-toast = Sending stopped.
broadcasts-report-all-reached =
    📢 Broadcast #{ $id }: everyone was reached.
    { $summary }
broadcasts-report =
    📢 Broadcast #{ $id }: final report.
    { $summary }
    Could not be reached:
    { $list }
broadcasts-unreached-blocked = • { $name }: has blocked the bot
broadcasts-unreached-failed = • { $name }: delivery failed ({ $error })
broadcasts-unreached-more = … and { $count } more
broadcasts-error-forbidden = Only the working group's secretariat can send notices.
broadcasts-error-not_found = This notice was not found.
broadcasts-error-invalid_input = Some of the information is not valid; please check it.
broadcasts-error-not_draft = This notice was already sent or discarded.
broadcasts-error-not_sending = This broadcast is no longer being sent.
broadcasts-error-empty_audience = Nobody matches this audience.
broadcasts-agency-kind-BANK = Banks
broadcasts-agency-kind-ELECTRICITY = Electricity
broadcasts-agency-kind-GAS = Gas
broadcasts-agency-kind-WATER = Water
broadcasts-agency-kind-TELECOM = Telecom
broadcasts-agency-kind-TAX = Tax
broadcasts-agency-kind-SOCIAL_SECURITY = Social security
broadcasts-agency-kind-ENVIRONMENT = Environment
broadcasts-agency-kind-NATURAL_RESOURCES = Natural resources
broadcasts-agency-kind-INDUSTRIAL_ESTATES = Industrial estates
broadcasts-agency-kind-LAND_AFFAIRS = Land affairs
broadcasts-agency-kind-CUSTOMS = Customs
broadcasts-agency-kind-INDUSTRY_MINE_TRADE = Industry, mine and trade
broadcasts-agency-kind-AGRICULTURE = Agriculture
broadcasts-agency-kind-FUEL = Fuel
broadcasts-agency-kind-CENTRAL_BANK = Central bank
broadcasts-agency-kind-GOVERNORATE = Governorate
broadcasts-agency-kind-OTHER = Other

## Secretariat group
group-link-not-allowed = Only a secretariat member of one working group can link this group to that secretariat or unlink it.
group-linked = This group is now the secretariat group of "{ $group }"; new-case alerts are posted here too.
group-unlinked = This group is no longer linked to the secretariat.

## Statistics (src/bot/features/statistics.ts, src/services/statistics.ts)
command-stats = Working group statistics and agency performance (chair, secretariat)
stats-menu = 📊 Statistics
stats-pick-group = Statistics of which working group?
stats-title = 📊 Statistics of the { $group } working group for removing production obstacles
stats-period-month = { $month } { $year }
stats-period-season = Quarter { $quarter } of { $year } ({ $season })
stats-period-year = Year { $year }
stats-quarter-1 = 1
stats-quarter-2 = 2
stats-quarter-3 = 3
stats-quarter-4 = 4
stats-season-1 = spring
stats-season-2 = summer
stats-season-3 = autumn
stats-season-4 = winter
stats-period-range = Period: { $period } ({ $from } to { $to })
stats-as-of = Cases and tasks as of { $now }
stats-none = —
stats-percent = { $value }%
stats-days = { $value ->
        [one] { $value } day
       *[other] { $value } days
    }
stats-duration-minutes = { $value ->
        [one] { $value } minute
       *[other] { $value } minutes
    }
stats-duration-hours = { $value ->
        [one] { $value } hour
       *[other] { $value } hours
    }
stats-duration-days = { $value ->
        [one] { $value } day
       *[other] { $value } days
    }
stats-cases-title = 1. Cases
stats-cases-none = No case was reported in this period.
stats-cases-reported = Cases reported: { $count } (critical: { $critical })
stats-cases-by-status = Status now: open { $open } · resolved { $resolved } · closed { $closed } · rejected { $rejected } · duplicate { $duplicate }
stats-cases-by-category = Topics:
stats-category-line = • { $category }: { $count }
stats-cases-units = Production units that reported a problem in this period: { $count }
stats-irreversible = Cases whose irreversible date came in this period: { $due } — saved before the date: { $saved } · it happened: { $lost } · unknown: { $unknown }
stats-irreversible-none = No case reached its irreversible date in this period.
stats-irreversible-late = { $count ->
        [one] { $count } case was reported
       *[other] { $count } cases were reported
    } after their irreversible date had passed (counted apart).
stats-first-action = Median time from report to the secretariat's first action: { $duration }
stats-resolution-time = Median time from report to resolution: { $duration }
stats-meetings-title = 2. Meetings and resolutions
stats-meetings-held = Meetings held: specialist committee { $committee } · working group { $workingGroup }
stats-resolutions = Resolutions recorded: { $total } (task { $task } · decision { $decision } · information { $information })
stats-resolution-tasks = Tasks from resolutions: open { $open } · done { $done } · overdue { $overdue }
stats-agencies-title = 3. Executive agencies' performance (tasks assigned in this period; most overdue first)
stats-agencies-none = No task was assigned to an agency in this period.
stats-agency-line = { $mark } { $rank }. { $agency }
stats-agency-counts = assigned { $assigned } · done { $done } · refused { $refused } · open { $open } · overdue { $overdue }
stats-agency-quality = done on time { $rate } · average delay { $late } · extension requests { $extensions }
stats-agency-refused-unexplained = ⚠ { $count } refused without written reasons
stats-overdue-title = Overdue resolutions by agency (as of today, all periods):
stats-overdue-none = No resolution is overdue.
stats-overdue-line = • { $agency }: { $count } overdue; the oldest { $days ->
        [one] { $days } day late
       *[other] { $days } days late
    }
stats-ratings-title = 4. Producers' satisfaction
stats-ratings = Average rating: { $average } of 5 ({ $count ->
        [one] { $count } rating
       *[other] { $count } ratings
    })
stats-ratings-none = No rating was given in this period.
stats-button-month = This month
stats-button-season = This quarter
stats-button-year = This year
stats-button-file = 📄 Agency table as a file
stats-button-groups = « Working groups
stats-file-caption = Executive agencies' performance — { $group } — { $period }
stats-file-empty = No task was assigned to an agency in this period; there is no table to send.
stats-csv-agency = Executive agency
stats-csv-assigned = Tasks assigned
stats-csv-done = Done
stats-csv-done-on-time = Done on time
stats-csv-refused = Refused
stats-csv-refused-with-reason = Refused with written reasons
stats-csv-open = Open
stats-csv-overdue = Overdue
stats-csv-cancelled = Cancelled
stats-csv-on-time-rate = On-time rate (%)
stats-csv-average-days-late = Average days late
stats-csv-extension-requests = Extension requests

## Agenda from the case card
queue-action-agenda = 📅 Put on a meeting agenda
meetings-pick-title = Which meeting should hear case { $code }?
meetings-pick-none = There is no scheduled meeting to put case { $code } before; create one with /meetings first.

## Help for staff
help-section-secretariat = Secretariat:
help-section-official = Agency official:
help-section-chair = Chair:
help-section-admin =
    Administrator: /invite also invites secretariat members, chairs and officials.
    Start with each working group's secretariat: until it is invited, no case has anyone to work it.
start-admin-first-steps =
    You are an administrator. First step: invite the secretariat — { $groups ->
        [one] one working group has
       *[other] { $groups } working groups have
    } no secretariat member yet, so new cases have no one to work them. Tap "✉ Invite a member" (or send /invite), choose "Secretariat of the working group" and send the link to the person.
    The secretariat then invites the agencies' officials.
group-link-in-group = /linkgroup works in your secretariat's Telegram group: add me to that group and send /linkgroup there; new-case alerts are then posted there too. /unlinkgroup, sent in the group, stops that.
command-linkgroup = Link the secretariat's Telegram group (send it in the group)
command-unlinkgroup = Unlink the secretariat's Telegram group

## Agenda removal (src/services/meetings.ts removeAgendaItem)
meetings-producer-off-agenda = Your case { $code } was taken off the agenda of the { $title } ({ $when }). The secretariat goes on following it up.

## The countdown to the irreversible date (src/services/countdown, features/countdown)
alert-countdown =
    ⏳ Case { $code } ({ $unit }) is nearing its irreversible date: { $working ->
        [one] { $working } working day
       *[other] { $working } working days
    } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }) left.
    Its urgency rose to "{ $urgency }" and nobody in the secretariat has acted on it yet.
countdown-ask =
    Today is the date you gave for case { $code } ({ $unit }, { $category }): { $date }.
    Did it happen?
countdown-button-averted = ✅ No, it was averted
countdown-button-happened = ❌ Yes, it happened
countdown-button-postponed = 📅 It was postponed
countdown-answered-averted = We are glad it was averted before the date. Your answer is recorded on case { $code }; follow-up continues until the work is done.
countdown-answered-happened = We are sorry. Your answer is recorded on case { $code } and was reported to the chair and the secretariat right away.
countdown-question-stands = Nothing was changed; the question still stands: did it happen?
countdown-ask-date = Type the new date in the Jalali calendar (e.g. 1405/10/15) or pick one:
countdown-in-week = In a week
countdown-in-two-weeks = In two weeks
countdown-in-month = In a month
countdown-postponed = The date of case { $code } is now { $date } and the secretariat has been told. We will ask you again on that day.
countdown-error-bad_date = Write the date as year/month/day in the Jalali calendar, e.g. 1405/10/15.
countdown-error-past = That date has passed; give a date in the future.
countdown-error-beyond_horizon = That date is more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    } away; please check it.
countdown-error-not_found = This case was not found.
countdown-error-answered = This question about case { $code } has already been answered.
countdown-error-closed = Case { $code } is closed; no answer is needed.
countdown-error-stale = The date of case { $code } changed after this question; we will ask again on the new date.
alert-irreversible-happened =
    ❗ Case { $code } ({ $unit }, { $category }): the producer says the problem happened on { $date } and became irreversible.
notice-irreversible-averted = ✅ Case { $code } ({ $unit }): the producer says the problem was averted by { $date }.
notice-irreversible-postponed = 📅 Case { $code } ({ $unit }): the producer moved the irreversible date from { $from } to { $to }.
event-urgency_raised = Countdown: { $working ->
        [one] { $working } working day
       *[other] { $working } working days
    } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }) left to the irreversible date; urgency rose to "{ $urgency }".
event-date_check_asked = On { $date } the producer was asked whether the problem happened.
event-irreversible_averted = { $actor } said the problem was averted by { $date }.
event-irreversible_happened = { $actor } said the problem happened on { $date }.
event-irreversible_postponed = { $actor } moved the irreversible date from { $from } to { $to }.

## The cut-off fast track (src/services/fast-track, features/fast-track)
fast-track-action-hold = ✋ Ask to hold the cut-off
fast-track-action-meeting = 🤝 Joint meeting with the utility
fast-track-button-send = ✅ Send
fast-track-button-meeting = 📅 Meeting card
fast-track-hold-title = request to hold the cut-off until the working group reviews it
fast-track-hold-confirm =
    Send a request to hold the cut-off of case { $code } to { $agency }?
    Deadline for the answer: { $hours ->
        [one] { $hours } office hour
       *[other] { $hours } office hours
    }, until { $at }. It is reminded every office hour until then, then escalated to the agency's head and to the chair.
fast-track-hold-sent = The request to hold the cut-off of case { $code } was sent; the answer is due by { $at }. The producer has been told.
fast-track-meeting-confirm =
    An urgent joint meeting on case { $code } with { $agency } and the unit's representative:
    When: { $when }
    Where: { $place }
    Create the specialist-committee meeting, put the case on its agenda and send the invitations? (You can change the time and place on the meeting card later.)
fast-track-meeting-sent = The joint meeting on case { $code } is set for { $when } ({ $place }); { $invited ->
        [one] { $invited } invitation was sent
       *[other] { $invited } invitations were sent
    }.
fast-track-default-place = The working group's secretariat
fast-track-notice-hold =
    ✋ Urgent request to hold a cut-off — case { $code }
    Unit: { $unit }
    The secretariat of the working group for removing production obstacles asks { $agency } to hold the cut-off until the working group has reviewed the case, and to answer by { $at } ({ $hours ->
        [one] { $hours } office hour
       *[other] { $hours } office hours
    }).
    { $description }
fast-track-producer-hold = For case { $code } the secretariat asked { $agency } to hold the cut-off; the company must answer by { $at }. We will tell you the result.
fast-track-error-not_cutoff = This action is only for utility cut-off cases.
fast-track-error-no_utility = The utility of this case is not set up in the working group; choose the agency first.
fast-track-error-already_requested = A request to hold the cut-off is already open for this case.
fast-track-error-no_officials = This agency has no official in the bot yet; invite one or follow up another way.
event-hold_requested = { $actor } asked { $agencyEn } to hold the cut-off; due by { $atEn }.
task-hold-reminder = ⏰ Urgent reminder: the request to hold the cut-off of case { $code } ({ $agency }) — the answer is due by { $at }.
task-hold-escalation-head =
    🔺 Escalation: the deadline of the request to hold the cut-off of case { $code } to { $agency } ({ $at }) has passed without an answer.
    Official: { $official }
task-hold-escalation-secretariat =
    🔺 Escalation: the request to hold the cut-off of case { $code } to { $agency } is still unanswered (deadline { $at }).
    Official: { $official }
## Clocks that pause for the party that is waiting (src/services/clock-pauses.ts, src/domain/waiting-on.ts)
clock-party-producer = the producer
clock-party-agency = another agency
clock-party-meeting = a meeting
clock-reason-info_requested = the secretariat asked the producer for information
clock-notice-paused = ⏸ Case { $code }: { $reason }. Your task's clock is paused while the case waits on { $party }: no reminders meanwhile, and the due date will move by the working days paused.
clock-notice-resumed-moved = ▶️ Case { $code } no longer waits on { $party }: your task's clock runs again. The due date moved by { $days ->
        [one] one working day
       *[other] { $days } working days
    }: { $due }
clock-notice-resumed = ▶️ Case { $code } no longer waits on { $party }: your task's clock runs again. The due date stays { $due }.
event-clock_paused = The agency's clock paused: waiting on { $waitingOn ->
        [producer] the producer
        [agency] another agency
       *[other] a meeting
    }.
event-clock_resumed = The agency's clock resumed (it waited on { $waitingOn ->
        [producer] the producer
        [agency] another agency
       *[other] a meeting
    }): { $days ->
        [0] due date unchanged, { $due }
        [one] due date moved by one working day, { $previous } → { $due }
       *[other] due date moved by { $days } working days, { $previous } → { $due }
    }.
task-card-paused = ⏸ Clock paused since { $since }, waiting on { $party } ({ $reason }); { $days ->
        [0] no working day paused yet
        [one] one working day paused so far
       *[other] { $days } working days paused so far
    }. Reminders resume and the due date moves by the working days paused when the wait ends.
task-card-due-moved = ↪️ Due date moved by { $days ->
        [one] one working day
       *[other] { $days } working days
    } (waiting on { $party }, { $from } to { $to }).
waiting-on = ⏳ Waiting on: { $parties }
waiting-party-producer = the producer
waiting-party-producer-you = you (your information was asked for)
waiting-party-secretariat = the working group's secretariat
waiting-party-agency = { $agency }
waiting-party-agency-other = another agency
waiting-party-meeting = the meeting of { $date }
waiting-party-meeting-other = a meeting
queue-task-paused = ⏸ clock paused since { $since }, waiting on { $party }
triage-error-case_finished = Case { $code } is already finished: nobody is waited on any more, so no question can be asked and no clock paused. Nothing was changed.
stats-agency-response = response time (median) { $gross } · net of waiting on others { $net }

## Long lists to pick from (src/bot/presenters/picker.ts)
picker-type-to-search = Or type a few letters of its name to find it.
picker-found = Found for «{ $query }»:
picker-not-found = Nothing matches «{ $query }». Type a few other letters, or choose from the list.
picker-provinces = Provinces ({ $count })
picker-free-zones = Free zones ({ $count })
picker-page = page { $page } of { $pages }
picker-all-groups = « All working groups
picker-all-agencies = « All agencies

## Reference data and the audit trail (the admin area, src/bot/features/admin/)
command-admin = Reference data of your working groups: agencies, counties, industrial estates; the audit trail (admins)
admin-menu = ⚙️ Reference data
admin-pick-group = Which working group's reference data?
admin-all-groups = « All working groups
admin-group-home = ⚙️ Reference data of { $group }. What would you like to manage?
admin-list-agency = 🏢 Executive agencies ({ $count })
admin-list-county = 🗺 Counties ({ $count })
admin-list-estate = 🏭 Industrial estates ({ $count })
admin-audit-button = 📜 Audit trail
admin-inactive-label = ⛔ { $name }
admin-list-title-agency = Executive agencies of { $group }: { $total ->
        [one] one agency
       *[other] { $total } agencies
    }{ $inactive ->
        [0] {""}
       *[other] , { $inactive } inactive (⛔)
    } — page { $page } of { $pages }. Choose one to rename it, deactivate it or set its head.
admin-list-title-county = Counties of { $group }: { $total ->
        [one] one county
       *[other] { $total } counties
    }{ $inactive ->
        [0] {""}
       *[other] , { $inactive } inactive (⛔)
    } — page { $page } of { $pages }.
admin-list-title-estate = Industrial estates of { $group }: { $total ->
        [0] none yet
        [one] one estate
       *[other] { $total } estates
    }{ $inactive ->
        [0] {""}
       *[other] , { $inactive } inactive (⛔)
    } — page { $page } of { $pages }. Producers registering a unit choose from the active ones.
admin-add-agency = ➕ Add an agency
admin-add-county = ➕ Add a county
admin-add-estate = ➕ Add an industrial estate
admin-card-title-agency = 🏢 Executive agency
admin-card-title-county = 🗺 County
admin-card-title-estate = 🏭 Industrial estate
admin-card-name-fa = Persian name: { $name }
admin-card-name-en = English name: { $name }
admin-card-kind = Kind: { $kind }
admin-card-active = Status: ✅ active (offered in the pickers)
admin-card-inactive = Status: ⛔ inactive (no longer offered; old cases still show its name)
admin-card-head = Head: { $heads }
admin-card-no-head = none yet
admin-rename = ✏ Rename
admin-deactivate = ⛔ Deactivate
admin-reactivate = ✅ Reactivate
admin-set-head = 👤 Set the head
admin-ask-kind = What kind of agency is it?
admin-ask-name-fa = Type its Persian name (for example: شرکت گاز استان کرمان).
admin-ask-name-en = Type its English name (for example: Kerman Gas Company).
admin-ask-rename-fa = Its Persian name now: { $current }
    Type the new Persian name, or keep it as it is.
admin-ask-rename-en = Its English name now: { $current }
    Type the new English name, or keep it as it is.
admin-keep-name = Keep it as it is
admin-name-length-fa = The name must be one line of { $min } to { $max } characters. Type the Persian name again.
admin-name-length-en = The name must be one line of { $min } to { $max } characters. Type the English name again.
admin-name-letters-fa = A name needs at least two letters. Type the Persian name again.
admin-name-letters-en = A name needs at least two letters. Type the English name again.
admin-name-characters-fa = A name may have Persian or Latin letters, digits, spaces and - . , ، ( ) / ' & only. Type the Persian name again.
admin-name-characters-en = A name may have Latin letters, digits, spaces and - . , ( ) / ' & only. Type the English name again.
admin-name-script-fa = The Persian name needs Persian letters. Type the Persian name again.
admin-name-script-en = The English name must be in Latin letters. Type the English name again.
admin-confirm-add-agency = Add this executive agency?
admin-confirm-add-county = Add this county?
admin-confirm-add-estate = Add this industrial estate?
admin-confirm-rename-agency = Rename the executive agency to:
admin-confirm-rename-county = Rename the county to:
admin-confirm-rename-estate = Rename the industrial estate to:
admin-added = ✅ Added: { $name } ({ $nameEn }).
admin-renamed = ✅ Renamed: { $name } ({ $nameEn }).
admin-deactivated = ⛔ { $name } is inactive: it is no longer offered in the pickers. Old cases still show its name.
admin-reactivated = ✅ { $name } is active again.
admin-pick-head = Who heads { $agency }? Overdue tasks of the agency escalate to its head. Choose one of its officials:
admin-no-officials = { $agency } has no officials yet. Invite them with /invite first, then choose its head here.
admin-head-current = ⭐ { $name } (head now)
admin-head-set = ✅ { $name } is now the head of the agency.
admin-forbidden = Only an administrator of this working group can change its reference data. Nothing was changed.
admin-not-found = This item was not found or is not one of your working groups'. Nothing was changed.
admin-name-taken = Another item of this working group already has this name (in Persian or English). Choose another name.
admin-unchanged = Both names are as they were: nothing to save. Type a new Persian name, or cancel.
admin-invalid-input = That was not a valid answer. Nothing was changed.
admin-not-a-member = That person is no longer an official of this agency. Choose another.
admin-kind-BANK = Bank
admin-kind-ELECTRICITY = Electricity
admin-kind-GAS = Gas
admin-kind-WATER = Water
admin-kind-TELECOM = Telecommunications
admin-kind-TAX = Tax
admin-kind-SOCIAL_SECURITY = Social security
admin-kind-ENVIRONMENT = Environment
admin-kind-NATURAL_RESOURCES = Natural resources
admin-kind-INDUSTRIAL_ESTATES = Industrial estates
admin-kind-LAND_AFFAIRS = Land affairs
admin-kind-CUSTOMS = Customs
admin-kind-INDUSTRY_MINE_TRADE = Industry, mine and trade
admin-kind-AGRICULTURE = Agriculture
admin-kind-FUEL = Fuel
admin-kind-CENTRAL_BANK = Central bank
admin-kind-GOVERNORATE = Governorate
admin-kind-OTHER = Other
admin-audit-title = 📜 Audit trail of { $group }: { $total ->
        [0] no entries yet
        [one] one entry
       *[other] { $total } entries
    }, newest first (page { $page } of { $pages }).
admin-audit-empty = Nothing has been changed yet.
admin-audit-line = { $number }. { $when } · { $actor } · { $what }
admin-audit-system = the system
admin-entity-agency = agency
admin-entity-county = county
admin-entity-industrial_estate = industrial estate
admin-entity-membership = role
admin-audit-created = added the { $entity } «{ $name }»
admin-audit-renamed = renamed the { $entity } «{ $before }» to «{ $after }»
admin-audit-deactivated = deactivated the { $entity } «{ $name }»
admin-audit-reactivated = reactivated the { $entity } «{ $name }»
admin-audit-head-set = set the head of «{ $name }»: { $before } → { $after }
admin-audit-membership-invitation_accepted = accepted an invitation: { $person } is now { $role }
admin-audit-membership-granted = granted { $person } the role { $role }
admin-audit-membership-revoked = revoked the role { $role } of { $person }
admin-field-estate = Industrial estate: { $estate }
admin-register-ask-estate = Is the unit in one of these industrial estates?
admin-register-estate-none = Not in an industrial estate
admin-audit-global-button = 📜 Audit trail of roles over every group
admin-audit-global-name = roles over every working group
## report: the period report's paragraph, charts, workbook and document (src/services/report/render/)
period-report-quarter-name = { $quarter ->
        [1] first
        [2] second
        [3] third
       *[4] fourth
    }
period-report-season-name = { $quarter ->
        [1] Spring
        [2] Summer
        [3] Autumn
       *[4] Winter
    }
period-report-period-quarter = the { $ordinal } quarter of { $year }
period-report-period-quarter-short = { $season } { $year }
period-report-period-month = { $month } { $year }
period-report-period-year = the year { $year }
period-report-period-year-short = { $year }
period-report-period-custom = the period { $from } to { $to }
period-report-period-custom-short = { $from } to { $to }
period-report-previous = { $kind ->
        [quarter] the previous quarter
        [month] the previous month
        [year] the previous year
       *[other] the previous period
    }
period-report-change = { $direction ->
        [up] { $delta } more than { $previous }
        [down] { $delta } fewer than { $previous }
       *[same] as many as { $previous }
    }
period-report-paragraph-meetings = { $workingGroup ->
        [0] In { $period } the { $group } working group for removing production obstacles held no meeting
        [one] In { $period } the { $group } working group for removing production obstacles held { $workingGroup } meeting{ $workingGroupChange }
       *[other] In { $period } the { $group } working group for removing production obstacles held { $workingGroup } meetings{ $workingGroupChange }
    }{ $committee ->
        [0] .
        [one] {" "}and its specialist committees { $committee } meeting{ $committeeChange } to examine the units' situation.
       *[other] {" "}and its specialist committees { $committee } meetings{ $committeeChange } to examine the units' situation.
    }
period-report-paragraph-heard = { $units ->
        [one] The problems of { $units } production unit{ $unitsChange } were heard
       *[other] The problems of { $units } production units{ $unitsChange } were heard
    } and { $resolutions ->
        [one] { $resolutions } resolution{ $resolutionsChange } was
       *[other] { $resolutions } resolutions{ $resolutionsChange } were
    } passed and followed up to help them.
period-report-paragraph-topics = The most frequent topics were { $topics }.
period-report-paragraph-topic = { $topic } ({ $count })
period-report-list-comma = ,{" "}
period-report-list-and = {" "}and{" "}
period-report-paragraph-introduced-one = { $units ->
        [one] { $units } production unit was
       *[other] { $units } production units were
    } introduced to { $agency }.
period-report-paragraph-introduced-many = { $units ->
        [one] { $units } production unit was
       *[other] { $units } production units were
    } introduced to executive agencies, { $top } of them to { $agency }.
period-report-paragraph-financing = { $amount } of loans went to { $units ->
        [one] { $units } production unit
       *[other] { $units } production units
    }{ $change }.
period-report-paragraph-financing-change = (in { $previous }: { $amount } to { $units })
period-report-paragraph-irreversible = { $saved ->
        [one] { $saved } case was
       *[other] { $saved } cases were
    } resolved before the problem became irreversible{ $after ->
        [0] .
        [one] , { $after } after.
       *[other] , { $after } after.
    }
period-report-title = Report of the { $group } working group for removing production obstacles — { $period }
period-report-generated = Prepared { $at }
period-report-range = { $from } to { $to }
period-report-percent = { $value }%
period-report-none = —
period-report-chart-topics = Topics heard in meetings
period-report-chart-topics-caption = 📊 Topics heard in the { $group } working group's meetings — { $period }, against { $previous }
period-report-chart-agencies = Tasks done on time, by executive agency (lowest first)
period-report-chart-agencies-caption = 📊 Share of tasks done by their due date, by executive agency — { $period }
period-report-chart-on-time = done on time
period-report-chart-by-month = Cases and resolutions by month
period-report-chart-by-month-caption = 📈 Cases reported and resolved and resolutions recorded, by month to the end of { $period }
period-report-series-cases-reported = Cases reported
period-report-series-cases-resolved = Cases resolved
period-report-series-resolutions = Resolutions
period-report-sheet-summary = Summary
period-report-sheet-meetings = Meetings
period-report-sheet-topics-heard = Topics heard
period-report-sheet-topics-reported = Topics reported
period-report-sheet-agencies = Agencies
period-report-sheet-banks = Banks
period-report-sheet-by-month = By month
period-report-sheet-introduced = Units introduced
period-report-col-figure = Figure
period-report-col-change = Change
period-report-col-change-share = Change %
period-report-col-meeting-kind = Meeting
period-report-col-topic = Topic
period-report-col-share = Share of all
period-report-col-agency = Executive agency
period-report-col-bank = Bank
period-report-col-month = Month
period-report-col-month-start = First day
period-report-col-from = Period starts
period-report-col-to = Period ends
period-report-col-generated = Prepared
period-report-col-jalali = Jalali date
period-report-col-date = Date
period-report-col-tasks-assigned = Tasks assigned
period-report-col-done-on-time = Done on time
period-report-col-done-late = Done late
period-report-col-open = Open
period-report-col-overdue = Overdue
period-report-col-refused-with-reasons = Refused with written reasons
period-report-col-refused-without-reasons = Refused without reasons
period-report-col-extensions = Extensions asked
period-report-col-median-response = Median response (hours)
period-report-col-resolutions-assigned = Resolutions assigned
period-report-col-resolutions-implemented = Resolutions implemented
period-report-col-on-time-share = Done on time %
period-report-col-implemented-share = Resolutions implemented %
period-report-col-loan-requests = Loan requests
period-report-col-approved = Approved
period-report-col-amount-tomans = Amount approved (tomans)
period-report-col-refused = Refused
period-report-col-pending = Pending
period-report-col-cases-reported = Cases reported
period-report-col-cases-resolved = Cases resolved
period-report-col-resolutions = Resolutions recorded
period-report-col-units = Units introduced
period-report-figure-meetings-working-group = Working-group meetings
period-report-figure-meetings-committee = Specialist-committee meetings
period-report-figure-units-heard = Production units heard
period-report-figure-resolutions = Resolutions
period-report-figure-cases-reported = Cases reported
period-report-figure-cases-resolved = Cases resolved
period-report-figure-units-introduced = Units introduced to agencies
period-report-figure-financing-amount = Loans approved (tomans)
period-report-figure-units-financed = Units financed
period-report-figure-financing-refused = Loan requests refused
period-report-figure-saved-before = Resolved before irreversible
period-report-figure-irreversible-after = After irreversible
period-report-doc-charts = Charts
period-report-doc-footer = A Tashil report; the figures are counted from the cases, meetings and resolutions recorded in the system.
## The quarterly report (issue 12): /quarterly, the period picker, the report screen, the loan decision, the report sent by itself
command-quarterly = The quarterly report: any period, compared, with charts and files (chair, secretariat)
report-menu = 📑 Quarterly report
report-button-from-stats = 📑 Quarterly report
report-pick-group = The report of which working group?
report-pick-period = 📑 The report of { $group }: which period?
report-pick-month = 📑 { $group }: which month of { $year }?
report-button-this-quarter = This quarter
report-button-last-quarter = Last quarter
report-button-this-year = This year
report-button-last-year = Last year
report-button-months = Months…
report-button-custom = Dates of your own…
report-button-groups = « Working groups
report-button-periods = « Other period
report-button-charts = 📊 Charts
report-button-workbook = 📗 Workbook (Excel)
report-button-document = 📄 Document
report-button-paragraph = 📝 Paragraph
report-ask-range = Type the first and the last day in Jalali, e.g. 1405/01/01 to 1405/03/31
report-range-format = I couldn't read these dates. Type two Jalali dates, e.g. 1405/01/01 to 1405/03/31
report-range-backwards = The first day comes after the last one. Type the earlier date first.
report-range-too-long = A range may span at most { $max } days.
report-future = This period has not begun yet.
report-period-month = { $month } { $year }
report-period-quarter = Quarter { $quarter } of { $year }
report-period-year = Year { $year }
report-period-custom = { $from } to { $to }
report-title = 📑 { $group } — { $period }
report-compared = Compared with { $previous }
report-line = { $label }: { $current } ({ $change })
report-item = • { $name }: { $current } ({ $change })
report-change-up = ▲{ $delta }
report-change-down = ▼{ $delta }
report-change-same = no change
report-none = —
report-percent = { $value }%
report-hours = { $value } h
report-more = …and { $count } more (in the workbook)
report-meetings = Meetings held ({ $kind })
report-units-heard = Production units heard
report-resolutions = Resolutions recorded
report-cases-reported = Cases reported
report-cases-resolved = Cases resolved
report-topics-heard = Topics heard (agenda items):
report-topics-reported = Topics reported (cases):
report-units-introduced = Units introduced to agencies
report-financing-amount = Financing approved
report-financing-units = Units financed
report-financing-refused = Loan requests refused
report-irreversible-before = Resolved before the irreversible date
report-irreversible-after = Resolved after it, or lost
report-agencies-title = Agencies (lowest on-time share first):
report-agency-line = • { $name }: { $assigned } tasks · on time { $onTime } · late { $late } · open { $open } (overdue { $overdue }) · refused { $refused } (without reasons { $unreasoned }) · extensions { $extensions } · median answer { $median } · on time { $share } · resolutions { $resolutions }, implemented { $implemented }
report-banks-title = Banks:
report-bank-line = • { $name }: { $requests } loan requests · approved { $approved } ({ $amount }) · refused { $refused } (with written reasons { $reasoned }) · pending { $pending }
report-file-caption = { $group } — { $period }
report-auto-intro = 📑 The report of { $group } for { $period }, sent by itself at the end of the period. Open /quarterly for any other period.
report-loan-ask = Is the loan approved? Record the decision for the working group's report, or skip.
report-loan-button-approved = ✅ Approved (amount)
report-loan-button-refused = ❌ Refused (reasons)
report-loan-ask-amount = Type the amount approved in rials, e.g. 25,000,000,000 or 25 billion (add "toman" if you mean tomans).
report-loan-amount-invalid = I couldn't read this amount. Type just the number, e.g. 25000000000 or 25 billion.
report-loan-ask-reasons = Write the bank's reasons for refusing (at least { $min } characters): the working group asks every bank for them in writing.
report-loan-notice-approved = Loan approved: { $amount }
report-loan-notice-refused = Loan refused: { $reasons }

## batch referral (/refer: many cases to one agency in one act, one letter; src/services/referrals, features/batch-referral)
command-refer = Refer many cases to an agency at once (secretariat)
batch-menu = 📨 Batch referral
batch-ask-group = Batch referral: which working group's cases?
batch-any = Any
batch-any-referable = Any still open
batch-filter-c = Category
batch-filter-s = Subcategory
batch-filter-y = County
batch-filter-e = Industrial estate
batch-filter-t = Status
batch-filter-line = { $name }: { $value }
batch-ask-filter-c = Which category?
batch-ask-filter-s = Which subcategory?
batch-ask-filter-y = Units in which county?
batch-ask-filter-e = Units in which industrial estate?
batch-ask-filter-t = Cases in which status?
batch-filters =
    Batch referral — choose the cases.
    { $filters }

    { $cases ->
        [0] No open case matches these filters.
        [one] One case of one unit matches.
       *[other] { $cases } cases of { $units ->
            [one] one unit
           *[other] { $units } units
        } match.
    }
batch-filters-done = Continue with { $cases ->
        [one] one case
       *[other] { $cases } cases
    } ▶
batch-ask-agency = Refer them to which agency?
batch-ask-request = What do you ask the agency to do for these units? ({ $min }–{ $max } characters; this is the letter's text.)
batch-ask-deadline = By when? Choose a deadline in working days, or type a Jalali date (e.g. 1405/10/15).
batch-due-in = { $days ->
        [one] one working day
       *[other] { $days } working days
    } ({ $date })
batch-preview =
    { $cases ->
        [one] One case of one unit
       *[other] { $cases } cases of { $units ->
            [one] one unit
           *[other] { $units } units
        }
    } will be referred to { $agency } with deadline { $due }.

    Request: { $request }

    { $filters }

    Each case gets its own task (with the usual reminders) and each producer is told; the agency's officials get one letter listing the units.
batch-preview-empty =
    No case matches these filters any more.
    { $filters }
batch-preview-no-agency = That agency is no longer active in this working group: choose another.
batch-preview-too-many = { $cases } cases match: at most { $max } can be referred in one act. Narrow the filters.
batch-confirm = ✅ Refer { $cases ->
        [one] one case
       *[other] { $cases } cases
    }
batch-edit-filters = ✏️ Filters
batch-edit-agency = ✏️ Agency
batch-edit-request = ✏️ Request
batch-edit-deadline = ✏️ Deadline
batch-working = Referring { $cases } cases…
batch-done = Batch referral no. { $number }: { $cases ->
        [one] one case
       *[other] { $cases } cases
    } of { $units ->
        [one] one unit
       *[other] { $units } units
    } referred to { $agency }, deadline { $due }.
batch-done-before = This was already done — batch referral no. { $number }: { $cases } cases of { $units } units referred to { $agency }, deadline { $due }.
batch-done-letter = The letter listing the units went to { $officials ->
        [one] the agency's official
       *[other] the agency's { $officials } officials
    }.
batch-done-no-officials = The agency has no official in the bot yet: send them the letter below yourself.
batch-skipped = Not referred ({ $count }):
batch-skipped-not_in_group = • { $code }: not a case of this working group
batch-skipped-finished = • { $code }: finished or no longer referable
batch-skipped-not_referable = • { $code }: cannot be referred now
batch-skipped-already_referred = • { $code }: already referred to this agency (its task is open)
batch-skipped-more = … and { $count } more.
batch-button-queue = 📋 Queue
batch-letter-copy = Your copy of the letter.
batch-button-my-tasks = 📋 My tasks
batch-notice-officials =
    📨 Batch referral no. { $number } from the { $group } working group: { $cases ->
        [one] one case
       *[other] { $cases } cases
    } of { $units ->
        [one] one unit
       *[other] { $units } units
    }, deadline { $due }.

    Request: { $request }

    The letter above lists the units; each case is a task in your list.
batch-letter-caption = Letter of batch referral no. { $number } to { $agency }
batch-letter-sheet = Referral
batch-letter-title = { $group } working group — batch referral no. { $number }
batch-letter-to = To
batch-letter-date = Date
batch-letter-request = Request
batch-letter-deadline = Deadline
batch-letter-count = Units referred
batch-letter-col-code = Tracking code
batch-letter-col-unit = Unit
batch-letter-col-legal-id = National id
batch-letter-col-county = County
batch-letter-col-estate = Industrial estate
batch-letter-col-category = Subject
batch-error-forbidden = Only the working group's secretariat may do this.
batch-error-invalid_filter = That choice is not valid any more. Start again with /refer.
batch-error-invalid_agency = That agency is not active in this working group.
batch-error-empty = None of these cases could be referred (all finished or moved on); nothing was done.
batch-error-too_many = At most { $max } cases can be referred in one act.
batch-error-invalid_text = The request must be { $min }–{ $max } characters.
batch-error-holiday = That day is not a working day: choose a working day.
batch-from-queue = 📨 Refer these in one act
admin-entity-referral_batch = batch referral
command-units = Your units and their representatives
reps-menu-mine = 🏭 My units
reps-button-of-case = 👥 The unit's representatives
reps-button-menu = ☰ Menu
reps-button-back = « Back
reps-title = Representatives of { $unit } ({ $count }):
reps-line = { $number }. { $name } — since { $since }
reps-button-remove = ✖ Remove { $name }
reps-button-invite = ➕ Invite a representative
reps-open-invitations = { $count ->
        [one] One invitation is still open.
       *[other] { $count } invitations are still open.
    }
reps-invitation =
    Send this link to the new representative of { $unit }. It works once, until { $expires }:
    { $link }
reps-remove-ask = Remove { $name } as a representative of { $unit }? They lose the unit's cases at once; the cases they reported pass to the longest-standing representative.
reps-button-remove-yes = ✖ Yes, remove
reps-removed = { $name } no longer represents { $unit }.{ $count ->
        [0] {""}
        [one] {" "}One case they reported passed to another representative.
       *[other] {" "}{ $count } cases they reported passed to another representative.
    }
reps-mine-none = You represent no unit.
reps-mine-title = Your units:
reps-mine-line = { $number }. { $unit } — { $count ->
        [one] you are its only representative
       *[other] { $count } representatives
    }
reps-mine-only-one = A unit keeps at least one representative: to hand one over, ask the secretariat to invite the new one first.
reps-button-leave = Leave { $unit }
reps-leave-ask = Leave { $unit }? You will no longer see its cases; the cases you reported pass to another representative.
reps-button-leave-yes = Yes, leave
reps-left = You no longer represent { $unit }.
reps-joined = You now represent { $unit }: its cases are in /cases and you will be told about them.
reps-already = You already represent { $unit }.
reps-notice-joined = 👥 { $name } now represents { $unit } (by invitation).
reps-notice-left = 👥 { $name } left { $unit } as a representative.
reps-notice-removed = You no longer represent { $unit } in Tashil; its cases are no longer shown to you.
reps-notice-cases-moved = 👥 { $count ->
        [one] One case
       *[other] { $count } cases
    } of { $unit } now { $count ->
        [one] has
       *[other] have
    } you as the producer's contact.
reps-error-forbidden = Only the unit's working group's secretariat may do this.
reps-error-not_found = That unit is not one you manage.
reps-error-last = A unit keeps at least one representative: invite another one first.
reps-error-not_representative = That person (or you) does not represent this unit.
admin-entity-unit_representative = unit representative
command-intake = File a case for a producer who came in person or wrote (secretariat)
intake-menu = 📝 File on a producer's behalf
intake-ask-group = File on a producer's behalf: which working group?
intake-ask-legal-id = The unit's national id (شناسه ملی, 11 digits)?
intake-unit-found = The unit: { $unit }.
intake-ask-unit-name = This unit is not registered yet. Its name?
intake-ask-county = Its county?
intake-ask-sector = Its sector?
intake-ask-activity = Is it active?
intake-ask-employees = How many employees?
intake-ask-category = The problem's subject?
intake-ask-description = Describe the problem as the producer told or wrote it ({ $min }–{ $max } characters).
intake-ask-channel = How did the producer come?
intake-channel-in_person = In person
intake-channel-letter = By letter
intake-ask-producer = The producer's name (who came or signed the letter)?
intake-review =
    Case to file on the producer's behalf:
    Unit: { $unit }
    Subject: { $category }
    Producer: { $producer } ({ $channel })
    { $description }
intake-confirm = ✅ File the case
intake-filed =
    Case { $code } was filed on behalf of { $producer }. Until they join, you are told what they would be told.
    Give them this link (it works once): opening it in Telegram makes them the unit's representative and the case theirs to follow.
    { $link }
intake-linked = Case { $code } of { $unit }, filed for you by the secretariat, is now yours to follow in /cases.
intake-field-in_person = 📝 Filed by { $filer } for { $producer }, who came in person
intake-field-letter = 📝 Filed by { $filer } for { $producer }, from their letter
intake-error-forbidden = Only the working group's secretariat may do this.
intake-error-invalid_legal_id = That is not a valid national id (11 digits with a valid check digit).
intake-error-other_group = That unit is registered in another working group.
intake-error-legal_id_taken = A unit with this national id is registered in another working group.
intake-error-invalid_name = The name must be 2–120 characters.
intake-error-invalid_county = Choose the county from the list.
intake-error-invalid_employees = Type the number of employees (0 or more).
intake-error-description = The description must be { $min }–{ $max } characters.
event-producer_linked = The producer joined and follows the case.
reps-audit-added = { $person } became a representative of { $unit } (invitation)
reps-audit-removed = removed { $person } as a representative of { $unit }
reps-audit-left = { $person } left { $unit } as a representative

## clusters
command-clusters = Clusters: open cases that are one problem, worked as one (secretariat)
clusters-button = 🧩 Clusters
clusters-ask-group = Clusters: which working group?
clusters-home-title = 🧩 Clusters — open cases sharing the agency, the subject and the industrial estate (or county)
clusters-proposals = { $count ->
        [one] One proposal:
       *[other] { $count } proposals, largest first:
    }
clusters-no-proposals = No proposal now (a proposal needs { $min } or more open cases with the same agency, subject and estate or county, not already in a cluster).
clusters-proposal-line = { $n }. { $count ->
        [one] one case
       *[other] { $count } cases
    } · { $subject } · { $place } · { $agency }
clusters-button-confirm = ✅ Confirm proposal { $n } ({ $count ->
        [one] one case
       *[other] { $count } cases
    })
clusters-confirmed = { $count ->
        [one] One open cluster:
       *[other] { $count } open clusters:
    }
clusters-button-build = ➕ Build a cluster by hand
clusters-title-auto = { $subject } — { $place } ({ $agency })
clusters-card-title = 🧩 Cluster: { $title }
clusters-card-progress = Progress: { $done } of { $total ->
        [one] one case
       *[other] { $total } cases
    } done
clusters-card-closed = (closed)
clusters-card-case = { $n }. { $code } · { $unit } · { $status }
clusters-button-assign = 📨 Assign all to an agency
clusters-button-agenda = 🗓 Put on an agenda
clusters-button-resolve = 📜 One collective resolution
clusters-button-members = 📋 Its cases
clusters-button-rename = ✏️ Rename
clusters-button-close = 🔒 Close the cluster
clusters-button-remove = ➖ Take out
clusters-members-title = The cases of "{ $title }": open one, or take it out of the cluster.
clusters-pick-meeting-agenda = Which scheduled meeting? The cluster's cases go on its agenda together, as one topic.
clusters-no-meeting-agenda = No scheduled meeting of this working group without this cluster on its agenda. Schedule one with /meetings.
clusters-pick-meeting-resolve = Which held meeting? The resolution is recorded for every case of the cluster on its agenda.
clusters-no-meeting-resolve = No held meeting with this cluster on its agenda and its minutes still open.
clusters-on-agenda = { $count ->
        [one] one case
       *[other] { $count } cases
    } put on the agenda as one topic{ $skipped ->
        [0] .
       *[other] ; { $skipped } could not be (already there, or finished).
    }
clusters-ask-title = The cluster's title ({ $min }–{ $max } characters)?
clusters-ask-codes = The tracking codes of its cases, one a line or separated by commas (at least 2).
clusters-codes-unknown = Not cases of this working group: { $codes }. Send the codes again.
clusters-built-skipped = { $count } of the cases were left out (finished, or already in an open cluster).
clusters-ask-agency = Assign the whole cluster to which agency? One task per case, one letter to the agency.
clusters-ask-request = What is the agency asked to do ({ $min }–{ $max } characters)? It is the letter's body.
clusters-ask-resolution = The collective resolution's text ({ $min }–{ $max } characters)? It becomes a task per case of the cluster.
clusters-ask-resolution-agency = Which agency carries it out?
clusters-referred = { $cases ->
        [one] one case
       *[other] { $cases } cases
    } referred to { $agency } at once; the letter went to the agency's { $officials } officials.{ $skipped ->
        [0] {""}
       *[other] { " " }{ $skipped } could not be referred.
    }
clusters-referred-before = This referral was already done: { $cases ->
        [one] one case
       *[other] { $cases } cases
    } referred to { $agency }.
clusters-resolved = One collective resolution recorded: { $count ->
        [one] one task
       *[other] { $count } tasks
    }, one per case; each producer was told.
clusters-error-forbidden = Only the working group's secretariat may do this.
clusters-error-not_found = That cluster is not there (or not yours to open).
clusters-error-closed = The cluster is closed.
clusters-error-stale = The proposal changed meanwhile; open the clusters again.
clusters-error-too_few = A cluster needs at least { $min } open cases of this working group not already in an open cluster.
clusters-error-too_many = A cluster holds at most { $max } cases.
clusters-error-invalid_title = The title must be { $min }–{ $max } characters.
clusters-error-not_member = That case is not in the cluster.
clusters-error-no_meeting = That meeting is not this working group's.
clusters-error-not_on_agenda = None of the cluster's cases is (or can be put) on that meeting's agenda.
event-cluster_joined = { $actor } put the case in the cluster "{ $title }".
event-cluster_left = { $actor } took the case out of the cluster "{ $title }".
admin-entity-cluster = cluster
## field visits and restart plans (/visit, /visits, /restart; src/services/visits.ts, restart-plans/, features/visits, features/restart-plans)
command-visit = Record a field visit and the demands heard (secretariat)
command-visits = The field visits recorded and their cases (secretariat)
visits-menu = 📍 Record a field visit
visits-menu-record = 📍 Record a visit
visits-ask-group = Field visits: which working group?
visits-ask-unit = Which unit was visited? Type its national id (شناسه ملی) or part of its name.
visits-unit-none = No unit of this working group has that national id or name. Try again.
visits-unit-choose = Several units match; choose one:
visits-unit-found = The unit: { $unit }.
visits-ask-date = The visit's day? Type it (Jalali, e.g. 1405/09/12) or choose today.
visits-today = Today ({ $date })
visits-ask-participants = Who took part? (names and positions, free text)
visits-ask-category = Demand { $n }: its subject?
visits-ask-subcategory = Which one exactly?
visits-ask-description = Describe the demand as it was heard ({ $min }–{ $max } characters).
visits-ask-more = { $count ->
    [one] One demand recorded.
   *[other] { $count } demands recorded.
} Another demand heard on this visit?
visits-another = ➕ Another demand
visits-to-review = ✅ Review
visits-review =
    The field visit to record:
    Unit: { $unit }
    Day: { $date }
    Participants: { $participants }
    Demands (each becomes a case):
visits-demand-line = { $n }. { $subject }: { $description }
visits-confirm = { $count ->
    [one] ✅ Record the visit and file its case
   *[other] ✅ Record the visit and file its { $count } cases
}
visits-recorded = The visit to { $unit } is recorded; { $count ->
    [one] its demand is case { $codes }.
   *[other] its { $count } demands are cases { $codes }.
}
visits-recorded-told = { $count ->
    [one] The unit's representative was told and follows the cases in /cases.
   *[other] The unit's { $count } representatives were told and follow the cases in /cases.
}
visits-recorded-invite = The unit has no representative in the bot yet. Give the producer this single-use link; whoever opens it becomes the unit's representative and follows these cases: { $link }
visits-list-button = 📍 Field visits
visits-list-title = Field visits ({ $total }), latest first:
visits-list-empty = No field visit is recorded yet. Record one with /visit.
visits-list-visit = 📍 { $date } — { $unit } (participants: { $participants })
visits-list-case = { "  " }• { $code } — { $category }: { $status }
visits-page-newer = ‹ Newer
visits-page-older = Older ›
visits-field-visit = 📍 Recorded by { $filer } on a field visit; participants: { $producer }
visits-notice-cases = On the field visit of { $date } to { $unit } the secretariat recorded { $count ->
    [one] one demand as case { $codes }.
   *[other] { $count } demands as cases { $codes }.
} You are told as the case moves; follow it in /cases.
visits-error-forbidden = Only the working group's secretariat may do this.
visits-error-not_found = That unit is not one of this working group's.
visits-error-other_group = That unit is registered in another working group.
visits-error-invalid_date = That is not a valid day within the last year (Jalali, e.g. 1405/09/12).
visits-error-future_date = A visit cannot be recorded for a day still to come.
visits-error-invalid_participants = Write who took part ({ $min }–{ $max } characters).
visits-error-invalid_demand = A demand's subject is not valid; record the visit again.
visits-error-no_demands = A visit needs at least one demand.
visits-error-description = The description must be { $min }–{ $max } characters.
command-restart = Make a restart plan for an idle or semi-active unit (secretariat)
command-restarts = The restart plans' ledger: progress and overdue milestones (secretariat)
restart-menu = 🔄 Restart plan for an idle unit
restart-ask-group = Restart plans: which working group?
restart-ask-unit = Which idle or semi-active unit? Type its national id or part of its name.
restart-unit-none = No idle or semi-active unit of this group without a plan has that national id or name. Try again.
restart-unit-choose = Choose the unit:
restart-ask-title = Milestone { $n } of the plan for { $unit }: what is to be done?
restart-ask-agency = Which agency does it?
restart-ask-due = By when? (a Jalali date, e.g. 1405/10/15)
restart-ask-moves = Does completing it move the unit?
restart-moves-none = No
restart-moves-button = Yes: it becomes { $status }
restart-moves-to = { " " }→ the unit becomes { $status }
restart-ask-more = { $count ->
    [one] One milestone in the plan.
   *[other] { $count } milestones in the plan.
} Another milestone?
restart-another = ➕ Another milestone
restart-to-review = ✅ Review
restart-review =
    The restart plan for { $unit } (now { $status }):
restart-milestone-line = { $n }. { $title } — { $agency }, by { $due }{ $moves }
restart-confirm = { $count ->
    [one] ✅ Make the plan and its task
   *[other] ✅ Make the plan and its { $count } tasks
}
restart-made = The restart plan for { $unit } is made: { $count ->
    [one] its milestone is a task of its agency,
   *[other] its { $count } milestones are tasks of their agencies,
} with the usual reminders.
restart-ledger-button = 🔄 Restart plans
restart-ledger-title = Restart plans ({ $total }), least progressed first:
restart-ledger-empty = No restart plan yet. Make one with /restart.
restart-ledger-plan = 🏭 { $unit } ({ $status }) — { $done }/{ $total } milestones done · { $code }
restart-ledger-overdue = { "  " }⏰ overdue: { $title } — { $agency }, due { $due }
restart-mark-button = { $unit }: mark { $status }
restart-marked = { $unit } is now { $status }.
restart-stats-line = 🔄 Units restarted under a plan in this period: { $count }
restart-field-plan = 🔄 The restart plan of { $producer }, made by { $filer }
restart-case-description = Restart plan for the unit { $unit }:
restart-audit-activity_changed = { $unit }: { $from } → { $to } (restart plan)
admin-entity-production_unit = production unit
event-restart_plan_created = { $actor } made the unit's restart plan ({ $milestones } milestones).
event-unit_activity_changed = { $actor } recorded the unit as { $toEn } (was { $fromEn }).
restart-error-forbidden = Only the working group's secretariat may do this.
restart-error-not_found = That unit or plan is not one of this working group's, or it already has a plan.
restart-error-not_idle = Only an idle or semi-active unit gets a restart plan.
restart-error-has_plan = This unit already has a restart plan.
restart-error-invalid_title = Write the milestone in 3–200 characters.
restart-error-invalid_agency = Choose the agency from the list.
restart-error-invalid_date = Type a Jalali date from today up to two years ahead (e.g. 1405/10/15).
restart-error-invalid_move = The unit is already at that status or beyond.
restart-error-no_milestones = A plan needs 1–10 milestones.

## county desk
invitations-role-COUNTY_DESK = County desk
county-desk-ask-county = Which county will this desk serve? (or type a few letters of its name)
county-desk-of = county desk of { $county }
county-desk-unit-county = The unit is registered in your county, { $county }.
intake-error-other_county = That unit is registered in another county; a county desk files only for its own county's units.
help-section-county = County desk (your county's cases only):
county-desk-queue-filter = 📍 County
county-desk-queue-pick-county = Show the cases of which county?
