## General
error-unavailable = We can't reach our database right now. Nothing you have entered is lost; please try again in a few minutes.
error-unexpected = Sorry, something went wrong. Your information is safe; please try again.
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

## Start and menu
start-welcome =
    Hello { $name }!
    This is the bot of the secretariat of the working group for removing obstacles to production. If your production unit faces a utility cut-off warning (electricity, gas, water), an overdue loan, a stuck permit or inquiry, or any other obstacle, report it here before it becomes irreversible: your case reaches the working group's secretariat with a tracking code and we tell you about every step.
    To begin, register your production unit.
start-welcome-back = Welcome back, { $name }.
start-flow-in-progress = You have something in progress; everything you entered is kept. Continue where you were, or /cancel.
help-text =
    Help:
    /report — report a problem
    /cases — my cases
    /register — register a production unit
    /language — change language
    /cancel — cancel what is in progress
    At every step the "Back" button returns to the previous one.
menu-title = Main menu:
menu-report = 📝 Report a problem
menu-my-cases = 📂 My cases
menu-register-unit = 🏭 Register a production unit
menu-language = 🌐 زبان / Language
language-choose = زبان را انتخاب کنید / Choose your language:
language-changed = Language set to English.

## Commands (the menu next to the input field; src/bot/commands.ts)
command-start = Start and main menu
command-report = Report a problem
command-cases = My cases
command-register = Register a production unit
command-language = Change language
command-help = Help
command-cancel = Cancel what is in progress

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
report-submit-unavailable = Not sent: we can't reach our database right now. Your draft is kept; press "Send to the secretariat" again in a few minutes.
report-submitted =
    Your report is registered. Tracking code: { $code }
    The working group's secretariat will review the case and refer it to the responsible agency; we will tell you about every step here. If more information is needed you will be asked.
report-submitted-critical =
    Your report is registered and was flagged as URGENT to the working group's secretariat at once. Tracking code: { $code }
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
case-days-left = in { $days } days
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
cases-title = Your cases ({ $total } cases — page { $page } of { $pages }):
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
